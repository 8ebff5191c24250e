"""A learned p(event type | trigger word token), one feature of the confidence (scoring.py).

The lexicon gives a word its types; how often a word of it was really an event of each type on
real news depends on the word form, its tag and the types it shares a lemma with, which a
softmax regression over hashed token features learns from the DEV gold better than the rate of
one trigger word alone (scripts/learned_types_results.md). ontology/data/learned_types.npz holds
it, written by scripts/train_learned_types.py, which takes the features and their hashing from
here: there is one definition of what the model sees, for training and for coding alike.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from newsevents.ontology.load import DATA_DIR, Ontology

MODEL_FILE = DATA_DIR / "learned_types.npz"
FORMAT = "learned_types 1"  # what the file's `format` says: bumped when features or hashing change
BITS = 16  # features hash into 2^16 buckets; the file keeps only the buckets training used
NONE = "NONE"  # the class of a lexicon word that heads no gold event
PARTICLES = ("prep", "prt")  # children that make "WORD PARTICLE" trigger rows ("pull out")


def _types(ontology: Ontology, lemma: str, pos: str, particle: str | None) -> list[str]:
    """The event types triggers.tsv gives the word (with that particle, or alone), in file order."""
    senses = ontology.triggers.get((lemma, pos), ())
    return list(dict.fromkeys(s.event_type for s in senses if s.particle == particle))


def token_features(tok: Token, ontology: Ontology) -> list[str]:
    """What the model sees of a token: its lemma, word form, fine tag and the lexicon's types
    (alone, with the part of speech, and of a "WORD PARTICLE" row its particle child makes)."""
    lemma = tok.lemma_.lower()
    types = _types(ontology, lemma, tok.pos_, None)
    found = ["bias", "l=" + lemma, "w=" + tok.lower_]
    found += [f"x={t}" for t in types] + [f"xp={t}|{tok.pos_}" for t in types] or ["x=none"]
    for child in tok.children:
        if child.dep_ in PARTICLES:
            found += [f"x2={t}" for t in _types(ontology, lemma, tok.pos_, child.lower_)]
    found.append("t=" + tok.tag_)
    return found


_MASK = (1 << BITS) - 1


def buckets(names: list[str]) -> tuple[int, ...]:
    """The hashed bucket of each feature name (crc32: stable across processes, unlike hash())."""
    crc32 = zlib.crc32
    return tuple([crc32(n.encode()) & _MASK for n in names])


def token_ids(tok: Token, ontology: Ontology) -> tuple[int, ...]:
    """The token's features as the model's bucket ids."""
    return buckets(token_features(tok, ontology))


@dataclass(frozen=True, slots=True)
class Model:
    """A softmax regression kept sparse: the buckets with weights, sorted, and their weights
    (one row per bucket, one column per class); a bucket not kept weighs nothing."""

    classes: tuple[str, ...]
    used: np.ndarray  # sorted bucket ids
    weights: np.ndarray  # len(used) x len(classes)
    rows: dict[int, int] = field(init=False, repr=False, compare=False)  # bucket id -> its weight row

    def __post_init__(self) -> None:
        # a dict finds a token's few buckets faster than searching the array (called per candidate)
        object.__setattr__(self, "rows", {int(b): i for i, b in enumerate(self.used.tolist())})

    def probabilities(self, ids: tuple[int, ...]) -> np.ndarray:
        """p(class | the token of these bucket ids), over ``classes``."""
        rows = self.rows
        z = self.weights[[row for i in ids if (row := rows.get(i)) is not None]].sum(0)
        z = np.exp(z - z.max())
        return z / z.sum()

    def p_type(self, ids: tuple[int, ...], event_type: str) -> float:
        """p(event_type | the token); 0 for a type the model has no class of."""
        if event_type not in self.classes:
            return 0.0
        return float(self.probabilities(ids)[self.classes.index(event_type)])


def save(model: Model, path: Path = MODEL_FILE, fmt: str = FORMAT) -> None:
    """The model as a compressed .npz: bucket ids, float16 weights, class names, format."""
    np.savez_compressed(path, format=np.array(fmt), bits=np.array(BITS), classes=np.array(model.classes),
                        used=model.used.astype(np.uint16), weights=model.weights.astype(np.float16))


def read(path: Path, fmt: str, script: str) -> Model:
    """A model file ``save`` wrote; an error that names the ``script`` to rerun when its format or
    hashing is not the code's."""
    with np.load(path) as data:
        if str(data["format"]) != fmt or int(data["bits"]) != BITS:
            raise ValueError(f"{path.name}: format {data['format']}, bits {data['bits']}; expected "
                             f"{fmt}, {BITS}: run {script}")
        return Model(tuple(str(c) for c in data["classes"]), data["used"].astype(np.int64),
                     data["weights"].astype(np.float64))


@cache
def model() -> Model:
    """The shipped model, read once."""
    return read(MODEL_FILE, FORMAT, "scripts/train_learned_types.py")


@lru_cache(maxsize=4096)
def p_type(ids: tuple[int, ...], event_type: str) -> float:
    """p(event_type | a trigger token of these features) by the shipped model, kept per features
    and type: a feed's trigger words come again and again ("killed", "arrested"), and every
    event's confidence asks (bounded, for a coder that runs for days)."""
    return model().p_type(ids, event_type)
