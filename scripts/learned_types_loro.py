"""Research: does the learned token-type model, as one more confidence feature, help held out by round?

The feature of a candidate event is what scripts/learned_types.py's model says of its trigger's
head token: log p(its type), log p(type) - log p(NONE), or p(type) (``VARIANTS``, all tried).
Measured only by train_confidence's leave-one-round-out, nested so nothing leaks: for held-out
round R the model that scores R's rows is fitted on the other rounds, and the training rows' own
values come from a grouped K-fold over those other rounds (a model that saw neither R nor the
row's round), as ``trigger_rate`` is. It prints the figures with and without the feature, pooled
(at 0.5, at the baseline's count, at its precision) and for the newest two rounds, the log loss
change with a 95% interval by resampling articles, and the ranking at 400 to 800 published.

    PYTHONPATH=src python scripts/learned_types_loro.py [--eval-dir DIR]

Held-out batches (train_confidence.UNANNOTATED) and TEST are never read.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).parent))
import learned_types as lt
import train_confidence as tc

INNER = 4  # grouped folds of the other rounds, for the training rows' own values
FLOOR = 1e-3  # probabilities are floored before the log: a rare type is not an outlier
VARIANTS: dict[str, Callable[[float, float], float]] = {
    "log_p": lambda p, none: float(np.log(max(p, FLOOR))),
    "log_p_vs_none": lambda p, none: float(np.log(max(p, FLOOR)) - np.log(max(none, FLOOR))),
    "p": lambda p, none: p,
}


Heads = list[np.ndarray | None]  # per candidate row, its trigger head's hashed features


def row_tokens(rows: list[tc.Row], docs: dict[str, Doc], families: tuple[str, ...]) -> Heads:
    """Each candidate's trigger head token as the model sees it."""
    lex = lt.lexicon()
    found: list[np.ndarray | None] = []
    for row in rows:
        assert row.trigger is not None
        head = lt.head_token(docs[row.trigger[0]], row.trigger[1], row.trigger[2])
        found.append(None if head is None else lt.hashed(lt.token_features(head, lex, families)))
    return found


Values = dict[int, tuple[float, float]]  # row index -> p(its type), p(NONE)
Nested = dict[str, tuple[Values, Values]]  # held-out round -> its rows' values, the others'


def scored(weights: np.ndarray, heads: Heads, types: list[int], chosen: list[int]) -> Values:
    """Row index -> (p(its type), p(NONE)) at its trigger's head, for the chosen rows."""
    rows = [i for i in chosen if heads[i] is not None]
    if not rows:
        return {}
    p = np.exp(lt.log_proba(weights, [heads[i] for i in rows]))  # type: ignore[misc]
    return {i: (float(p[n, types[i]]), float(p[n, 0])) for n, i in enumerate(rows)}


def nested(rows: list[tc.Row], heads: Heads, data: lt.Data, classes: list[str]) -> Nested:
    """For each held-out round: its rows' values (a model of the other rounds) and the other
    rows' values (each from a model of neither the held-out round nor the row's own fold)."""
    named = [r.key.split(" ", 1)[0] for r in rows]
    types = [classes.index(t) if t in classes else 0 for t in named]
    rounds = [r for r in lt.ORDER if r in data]
    found = {}
    for name in rounds:
        others = [r for r in rounds if r != name]
        own = [i for i, r in enumerate(rows) if r.round == name]
        outer = scored(lt.fit_on(data, others, len(classes)), heads, types, own)
        inner: Values = {}
        for k in range(INNER):
            fold = others[k::INNER]
            weights = lt.fit_on(data, [r for r in others if r not in fold], len(classes))
            inner |= scored(weights, heads, types, [i for i, r in enumerate(rows) if r.round in fold])
        found[name] = (outer, inner)
        print(f"  fitted for {name}", file=sys.stderr, flush=True)
    return found


def learned_loro(
    rows: list[tc.Row], gold_count: dict[str, int], values: Nested, variant: str,
) -> np.ndarray:
    """train_confidence's held-out probabilities with the learned value as one more feature."""
    setup, value = tc.SETUP, VARIANTS[variant]
    names = [*tc.feature_names(rows), "learned"]

    def given(i: int, found: Values) -> tc.Row:
        learned = value(*found.get(i, (0.0, 1.0)))  # no head token: as if the type were unheard of
        return replace(rows[i], features={**rows[i].features, "learned": learned})

    parts = []
    for name in sorted({r.round for r in rows}):
        outer, inner = values[name]
        train = [given(i, inner) for i, r in enumerate(rows) if r.round != name]
        test = [given(i, outer) for i, r in enumerate(rows) if r.round == name]
        test = tc.rated(test, tc.rates(train, setup))
        train = tc.out_of_fold(train, setup)
        parts.append(tc.Fold(np.array([r.round == name for r in rows]), tc.matrix(train, names),
                             tc.labels(train), tc.matrix(test, names)))
    return tc.held_out(parts, names, setup)


