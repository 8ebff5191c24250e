"""Fit the learned token-type model on the DEV news gold set and write learned_types.npz.

Trained on every annotated DEV article (train_confidence.dev_articles; never TEST, never the
held-out batches): each VERB/NOUN token that is a trigger word of the lexicon (alone or with its
particle: what a candidate event's head is, so all the model is ever asked about) is an example
of a softmax regression over 17 classes (the 16 PLOVER types and NONE), labelled with the type
of the gold event whose trigger or ``also`` span it heads, else NONE (the other content tokens of
a span are left out). Features and hashing are newsevents.extract.learned_types's; L2 ``L2`` on
the mean token log loss, L-BFGS from zero (numpy only, deterministic). The variant and its
settings were chosen held out by round and tested once on the two newest rounds
(scripts/learned_types_results.md). train_confidence.py fits the same model per fold for
``learned_type`` out of fold.

    PYTHONPATH=src python scripts/train_learned_types.py [--eval-dir DIR]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from newsevents import pipeline as pipeline_module
from newsevents.eval import news
from newsevents.eval.news_texts import eval_dir_or_exit
from newsevents.extract import learned_types as lt
from newsevents.ontology.load import Ontology
from newsevents.pipeline import Pipeline
from newsevents.records import EVENT_TYPES

L2 = 3e-4  # the best held-out token log loss (scripts/learned_types_results.md)
INNER = 4  # grouped folds of rounds (interleaved in draw order) for values out of fold
FINAL = ""  # ``nested``'s key for the fit on every round
CLASSES = (lt.NONE, *sorted(EVENT_TYPES))
EXAMPLES = frozenset({"VERB", "NOUN"})
Examples = tuple[list[tuple[int, ...]], list[int]]  # bucket ids of each token, its class index


def in_lexicon(tok: Token, ontology: Ontology) -> bool:
    """The token is a trigger word of the lexicon, alone or with a child as its particle."""
    senses = ontology.triggers.get((tok.lemma_.lower(), tok.pos_), ())
    children = {c.lower_ for c in tok.children}
    return any(s.particle is None or s.particle in children for s in senses)


def token_labels(doc: Doc, gold: dict[str, Any]) -> dict[int, str]:
    """Token index -> the gold type it heads; "SKIP" for the other content tokens of a span."""
    found: dict[int, str] = {}
    for event in gold["events"]:
        for part in [event["trigger"], *event.get("also", [])]:
            span = doc.char_span(part["start"], part["end"], alignment_mode="expand") if part else None
            content = [t for t in span or () if t.pos_ in EXAMPLES]
            if not content:
                continue
            inside = {t.i for t in content}
            head = next((t for t in content if t.head.i not in inside or t.head.i == t.i), content[0])
            for t in content:
                found.setdefault(t.i, "SKIP")
            found[head.i] = event["type"]
    return found


def article_examples(doc: Doc, gold: dict[str, Any], ontology: Ontology) -> Examples:
    """The article's lexicon VERB/NOUN tokens as bucket ids, and their classes."""
    labels = token_labels(doc, gold)
    ids, classes = [], []
    for tok in doc:
        label = labels.get(tok.i, lt.NONE)
        if tok.pos_ in EXAMPLES and label != "SKIP" and in_lexicon(tok, ontology):
            ids.append(lt.token_ids(tok, ontology))
            classes.append(CLASSES.index(label))
    return ids, classes


@contextmanager
def recording(golds: dict[str, dict[str, Any]], found: dict[str, Examples], extract: bool) -> Iterator[None]:
    """While it lasts, the pipeline records each gold article's examples in ``found`` (by
    article id) from the very parse it codes, then extracts its events (``extract``) or none."""
    real: Callable[..., list[Any]] = pipeline_module.extract_events

    def extract_events(doc: Doc, article: Any, **options: Any) -> list[Any]:
        if article.id in golds:
            found[article.id] = article_examples(doc, golds[article.id], options["ontology"])
        return real(doc, article, **options) if extract else []

    pipeline_module.extract_events = extract_events  # type: ignore[assignment]
    try:
        yield
    finally:
        pipeline_module.extract_events = real  # type: ignore[assignment]


