"""A learned p(right | the words of the event's sentence), one feature of the confidence (scoring.py).

The other features see the trigger and its clause; what the rest of the sentence talks about (a
match report, a product launch, a court's procedure, a war) also tells how often an event of a
type coded there was right on real news. A logistic regression (a two-class softmax regression
of learned_types.py, its hashing and its file format) over the sentence's words, alone and with
the event type, learns it from the DEV gold: ontology/data/learned_context.npz, written by
scripts/train_confidence.py with the confidence, each DEV candidate labelled as the confidence
is (right in type and actor). The features are defined here only, for training and coding alike.
"""

from __future__ import annotations

import math
from functools import cache

from spacy.tokens import Span

from newsevents.extract.coding import common_words, doc_words
from newsevents.extract.learned_types import Model, buckets, read
from newsevents.ontology.load import DATA_DIR

MODEL_FILE = DATA_DIR / "learned_context.npz"
FORMAT = "learned_context 1"  # bumped when the features or their hashing change
CLASSES = ("wrong", "right")
RIGHT = CLASSES[1]
_CLIP = 1e-3  # log-odds are taken of a probability kept this far from 0 and 1


def sentence_words(sentence: Span) -> tuple[str, ...]:
    """The sentence's distinct common words (alphabetic tokens that are not proper nouns, lower
    case), sorted: what the model sees of it, kept on the event's evidence until its type is
    final. Names are left out: they would teach the stories of the DEV articles (a trial, a
    war), not how news of a kind reads."""
    lowers, common = doc_words(sentence.doc)[1], common_words(sentence.doc)
    return tuple(sorted({lowers[i] for i in range(sentence.start, sentence.end) if common[i]}))


def context_features(words: tuple[str, ...], event_type: str) -> list[str]:
    """The words alone and with the event type ("ASSAULT|match" weighs apart from "match")."""
    return ["bias", *(f"w={w}" for w in words), *(f"tw={event_type}|{w}" for w in words)]


def context_ids(words: tuple[str, ...], event_type: str) -> tuple[int, ...]:
    return buckets(context_features(words, event_type))


def log_odds(p: float) -> float:
    """The feature's value: the log-odds of a probability, clipped (a word-count model can be
    very sure; the confidence weighs it on the log scale it was fitted on)."""
    p = min(1 - _CLIP, max(_CLIP, p))
    return math.log(p / (1 - p))


def p_right(words: tuple[str, ...], event_type: str) -> float:
    """p(right | the sentence's words, the event type) by the shipped model."""
    return model().p_type(context_ids(words, event_type), RIGHT)


@cache
def model() -> Model:
    """The shipped model, read once."""
    return read(MODEL_FILE, FORMAT, "scripts/train_confidence.py")
