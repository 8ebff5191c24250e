"""Research: the learned p(type) confidence feature, tested once on the two newest DEV rounds.

Pre-registered (scripts/learned_types_results.md): exactly the variant the nested leave-one-round-
out found best, p(type) of the trigger's head token (families lemma, word, lexicon, tag; L2 3e-4;
2^16 buckets), as one more feature of train_confidence's SETUP, unchanged. Time split: TRAIN is
the nineteen rounds D to BA-BC, TEST the rounds BD-BF and BG-BI. The type model that scores TEST
is fitted on TRAIN; each TRAIN row's value comes from a model of the other TRAIN folds (grouped
4-fold by round, interleaved in draw order, as learned_types_loro.py does). The confidence model
is fitted on TRAIN twice, without and with the feature (``trigger_rate`` out of fold by round on
TRAIN, from all of TRAIN on TEST), and TEST is scored with each: train_confidence's figures at
0.5 per round and together, the same at the baseline's published count, and the log loss change
with a 95% interval by resampling TEST articles.

    PYTHONPATH=src python scripts/learned_types_time.py [--eval-dir DIR]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import learned_types as lt
import learned_types_loro as loro
import train_confidence as tc

TEST = ("BD-BF", "BG-BI")
TRAIN = tuple(r for r in lt.ORDER if r not in TEST)


def values(rows: list[tc.Row], heads: loro.Heads, data: lt.Data, classes: list[str]) -> loro.Values:
    """Row index -> (p(its type), p(NONE)): TEST rows from the model of all TRAIN, TRAIN rows
    from the model of the TRAIN folds other than their own."""
    named = [r.key.split(" ", 1)[0] for r in rows]
    types = [classes.index(t) if t in classes else 0 for t in named]
    rounds = [r for r in TRAIN if r in data]
    test = [i for i, r in enumerate(rows) if r.round in TEST]
    found = loro.scored(lt.fit_on(data, rounds, len(classes)), heads, types, test)
    for k in range(loro.INNER):
        fold = rounds[k::loro.INNER]
        weights = lt.fit_on(data, [r for r in rounds if r not in fold], len(classes))
        found |= loro.scored(weights, heads, types, [i for i, r in enumerate(rows) if r.round in fold])
        print(f"  fitted fold {k + 1} of {loro.INNER}", file=sys.stderr, flush=True)
    return found


def confidence(rows: list[tc.Row], found: loro.Values | None) -> np.ndarray:
    """Each TEST row's probability from SETUP fitted on TRAIN, with the feature if given."""
    setup = tc.SETUP
    names = tc.feature_names(rows) + (["learned"] if found is not None else [])

    def given(i: int) -> tc.Row:
        if found is None:
            return rows[i]
        learned = found.get(i, (0.0, 1.0))[0]  # no head token: as if the type were unheard of
        return replace(rows[i], features={**rows[i].features, "learned": learned})

    held = np.array([r.round in TEST for r in rows])
    train = [given(i) for i, r in enumerate(rows) if r.round not in TEST]
    test = tc.rated([given(i) for i, r in enumerate(rows) if r.round in TEST], tc.rates(train, setup))
    train = tc.out_of_fold(train, setup)
    part = tc.Fold(held, tc.matrix(train, names), tc.labels(train), tc.matrix(test, names))
    return tc.held_out([part], names, setup)[held]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("/work/shared/eval"))
    args = parser.parse_args()
    rows, gold_count, docs = lt.coded(args.eval_dir)
    assert set(gold_count) == set(TRAIN) | set(TEST), sorted(gold_count)
    batch = tc.batches()
    golds = {a: g for a, g in lt.gold_events(args.eval_dir).items() if tc.ROUNDS[batch[a]] in TRAIN}
    classes = [lt.NONE, *sorted({e["type"] for g in golds.values() for e in g["events"]})]
    data = lt.examples(docs, golds, lt.FAMILIES, classes)
    heads = loro.row_tokens(rows, docs, lt.FAMILIES)
    test_rows = [r for r in rows if r.round in TEST]
    headless = sum(h is None for h, r in zip(heads, rows, strict=True) if r.round in TEST)
    print(f"TRAIN: {len(rows) - len(test_rows)} candidate rows, {sum(gold_count[r] for r in TRAIN)} gold "
          f"events; TEST: {len(test_rows)} rows, {sum(gold_count[r] for r in TEST)} gold events, "
          f"{headless} without a head token")
    found = values(rows, heads, data, classes)
    before, after = confidence(rows, None), confidence(rows, found)
    print("| model | rows | published | type | type+actor | all | gold recall | log loss |")
    print("|---|---|---|---|---|---|---|---|")
    parts = {"both": np.ones(len(test_rows), dtype=bool)} | {
        name: np.array([r.round == name for r in test_rows]) for name in TEST}
    lines = []
    for label, p in (("without", before), ("p(type)", after)):
        for part, mask in parts.items():
            chosen = [r for r, m in zip(test_rows, mask, strict=True) if m]
            gold = sum(gold_count[n] for n in TEST) if part == "both" else gold_count[part]
            cuts = {"0.5": 0.5}
            if label != "without":
                base = tc.figures(chosen, before[mask], gold)["published"]
                scores = [round(round(q, 3) * r.held, 3) for r, q in zip(chosen, p[mask], strict=True)]
                cuts[f"equal count ({base})"] = sorted(scores, reverse=True)[base - 1] if base else 2.0
            for cut_name, cut in cuts.items():
                f = tc.figures(chosen, p[mask], gold, cut=cut)
                lines.append(f"| {label} | {part}, {cut_name} | {f['published']} | {f['type']:.3f} | "
                             f"{f['actor']:.3f} | {f['all']:.3f} | {f['gold_recall']:.3f} | "
                             f"{f['logloss']:.4f} |")
    print("\n".join(lines))
    print(f"p(type) against without, TEST: {loro.paired(test_rows, before, after)}")


if __name__ == "__main__":
    main()
