"""Fit the confidence model on the DEV news gold set and write its weights (developers only).

Every event the pipeline extracts from the annotated DEV articles that is neither negated nor
hypothetical, whatever its confidence, is graded with the matching and field rules of
``newsevents eval news``; its label is "right in type and in actor" (``TARGET``). A logistic
regression with an L2 penalty (Newton's method, deterministic, numpy only) is fitted on the
features of ``newsevents.extract.scoring.features``; ``trigger_rate`` (how often events of the
type and trigger word were right) and ``learned_type`` (train_learned_types.nested) always
come from other rounds than the event's own.

The articles are coded once. The honest measure is leave one round out: each draw round of the
DEV sample is scored by a fit on the other six (their rates too), and the held-out predictions
are pooled; in-sample figures hide overfitting. It prints, per round and pooled, the events
published at 0.5 (after the fixed factors of scoring.held_down) with ``eval news``'s type
precision and type recall, the share right in type and actor (the label) and in all fields,
and the log loss (scripts/confidence_setups.py compares setups on it). Then it fits ``SETUP``
on every annotated DEV article and writes ontology/data/confidence.yaml (``--dry-run``: print
only). Rounds without gold (``UNANNOTATED``) and TEST are never read.

    PYTHONPATH=src python scripts/train_confidence.py [--eval-dir DIR] [--dry-run]
"""

from __future__ import annotations

import argparse
import math
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from newsevents.eval import metrics, news
from newsevents.eval.news_gold import SPLITS
from newsevents.eval.news_texts import eval_dir_or_exit
from newsevents.extract import learned_context as lc
from newsevents.extract import learned_types as lt
from newsevents.extract import scoring
from newsevents.ontology.load import DATA_DIR
from newsevents.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).parent))
import train_learned_types as tl
from draw_news_sample import DRAWS


def _round_name(batches: tuple[str, ...]) -> str:
    """A draw round's name in the printed tables: its batches run together ("KLM"), or the first
    and last joined by a hyphen when a batch name has two letters ("Z-AB")."""
    return "".join(batches) if all(len(b) == 1 for b in batches) else f"{batches[0]}-{batches[-1]}"


# The DEV draw rounds by annotator batch, in draw order (scripts/draw_news_sample.py, the one list
# of rounds); a round is held out as a whole.
ROUNDS = {batch: _round_name(one.batches) for one in DRAWS["dev"].rounds for batch in one.batches}
# batches held out (being annotated blind, or kept to score a session's code): never coded. CH-CV
# tested refits and rules of sessions 24 to 26 and joined session 27's refit (scripts/refit_results.md,
# rule_results.md); CW-CY and CZ-DB (annotated blind in session 27) tested that refit; DC-DE and DF-DH
# (session 28) tested a refit on CW-DB that failed; DI-DK and DL-DN (annotated blind at its end)
# tested session 29's refit on CW-DH, which failed too; DO-DQ and DR-DT are annotated blind in session 29,
# DU-DW, DX-DZ, EA-EC and ED-EF in session 30, EG-EI, EJ-EL and EM-EO in session 31; CW-EO join
# session 32's refit, which EP-ER and ES-EU (annotated blind in session 32) test; EV-EX annotated
# blind at its end; CW-EX join session 33's refit, which EY-FA (annotated blind in session 33) test;
# FB-FD are annotated blind in session 34 and test its refit; FE-FG are annotated blind at its end;
# FH-FJ are annotated blind in session 35 and test its refit; FK-FM are annotated blind at its end;
# FN-FP are annotated blind in session 36 and test its refit; FQ-FS are annotated blind at its end;
# FB-FP join session 37's refit, which FQ-FS and FT-FV (annotated blind in session 37) test;
# FW-FY and FZ-GB are annotated blind at its end; GC-GE are annotated blind in session 38; FQ-FV
# join session 38's refit, which FW-GB test; GF-GH are annotated blind at its end; GI-GK are annotated
# blind in session 39, GL-GN at its end; GO-GR (the pool's last 42 ECB+ texts) in session 40; FW-GH
# join session 40's refit, which GI-GN test
UNANNOTATED: frozenset[str] = frozenset({"GI", "GJ", "GK", "GL", "GM", "GN", "GO", "GP", "GQ", "GR"})
TARGET = "actor_right"  # the label fitted: right in type and in actor (a Row attribute)
CONTEXT_L2 = 1e-3  # learned_context's penalty: held out by round 3e-4 to 3e-3 did alike (confidence_tried.md)


