"""A learned token-type model (research): p(event type | a trigger word's token), for the confidence.

Every VERB/NOUN token of the annotated DEV articles that is a trigger word of triggers.tsv (what
a candidate event's head is, so all the model is ever asked about) is an example for a softmax
regression (numpy, hashed sparse features of ``FAMILIES``, L2, L-BFGS); its label is the type of
the gold event whose trigger or ``also`` span it heads, else NONE (other content tokens of a span
are left out). scripts/learned_types_loro.py measures it as a confidence feature; ``--tokens``
here compares feature families and L2 by the token log loss, grouped 5-fold by round. Pipeline
output and its parses (DocBin) are cached under /tmp/e-learnconf by a hash of the source.

    PYTHONPATH=src python scripts/learned_types.py --tokens [--eval-dir DIR]

Held-out batches (train_confidence.UNANNOTATED) and TEST are never read.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import zlib
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin, Token

sys.path.insert(0, str(Path(__file__).parent))
import train_confidence as tc

from newsevents import pipeline as pipeline_module
from newsevents.nlp import load_pipeline
from newsevents.ontology.load import DATA_DIR

CACHE = Path("/tmp/e-learnconf")
NONE = "NONE"
BITS = 16  # shipped, only the buckets used (~1,800 x 17 classes, float16) would be ~70 kB
L2 = 3e-4  # on the mean token log loss: the best held-out token loss (--tokens)
EXAMPLES = frozenset({"VERB", "NOUN"})
# the families: lemma, word form, the lexicon's types (with the POS, and of "WORD PARTICLE"
# rows), the head's lemma and dependency, the token's own dependency and tag. Kept: the fewest
# within noise of all six by the held-out token log loss (--tokens: backward from all six)
ALL = ("lemma", "word", "lexicon", "head", "dep", "tag")
FAMILIES = ("lemma", "word", "lexicon", "tag")
ORDER = list(dict.fromkeys(tc.ROUNDS.values()))  # the draw rounds, oldest first
Data = dict[str, tuple[list[np.ndarray], np.ndarray]]  # round -> hashed token rows, label indexes


def lexicon() -> dict[str, set[str]]:
    """"POS:trigger" -> the event types triggers.tsv gives it."""
    found: dict[str, set[str]] = defaultdict(set)
    for line in (DATA_DIR / "triggers.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if not line.startswith("#") and cells[0] != "trigger" and len(cells) >= 4:
            found[f"{cells[1]}:{cells[0]}"].add(cells[3])
    return found


def token_features(tok: Token, lex: dict[str, set[str]], families: tuple[str, ...]) -> list[str]:
    lemma = tok.lemma_.lower()
    found = ["bias"]
    if "lemma" in families:
        found.append("l=" + lemma)
    if "word" in families:
        found.append("w=" + tok.lower_)
    if "lexicon" in families:
        types = lex.get(f"{tok.pos_}:{lemma}", set())
        found += [f"x={t}" for t in types] + [f"xp={t}|{tok.pos_}" for t in types] or ["x=none"]
        for child in tok.children:
            if child.dep_ in ("prep", "prt"):
                found += [f"x2={t}" for t in lex.get(f"{tok.pos_}:{lemma} {child.lower_}", ())]
    if "head" in families:
        found += ["h=" + tok.head.lemma_.lower(), f"dh={tok.dep_}|{tok.head.lemma_.lower()}"]
    if "dep" in families:
        found += ["d=" + tok.dep_, f"pd={tok.pos_}|{tok.dep_}"]
    if "tag" in families:
        found.append("t=" + tok.tag_)
    return found


def in_lexicon(tok: Token, lex: dict[str, set[str]]) -> bool:
    """The token is a trigger word of triggers.tsv (alone or with its particle): what a
    candidate event's head is, so the only tokens the feature is ever asked about."""
    lemma = tok.lemma_.lower()
    return f"{tok.pos_}:{lemma}" in lex or any(f"{tok.pos_}:{lemma} {c.lower_}" in lex for c in tok.children)


