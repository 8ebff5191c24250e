"""Names end before their possessive: "Sarah Palin 's" is tagged "Sarah Palin".

The small English model often takes the possessive into a name ("Sarah Palin 's", "Macomb
County's", "the San Diego Padres '"), mostly in tokenized text where "'s" stands apart. A name's
last word then is "'s": the surname a later "Palin" is checked against is lost (and "Palin" read
as Palín, Guatemala), an organisation is looked up as "Fire Marshal's", an actor's text carries
the mark. Each name entity is cut before a final possessive here, once, for every stage. Dates
and times keep theirs: "the mid 1930's" is a decade, not the year 1930.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

NAME = "newsevents_name_ends"
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "WORK_OF_ART",
                         "PRODUCT"})


@Language.component(NAME, assigns=["doc.ents"])
def name_ends(doc: Doc) -> Doc:
    """Cut each name entity of more than one word before a possessive it ends in."""
    ents = doc.ents
    if not any(_cut(e) for e in ents):
        return doc
    doc.ents = [Span(doc, e.start, e.end - 1, label=e.label) if _cut(e) else e for e in ents]
    return doc


def _cut(entity: Span) -> bool:
    return len(entity) > 1 and entity.label_ in NAME_LABELS and entity[-1].tag_ == "POS"
