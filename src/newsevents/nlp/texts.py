"""A parsed Doc's texts, read without building a Token per word.

``Doc.text`` and ``Token.text`` join or decode every token again each time they are asked;
the parse keeps the text it read (``doc_text``), and token texts come from one array
(``token_texts``), for the paragraph component and the extractors alike.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc

TEXT = "newsevents.text"  # Doc.user_data key of the text the parser read (parse.py sets it)


def doc_text(doc: Doc) -> str:
    """The text a Doc was parsed from, as kept at parsing: ``Doc.text`` is the same string, but
    joins every token again (a Doc parsed elsewhere falls back to it)."""
    found = doc.user_data.get(TEXT)
    return doc.text if found is None else found  # type: ignore[no-any-return]


def token_texts(doc: Doc) -> list[str]:
    """Each token's text (``Token.text``), read from one array."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(ORTH).tolist()]