def hashed(names: list[str]) -> np.ndarray:
    return np.array([zlib.crc32(n.encode()) & ((1 << BITS) - 1) for n in names], dtype=np.int64)


def head_token(doc: Doc, start: int, end: int) -> Token | None:
    """The span's syntactic head: its first token whose head lies outside it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    inside = {t.i for t in span}
    return next((t for t in span if t.head.i not in inside or t.head.i == t.i), span[0])


def token_labels(doc: Doc, gold: dict) -> dict[int, str]:
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


def log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(1, keepdims=True)
    return z - np.log(np.exp(z).sum(1, keepdims=True))


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


def fit_types(rows: list[np.ndarray], y: np.ndarray, classes: int, l2: float = L2) -> np.ndarray:
    """The weights (2^BITS x classes) of a softmax regression on hashed feature rows; always
    from zero (a warm start from a model of more rounds would keep some of what it saw)."""
    ids = np.concatenate(rows)
    order = np.argsort(ids, kind="stable")
    used, first = np.unique(ids[order], return_index=True)
    idx = np.searchsorted(used, ids)
    lengths = np.array([len(r) for r in rows])
    starts = np.r_[0, np.cumsum(lengths)[:-1]]
    row_of = np.repeat(np.arange(len(rows)), lengths)[order]
    n, shape = len(rows), (len(used), classes)

    def value(w: np.ndarray) -> tuple[float, np.ndarray]:
        logp = log_softmax(np.add.reduceat(w.reshape(shape)[idx], starts, axis=0))
        loss = -logp[np.arange(n), y].mean() + 0.5 * l2 * (w @ w)
        delta = np.exp(logp)
        delta[np.arange(n), y] -= 1.0
        grad = np.add.reduceat(delta[row_of], first, axis=0) / n
        return float(loss), grad.ravel() + l2 * w

    full = np.zeros((1 << BITS, classes))
    full[used] = lbfgs(value, np.zeros(len(used) * classes), 300).reshape(shape)
    return full


def log_proba(weights: np.ndarray, rows: list[np.ndarray]) -> np.ndarray:
    return log_softmax(np.stack([weights[r].sum(0) for r in rows]))


def source_key() -> str:
    """A hash of the pipeline's source (not of eval/: no gold is read for it)."""
    digest = hashlib.sha256()
    root = Path(tc.__file__).parents[1] / "src" / "newsevents"
    for path in sorted(root.rglob("*")):
        if path.is_file() and "eval" not in path.relative_to(root).parts and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def coded(folder: Path) -> tuple[list[tc.Row], dict[str, int], dict[str, Doc]]:
    """train_confidence's graded rows and gold counts, and each article's parse, cached."""
    key = source_key()
    rows_path, docs_path = CACHE / f"rows-{key}.pkl", CACHE / f"docs-{key}.spacy"
    vocab = load_pipeline().vocab
    if rows_path.exists() and docs_path.exists():
        rows, gold_count, ids = pickle.loads(rows_path.read_bytes())
        return rows, gold_count, dict(zip(ids, DocBin().from_disk(docs_path).get_docs(vocab), strict=True))
    docs: dict[str, Doc] = {}
    extract = pipeline_module.extract_events

    def keeping(doc: Doc, article: object, **options: object) -> object:
        docs[article.id] = doc  # type: ignore[attr-defined]
        return extract(doc, article, **options)  # type: ignore[arg-type]

    pipeline_module.extract_events = keeping  # type: ignore[assignment]
    try:
        rows, gold_count, _ = tc.collect(folder)
    finally:
        pipeline_module.extract_events = extract
    CACHE.mkdir(exist_ok=True)
    DocBin(docs=docs.values(), store_user_data=False).to_disk(docs_path)
    rows_path.write_bytes(pickle.dumps((rows, gold_count, list(docs))))
    return rows, gold_count, docs


