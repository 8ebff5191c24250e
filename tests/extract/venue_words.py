"""Words of a parsed test text, by their spelling (tests of venues.py and story_places.py;
tests/extract is on the path)."""

from spacy.tokens import Doc, Span, Token


def trigger(doc: Doc, word: str) -> Token:
    """The first token spelt ``word``."""
    return next(t for t in doc if t.text == word)


def sentence(doc: Doc, word: str) -> Span:
    """The first sentence holding a token spelt ``word``."""
    return next(s for s in doc.sents if any(t.text == word for t in s))
