"""Compare setups of the confidence fit held out, by round (developers only).

scripts/train_confidence.py fits one ``SETUP``; this codes the annotated DEV articles once and
prints pooled leave-one-round-out figures (each round scored by a fit on the other rounds,
``trigger_rate`` too), so a setup is chosen on text it was not fitted on:

``--grid``: by trigger_rate smoothing (type prior, trigger prior, least count), features left
out (none or ``SETUP.dropped``) and L2 penalty, at the publishing cut 0.5;
``--cuts``: ``SETUP`` at other publishing cuts (the precision and recall trade-off);
``--select``: a nested backward elimination of features (run on the other rounds of each fold
only), how many folds drop each feature, and whether eliminating beats keeping every feature.

    PYTHONPATH=src OPENBLAS_NUM_THREADS=1 python scripts/confidence_setups.py [--grid] [--cuts] [--select]
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import train_confidence as tc

from newsevents.eval.news_texts import eval_dir_or_exit

SMOOTHINGS = ((5, 5, 5), (10, 10, 5), (5, 5, 10), (5, 2, 3), (3, 3, 3), (1, 1, 2))


def cuts(rows: list[tc.Row], p: np.ndarray, gold_count: dict[str, int]) -> None:
    """The held-out trade-off: what publishing at other cuts than 0.5 would give."""
    total = sum(gold_count.values())
    tc.show({f"cut {c:.2f}": tc.figures(rows, p, total, c) for c in np.arange(0.3, 0.76, 0.05)},
            "held out, by publishing cut")


def grid(rows: list[tc.Row], gold_count: dict[str, int]) -> None:
    """Pooled held-out figures at 0.5 by trigger_rate smoothing, features left out and penalty."""
    names, total = tc.feature_names(rows), sum(gold_count.values())
    print(f"{'priors, min':>12} {'dropped':>7} {'l2':>4} {'published':>9} {'type':>6} {'type+actor':>10} "
          f"{'recall':>7} {'logloss':>8}")
    for a, b, least in SMOOTHINGS:
        base = tc.Setup(type_prior=a, trigger_prior=b, trigger_min=least)
        parts = tc.folds(rows, base, names)
        for dropped in ((), tc.SETUP.dropped):
            for l2 in (0.5, 1.0, 2.0, 4.0):
                setup = replace(base, l2=l2, dropped=dropped)
                f = tc.figures(rows, tc.held_out(parts, names, setup), total)
                print(f"{f'{a}, {b}, {least}':>12} {len(dropped):7d} {l2:4.1f} {f['published']:9d} "
                      f"{f['type']:6.3f} {f['actor']:10.3f} {f['gold_recall']:7.3f} {f['logloss']:8.4f}")


def eliminated(rows: list[tc.Row], setup: tc.Setup, names: list[str]) -> tuple[str, ...]:
    """The features a backward elimination on these rows' own leave-one-round-out log loss
    drops (one at a time, while the loss falls by 2e-4 or more)."""
    parts, y = tc.folds(rows, setup, names), tc.labels(rows)

    def loss(dropped: tuple[str, ...]) -> float:
        return tc.log_loss(y, tc.held_out(parts, names, replace(setup, dropped=dropped)))

    dropped, best = (), loss(())
    while True:
        trial, name = min((loss((*dropped, n)), n) for n in names if n not in dropped)
        if trial > best - 2e-4:
            return dropped
        best, dropped = trial, (*dropped, name)


def select(rows: list[tc.Row], gold_count: dict[str, int], setup: tc.Setup) -> None:
    """Nested: per held-out round, what elimination on the other rounds alone drops, and the
    pooled held-out figures of eliminating then fitting against fitting every feature."""
    names, total = tc.feature_names(rows), sum(gold_count.values())
    base = replace(setup, dropped=())
    parts = tc.folds(rows, base, names)
    chosen = np.zeros(len(rows))
    times: Counter[str] = Counter()
    for part in parts:
        dropped = eliminated([r for r, h in zip(rows, part.held, strict=True) if not h], base, names)
        times.update(dropped)
        chosen[part.held] = tc.held_out([part], names, replace(base, dropped=dropped))[part.held]
    print("dropped in how many of the", len(parts), "folds:",
          ", ".join(f"{n} {k}" for n, k in times.most_common()))
    tc.show({"every feature": tc.figures(rows, tc.held_out(parts, names, base), total),
             "eliminated": tc.figures(rows, chosen, total)}, "held out, nested feature elimination")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=None, help="the shared eval folder")
    parser.add_argument("--grid", action="store_true", help="figures per smoothing, features and penalty")
    parser.add_argument("--cuts", action="store_true", help="figures per publishing cut")
    parser.add_argument("--select", action="store_true", help="the nested feature elimination")
    args = parser.parse_args()
    folder = eval_dir_or_exit(args.eval_dir)
    rows, gold_count, _ = tc.collect(folder)
    table, p = tc.leave_one_round_out(rows, gold_count, tc.SETUP)
    tc.show({"Setup()": tc.leave_one_round_out(rows, gold_count, tc.Setup())[0]["pooled"],
             "SETUP": table["pooled"]}, "held out, pooled: the default setup and the chosen one")
    if args.grid:
        grid(rows, gold_count)
    if args.cuts:
        cuts(rows, p, gold_count)
    if args.select:
        select(rows, gold_count, tc.SETUP)


if __name__ == "__main__":
    main()
