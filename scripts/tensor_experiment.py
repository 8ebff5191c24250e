"""Experiment: does the parser's tok2vec vector (doc.tensor) of the trigger's context help the
confidence model, held out by round? Compares SETUP, SETUP plus the raw dims (own L2), and a
two-stage score (nested). Developers only; DEV only.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import train_confidence as tc

from newsevents import pipeline as pipeline_module
from newsevents.extract import scoring

PARTS = ("trig", "sent", "head", "subj")
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CACHE = Path("/tmp/htensor/rows.pkl")
FOLDS: dict[str, tuple[np.ndarray, ...]] = {}  # per held-out round, the same for every variant


def vectors(doc: Any, event: Any) -> dict[str, np.ndarray]:
    """Mean tensor over the trigger tokens, the sentence, the trigger's head, its subject."""
    t0, t1 = event.trigger.span
    s0, s1 = event.sentence.span
    trig = doc.char_span(t0, t1, alignment_mode="expand")
    sent = doc.char_span(s0, s1, alignment_mode="expand")
    zero = np.zeros(doc.tensor.shape[1], dtype=float)
    if trig is None or len(trig) == 0:
        return {p: zero for p in PARTS}
    root = trig.root
    subj = ([c for c in root.children if c.dep_ in SUBJECTS]
            or [c for c in root.head.children if c.dep_ in SUBJECTS])
    return {
        "trig": doc.tensor[trig.start:trig.end].mean(0),
        "sent": doc.tensor[sent.start:sent.end].mean(0) if sent is not None and len(sent) else zero,
        "head": doc.tensor[root.head.i],
        "subj": doc.tensor[subj[0].i] if subj else zero,
    }


def collect(folder: Path) -> tuple[list[tc.Row], dict[str, int]]:
    """train_confidence.collect, with each row's vectors in its features as v_<part>_<dim>."""
    current: dict[str, Any] = {}
    extract = pipeline_module.extract_events
    features = scoring.features

    def capturing(doc: Any, *args: Any, **kwargs: Any) -> Any:
        current["doc"] = doc
        return extract(doc, *args, **kwargs)

    def with_vectors(evidence: Any, event: Any, *context: Any) -> dict[str, float]:
        found = features(evidence, event, *context)
        doc = current["doc"]
        assert doc.tensor is not None and doc.tensor.shape[0] == len(doc), "no tensor"
        for part, v in vectors(doc, event).items():
            found.update({f"v_{part}_{i}": float(x) for i, x in enumerate(v)})
        return found

    pipeline_module.extract_events = capturing  # type: ignore[assignment]
    scoring.features = with_vectors  # type: ignore[assignment]
    try:
        rows, gold_count, _ = tc.collect(folder)
    finally:
        pipeline_module.extract_events = extract
        scoring.features = features  # type: ignore[assignment]
    return rows, gold_count


def fit(x: np.ndarray, y: np.ndarray, penalty: np.ndarray) -> tuple[float, np.ndarray]:
    """tc.fit with one L2 penalty per column."""
    design = np.hstack([np.ones((len(x), 1)), x])
    pen = np.concatenate([[0.0], penalty])
    beta = np.zeros(design.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-design @ beta))
        gradient = design.T @ (p - y) + pen * beta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(pen) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(beta[0]), beta[1:]


