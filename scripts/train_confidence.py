"""Fit the confidence model on the DEV news gold set and write its weights (developers only).

Every event the pipeline extracts from the annotated DEV articles that is neither negated nor
hypothetical, whatever its confidence, is graded with the matching and field rules of
``newsevents eval news``; its label is "right in type and in actor" (``TARGET``). A logistic
regression with an L2 penalty (Newton's method, deterministic, numpy only) is fitted on the
features of ``newsevents.extract.scoring.features``. ``trigger_rate`` (how often events of
the type and trigger word were right) is estimated from other rounds only: in the shipped fit
each round's events get the rate of the other rounds, and the rates written are from all. It
first prints a leave-one-round-out
table (each draw round of the DEV sample held out in turn, fitted on the others): per held-out
round and pooled, how many events are published (>= 0.5, after the fixed factors of
scoring.held_down), the share right in type, in actor and in all fields, how many events right
in type stay published, the share of gold events found right in type, and the log loss on the
label (rates and weights both from the other rounds). Then it fits on every annotated DEV
article and writes ontology/data/confidence.yaml
(``--dry-run``: print only). Articles of rounds without gold (``UNANNOTATED``) are never read;
TEST is never read.

    PYTHONPATH=src python scripts/train_confidence.py [--eval-dir DIR] [--grid] [--dry-run]
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from newsevents.eval import news
from newsevents.eval.news_gold import SPLITS
from newsevents.eval.news_texts import find_eval_dir
from newsevents.extract import scoring
from newsevents.ontology.load import DATA_DIR
from newsevents.pipeline import Pipeline

# The DEV draw rounds by annotator batch (news_sample_dev.tsv); a round is held out as a whole.
ROUNDS = {"D": "D", "E": "EF", "F": "EF", "G": "GH", "H": "GH", "I": "IJ", "J": "IJ",
          "K": "KLM", "L": "KLM", "M": "KLM", "N": "NOP", "O": "NOP", "P": "NOP",
          "Q": "QRS", "R": "QRS", "S": "QRS", "T": "TUV", "U": "TUV", "V": "TUV"}
UNANNOTATED = frozenset({"T", "U", "V"})  # batches being annotated blind: never coded
TARGET = "actor_right"  # the label fitted: right in type and in actor (a Row attribute)
L2 = 1.0  # chosen on the leave-one-round-out figures (--grid), not on the training fit
DROPPED: tuple[str, ...] = ()  # feature name prefixes left out, chosen the same way
# trigger_rate: a type's rate is shrunk to the average by TYPE_PRIOR pseudo-events, a trigger's
# to its type's by TRIGGER_PRIOR; a trigger seen fewer than TRIGGER_MIN times keeps its type's
TYPE_PRIOR, TRIGGER_PRIOR, TRIGGER_MIN = 5.0, 5.0, 5
OUT = DATA_DIR / "confidence.yaml"


@dataclass(slots=True)
class Row:
    round: str
    features: dict[str, float]
    type_right: bool
    actor_right: bool
    all_right: bool
    held: float  # the product of the fixed factors (scoring.held_down) that apply
    gold: tuple[str, int] | None  # (article id, index of the gold event it matched)
    key: str  # scoring.rate_key: event type and trigger words


def batches() -> dict[str, str]:
    """Article id -> annotator batch, from the DEV sample file."""
    found = {}
    for line in SPLITS["dev"].sample.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or cells[0] == "article_id":
            continue
        found[cells[0]] = cells[-1]
    return found


def collect(folder: Path) -> tuple[list[Row], dict[str, int], dict[str, int]]:
    """Graded candidate events with their features, the gold events and articles per round."""
    batch = batches()
    articles = [a for a in news.load_gold(folder, SPLITS["dev"].gold_dir)
                if batch.get(a.text.article_id) not in UNANNOTATED]
    seen: dict[str, dict[str, float]] = {}
    features: Callable[..., dict[str, float]] = scoring.features

    def keeping(evidence: Any, event: Any, *context: Any) -> dict[str, float]:
        seen[event.id] = found = features(evidence, event, *context)
        return found

    scoring.features = keeping  # type: ignore[assignment]
    factors = scoring.model()["factors"]
    rows, gold_count = [], {}
    try:
        for item, events in news._coded(articles, Pipeline()):
            article_id = item.text.article_id
            name = ROUNDS[batch[article_id]]
            gold_events = item.gold["events"]
            gold_count[name] = gold_count.get(name, 0) + len(gold_events)
            for event in events:
                if event.negated or event.hypothetical:
                    continue
                gold = news.match(event, gold_events)
                right = news.grade(event, gold)
                held = scoring.held_down(event)
                factor = float(np.prod([f for k, f in factors.items() if held[k]]))
                place = (article_id, gold_events.index(gold)) if gold is not None else None
                rows.append(Row(name, seen[event.id], bool(right["type"]),
                                bool(right["type"] and right["actor"]),
                                all(right[n] for n in news.FIELDS), factor, place,
                                scoring.rate_key(event)))
    finally:
        scoring.features = features  # type: ignore[assignment]
    per_round = Counter(ROUNDS[batch[a.text.article_id]] for a in articles)
    return rows, gold_count, dict(per_round)


def labels(rows: list[Row]) -> np.ndarray:
    return np.array([getattr(r, TARGET) for r in rows], dtype=float)


def matrix(rows: list[Row], names: list[str]) -> np.ndarray:
    return np.array([[r.features.get(n, 0.0) for n in names] for r in rows], dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[float, np.ndarray]:
    """Intercept and weights of an L2-penalised logistic regression (Newton's method)."""
    design = np.hstack([np.ones((len(x), 1)), x])
    penalty = np.full(design.shape[1], l2)
    penalty[0] = 0.0  # the intercept is not shrunk
    beta = np.zeros(design.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-design @ beta))
        gradient = design.T @ (p - y) + penalty * beta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(beta[0]), beta[1:]