def examples(docs: dict[str, Doc], golds: dict[str, dict], families: tuple[str, ...], classes: list[str],
             ) -> Data:
    """Per round, the hashed rows and label indexes of its articles' VERB/NOUN trigger words."""
    lex, batch = lexicon(), tc.batches()
    found: dict[str, tuple[list[np.ndarray], list[int]]] = defaultdict(lambda: ([], []))
    for article_id, gold in golds.items():
        doc, rows_labels = docs[article_id], found[tc.ROUNDS[batch[article_id]]]
        labels = token_labels(doc, gold)
        for tok in doc:
            label = labels.get(tok.i, NONE)
            if tok.pos_ in EXAMPLES and label != "SKIP" and in_lexicon(tok, lex):
                rows_labels[0].append(hashed(token_features(tok, lex, families)))
                rows_labels[1].append(classes.index(label))
    return {r: (rows, np.array(labels)) for r, (rows, labels) in found.items()}


def fit_on(data: Data, rounds: list[str], classes: int, l2: float = L2) -> np.ndarray:
    """The type model of the given rounds' tokens."""
    tokens = [x for r in rounds for x in data[r][0]]
    return fit_types(tokens, np.concatenate([data[r][1] for r in rounds]), classes, l2)


def token_cv(data: Data, classes: int, l2: float) -> dict[str, float]:
    """Token log loss, and log loss and accuracy on event tokens, grouped 5-fold by round."""
    losses, event_losses, hits = [], [], []
    rounds = [r for r in ORDER if r in data]
    for k in range(5):
        held = rounds[k::5]
        weights = fit_on(data, [r for r in rounds if r not in held], classes, l2)
        for r in held:
            logp = log_proba(weights, data[r][0])
            right = logp[np.arange(len(logp)), data[r][1]]
            event = data[r][1] > 0
            losses += list(-right)
            event_losses += list(-right[event])
            hits += list(logp[event].argmax(1) == data[r][1][event])
    return {"loss": float(np.mean(losses)), "event_loss": float(np.mean(event_losses)),
            "accuracy": float(np.mean(hits))}

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("/work/shared/eval"))
    parser.add_argument("--tokens", action="store_true", help="compare feature families and L2")
    args = parser.parse_args()
    _, _, docs = coded(args.eval_dir)
    golds = gold_events(args.eval_dir)
    classes = [NONE, *sorted({e["type"] for g in golds.values() for e in g["events"]})]
    data = examples(docs, golds, FAMILIES, classes)
    used = int((fit_on(data, list(data), len(classes)) != 0).any(1).sum())
    events = sum(int((x[1] > 0).sum()) for x in data.values())
    print(f"{sum(len(x[0]) for x in data.values())} tokens, {events} event heads; fitted on all: {used} "
          f"of {1 << BITS} buckets x {len(classes)} classes")
    if not args.tokens:
        return
    settings = [(ALL, l2) for l2 in (1e-4, 3e-4, 1e-3)] + [(tuple(f for f in ALL if f != d), L2) for d in ALL]
    settings += [(f, L2) for f in [
        FAMILIES, ("lemma", "word", "lexicon", "dep"),
        ("lemma", "word", "lexicon"), ("lemma", "lexicon", "tag"), ("lemma", "lexicon", "head"),
        ("lemma", "lexicon")]]
    print("| families | L2 | token log loss | event-token log loss | event-token accuracy |")
    print("|---|---|---|---|---|")
    for families, l2 in settings:
        found = token_cv(examples(docs, golds, families, classes), len(classes), l2)
        print(f"| {', '.join(families)} | {l2:g} | {found['loss']:.4f} | {found['event_loss']:.3f} | "
              f"{found['accuracy']:.3f} |", flush=True)


def gold_events(folder: Path) -> dict[str, dict]:
    """Article id -> gold of the annotated DEV articles developers may look at."""
    return {a.text.article_id: a.gold for a in tc.dev_articles(folder)}


if __name__ == "__main__":
    main()
