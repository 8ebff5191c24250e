"""Grounding: the date a time expression names, seen from the article date.

The common shapes (weekdays, "last June", "three weeks ago", "the third
quarter", "1997", holidays) are settled by patterns built from
ontology/data/dates.yaml (date_grammar.py), which is cheaper and surer than a
parser; the rest goes to dateparser with ``RELATIVE_BASE`` set to the article
date, keeping the period it reports as the precision. A month or day without a
year is taken in the year that puts it at most a few months ahead of the
article date (news mostly reports the past but names coming dates); a bare
weekday is the last one, unless it is tomorrow; for an event announced for the
future, the next one (recurring_dates.py chooses which instance of a month, day,
weekday or holiday is meant). Expressions that name no span we can write as a
day, week, month or year (durations, decades, "that day") are not grounded.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from dateparser.date import DateDataParser

from newsevents.extract.date_grammar import PERIODS, DateGrammar, grammar
from newsevents.extract.recurring_dates import holiday, holiday_date, instance_year, weekday_date

_EXPLICIT_YEAR = re.compile(r"\b\d{4}\b")
_CLOCK_DIGITS = re.compile(r"^0\d{3}$")  # "0030" alone: a clock time, never the year 30
# small numbers joined ("aged 15 and 12", a score "20 - 13", "43-21"): ages or points, never a day
_NUMBER_LIST = re.compile(r"^\d{1,2}(?:\s*(?:,|-|and|or|to)\s*\d{1,2})+$")
_AT_DIGITS = re.compile(r"^at\s+\d{4}$", re.IGNORECASE)  # "struck at 1353": a time; years are "in 1353"
_DECADE = re.compile(r"^(?:the\s+)?(?:'|\d{2})?\d0'?s$")
_FAR_BASES = (date(1300, 6, 15), date(2700, 6, 15))  # no date a text prints moves between them
_PASS = object()  # the patterns do not settle it: ask dateparser


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


def _parsed(text: str, base: date) -> Any:
    """dateparser's reading of an expression, or None (it fails on some inputs rather than
    saying so: an article dated in year 1, odd characters)."""
    try:
        data = _parser(base).get_date_data(text)
    except Exception:  # its internals, not our input: the expression just has no date
        return None
    return data if data.date_obj is not None else None


def _day(found: date) -> GroundedDate:
    return GroundedDate(found.isoformat(), "day")


def _week(found: date) -> GroundedDate:
    return GroundedDate((found - timedelta(days=found.weekday())).isoformat(), "week")


def _month(year: int, month: int) -> GroundedDate:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return GroundedDate(date(year, month, 1).isoformat(), "month")


def _year(year: int) -> GroundedDate:
    return GroundedDate(f"{year:04d}-01-01", "year")


def _unit(unit: str, step: int, base: date, *, trailing: bool, casual: bool) -> GroundedDate:
    """This, last or next day/week/month/year/weekend; ``trailing``: the stretch ending at base."""
    if trailing:
        middle = {"day": 0, "week": 3, "weekend": 3, "month": 15, "year": 182}[unit]
        base, step = base - timedelta(days=middle), 0
    if unit == "day":
        return _day(base + timedelta(days=step))
    if unit == "week":
        return _week(base + timedelta(days=7 * step))
    if unit == "weekend":  # "the weekend" in a weekday paper is the one just past
        if casual and step == 0 and base.weekday() < 5:
            step = -1
        return _week(base + timedelta(days=7 * step))
    if unit == "month":
        return _month(base.year, base.month + step)
    return _year(base.year + step)


def _count(amount: str, unit: str, direction: str, base: date) -> GroundedDate | None:
    g = grammar()
    n = int(amount) if amount.isdigit() else g.counts.get(amount)
    if n is None:
        return None  # "several years ago": too vague for a date
    n = n if direction in g.data["hence"] else -n
    if unit == "day":
        return _day(base + timedelta(days=n))
    if unit == "week":
        return _week(base + timedelta(days=7 * n))
    if unit == "month":
        return _month(base.year, base.month + n)
    return _year(base.year + n)


def _season(start: int, base: date, step: int | None, year: str | None, latest: bool = False) -> GroundedDate:
    """A season as the year that holds its middle month (winter: the January).

    "last" is the latest one over before the article date, "next" the first
    one not yet begun, "this" (or none) the one under way or else this year's;
    ``latest``: a bare one ("the fall") told of an act done ("went public in the fall", in
    March) is the latest begun, not this year's to come.
    """
    if year:
        return _year(int(year) + (start + 1) // 13)
    now = base.year * 12 + base.month
    starts = [y * 12 + start for y in range(base.year - 2, base.year + 2)]
    if step == -1:
        chosen = max(s for s in starts if s + 2 < now)
    elif step == 1:
        chosen = min(s for s in starts if s > now)
    else:
        under_way = [s for s in starts if s <= now <= s + 2]
        begun = max(s for s in starts if s <= now)
        chosen = under_way[0] if under_way else begun if latest else base.year * 12 + start
    middle = chosen + 1
    return _year((middle - 1) // 12)


def _part(name: str | None, kind: str, step: int | None, year: str | None, base: date) -> GroundedDate:
    """A quarter or half, written as the year it falls in: a named one is the latest begun."""
    if year:
        return _year(int(year))
    length, names = grammar().parts[kind]
    per_year = 12 // length
    current = (base.month - 1) // length + 1
    if name is not None:
        return _year(base.year if names[name] <= current else base.year - 1)
    return _year(base.year + (current - 1 + (step or 0)) // per_year)


def _step(g: DateGrammar, word: str | None) -> int | None:
    return None if word is None else g.determiners[re.sub(r"\s+", " ", word)]


def _clean(text: str) -> str:
    """The expression without what does not move its date: prepositions, hedges, "or so"."""
    g = grammar()
    while (m := g.lead.match(text)) or (m := g.hedge.match(text)):
        text = text[m.end():]
    return g.tail.sub("", text).removesuffix("'s").removesuffix("’s")


def _settle(text: str, base: date, future: bool, past: bool) -> Any:
    """Ground the common shapes by pattern; ``_PASS`` for the rest, None for no date."""
    g = grammar()
    if (text.isdigit() and len(text) < 3) or _CLOCK_DIGITS.match(text) or _NUMBER_LIST.match(text):
        return None  # "25": the rest of a date
    if g.clock_only.match(text):  # "9:45 a.m.": a time of a day it does not name
        return None
    if m := g.week_of.match(text):
        found = ground(text[m.end():], base, future=future, past=past)
        return _week(date.fromisoformat(found.value)) if found and found.precision == "day" else found
    text = g.day_part.sub("", text)
    if text in g.data["phrases"]:
        unit, step = g.data["phrases"][text]
        return _unit(unit, int(step), base, trailing=False, casual=False)
    if _DECADE.match(text) or g.duration.match(text) or g.anaphoric.match(text):
        return None
    if m := g.year.match(text):
        return _year(int(m[2]))
    if m := g.count.match(text):
        return _count(m[1], m[2], m[3], base)
    if m := g.unit.match(text):
        unit = g.data["units"][re.sub(r"\s+", " ", m[2])]
        word = re.sub(r"\s+", " ", m[1])
        return _unit(unit, g.determiners[word], base, trailing=word in g.data["trailing"],
                     casual=word == "the")
    if m := g.weekday.match(text):
        return _day(weekday_date(g.weekdays[m[2]], base, _step(g, m[1]), future, past))
    if m := g.weekday_lead.match(text):  # "Saturday, April 25": the date decides
        return ground(text[m.end():], base, future=future, past=past) or _PASS
    if m := g.month_of_year.match(text):  # "June last year", "January 5 this year"
        year = base.year + g.determiners[re.sub(r"\s+", " ", m[3])]
        try:
            return _day(date(year, g.months[m[1]], int(m[2]))) if m[2] else _month(year, g.months[m[1]])
        except ValueError:
            return None
    if m := g.month.match(text):
        month = g.months[m[2]]
        year = int(m[3]) if m[3] else instance_year(month, None, base, _step(g, m[1]), future, past)
        return _month(year, month) if year else None
    if (m := g.month_day.match(text)) or (m := g.day_month.match(text)):
        step, month, day, year = (
            (_step(g, m[1]), g.months[m[2]], int(m[3]), m[4]) if m.re is g.month_day
            else (None, g.months[m[2]], int(m[1]), m[3])
        )
        chosen = int(year) if year else instance_year(month, day, base, step, future, past)
        try:
            return _day(date(chosen, month, day)) if chosen else None
        except ValueError:
            return None
    if m := g.ordinal_day.match(text):
        day = int(m[1])
        this = base.month if day <= base.day or future else base.month - 1
        try:
            return _day(date(base.year + (this - 1) // 12, (this - 1) % 12 + 1, day))
        except ValueError:
            return None
    if m := g.season.match(text):
        bare = m[1] is None or m[1].lower() == "the"
        return _season(int(g.data["seasons"][m[2]]), base, _step(g, m[1]), m[3], latest=past and bare)
    if m := g.part.match(text):
        return _part(m[2], m[3], _step(g, m[1]), m[4], base)
    if m := g.holiday.match(text):
        rule = g.data["holidays"][re.sub(r"\s+", " ", m[2])]
        if m[3]:
            return _day(holiday(rule, int(m[3])))
        return _day(holiday_date(rule, base, _step(g, m[1]), future, past))
    return _PASS


@functools.lru_cache(maxsize=16384)
def ground(
    expression: str, base: date, *, future: bool = False, past: bool = False
) -> GroundedDate | None:
    """The date an expression names, seen from ``base``; None if it names none.

    ``future``/``past`` say the tense of what it dates when known (an event
    announced, or one reported as done); with neither, the likeliest reading wins.
    """
    text = _trimmed(_spoken_years(grammar().clock.sub(" ", expression.lower())))
    if not text or not re.search(r"[a-z0-9]", text):
        return None
    try:
        found = _read(text, base, future, past)
        if found is not None:
            date.fromisoformat(found.value)  # year 0 or 10000 (from year 1 or 9999): not a date
    except (OverflowError, ValueError):  # before year 1 or after 9999: no date we can write
        return None
    return found


def _trimmed(text: str) -> str:
    """The words alone: no brackets or closing punctuation around them, one space between."""
    return re.sub(r"\s+", " ", text.strip().strip("(),").rstrip(".,;:").strip())


def _spoken_years(text: str) -> str:
    """A year spoken as words written as digits ("in nineteen seventy-nine": "in 1979")."""
    g = grammar()

    def digits(m: re.Match[str]) -> str:
        century = g.data["spoken_centuries"][re.sub(r"\s+", " ", m[1])]
        units = g.data["spoken_units"]
        year = units.get(m[2], 0) + g.data["spoken_tens"].get(m[3], 0) + units.get(m[4], 0)
        if not year and m[1] != "two thousand":  # "nineteen" alone is a number, not a year
            return m[0]
        return str(century + year)

    return g.spoken_year.sub(digits, text)


def is_decade(expression: str) -> bool:
    """A decade ("the 1970s", "mid - 1980s"): a time too long ago and too wide to date an act."""
    return bool(_DECADE.match(_clean(_trimmed(expression.lower()))))


def ground_absolute(expression: str) -> GroundedDate | None:
    """The date an expression names from any article date ("June 17 , 1972", "April 2008",
    "2018"), or None: all that dates an act of an article with no date, of its own or printed
    (docs/annotation.md: its relative words and days without a year stay unknown)."""
    if _AT_DIGITS.match(expression.strip()):
        return None
    found = [ground(expression, base) for base in _FAR_BASES]
    return found[0] if found[0] is not None and found[0] == found[1] else None


def in_present_year(expression: str, year: int) -> GroundedDate | None:
    """A month, or a day of a month, named without a year ("on February 14", "in March") in an undated
    text that prints its present year: that year's (docs/annotation.md: a copyright line fixes the
    present year). Not one counted from the day ("last March"), which the undated text cannot name."""
    g = grammar()
    text = _clean(_trimmed(expression.lower()))
    m = g.month.match(text) or g.month_day.match(text) or g.day_month.match(text)
    if m is None or (m.re is not g.day_month and m[1]):
        return None
    return ground(expression, date(year, 12, 31), past=True)


def is_relative(expression: str) -> bool:
    """Time words that name a date only from the article date ("last month", "on Saturday")."""
    return ground(expression, _FAR_BASES[0], past=True) is not None and ground_absolute(expression) is None


def _read(text: str, base: date, future: bool, past: bool) -> GroundedDate | None:
    if grammar().bounded_count.match(text):  # "less than a year before": no date, only a side
        return None
    cleaned = _clean(text)
    settled = _settle(cleaned, base, future, past)
    if settled is not _PASS:
        return settled  # type: ignore[no-any-return]
    data = _parsed(cleaned, base)
    if data is None and cleaned != text:
        data = _parsed(text, base)
    if data is None:
        return None
    found = data.date_obj.date()
    precision = PERIODS.get(data.period or "day", "day")
    if precision in {"day", "month"} and not _EXPLICIT_YEAR.search(text) and (future or found > base):
        day = found.day if precision == "day" else None
        year = instance_year(found.month, day, base, None, future, past)
        if year is not None and (found.month, found.day) != (2, 29):
            found = found.replace(year=year)
    if precision == "month":
        return _month(found.year, found.month)
    if precision == "year":
        return _year(found.year)
    return _week(found) if precision == "week" else _day(found)