def predict(x: np.ndarray, intercept: float, weights: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(intercept + x @ weights)))


def figures(rows: list[Row], p: np.ndarray, gold_events: int) -> dict[str, float]:
    # rounded as scoring.score_events rounds, so the count is what the pipeline publishes
    published = [r for r, q in zip(rows, p, strict=True) if round(round(q, 3) * r.held, 3) >= 0.5]
    found = {r.gold for r in published if r.type_right}
    n = len(published) or 1
    return {
        "published": len(published),
        "type": sum(r.type_right for r in published) / n,
        "all": sum(r.all_right for r in published) / n,
        "right_kept": sum(r.type_right for r in published),
        "right_all": sum(r.type_right for r in rows),
        "gold_recall": len(found) / (gold_events or 1),
        "actor": sum(r.actor_right for r in published) / n,
        "logloss": float(-np.mean([np.log(q if getattr(r, TARGET) else 1 - q)
                                   for r, q in zip(rows, np.clip(p, 1e-6, 1 - 1e-6), strict=True)])),
    }


def rates(rows: list[Row]) -> dict[str, dict[str, float]]:
    """Smoothed log-odds of the label by event type and by type and trigger, less the average's."""
    def logit(q: float) -> float:
        return math.log(q / (1 - q))

    y = labels(rows)
    average = float(y.mean())
    by_type: dict[str, list[float]] = {}
    by_key: dict[str, list[float]] = {}
    for row, label in zip(rows, y, strict=True):
        by_type.setdefault(row.key.split(" ", 1)[0], []).append(label)
        by_key.setdefault(row.key, []).append(label)
    types = {t: (sum(v) + TYPE_PRIOR * average) / (len(v) + TYPE_PRIOR) for t, v in by_type.items()}
    triggers = {
        k: logit((sum(v) + TRIGGER_PRIOR * types[k.split(" ", 1)[0]]) / (len(v) + TRIGGER_PRIOR))
        - logit(types[k.split(" ", 1)[0]])
        for k, v in by_key.items() if len(v) >= TRIGGER_MIN
    }
    return {"types": {t: logit(q) - logit(average) for t, q in types.items()}, "triggers": triggers}


def rated(rows: list[Row], table: dict[str, dict[str, float]]) -> list[Row]:
    """The rows with ``trigger_rate`` from the table (made from other rows)."""
    return [replace(r, features={**r.features, "trigger_rate": scoring.trigger_rate(r.key, table)})
            for r in rows]


def out_of_fold(rows: list[Row]) -> list[Row]:
    """The rows with each round's ``trigger_rate`` from the other rounds: what a fit may see."""
    found = []
    for name in sorted({r.round for r in rows}):
        found += rated([r for r in rows if r.round == name], rates([r for r in rows if r.round != name]))
    return found


def feature_names(rows: list[Row], dropped: tuple[str, ...]) -> list[str]:
    names = sorted({n for r in rows for n in r.features})
    return [n for n in names if not n.startswith(dropped)]


def leave_one_round_out(
    rows: list[Row], gold_count: dict[str, int], l2: float, dropped: tuple[str, ...]
) -> dict[str, dict[str, float]]:
    """Figures per held-out round, and pooled over the held-out predictions."""
    names = feature_names(rows, dropped)
    pooled = np.zeros(len(rows))
    table = {}
    for name in sorted(gold_count):
        held = np.array([r.round == name for r in rows])
        train = [r for r in rows if r.round != name]
        test = rated([r for r in rows if r.round == name], rates(train))
        train = out_of_fold(train)
        intercept, weights = fit(matrix(train, names), labels(train), l2)
        pooled[held] = predict(matrix(test, names), intercept, weights)
        table[name] = figures(test, pooled[held], gold_count[name])
    table["pooled"] = figures(rows, pooled, sum(gold_count.values()))
    return table


