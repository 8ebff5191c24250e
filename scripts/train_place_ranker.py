"""Fit the place ranker (extract/place_ranker.py) on the annotated DEV articles; write place_ranker.yaml.

Every candidate event the rules leave unplaced that matches a gold event of its type (neither
negated nor hypothetical) is one choice among its candidates (the article's places and "no place");
a candidate is right when `newsevents eval news` would grade that place right. A conditional logit
(softmax over an event's candidates, every right one counting) with an L2 penalty is fitted by
L-BFGS (no random seed). Before writing, it prints the place accuracy of type-right events, with the
rules alone and with the ranker held out by round (five folds of whole rounds), over every such
event and over the published ones. Never fitted on TEST, nor on the rounds
train_confidence.UNANNOTATED holds out.

    PYTHONPATH=src python scripts/train_place_ranker.py [--eval-dir DIR] [--dry-run]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import train_confidence as tc
import yaml
from train_learned_types import lbfgs

from newsevents.eval import news
from newsevents.eval.news_texts import eval_dir_or_exit
from newsevents.extract import events as events_module
from newsevents.extract.place_ranker import PlaceRanker, model, score
from newsevents.extract.points import at_capital, offset
from newsevents.ontology.load import DATA_DIR
from newsevents.pipeline import Pipeline
from newsevents.records import Event, Location

OUT = DATA_DIR / "place_ranker.yaml"
L2 = 2e-2  # held out by round on DEV, 1e-3 to 1e-1 tried: 2e-2 fixed most places for the fewest broken
FOLDS = 5


@dataclass(slots=True)
class Choice:
    """One type-right event: the rules' place right or not, and when they gave none, its candidates'
    features and which are right (the last candidate is "no place")."""

    round: str
    published: bool
    rules_right: bool
    features: list[dict[str, float]]
    right: list[bool]


@contextmanager
def recording(found: dict[str, list[tuple[Location | None, dict[str, float]]]]) -> Iterator[None]:
    """Keep every event's candidates as the rules leave them; the ranker changes nothing meanwhile."""
    real = events_module.rank_places

    def keep(events: list[Event], ranker: PlaceRanker) -> None:
        for event in events:
            if event.location is None and ranker.places:
                found[event.id] = [(None if p is None else at_capital(offset(p, ranker.text)), f)
                                   for p, f in ranker.candidates(event)]

    events_module.rank_places = keep  # type: ignore[assignment]
    try:
        yield
    finally:
        events_module.rank_places = real  # type: ignore[assignment]


def collect(folder: Path) -> list[Choice]:
    """The choices of every gold-matched, type-right candidate event of the DEV rounds developers see."""
    batch = tc.batches()
    articles = tc.dev_articles(folder)
    found: dict[str, list[tuple[Location | None, dict[str, float]]]] = {}
    with recording(found):
        coded = list(news._coded(articles, Pipeline()))
    choices = []
    for item, events in coded:
        gold_events = item.gold["events"]
        for event in events:
            if event.negated or event.hypothetical:
                continue
            gold = news.match(event, gold_events)
            if gold is None or not news.grade(event, gold)["type"]:
                continue
            candidates = found.get(event.id, [])
            choices.append(Choice(tc.ROUNDS[batch[item.text.article_id]], event.is_published(),
                                  news.place_right(event.location, gold), [f for _, f in candidates],
                                  [news.place_right(place, gold) for place, _ in candidates]))
    return choices


def fit(choices: list[Choice], names: list[str]) -> np.ndarray:
    """The conditional logit's weights: maximise the log of the probability of the right candidates."""
    usable = [c for c in choices if any(c.right)]  # of the events the rules left unplaced
    x = np.array([[f.get(n, 0.0) for n in names] for c in usable for f in c.features])
    y = np.array([r for c in usable for r in c.right], dtype=float)
    lengths = np.array([len(c.features) for c in usable])
    starts = np.r_[0, np.cumsum(lengths)[:-1]]
    group = np.repeat(np.arange(len(usable)), lengths)
    n = len(usable)

    def value(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        z = z - np.maximum.reduceat(z, starts)[group]
        e = np.exp(z)
        total = np.add.reduceat(e, starts)
        good = np.add.reduceat(e * y, starts)
        loss = -(np.log(good) - np.log(total)).mean() + 0.5 * L2 * (w @ w)
        p_all, p_good = e / total[group], e * y / good[group]
        grad = x.T @ (p_all - p_good) / n + L2 * w
        return float(loss), grad

    return lbfgs(value, np.zeros(len(names)), 500)


def held_out(choices: list[Choice], names: list[str]) -> list[bool]:
    """Each event's place right or not with the ranker fitted without its fold of rounds."""
    rounds = list(dict.fromkeys(c.round for c in choices))
    fold = {r: i % FOLDS for i, r in enumerate(rounds)}
    right = [c.rules_right for c in choices]
    for k in range(FOLDS):
        weights = dict(zip(names, fit([c for c in choices if fold[c.round] != k], names), strict=True))
        for i, c in enumerate(choices):
            if fold[c.round] == k and c.features:
                right[i] = c.right[int(np.argmax([score(f, weights) for f in c.features]))]
    return right


def write(weights: dict[str, float], n_choices: int, n_articles: int, table: str) -> None:
    header = f"""\
# The place ranker (extract/place_ranker.py): a conditional logit over the candidate places of an
# event the rules leave unplaced (the article's places and no place), by the named features of
# PlaceRanker.candidates; the event takes its best-scored candidate. Written by
# scripts/train_place_ranker.py: fitted on the DEV split of the news gold set (docs/annotation.md;
# {n_articles} annotated articles, {n_choices} unplaced candidate events that match a gold event of their
# type, a candidate right when `newsevents eval news` grades its place right), L2 penalty {L2},
# L-BFGS (deterministic). Never fitted on TEST. Do not edit by hand.
# Place accuracy held out by round ({FOLDS} folds of whole rounds):
{table}"""
    body = {"weights": {n: round(w, 4) for n, w in sorted(weights.items()) if abs(w) >= 5e-5}}
    OUT.write_text(header + yaml.safe_dump(body, sort_keys=False), encoding="utf-8")
    model.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=None, help="the shared eval folder")
    parser.add_argument("--dry-run", action="store_true", help="do not write place_ranker.yaml")
    args = parser.parse_args()
    folder = eval_dir_or_exit(args.eval_dir)
    choices = collect(folder)
    names = sorted({n for c in choices for f in c.features for n in f})
    ranked = held_out(choices, names)
    lines = []
    for label, published in (("every type-right candidate event", False), ("published", True)):
        idx = [i for i, c in enumerate(choices) if c.published or not published]
        unplaced = sum(bool(choices[i].features) for i in idx)
        lines.append(f"#   {label}: {len(idx)} events ({unplaced} unplaced by the rules), rules "
                     f"{sum(choices[i].rules_right for i in idx) / len(idx):.3f}, "
                     f"with the ranker {sum(ranked[i] for i in idx) / len(idx):.3f}")
    table = "\n".join(lines) + "\n"
    print(table, end="")
    w = fit(choices, names)
    weights: dict[str, Any] = dict(zip(names, map(float, w), strict=True))
    for n, v in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"{n:24} {v:+.3f}")
    if not args.dry_run:
        write(weights, sum(bool(c.features) for c in choices), len(tc.dev_articles(folder)), table)
        print("wrote", OUT)


if __name__ == "__main__":
    main()
