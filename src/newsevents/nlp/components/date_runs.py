"""Dates the small English model cuts apart are joined into one DATE entity.

- A day written as an ordinal of a month ("the 5th of May", "the 13th of March 2009"): the model
  tags "5th" an ORDINAL and "May" a DATE of its own, or not at all, so the date read is the month
  (or none), and every act the sentence dates takes the month.
- A month's abbreviation whose period stands apart, as in tokenized text ("Jan . 6 , 2009", "on
  Oct . 23"): the model tags "Jan ." a DATE and "6" nothing, or "23 , 1999" apart, so the date
  read is the month or a bare day.

Each run, with a year after it, replaces the entities inside it.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

NAME = "newsevents_date_runs"

_MONTH = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$", re.IGNORECASE)
_SPACED = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec) \. (?:[1-9]|[12]\d|3[01])\b"
                     r"(?: ?, (?:1[6-9]|20)\d\d\b)?")
_ORDINAL = re.compile(r"^\d{1,2}(?:st|nd|rd|th)$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[6-9]|20)\d\d$")


@Language.component(NAME, assigns=["doc.ents"])
def date_runs(doc: Doc) -> Doc:
    """Replace each run and the entities inside it with one DATE entity."""
    runs = [run for ent in doc.ents if ent.label_ == "ORDINAL" and (run := _ordinal_run(doc, ent))]
    runs += _spaced_runs(doc)
    if not runs:
        return doc
    kept = [e for e in doc.ents if not any(e.start < r.end and r.start < e.end for r in runs)]
    doc.ents = sorted([*kept, *runs], key=lambda e: e.start)
    return doc


def _with_year(doc: Doc, end: int) -> int:
    """The run's end, past a year after it ("May 2010") or after a comma ("May, 2010")."""
    if end < len(doc) and _YEAR.match(doc[end].text):
        return end + 1
    if end + 1 < len(doc) and doc[end].text == "," and _YEAR.match(doc[end + 1].text):
        return end + 2
    return end


def _ordinal_run(doc: Doc, ordinal: Span) -> Span | None:
    """ "the 5th of May 2010" as a DATE span, or None when the ordinal counts something else."""
    if len(ordinal) != 1 or not _ORDINAL.match(ordinal.text):
        return None
    of, end = ordinal.end, ordinal.end + 2
    month = doc[of + 1] if end <= len(doc) else None
    if month is None or doc[of].lower_ != "of" or not (_MONTH.match(month.text) and month.is_title):
        return None
    end = _with_year(doc, end)
    start = ordinal.start
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    return Span(doc, start, end, label="DATE")


def _spaced_runs(doc: Doc) -> list[Span]:
    """ "Jan . 6 , 2009" as DATE spans: a capitalised month abbreviation, its period set apart, a
    day number and a year after a comma (read from the text, not token by token: cheaper)."""
    spans = (doc.char_span(m.start(), m.end(), label="DATE") for m in _SPACED.finditer(doc.text))
    return [span for span in spans if span is not None]
