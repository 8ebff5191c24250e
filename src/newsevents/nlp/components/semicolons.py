"""Clauses a semicolon joins are set side by side, never one the content of the other.

The small English parser often hangs the clause before a semicolon from the verb after it as
that verb's clausal complement ("The man was arrested; he was charged with burglary":
arrested <-ccomp- charged). A complement is what its verb says, asks or charges, so the first
act would be read as the content of the second and lost. A semicolon joins independent
clauses: such a complement is relabelled ``parataxis``, the model's label for clauses set side
by side.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "newsevents_semicolons"


@Language.component(NAME, assigns=["token.dep"])
def semicolon_clauses(doc: Doc) -> Doc:
    """Relabel each complement clause that ends before a semicolon its head comes after."""
    ccomp = doc.vocab.strings["ccomp"]
    for tok in doc:
        if tok.dep == ccomp and tok.i < tok.head.i and any(
                child.text == ";" and tok.i < child.i for child in tok.head.lefts):
            tok.dep_ = "parataxis"
    return doc