def standardise(train: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mu, sd = train.mean(0), train.std(0) + 1e-6
    return (train - mu) / sd, (test - mu) / sd


def logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(q / (1 - q))


def tensor_score(vec: np.ndarray, idx_tr: np.ndarray, y_tr: np.ndarray, rounds_tr: np.ndarray,
                 idx_te: np.ndarray, l2: float) -> tuple[np.ndarray, np.ndarray]:
    """Stage one: out-of-fold (by round, inside the training rounds) tensor logits for the
    training rows, and the logits of a fit on all training rows for the test rows."""
    xtr, xte = vec[idx_tr], vec[idx_te]
    inner = np.zeros(len(idx_tr))
    for name in sorted(set(rounds_tr)):
        held = rounds_tr == name
        a, b = standardise(xtr[~held], xtr[held])
        i, w = fit(a, y_tr[~held], np.full(a.shape[1], l2))
        inner[held] = i + b @ w
    a, b = standardise(xtr, xte)
    i, w = fit(a, y_tr, np.full(a.shape[1], l2))
    return inner, i + b @ w


def index(rows: list[tc.Row]) -> np.ndarray:
    return np.array([int(r.features["_idx"]) for r in rows])


def run(rows: list[tc.Row], gold_count: dict[str, int], mode: str, vec: np.ndarray, l2_dims: float,
        per_round: bool = False) -> tuple[dict[str, dict[str, float]], np.ndarray]:
    """Held-out-by-round figures for a variant ('base', 'raw' or 'stacked') and the predictions."""
    setup = tc.SETUP
    names = [n for n in tc.feature_names(rows) if n != "_idx" and n not in setup.dropped]
    p = np.zeros(len(rows))
    for name in sorted({r.round for r in rows}):
        held = np.array([r.round == name for r in rows])
        if name not in FOLDS:
            train = [r for r in rows if r.round != name]
            test = tc.rated([r for r in rows if r.round == name], tc.rates(train, setup))
            train = tc.out_of_fold(train, setup)  # reordered by round: index each matrix by _idx
            FOLDS[name] = (tc.matrix(train, names), tc.labels(train), tc.matrix(test, names),
                           index(train), index(test), np.array([r.round for r in train]))
        xtr, ytr, xte, idx_tr, idx_te, rounds_tr = FOLDS[name]
        pen = np.full(len(names), setup.l2)
        if mode == "raw":
            a, b = standardise(vec[idx_tr], vec[idx_te])
            xtr, xte = np.hstack([xtr, a]), np.hstack([xte, b])
            pen = np.concatenate([pen, np.full(vec.shape[1], l2_dims)])
        elif mode == "stacked":
            s_tr, s_te = tensor_score(vec, idx_tr, ytr, rounds_tr, idx_te, l2_dims)
            xtr, xte = np.hstack([xtr, s_tr[:, None]]), np.hstack([xte, s_te[:, None]])
            pen = np.concatenate([pen, [setup.l2]])
        i, w = fit(xtr, ytr, pen)
        p[held] = tc.predict(xte, i, w)
    table = {}
    if per_round:
        for name in sorted(gold_count):
            held = np.array([r.round == name for r in rows])
            table[name] = tc.figures([r for r in rows if r.round == name], p[held], gold_count[name])
    table["pooled"] = tc.figures(rows, p, sum(gold_count.values()))
    return table, p


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("/work/shared/eval"))
    parser.add_argument("--refresh", action="store_true")
    parser.add_argument("--groups", nargs="+",
                        default=["trig", "trig+sent", "trig+head+subj", "trig+sent+head+subj"])
    parser.add_argument("--modes", nargs="+", default=["raw", "stacked"])
    parser.add_argument("--l2", nargs="+", type=float, default=[30.0, 100.0, 300.0, 1000.0])
    parser.add_argument("--per-round", action="store_true")
    args = parser.parse_args()
    if CACHE.exists() and not args.refresh:
        rows, gold_count = pickle.loads(CACHE.read_bytes())
    else:
        rows, gold_count = collect(args.eval_dir)
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(pickle.dumps((rows, gold_count)))
    all_v = [n for n in tc.feature_names(rows) if n.startswith("v_")]
    full = np.array([[r.features[n] for n in all_v] for r in rows])
    rows = [replace(r, features={**{k: v for k, v in r.features.items() if not k.startswith("v_")},
                                 "_idx": float(i)}) for i, r in enumerate(rows)]
    print(f"{len(rows)} rows, {len(all_v)} tensor dims")
    tc.show(run(rows, gold_count, "base", full[:, :0], 0.0)[0], "(a) SETUP")
    for label in args.groups:
        parts = label.split("+")
        vec = full[:, [j for j, n in enumerate(all_v) if n.split("_")[1] in parts]]
        for mode in args.modes:
            for l2 in args.l2:
                tc.show(run(rows, gold_count, mode, vec, l2, args.per_round)[0], f"({mode}) {label} l2={l2}")

if __name__ == "__main__":
    main()
