"""Dates told from another date: "the following year", "the next night", "that month".

Such a period counts from the last time the text told, not from the article date
("In 2014, Tunisia entered a partnership ... The following year Essid visited" = 2015;
"a Monday evening vigil ...; a second protest the next night" = Tuesday; "in June 1998 ...
sentenced that August" = August 1998). grounding.py
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


def told_text(entity: Span) -> str:
    """The expression as told, with the words the parse left outside it: a "that" before a month
    ("that August"), "earlier in" before "the day"."""
    before = entity.doc[entity.start - 1] if entity.start else None
    if before is not None and before.lower_ == "that" and len(entity) == 1 \
            and entity.text.lower() in grammar().months:
        return f"that {entity.text}"
    told = entity.doc[max(entity.start - 2, 0):entity.end].text
    return told if told.lower() in grammar().data["same_day"] else entity.text


def is_anaphoric(expression: str) -> bool:
    """A period told from another date, not from the article date."""
    return _reading(expression) is not None


def ground_anaphoric(
    entity: Span, anchor_of: Callable[[Span], GroundedDate | None]
) -> GroundedDate | None:
    """The period an anaphoric expression names, counted from the nearest earlier date
    expression of the text that ``anchor_of`` grounds; None without one."""
    reading = _reading(told_text(entity))
    if reading is None:
        return None
    unit, step = reading
    earlier = [e for e in doc_entities(entity.doc) if e.label_ == "DATE" and e.end <= entity.start]
    for other in reversed(earlier):
        if is_anaphoric(other.text):
            continue
        anchor = anchor_of(other)
        if anchor is not None:
            return _shift(anchor, unit, step) if unit in _COARSE else _in_year(anchor, unit)
    return None


def _in_year(anchor: GroundedDate, month: str) -> GroundedDate:
    """ "that August" after "in June 1998": the month named, in the year told last."""
    return GroundedDate(date(int(anchor.value[:4]), grammar().months[month], 1).isoformat(), "month")


def _reading(expression: str) -> tuple[str, int] | None:
    """The unit and step of an anaphoric expression ("the next night": day, +1)."""
    g = grammar()
    text = re.sub(r"\s+", " ", expression.lower().strip().rstrip(".,;:"))
    if text in g.data["same_day"]:
        return "day", 0
    text = re.sub(r"^(?:on|in|during|at|by)\s+", "", text)
    text = g.day_part.sub(" day", text) if not text.endswith(" day") else text
    words = text.split()
    if len(words) == 2 and words[0] in {"that", "the same"} and words[1] in g.months:
        return words[1], 0  # "that August": a month of the year told last
    if not g.anaphoric.match(text):
        return None
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
