"""Recurring dates: which instance of a month, day, weekday or holiday an expression means.

A month, a month and day, a weekday or a holiday named without a year recurs; grounding.py
asks here which one is meant: the last before the article date, the next after it, the one of
its year, or, with no word to say, the one a window around the article date holds (dates.yaml:
news mostly reports the past but names coming dates); ``future``/``past`` give the tense of
what the expression dates, when known.
"""

from __future__ import annotations

from datetime import date, timedelta

from newsevents.extract.date_grammar import grammar


def _months_between(base: date, year: int, month: int) -> int:
    return (year * 12 + month) - (base.year * 12 + base.month)


def instance_year(
    month: int, day: int | None, base: date, step: int | None, future: bool, past: bool = False
) -> int | None:
    """The year of a month (or month-day) named without one.

    ``step`` -1 is the last one before the article date, 1 the next one after,
    0 the one of its year; None lets the window (or ``future``/``past``) decide.
    """
    def after(year: int) -> bool:
        if day is None:
            return _months_between(base, year, month) > 0
        try:
            return date(year, month, day) > base
        except ValueError:
            return False

    def before(year: int) -> bool:
        if day is None:
            return _months_between(base, year, month) < 0
        try:
            return date(year, month, day) < base
        except ValueError:
            return False

    years = (base.year - 1, base.year, base.year + 1)
    if step == 0:
        return base.year
    if step == -1:
        return max((y for y in years if before(y)), default=None)
    if step is None and past:
        return max((y for y in years if not after(y)), default=None)
    if step == 1 or (step is None and future):
        return min((y for y in years if after(y) or (future and not before(y))), default=None)
    data = grammar().data
    back, ahead = int(data["window_months_back"]), int(data["window_months_ahead"])
    return next((y for y in years if -back <= _months_between(base, y, month) <= ahead), None)


def weekday_date(target: int, base: date, step: int | None, future: bool, past: bool = False) -> date:
    """The day of a weekday (0 Monday) named without a date: the last one, unless it is tomorrow."""
    ahead = (target - base.weekday()) % 7
    if step is None and past:  # a reported act: the latest such day, today included
        return base - timedelta(days=(base.weekday() - target) % 7)
    if step == -1:
        return base - timedelta(days=(base.weekday() - target) % 7 or 7)
    if step == 1:
        return base + timedelta(days=ahead or 7)
    if future or ahead <= 1:  # "Tuesday" in a Monday paper is tomorrow
        return base + timedelta(days=ahead)
    return base - timedelta(days=7 - ahead)


def holiday(rule: dict[str, int], year: int) -> date:
    """A holiday's day in a year: a fixed day, or the nth (or last) weekday of a month (dates.yaml)."""
    if "day" in rule:
        return date(year, rule["month"], rule["day"])
    nth, weekday, month = rule["nth"], rule["weekday"], rule["month"]
    if nth > 0:
        first = date(year, month, rule.get("from", 1))
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday_date(
    rule: dict[str, int], base: date, step: int | None, future: bool, past: bool = False
) -> date:
    """A holiday named without a year: its day chosen as ``instance_year`` chooses a month's."""
    candidates = [holiday(rule, y) for y in (base.year - 1, base.year, base.year + 1)]
    if step == 0:
        return candidates[1]
    if step is None and past:
        return max(c for c in candidates if c <= base)
    if step == -1:
        return max(c for c in candidates if c < base)
    if step == 1 or (step is None and future):
        return min(c for c in candidates if c > base or (future and c == base))
    data = grammar().data
    back, ahead = int(data["window_months_back"]), int(data["window_months_ahead"])
    return next(c for c in candidates if -back <= _months_between(base, c.year, c.month) <= ahead)
