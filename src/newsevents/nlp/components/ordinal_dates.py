"""A day written as an ordinal of a month ("the 5th of May", "the 13th of March 2009") is one date.

The small English model tags "5th" an ORDINAL and "May" a DATE of its own, or not at all, so
the date read is the month (or none), and every act the sentence dates takes the month. The
component joins the ordinal, "of", the month and a year after it into one DATE entity.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

NAME = "newsevents_ordinal_dates"

_MONTH = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$", re.IGNORECASE)
_ORDINAL = re.compile(r"^\d{1,2}(?:st|nd|rd|th)$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[6-9]|20)\d\d$")


@Language.component(NAME, assigns=["doc.ents"])
def ordinal_dates(doc: Doc) -> Doc:
    """Replace each ordinal-of-month run and the entities inside it with one DATE entity."""
    runs = [run for ent in doc.ents if ent.label_ == "ORDINAL" and (run := _run(doc, ent)) is not None]
    if not runs:
        return doc
    kept = [e for e in doc.ents if not any(e.start < r.end and r.start < e.end for r in runs)]
    doc.ents = sorted([*kept, *runs], key=lambda e: e.start)
    return doc


def _run(doc: Doc, ordinal: Span) -> Span | None:
    """ "the 5th of May 2010" as a DATE span, or None when the ordinal counts something else."""
    if len(ordinal) != 1 or not _ORDINAL.match(ordinal.text):
        return None
    of, end = ordinal.end, ordinal.end + 2
    month = doc[of + 1] if end <= len(doc) else None
    if month is None or doc[of].lower_ != "of" or not (_MONTH.match(month.text) and month.is_title):
        return None
    if end < len(doc) and _YEAR.match(doc[end].text):
        end += 1
    start = ordinal.start
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    return Span(doc, start, end, label="DATE")