@dataclass(frozen=True, slots=True)
class Setup:
    """What a fit is made with: the L2 penalty, the features left out, and how ``trigger_rate``
    is smoothed (a type's rate is shrunk to the average by ``type_prior`` pseudo-events, a
    trigger's to its type's by ``trigger_prior``; a trigger seen fewer than ``trigger_min``
    times keeps its type's)."""

    l2: float = 1.0
    dropped: tuple[str, ...] = ()
    type_prior: float = 5.0
    trigger_prior: float = 5.0
    trigger_min: int = 5


# Chosen on the pooled leave-one-round-out log loss (scripts/confidence_setups.py), never on the
# training fit. The features left out are those a backward elimination run inside each held-out
# fold (on the other six rounds only) dropped in six of the seven folds: noise. A trigger seen
# twice keeps its own rate (3 -> 2: pooled log loss 0.3435 -> 0.3408 over twelve rounds,
# type+actor 0.722 -> 0.727 at the same recall).
SETUP = Setup(l2=1.0, type_prior=5.0, trigger_prior=2.0, trigger_min=2, dropped=(
    "actor_sector", "background", "future", "missing_required_recipient", "quoted", "repeat_type",
    "sentence_first", "sentence_late", "sentence_political"))
# What other features were tried, and which was kept (learned_type): scripts/confidence_tried.md.
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
    learned: dict[str, float] = field(default_factory=dict)  # held-out round -> learned_type
    context: dict[str, float] = field(default_factory=dict)  # held-out round -> learned_context
    sentence: tuple[int, ...] = ()  # its sentence's bucket ids for learned_context (with its type)


def batches() -> dict[str, str]:
    """Article id -> annotator batch, from the DEV sample file."""
    found = {}
    for line in SPLITS["dev"].sample.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or cells[0] == "article_id":
            continue
        found[cells[0]] = cells[-1]
    return found


def dev_articles(folder: Path) -> list[news.GoldArticle]:
    """The annotated DEV articles developers may look at: every round but those held out
    (``UNANNOTATED``: being annotated blind, or kept to score a session's code)."""
    batch = batches()
    return [a for a in news.load_gold(folder, SPLITS["dev"].gold_dir)
            if batch.get(a.text.article_id) not in UNANNOTATED]


def collect(folder: Path) -> tuple[list[Row], dict[str, int], dict[str, int]]:
    """Graded candidate events with their features and ``learned_type`` values (nested, from
    the same parses), the gold events and articles per round."""
    batch = batches()
    articles = dev_articles(folder)
    seen: dict[str, tuple[dict[str, float], tuple[int, ...], tuple[str, ...]]] = {}
    features: Callable[..., dict[str, float]] = scoring.features

    def keeping(evidence: Any, event: Any, *context: Any) -> dict[str, float]:
        found = features(evidence, event, *context)
        seen[event.id] = found, evidence.type_ids, evidence.words
        return found

    scoring.features = keeping  # type: ignore[assignment]
    factors = scoring.model()["factors"]
    rows, gold_count, examples, heads = [], {}, {}, []
    golds = {a.text.article_id: a.gold for a in articles}
    try:
        with tl.recording(golds, examples, extract=True):
            coded = list(news._coded(articles, Pipeline()))
        for item, events in coded:
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
                rows.append(Row(name, seen[event.id][0], bool(right["type"]),
                                bool(right["type"] and right["actor"]),
                                all(right[n] for n in news.FIELDS), factor, place,
                                scoring.rate_key(event),
                                sentence=lc.context_ids(seen[event.id][2], event.event_type)))
                heads.append((name, seen[event.id][1], event.event_type))
    finally:
        scoring.features = features  # type: ignore[assignment]
    per_round = Counter(ROUNDS[batch[a.text.article_id]] for a in articles)
    by_round: dict[str, list[tl.Examples]] = {}
    for a in articles:
        by_round.setdefault(ROUNDS[batch[a.text.article_id]], []).append(examples[a.text.article_id])
    order = [r for r in dict.fromkeys(ROUNDS.values()) if r in by_round]
    learned = tl.nested(by_round, order, heads)
    context = tl.nested(context_examples(rows), order, [(r.round, r.sentence, lc.RIGHT) for r in rows],
                        fitter=context_fit)
    return [replace(r, learned=v, context={k: lc.log_odds(p) for k, p in c.items()})
            for r, v, c in zip(rows, learned, context, strict=True)], gold_count, dict(per_round)


