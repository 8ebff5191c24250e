"""The grammar of date expressions: dates.yaml turned into lookup tables and patterns.

Built once (``grammar()``) and shared by the grounding of expressions (grounding.py and
recurring_dates.py) and the finding of them in a parse (dates.py).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from newsevents.ontology.files import read_mapping
from newsevents.ontology.load import DATA_DIR

PERIODS = {"day": "day", "time": "day", "week": "week", "month": "month", "year": "year"}
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"


def _alternation(words: Any) -> str:
    """A regex group matching any of the words, longest first, spaces flexible."""
    ordered = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return "(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


@dataclass(frozen=True, slots=True)
class DateGrammar:
    """dates.yaml turned into lookup tables and the patterns built on them."""

    data: dict[str, Any]
    months: dict[str, int]
    weekdays: dict[str, int]
    determiners: dict[str, int]
    counts: dict[str, int]
    parts: dict[str, tuple[int, dict[str, int]]]
    prepositions: frozenset[str]
    lead: re.Pattern[str]
    tail: re.Pattern[str]
    hedge: re.Pattern[str]
    week_of: re.Pattern[str]
    day_part: re.Pattern[str]
    duration: re.Pattern[str]
    year: re.Pattern[str]
    clock: re.Pattern[str]
    clock_only: re.Pattern[str]
    count: re.Pattern[str]
    bounded_count: re.Pattern[str]
    unit: re.Pattern[str]
    anaphoric: re.Pattern[str]
    weekday: re.Pattern[str]
    weekday_lead: re.Pattern[str]
    month: re.Pattern[str]
    month_of_year: re.Pattern[str]
    month_day: re.Pattern[str]
    day_month: re.Pattern[str]
    ordinal_day: re.Pattern[str]
    season: re.Pattern[str]
    part: re.Pattern[str]
    holiday: re.Pattern[str]
    printed: re.Pattern[str]
    wire_dateline: re.Pattern[str]
    spoken_year: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def grammar() -> DateGrammar:
    data = read_mapping(DATA_DIR / "dates.yaml")
    months = {name: int(n) for n, names in data["months"].items() for name in names}
    weekdays = {name: int(n) for n, names in data["weekdays"].items() for name in names}
    determiners = {str(k): int(v) for k, v in data["determiners"].items()}
    determiners.update({t: 0 for t in data["trailing"]})
    counts = {str(k): int(v) for k, v in data["counts"].items()}
    parts = {str(k): (int(v["months"]), {str(n): int(i) for n, i in v["names"].items()})
             for k, v in data["year_parts"].items()}
    det = _alternation(determiners)
    month, weekday = _alternation(months), _alternation(weekdays)
    amount = r"(\d+|" + _alternation([*counts, *data["vague_counts"]])[1:]
    plain_units = [u for u, p in data["units"].items() if p in PERIODS and " " not in u]
    all_units = _alternation(data["units"])
    year = r"(\d{4})"
    names = {n for _, table in parts.values() for n in table}
    return DateGrammar(
        data=data, months=months, weekdays=weekdays, determiners=determiners, counts=counts,
        parts=parts, prepositions=frozenset(data["prepositions"]),
        lead=re.compile(r"^" + _alternation([*data["prepositions"], *data["approximations"]]) + r"\s+"),
        tail=re.compile(r"\s+" + _alternation(data["trailing_approximations"]) + r"(?=\s|$)"),
        hedge=re.compile(r"^(?:the\s+)?" + _alternation(data["hedges"]) + r"(?:\s*-\s*|\s+)"),
        week_of=re.compile(r"^" + _alternation(data["week_of"]) + r"\s+"),
        day_part=re.compile(r"(?:\s+|-)" + _alternation(data["day_parts"]) + r"$"),
        duration=re.compile(  # also as an adjective: "a 41-year odyssey", "five-year plan"
            r"^(?:for\s+|within\s+|the\s+(?:past|last|next|coming)\s+|(?:a|an|the)\s+(?=\S+-))?" + amount
            + r"(?:\s+(?:\w+\s+)?|\s*-\s*)" + _alternation(plain_units) + r"s?(?:[\s-]+(?:long|old))?$"),
        year=re.compile(r"^(?:" + _alternation(data["year_prefixes"]) + r"\s+)?" + year
                        + r"(?:\s+" + _alternation(data["year_suffixes"]) + r")?$"),
        clock=re.compile(r"\(?\b(?:[01]\d|2[0-3]):?[0-5]\d\s*" + _alternation(data["clock_zones"])
                         + r"\b\)?"),
        clock_only=re.compile(r"^(?:\d{1,2}(?:\s*[:.]\s*\d{2})?\s*[ap]\s*\.?\s*m\b\.?|"
                              + _alternation(data["clock_words"]) + r")$"),
        count=re.compile(r"^" + amount + r"\s+" + _alternation(plain_units) + r"s?\s+"
                         + _alternation([*data["ago"], *data["hence"]]) + r"$"),
        bounded_count=re.compile(r"^" + _alternation(data["bounds"]) + r"\s+" + amount + r"\s+"
                                 + _alternation(plain_units) + r"s?\s+" + _alternation(data["ago"]) + r"$"),
        unit=re.compile(r"^" + det + r"\s+" + all_units + r"$"),
        anaphoric=re.compile(r"^(?:" + _alternation(data["anaphoric"]) + r"\s+"
                             + _alternation(data["anaphoric_units"]) + r"s?|"
                             + _alternation(data["anaphoric_days"]) + r"\s+day)$"),
        weekday=re.compile(r"^(?:" + det + r"\s+)?" + weekday + r"\.?$"),
        weekday_lead=re.compile(r"^" + weekday + r"\.?,?\s+(?=\S*[\d])"),
        month=re.compile(r"^(?:" + det + r"\s+)?" + month + r"\.?(?:,?\s+(?:of\s+)?" + year + r")?$"),
        month_of_year=re.compile(r"^" + month + r"\.?(?:\s+" + _ORDINAL + r")?,?\s+(?:of\s+)?" + det
                                 + r"\s+year$"),
        month_day=re.compile(r"^(?:" + det + r"\s+)?" + month + r"\.?\s+" + _ORDINAL
                             + r"(?:,?\s+" + year + r")?$"),
        day_month=re.compile(r"^(?:the\s+)?" + _ORDINAL + r"\s+(?:of\s+)?" + month
                             + r"\.?(?:,?\s+" + year + r")?$"),
        ordinal_day=re.compile(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)$"),
        season=re.compile(r"^(?:" + det + r"\s+)?" + _alternation(data["seasons"])
                          + r"(?:\s+(?:of\s+)?" + year + r")?$"),
        part=re.compile(r"^(?:" + det + r"\s+)?(?:" + _alternation(names) + r"\s+)?(?:fiscal\s+)?"
                        + _alternation(parts) + r"(?:\s+(?:of\s+)?(?:fiscal\s+)?" + year + r")?$"),
        holiday=re.compile(r"^(?:" + det + r"\s+)?" + _alternation(data["holidays"])
                           + r"(?:\s+" + year + r")?$"),
        printed=re.compile(  # "November 27 - 2005", "Fri, 13 Dec 2008", "Aug . 2 2011": a full date
            r"\b(?:" + month + r"(?:\s*\.)?\s+" + _ORDINAL + r"\s*[,\-\u2013]?\s*" + year + r"|" + _ORDINAL
            + r"\s+(?:of\s+)?" + month + r"(?:\s*\.)?\s*,?\s*" + year + r")\b", re.IGNORECASE),
        wire_dateline=re.compile(  # "WARSAW, February 26 (Xinhua) --", "NAIROBI, Kenya, Aug. 7 -": no year
            r"^\s*[A-Z][A-Z.'\- ]+(?:,\s*[A-Z][\w.'\- ]*)?,\s+(?i:" + month + r")\.?\s+" + _ORDINAL
            + r"\b(?!\s*,?\s*\d{4})", re.MULTILINE),
        spoken_year=re.compile(  # "nineteen seventy-nine", "nineteen oh five", "two thousand and one"
            r"\b" + _alternation(data["spoken_centuries"]) + r"(?:[\s-]+(?:oh[\s-]+)?" + _alternation(
                data["spoken_units"]) + r"|[\s-]+" + _alternation(data["spoken_tens"]) + r"(?:[\s-]+"
            + _alternation(data["spoken_units"]) + r")?|(?=\s*$))\b"),
    )
