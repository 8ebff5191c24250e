"""Sentence starts at paragraph breaks, so a heading never joins the next sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "newsevents_paragraphs"


@Language.component(NAME, assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line; the parser keeps preset starts."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc
