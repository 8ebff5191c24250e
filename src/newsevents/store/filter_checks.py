"""Filter values as users type them, checked and read once for the CLI and the API alike.

Each check raises ``FilterError`` naming the filter (as ``FilterArgs`` names it) and saying
what is wrong in one line; ``newsevents query``/``export`` print it and exit 2, the API
answers 422 with it. So a bad date, an unknown event type or sector, a bounding box off the
globe or a negative limit never reach the store, and never come back as an empty answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from newsevents.errors import FilterError
from newsevents.ontology.codes import fold, mode_codes, quad_types, sector_codes
from newsevents.records import EVENT_TYPES
from newsevents.store.queries import BBox, FilterArgs

FILTER_HELP: dict[str, str] = {
    "event_type": "PLOVER event type (repeatable; any of them matches).",
    "quad": "PLOVER quad: verbal cooperation, material cooperation, verbal conflict or material conflict.",
    "mode": "Event mode (crowd-control, arrest, demo ...); a story matches when a mention has it.",
    "actor_country": "Actor country (ISO alpha-3, IGO ...).",
    "actor_sector": "Actor sector (GOV, MIL, CVL ...).",
    "recipient_country": "Recipient country (ISO alpha-3, IGO ...).",
    "place": "Country (name, ISO2 or ISO3 code), region (admin1) or town; "
             "case, accents and apostrophes do not matter.",
    "bbox": "min_lon,min_lat,max_lon,max_lat (min_lon > max_lon crosses the antimeridian).",
    "date_from": "Earliest event date (YYYY-MM-DD, inclusive).",
    "date_to": "Latest event date (YYYY-MM-DD, inclusive).",
    "text": "Words in the sentence or article.",
    "min_confidence": "Lowest confidence kept (0 to 1).",
    "include_historical": "Count historical references too (\"in 2013 the collapse killed 1,100\"); "
                          "by default only what happened in the chosen window counts.",
    "thread": "A thread id (th-...): the events of its articles, the stories they report.",
    "limit": "At most this many rows.",
    "offset": "Rows to skip first (pages, newest first).",
}
"""What each filter means, for the CLI's --help and the API's OpenAPI spec alike."""
MAX_LIMIT = 2**62
MAX_OFFSET = 2**62
"""Far beyond any store; keeps the numbers 64-bit integers for DuckDB."""


def event_types(values: Sequence[str] | None) -> list[str] | None:
    """PLOVER types in upper case; any unknown one is an error (never an empty answer)."""
    if not values:
        return None
    upper = [v.strip().upper() for v in values]
    unknown = [v for v, u in zip(values, upper, strict=True) if u not in EVENT_TYPES]
    if unknown:
        raise FilterError(
            "event_type", f"unknown event type {unknown[0]!r}; the PLOVER types are {', '.join(EVENT_TYPES)}"
        )
    return upper


def quad(value: str | None) -> str | None:
    """A PLOVER quad, however written ("Material-Conflict", "material_conflict")."""
    if value is None:
        return None
    name = " ".join(value.replace("-", " ").replace("_", " ").lower().split())
    if name not in quad_types():
        raise FilterError("quad", f"unknown quad {value!r}; the quads are {', '.join(quad_types())}")
    return name


def mode(value: str | None) -> str | None:
    """An event mode of ``modes.yaml``, in lower case."""
    if value is None:
        return None
    name = value.strip().lower()
    if name not in mode_codes():
        known = ", ".join(sorted(mode_codes()))
        raise FilterError("mode", f"unknown mode {value!r}; the modes are {known}")
    return name


def sector(value: str | None, option: str = "actor_sector") -> str | None:
    """A sector code the ontology gives actors (GOV, MIL, CVL ...), in upper case."""
    if value is None:
        return None
    code = value.strip().upper()
    if code not in sector_codes():
        known = ", ".join(sorted(sector_codes()))
        raise FilterError(option, f"unknown sector {value!r}; the sectors are {known}")
    return code


def place(value: str | None) -> str | None:
    """A place name or code with something to match (letters or digits once folded)."""
    if value is None:
        return None
    if not fold(value):
        raise FilterError("place", f"{value!r} names no place: give a country, code, region or town")
    return value


def thread(value: str | None) -> str | None:
    """A thread id, as ``query --threads`` and ``/api/threads`` list them."""
    if value is None:
        return None
    if not value.strip():
        raise FilterError("thread", "an empty thread id: give one that `query --threads` lists")
    return value.strip()


def parse_bbox(text: str) -> BBox:
    """``min_lon,min_lat,max_lon,max_lat`` to numbers.

    ``min_lon > max_lon`` is a box across the antimeridian; ``min_lat > max_lat`` is an error.
    """
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in text.split(","))
    except ValueError:
        raise FilterError(
            "bbox", f"bbox takes four numbers min_lon,min_lat,max_lon,max_lat, got {text!r}"
        ) from None
    for name, value, bound in (("min_lon", min_lon, 180), ("max_lon", max_lon, 180),
                               ("min_lat", min_lat, 90), ("max_lat", max_lat, 90)):
        if not -bound <= value <= bound:  # also refuses nan
            raise FilterError("bbox", f"bbox {name} must be within [-{bound}, {bound}], got {value}")
    if min_lat > max_lat:
        raise FilterError("bbox", f"bbox min_lat {min_lat} is above max_lat {max_lat}")
    return min_lon, min_lat, max_lon, max_lat


def parse_date(text: str | date | None, option: str) -> date | None:
    """An ISO date (YYYY-MM-DD) that exists on the calendar."""
    if text is None or isinstance(text, date):
        return text
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise FilterError(option, f"{text!r} is not a valid date (YYYY-MM-DD)") from None


def check_order(date_from: date | None, date_to: date | None) -> None:
    """``from`` after ``to`` is an error (an empty answer would hide the mistake)."""
    if date_from and date_to and date_from > date_to:
        raise FilterError("date_to", f"'to' ({date_to}) is before 'from' ({date_from})")


def confidence(value: float | None) -> float | None:
    if value is not None and not 0 <= value <= 1:  # also refuses nan
        raise FilterError("min_confidence", f"min_confidence must be within [0, 1], got {value}")
    return value


def count(value: int | None, option: str, *, least: int, most: int) -> int | None:
    """A row count (``limit`` from 1, ``offset`` from 0) within the bounds."""
    if value is not None and value < least:
        raise FilterError(option, f"{option} must be {least} or more, got {value}")
    if value is not None and value > most:
        raise FilterError(option, f"{option} must be at most {most}, got {value}")
    return value


def checked(raw: Mapping[str, Any]) -> FilterArgs:
    """Every filter of ``raw`` (``FilterArgs``'s names, values as typed: text, numbers)
    checked and read: what ``Store.query_events`` takes."""
    date_from = parse_date(raw.get("date_from"), "date_from")
    date_to = parse_date(raw.get("date_to"), "date_to")
    check_order(date_from, date_to)
    bbox = raw.get("bbox")
    return FilterArgs(
        event_type=event_types(raw.get("event_type")),
        quad=quad(raw.get("quad")),
        mode=mode(raw.get("mode")),
        actor_country=raw.get("actor_country"),
        actor_sector=sector(raw.get("actor_sector")),
        recipient_country=raw.get("recipient_country"),
        place=place(raw.get("place")),
        bbox=parse_bbox(bbox) if bbox is not None else None,
        date_from=date_from,
        date_to=date_to,
        text=raw.get("text"),
        min_confidence=confidence(raw.get("min_confidence")),
        include_historical=bool(raw.get("include_historical")),
        thread=thread(raw.get("thread")),
        limit=count(raw.get("limit"), "limit", least=1, most=MAX_LIMIT),
        offset=count(raw.get("offset"), "offset", least=0, most=MAX_OFFSET),
    )