def lines(label: str, rows: list[tc.Row], gold_count: dict[str, int], p: np.ndarray, base: dict) -> list[str]:
    """Markdown rows: pooled at 0.5, pooled at the baseline's published count and at its type and
    type+actor precision (the most events kept at that precision or better), the newest two rounds."""
    effective = np.array([round(round(q, 3) * r.held, 3) for r, q in zip(rows, p, strict=True)])
    order = np.argsort(-effective, kind="stable")
    gold = sum(gold_count.values())
    parts = {"pooled": tc.figures(rows, p, gold),
             "pooled, equal count": tc.figures(rows, p, gold, cut=effective[order[base["published"] - 1]])}
    for field, name in (("type_right", "type"), ("actor_right", "actor")):
        right = np.cumsum([getattr(rows[i], field) for i in order]) / np.arange(1, len(rows) + 1)
        kept = int(np.nonzero(right >= base[name] - 1e-9)[0].max())
        parts[f"pooled, equal {name} precision"] = tc.figures(rows, p, gold, cut=effective[order[kept]])
    for name in ("AX-AZ", "BA-BC"):
        held = np.array([r.round == name for r in rows])
        parts[name] = tc.figures([r for r in rows if r.round == name], p[held], gold_count[name])
    return [f"| {label} | {part} | {f['published']} | {f['type']:.3f} | {f['actor']:.3f} | "
            f"{f['gold_recall']:.3f} | {f['all']:.3f} | {f['logloss']:.4f} |" for part, f in parts.items()]


def curve(rows: list[tc.Row], p: np.ndarray) -> str:
    """Type+actor precision and gold events found among the n most confident, n = 400..800:
    the ranking itself, apart from where 0.5 falls."""
    order = np.argsort([-round(round(q, 3) * r.held, 3) for r, q in zip(rows, p, strict=True)], kind="stable")
    right, found, seen = np.cumsum([rows[i].actor_right for i in order]), [], set()
    for i in order:
        seen |= {rows[i].gold} if rows[i].type_right and rows[i].gold else set()
        found.append(len(seen))
    return ", ".join(f"{n}: {right[n - 1] / n:.3f} {found[n - 1]}" for n in range(400, 801, 100))


def paired(rows: list[tc.Row], before: np.ndarray, after: np.ndarray) -> str:
    """How sure the log loss change is: rounds better, and a 95% interval by resampling articles."""
    y = tc.labels(rows)

    def loss(p: np.ndarray) -> np.ndarray:
        q = np.clip(p, 1e-6, 1 - 1e-6)
        return -(y * np.log(q) + (1 - y) * np.log(1 - q))

    change = loss(after) - loss(before)
    names = sorted({r.round for r in rows})
    better = sum(change[[r.round == n for r in rows]].mean() < 0 for n in names)
    articles = sorted({r.trigger[0] for r in rows if r.trigger})
    of = np.searchsorted(articles, [r.trigger[0] if r.trigger else "" for r in rows])
    sums, counts = np.bincount(of, change, len(articles)), np.bincount(of, minlength=len(articles))
    draws = np.random.default_rng(0).integers(0, len(articles), (2000, len(articles)))
    spread = np.percentile(sums[draws].sum(1) / counts[draws].sum(1), [2.5, 97.5])
    return (f"log loss {change.mean():+.4f} (95% by article {spread[0]:+.4f} to {spread[1]:+.4f}); "
            f"better in {better} of {len(names)} rounds")

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("/work/shared/eval"))
    args = parser.parse_args()
    rows, gold_count, docs = lt.coded(args.eval_dir)
    golds = lt.gold_events(args.eval_dir)
    classes = [lt.NONE, *sorted({e["type"] for g in golds.values() for e in g["events"]})]
    data = lt.examples(docs, golds, lt.FAMILIES, classes)
    heads = row_tokens(rows, docs, lt.FAMILIES)
    print(f"{len(rows)} candidate rows, {sum(h is None for h in heads)} without a head token; "
          f"{sum(gold_count.values())} gold events")
    path = lt.CACHE / f"values-{lt.source_key()}-{'-'.join(lt.FAMILIES)}-{lt.BITS}-{lt.L2}.pkl"
    values = pickle.loads(path.read_bytes()) if path.exists() else nested(rows, heads, data, classes)
    path.write_bytes(pickle.dumps(values))
    table, before = tc.leave_one_round_out(rows, gold_count, tc.SETUP)
    print("| model | rows | published | type | type+actor | gold recall | all | log loss |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(lines("without", rows, gold_count, before, table["pooled"])))
    notes = [f"without: {curve(rows, before)}"]
    for variant in VARIANTS:
        after = learned_loro(rows, gold_count, values, variant)
        print("\n".join(lines(variant, rows, gold_count, after, table["pooled"])))
        notes += [f"{variant}: {paired(rows, before, after)}", f"{variant}: {curve(rows, after)}"]
    print("\n".join(notes))


if __name__ == "__main__":
    main()
