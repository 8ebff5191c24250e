"""Dates told from another date: "the following year", "the next night", "that month".

Such a period counts from the last time the text told, not from the article date
("In 2014, Tunisia entered a partnership ... The following year Essid visited" = 2015;
"a Monday evening vigil ...; a second protest the next night" = Tuesday). grounding.py
leaves them ungrounded; here they are grounded on the nearest date expression before
them that names a date of its own, at the coarser of the two precisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Span

from newsevents.extract.coding import doc_entities
from newsevents.extract.date_grammar import grammar
from newsevents.extract.grounding import GroundedDate

_COARSE = {"year": 0, "month": 1, "week": 2, "day": 3}
_STEPS = {"following": 1, "next": 1, "previous": -1, "prior": -1, "preceding": -1}


def is_anaphoric(expression: str) -> bool:
    """A period told from another date, not from the article date."""
    return _reading(expression) is not None


def ground_anaphoric(
    entity: Span, anchor_of: Callable[[Span], GroundedDate | None]
) -> GroundedDate | None:
    """The period an anaphoric expression names, counted from the nearest earlier date
    expression of the text that ``anchor_of`` grounds; None without one."""
    reading = _reading(entity.text)
    if reading is None:
        return None
    unit, step = reading
    earlier = [e for e in doc_entities(entity.doc) if e.label_ == "DATE" and e.end <= entity.start]
    for other in reversed(earlier):
        if is_anaphoric(other.text):
            continue
        anchor = anchor_of(other)
        if anchor is not None:
            return _shift(anchor, unit, step)
    return None


def _reading(expression: str) -> tuple[str, int] | None:
    """The unit and step of an anaphoric expression ("the next night": day, +1)."""
    g = grammar()
    text = re.sub(r"\s+", " ", expression.lower().strip().rstrip(".,;:"))
    text = re.sub(r"^(?:on|in|during|at|by)\s+", "", text)
    text = g.day_part.sub(" day", text) if not text.endswith(" day") else text
    if not g.anaphoric.match(text):
        return None
    words = text.split()
    unit = words[-1].removesuffix("s")
    if unit not in _COARSE:
        return None
    return unit, next((_STEPS[w] for w in words if w in _STEPS), 0)


def _shift(anchor: GroundedDate, unit: str, step: int) -> GroundedDate | None:
    """The anchor moved by ``step`` units, at the coarser precision of the two."""
    start = date.fromisoformat(anchor.value)
    precision = min(unit, anchor.precision, key=lambda p: _COARSE.get(p, 0))
    if _COARSE.get(anchor.precision, 0) < _COARSE[unit] and step:
        return None  # "the next day" after "in 2014": no day we can name
    if unit == "year":
        start = start.replace(year=start.year + step)
    elif unit == "month":
        months = start.year * 12 + start.month - 1 + step
        start = date(months // 12, months % 12 + 1, 1)
    else:
        start += timedelta(days=step * (7 if unit == "week" else 1))
    if precision == "year":
        return GroundedDate(f"{start.year:04d}-01-01", "year")
    if precision == "month":
        return GroundedDate(date(start.year, start.month, 1).isoformat(), "month")
    if precision == "week":
        return GroundedDate((start - timedelta(days=start.weekday())).isoformat(), "week")
    return GroundedDate(start.isoformat(), "day")