def show(table: dict[str, dict[str, float]], title: str) -> None:
    print(title)
    print(f"{'round':>8} {'published':>9} {'type':>6} {'actor':>6} {'all':>6} {'right kept':>11} "
          f"{'gold recall':>11} {'logloss':>8}")
    for name, f in table.items():
        print(f"{name:>8} {f['published']:9d} {f['type']:6.3f} {f['actor']:6.3f} {f['all']:6.3f} "
              f"{f['right_kept']:5d}/{f['right_all']:<5d} {f['gold_recall']:11.3f} {f['logloss']:8.3f}")


def grid(rows: list[Row], gold_count: dict[str, int]) -> None:
    """Pooled held-out figures for penalties and left-out feature groups."""
    groups = ("pos_", "date_", "sentence_", "actor_", "recipient", "quoted", "reported",
              "article_domain", "ambiguous", "place", "repeat", "historical", "mode", "trigger_rate")
    print(f"{'dropped':>16} {'l2':>5} {'published':>9} {'type':>6} {'all':>6} {'recall':>7} {'logloss':>8}")
    for dropped in [(), *((g,) for g in groups)]:
        for l2 in (0.3, 1.0, 3.0, 10.0):
            f = leave_one_round_out(rows, gold_count, l2, dropped)["pooled"]
            print(f"{','.join(dropped) or '-':>16} {l2:5.1f} {f['published']:9d} {f['type']:6.3f} "
                  f"{f['all']:6.3f} {f['gold_recall']:7.3f} {f['logloss']:8.3f}")


def write(
    intercept: float, weights: dict[str, float], table: dict[str, dict[str, float]], n_rows: int,
    n_articles: int, rounds: list[str],
) -> None:
    """The fitted model as confidence.yaml, with how it was trained in its header."""
    factors = scoring.model().get("factors", {})
    header = f"""\
# Confidence of an event (extract/scoring.py): the probability that it is right in type and in
# actor on real news, by a logistic regression over the features of scoring.features (a flag is
# 1.0; `prior` is the trigger sense's prior minus 0.5). Events at 0.5 and above are published.
# Written by scripts/train_confidence.py: fitted on the DEV split of the news gold set
# (docs/annotation.md), draw rounds {', '.join(rounds)} ({n_articles} annotated articles, {n_rows} candidate
# events that are neither negated nor hypothetical, labelled right when they match a gold event
# of their type with the right actor under the rules of `newsevents eval news`), L2 penalty {L2}
# on the weights, Newton's method (no random seed: the fit is deterministic). Never fitted on
# TEST. Do not edit the weights by hand: run the script.
#
# `rates` give the feature `trigger_rate`: smoothed log-odds that an event is right, by event
# type and by "TYPE trigger words" (seen {TRIGGER_MIN}+ times), less the average's; fitted with each
# round's rates taken from the other rounds.
#
# `factors` are not learned: hand rules of what is never published (scoring.held_down), which
# multiply the probability: a negated or hypothetical act, a doer that is a bare pronoun of no
# country, an off-topic event (extract/relevance.py).
"""
    body = {
        "intercept": round(intercept, 4),
        "weights": {name: round(w, 4) for name, w in sorted(weights.items()) if abs(w) >= 5e-5},
        "rates": {part: {k: round(v, 3) for k, v in sorted(found.items())} for part, found in table.items()},
        "factors": factors,
    }
    OUT.write_text(header + yaml.safe_dump(body, sort_keys=False), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=None, help="the shared eval folder")
    parser.add_argument("--grid", action="store_true", help="also print held-out figures per setting")
    parser.add_argument("--dry-run", action="store_true", help="do not write confidence.yaml")
    args = parser.parse_args()
    folder = args.eval_dir or find_eval_dir(Path.cwd())
    if folder is None:
        raise SystemExit("no shared/eval folder here or above; give --eval-dir")
    rows, gold_count, articles = collect(folder)
    if args.grid:
        grid(rows, gold_count)
    show(leave_one_round_out(rows, gold_count, L2, DROPPED), f"held out by round (L2 {L2})")
    rounds = sorted(gold_count)
    kept = out_of_fold(rows)
    names = feature_names(kept, DROPPED)
    intercept, weights = fit(matrix(kept, names), labels(kept), L2)
    fitted = figures(kept, predict(matrix(kept, names), intercept, weights), sum(gold_count.values()))
    show({"fitted": fitted}, f"fitted on rounds {', '.join(rounds)} (in-sample)")
    if not args.dry_run:
        weighed = dict(zip(names, weights.tolist(), strict=True))
        write(intercept, weighed, rates(rows), len(kept), sum(articles.values()), rounds)
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