def context_fit(parts: list[tl.Examples]) -> lt.Model:
    """learned_context's model of the examples (train_learned_types's softmax regression)."""
    return tl.fit(parts, CONTEXT_L2, lc.CLASSES)


def context_examples(rows: list[Row]) -> dict[str, list[tl.Examples]]:
    """Each round's candidates as learned_context's examples: the sentence's bucket ids, and
    whether the candidate is right as the confidence's label says."""
    found: dict[str, list[tl.Examples]] = {}
    for row in rows:
        ids, classes = found.setdefault(row.round, [([], [])])[0]
        ids.append(row.sentence)
        classes.append(int(getattr(row, TARGET)))
    return found


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


def log_loss(y: np.ndarray, p: np.ndarray) -> float:
    """The log loss ``newsevents eval news`` prints (eval/metrics.py), of labels and probabilities."""
    return metrics.log_loss(zip(p.tolist(), (y > 0.5).tolist(), strict=True))


def figures(rows: list[Row], p: np.ndarray, gold_events: int, cut: float = 0.5) -> dict[str, float]:
    """What ``newsevents eval news`` reports of the events published at ``cut``: their count,
    type precision ("type") and type recall of the gold events ("gold_recall") as it counts
    them; "actor" is the share right in type and actor (the label), "all" in every field."""
    # rounded as scoring.score_events rounds, so the count is what the pipeline publishes
    published = [r for r, q in zip(rows, p, strict=True) if round(round(q, 3) * r.held, 3) >= cut]
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
        "logloss": log_loss(labels(rows), p),
    }


def rates(rows: list[Row], setup: Setup) -> dict[str, dict[str, float]]:
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
    a, b = setup.type_prior, setup.trigger_prior
    types = {t: (sum(v) + a * average) / (len(v) + a) for t, v in by_type.items()}
    triggers = {
        k: logit((sum(v) + b * types[k.split(" ", 1)[0]]) / (len(v) + b)) - logit(types[k.split(" ", 1)[0]])
        for k, v in by_key.items() if len(v) >= setup.trigger_min
    }
    return {"types": {t: logit(q) - logit(average) for t, q in types.items()}, "triggers": triggers}


def rated(rows: list[Row], table: dict[str, dict[str, float]]) -> list[Row]:
    """The rows with ``trigger_rate`` from the table (made from other rows)."""
    return [replace(r, features={**r.features, "trigger_rate": scoring.trigger_rate(r.key, table)})
            for r in rows]


def out_of_fold(rows: list[Row], setup: Setup) -> list[Row]:
    """The rows with each round's ``trigger_rate`` from the other rounds: what a fit may see."""
    found = []
    for name in sorted({r.round for r in rows}):
        found += rated([r for r in rows if r.round == name],
                       rates([r for r in rows if r.round != name], setup))
    return found


def as_seen(rows: list[Row], name: str) -> list[Row]:
    """The rows with ``learned_type`` and ``learned_context`` as a fit holding out round ``name``
    (or ``tl.FINAL``) may see them; rows without nested values (made-up ones) are left as they are."""
    return [replace(r, features={**r.features, "learned_type": r.learned[name],
                                 "learned_context": r.context[name]}) if r.learned else r
            for r in rows]


def feature_names(rows: list[Row], dropped: tuple[str, ...] = ()) -> list[str]:
    return [n for n in sorted({n for r in rows for n in r.features}) if n not in dropped]


@dataclass(slots=True)
class Fold:
    """One round held out: the other rounds' features (each round's rate from the rest of
    them) and labels to fit on, and the round's features (rates from all the others)."""

    held: np.ndarray  # which rows are the round's
    train_x: np.ndarray
    train_y: np.ndarray
    test_x: np.ndarray


