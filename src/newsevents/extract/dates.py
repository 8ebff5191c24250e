"""Dates: ground an event's time expression against the article date.

The expression is the DATE entity the parse attaches to the event (directly,
through the clause that governs it, or through a clause inside it). dateparser
grounds it with ``RELATIVE_BASE`` set to the article date and keeps the period
it reports as the precision. News reports the past: an expression with no
year that lands after the article date ("on December 29" in May) moves back a
year, a weekday back a week; for an event announced for the future, forward.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser
from spacy.tokens import Span, Token

_PREPOSITIONS = {"on", "in", "during", "since", "at", "by", "from", "until", "through", "over"}
_HEDGES = re.compile(
    r"^(?:the\s+)?(?:earlier|later|early|late|mid-?|the end of|the start of|"
    r"the beginning of|the middle of|the first half of|the second half of)\s+",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"^(?:for\s+|within\s+|the\s+(?:past|last|next)\s+)?(?:\d+|a|an|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|several|few|many|some|more than \w+)\s+"
    r"(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|hours?|minutes?)(?:\s+(?:long|old))?$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_EXPLICIT_YEAR = re.compile(r"\b\d{4}\b")
_FORWARD = re.compile(r"\b(?:next|coming|tomorrow|upcoming|later)\b", re.IGNORECASE)
_PERIODS = {"day": "day", "time": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True, slots=True)
class GroundedDate:
    """An ISO date (the first day of its period) and its precision."""

    value: str
    precision: str


@functools.lru_cache(maxsize=64)
def _parser(base: date) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": datetime(base.year, base.month, base.day)},
    )


@functools.lru_cache(maxsize=16384)
def ground(expression: str, base: date, *, future: bool = False) -> GroundedDate | None:
    """The date an expression names, seen from ``base``; None if it names none."""
    text = expression.strip().rstrip(".,;")
    if not text or _DURATION.match(text) or not re.search(r"[A-Za-z0-9]", text):
        return None
    cleaned = _HEDGES.sub("", text)
    data = _parser(base).get_date_data(cleaned)
    if data.date_obj is None and cleaned != text:
        data = _parser(base).get_date_data(text)
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    precision = _PERIODS.get(data.period or "day", "day")
    wrong_side = found < base if future else found > base and not _FORWARD.search(text)
    if wrong_side and precision in {"day", "month"}:
        step = 1 if future else -1
        if _WEEKDAY.search(text):
            found += timedelta(days=7 * step)
        elif not _EXPLICIT_YEAR.search(text):
            found = found.replace(year=found.year + step)
    if precision == "month":
        found = found.replace(day=1)
    elif precision == "year":
        found = date(found.year, 1, 1)
    elif precision == "week":
        found -= timedelta(days=found.weekday())
    return GroundedDate(found.isoformat(), precision)


def expression_span(entity: Span) -> tuple[int, int]:
    """The characters of a date expression, with its preposition ("on Monday")."""
    start = entity.start_char
    before = entity.doc[entity.start - 1] if entity.start > 0 else None
    if before is not None and before.lower_ in _PREPOSITIONS and before.dep_ == "prep":
        start = before.idx
    return start, entity.end_char


def attachment(entity: Span, triggers: set[int], separate: frozenset[str]) -> Token | None:
    """The first trigger token above a date entity in the parse, if any.

    A date inside a relative or reported clause, or behind a preposition that
    introduces another event ("over the election last month"), is not ours.
    """
    for ancestor in entity.root.ancestors:
        if ancestor.i in triggers:
            return ancestor
        if ancestor.dep_ in {"relcl", "ccomp"} or (
            ancestor.dep_ == "prep" and ancestor.lower_ in separate
        ):
            return None
    return None
