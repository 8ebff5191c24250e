"""The model's rule lemmatizer applied by table lookup.

spaCy's ``Lemmatizer`` builds a Token for every word of every article and asks its rules
(or its cache) one word at a time. Its rule mode reads only a word's form, part of speech
and morphology, and keeps a lemma per such triple itself, so what a triple gets is worked
out once per process here too, and a Doc's lemmas are read and written as arrays. The
result is the lemmatizer's exactly: a lemma set before it (by the attribute rules) stays
unless it overwrites, and a triple seen first is lemmatized by the model's own rules.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

NAME = "newsevents_lemmas"
LEMMATIZER = "lemmatizer"
MAX_ROWS = 500_000
"""Triples whose lemma is kept (a few hundred bytes each); past it they are forgotten and
found again."""
_READ = [ORTH, POS, MORPH, LEMMA]


class LemmaTable:
    """The lemma of each (form, part of speech, morphology) a rule lemmatizer has given."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Give each word the lemma the lemmatizer would."""
        if not len(doc):
            return doc
        if len(self._lemmas) > MAX_ROWS:
            self._lemmas.clear()
        rows = doc.to_array(_READ)
        lemmas = rows[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = self._lemmas.get(key)
                if found is None:
                    found = self._lemmas[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory(NAME, assigns=["token.lemma"])
def make_table(nlp: Language, name: str) -> LemmaTable:
    """The table of the pipeline's lemmatizer (``replace_lemmatizer`` checks its mode)."""
    return LemmaTable(nlp.get_pipe(LEMMATIZER))


def replace_lemmatizer(nlp: Language) -> None:
    """Put the table in the place of the model's lemmatizer, if that one reads rules only."""
    if LEMMATIZER in nlp.pipe_names and getattr(nlp.get_pipe(LEMMATIZER), "mode", None) == "rule":
        nlp.add_pipe(NAME, before=LEMMATIZER)
        nlp.remove_pipe(LEMMATIZER)