def lbfgs(value: Callable[[np.ndarray], tuple[float, np.ndarray]], x: np.ndarray, iters: int) -> np.ndarray:
    """Minimise a smooth convex function (L-BFGS, Armijo backtracking): no scipy here. Stops when
    an iteration gains less than a millionth of the loss."""
    f, g = value(x)
    pairs: list[tuple[np.ndarray, np.ndarray, float]] = []
    for _ in range(iters):
        d, alphas = -g, []
        for s, y, rho in reversed(pairs):
            alphas.append(rho * (s @ d))
            d = d - alphas[-1] * y
        if pairs:
            d = d * (pairs[-1][0] @ pairs[-1][1]) / (pairs[-1][1] @ pairs[-1][1])
        for (s, y, rho), alpha in zip(pairs, reversed(alphas), strict=True):
            d = d + (alpha - rho * (y @ d)) * s
        step, slope = 1.0, g @ d
        while True:
            f_new, g_new = value(x + step * d)
            if f_new <= f + 1e-4 * step * slope or step < 1e-6:
                break
            step /= 2
        s, y = step * d, g_new - g
        if y @ s > 1e-12:
            pairs = [*pairs[-9:], (s, y, 1.0 / (y @ s))]
        x, gain, f, g = x + s, f - f_new, f_new, g_new
        if gain < 1e-6 * f:
            break
    return x


def fit(parts: list[Examples], l2: float = L2, classes: tuple[str, ...] = CLASSES) -> lt.Model:
    """The softmax regression of the examples over ``classes``, on the buckets they use; always
    from zero (a warm start from a model of more rounds would keep some of what it saw)."""
    rows = [np.array(r, dtype=np.int64) for ids, _ in parts for r in ids]
    y = np.array([c for _, labels in parts for c in labels])
    ids = np.concatenate(rows)
    order = np.argsort(ids, kind="stable")
    used, first = np.unique(ids[order], return_index=True)
    idx = np.searchsorted(used, ids)
    lengths = np.array([len(r) for r in rows])
    starts = np.r_[0, np.cumsum(lengths)[:-1]]
    row_of = np.repeat(np.arange(len(rows)), lengths)[order]
    n, shape = len(rows), (len(used), len(classes))

    def value(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = np.add.reduceat(w.reshape(shape)[idx], starts, axis=0)
        z -= z.max(1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(1, keepdims=True))
        loss = -logp[np.arange(n), y].mean() + 0.5 * l2 * (w @ w)
        delta = np.exp(logp)
        delta[np.arange(n), y] -= 1.0
        grad = np.add.reduceat(delta[row_of], first, axis=0) / n
        return float(loss), grad.ravel() + l2 * w

    return lt.Model(classes, used, lbfgs(value, np.zeros(len(used) * len(classes)), 300).reshape(shape))


Fitter = Callable[[list[Examples]], lt.Model]


def type_models(
    examples: dict[str, list[Examples]], rounds: list[str], fitter: Fitter = fit,
) -> dict[str, lt.Model]:
    """For each of the rounds (in draw order), a model of the other rounds but those of its fold
    (``INNER`` folds, interleaved): no value from a model that saw its round."""
    found = {}
    for k in range(INNER):
        fold = rounds[k::INNER]
        model = fitter([x for r in rounds if r not in fold for x in examples[r]])
        found |= dict.fromkeys(fold, model)
    return found


def nested(
    examples: dict[str, list[Examples]], rounds: list[str], heads: list[tuple[str, tuple[int, ...], str]],
    fitter: Fitter = fit,
) -> list[dict[str, float]]:
    """For each candidate event (its round, its trigger head's bucket ids, its type), p(type) as
    each fit of the confidence may see it: a fit holding out round R sees R's events' values from
    a model of all the other rounds and the others' from models of neither R nor their own fold
    (``type_models``); the fit on every round (``FINAL``) sees each from a model of the other
    folds. (confidence_setups.py's nested selection fits inside the other rounds, so it sees values
    made with the held-out round's tokens.) ``fitter`` fits the model (train_confidence's context
    model too: its heads' "type" is the class asked for)."""
    seen = {FINAL: type_models(examples, rounds, fitter)}
    for name in rounds:
        others = [r for r in rounds if r != name]
        held = fitter([x for r in others for x in examples[r]])
        seen[name] = {**type_models(examples, others, fitter), name: held}
    return [{name: models[r].p_type(ids, event_type) for name, models in seen.items()}
            for r, ids, event_type in heads]


def main() -> None:
    import train_confidence as tc  # here: train_confidence imports this module for its folds

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=None, help="the shared eval folder")
    args = parser.parse_args()
    folder = eval_dir_or_exit(args.eval_dir)
    articles = tc.dev_articles(folder)
    found: dict[str, Examples] = {}
    with recording({a.text.article_id: a.gold for a in articles}, found, extract=False):
        for _ in news._coded(articles, Pipeline()):
            pass
    parts = [found[a.text.article_id] for a in articles]
    model = fit(parts)
    lt.save(model)
    heads = sum(c > 0 for _, classes in parts for c in classes)
    print(f"{len(articles)} articles, {sum(len(c) for _, c in parts)} tokens, {heads} event heads; "
          f"{len(model.used)} of {1 << lt.BITS} buckets x {len(CLASSES)} classes; wrote {lt.MODEL_FILE} "
          f"({lt.MODEL_FILE.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