def folds(rows: list[Row], setup: Setup, names: list[str]) -> list[Fold]:
    found = []
    for name in sorted({r.round for r in rows}):
        train = as_seen([r for r in rows if r.round != name], name)
        test = rated(as_seen([r for r in rows if r.round == name], name), rates(train, setup))
        train = out_of_fold(train, setup)
        found.append(Fold(np.array([r.round == name for r in rows]), matrix(train, names),
                          labels(train), matrix(test, names)))
    return found


def held_out(parts: list[Fold], names: list[str], setup: Setup) -> np.ndarray:
    """Each row's probability from the fit on the other rounds, with ``setup.dropped`` left out."""
    keep = [i for i, n in enumerate(names) if n not in setup.dropped]
    p = np.zeros(len(parts[0].held))
    for part in parts:
        intercept, weights = fit(part.train_x[:, keep], part.train_y, setup.l2)
        p[part.held] = predict(part.test_x[:, keep], intercept, weights)
    return p


def leave_one_round_out(
    rows: list[Row], gold_count: dict[str, int], setup: Setup
) -> tuple[dict[str, dict[str, float]], np.ndarray]:
    """Figures per held-out round and pooled over the held-out predictions, and those."""
    names = feature_names(rows)
    p = held_out(folds(rows, setup, names), names, setup)
    table = {}
    for name in sorted(gold_count):
        held = np.array([r.round == name for r in rows])
        table[name] = figures([r for r in rows if r.round == name], p[held], gold_count[name])
    table["pooled"] = figures(rows, p, sum(gold_count.values()))
    return table, p


def show(table: dict[str, dict[str, float]], title: str) -> None:
    print(title)
    print(f"{'':>12} {'published':>9} {'type':>6} {'type+actor':>10} {'all':>6} {'right kept':>11} "
          f"{'gold recall':>11} {'logloss':>8}")
    for name, f in table.items():
        print(f"{name:>12} {f['published']:9d} {f['type']:6.3f} {f['actor']:10.3f} {f['all']:6.3f} "
              f"{f['right_kept']:5d}/{f['right_all']:<5d} {f['gold_recall']:11.3f} {f['logloss']:8.3f}")


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
# of their type with the right actor under the rules of `newsevents eval news`), L2 penalty {SETUP.l2}
# on the weights, Newton's method (no random seed: the fit is deterministic). Never fitted on
# TEST. Do not edit the weights by hand: run the script.
#
# `rates` give the feature `trigger_rate`: smoothed log-odds that an event is right, by event
# type and by "TYPE trigger words" (seen {SETUP.trigger_min}+ times), less the average's; fitted with each
# round's rates taken from the other rounds. `learned_type` is p(the event's type | its trigger's
# head token) by ontology/data/learned_types.npz (scripts/train_learned_types.py), fitted with
# each round's value from a model refitted without it ({tl.INNER}-fold grouped by round);
# `learned_context` is the log-odds that the event is right by the words of its sentence
# (ontology/data/learned_context.npz, extract/learned_context.py, written with this file from the
# same candidates and labels), nested in the same way.
{textwrap.fill(f"Features left out as noise: {', '.join(SETUP.dropped)}.", 96,
               initial_indent="# ", subsequent_indent="# ")}
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
    parser.add_argument("--dry-run", action="store_true", help="do not write confidence.yaml")
    args = parser.parse_args()
    folder = eval_dir_or_exit(args.eval_dir)
    rows, gold_count, articles = collect(folder)
    show(leave_one_round_out(rows, gold_count, SETUP)[0], f"held out by round ({SETUP})")
    rounds = sorted(gold_count)
    kept = out_of_fold(as_seen(rows, tl.FINAL), SETUP)
    names = feature_names(kept, SETUP.dropped)
    intercept, weights = fit(matrix(kept, names), labels(kept), SETUP.l2)
    fitted = figures(kept, predict(matrix(kept, names), intercept, weights), sum(gold_count.values()))
    show({"fitted": fitted}, f"fitted on rounds {', '.join(rounds)} (in-sample)")
    if not args.dry_run:
        weighed = dict(zip(names, weights.tolist(), strict=True))
        write(intercept, weighed, rates(rows, SETUP), len(kept), sum(articles.values()), rounds)
        parts = [x for found in context_examples(rows).values() for x in found]
        lt.save(context_fit(parts), lc.MODEL_FILE, lc.FORMAT)
        print(f"wrote {OUT} and {lc.MODEL_FILE}")


if __name__ == "__main__":
    main()
