"""Query parameters shared by the endpoints: the filters of ``newsevents query`` and paging.

Every value is checked here (FastAPI answers 422 with the reason) so the store only
ever sees well-formed filters: known event types, a bounding box of four numbers on
the globe, ISO dates in order, confidence in [0, 1].
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, Query
from fastapi.exceptions import RequestValidationError
from pydantic import AfterValidator

from newsevents.records import EVENT_TYPES
from newsevents.store.queries import BBox, Filters

MAX_LIMIT = 1000
MAX_OFFSET = 2**62
"""Far beyond any store; keeps the number a 64-bit integer for DuckDB."""


def _event_types(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    upper = [v.strip().upper() for v in values]
    unknown = [v for v, u in zip(values, upper, strict=True) if u not in EVENT_TYPES]
    if unknown:
        raise ValueError(f"unknown event type {unknown[0]!r}; the PLOVER types are {', '.join(EVENT_TYPES)}")
    return upper


def parse_bbox(text: str) -> BBox:
    """``min_lon,min_lat,max_lon,max_lat`` to numbers; ValueError says what is wrong.

    ``min_lon > max_lon`` is a box across the antimeridian; ``min_lat > max_lat`` is an error.
    """
    parts = text.split(",")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise ValueError(
            f"bbox takes four numbers min_lon,min_lat,max_lon,max_lat, got {text!r}"
        ) from None
    for name, value, bound in (("min_lon", min_lon, 180), ("max_lon", max_lon, 180),
                               ("min_lat", min_lat, 90), ("max_lat", max_lat, 90)):
        if not -bound <= value <= bound:  # also refuses nan
            raise ValueError(f"bbox {name} must be within [-{bound}, {bound}], got {value}")
    if min_lat > max_lat:
        raise ValueError(f"bbox min_lat {min_lat} is above max_lat {max_lat}")
    return min_lon, min_lat, max_lon, max_lat


def _bbox(text: str | None) -> str | None:
    if text is not None:
        parse_bbox(text)
    return text


def check_order(date_from: date | None, date_to: date | None) -> None:
    """422 when ``from`` is after ``to`` (an empty answer would hide the mistake)."""
    if date_from and date_to and date_from > date_to:
        raise RequestValidationError([{
            "type": "value_error", "loc": ("query", "to"), "input": date_to.isoformat(),
            "msg": f"'to' ({date_to}) is before 'from' ({date_from})",
        }])


From = Annotated[date | None, Query(alias="from", description="Earliest date (ISO, inclusive).")]
To = Annotated[date | None, Query(alias="to", description="Latest date (ISO, inclusive).")]


def event_filters(
    event_type: Annotated[
        list[str] | None,
        Query(alias="type", description="PLOVER event type (repeatable; any of them matches).",
              json_schema_extra={"items": {"enum": list(EVENT_TYPES)}}),
        AfterValidator(_event_types),
    ] = None,
    actor_country: Annotated[
        str | None, Query(min_length=1, max_length=16, description="Actor country (ISO alpha-3, IGO ...).")
    ] = None,
    actor_sector: Annotated[
        str | None, Query(min_length=1, max_length=16, description="Actor sector (GOV, MIL, CVL ...).")
    ] = None,
    recipient: Annotated[
        str | None, Query(min_length=1, max_length=16, description="Recipient country.")
    ] = None,
    place: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="Place name, admin1 or ISO2 country code."),
    ] = None,
    bbox: Annotated[
        str | None,
        Query(description="min_lon,min_lat,max_lon,max_lat (min_lon > max_lon crosses the antimeridian).",
              examples=["20,42,21.5,43.5"]),
        AfterValidator(_bbox),
    ] = None,
    date_from: From = None,
    date_to: To = None,
    text: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Words in the sentence or article.")
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Lowest confidence kept.")] = None,
) -> Filters:
    """The filters of ``newsevents query``, as one ``Filters`` (event date for from/to)."""
    check_order(date_from, date_to)
    return Filters(
        event_type=event_type, actor_country=actor_country, actor_sector=actor_sector,
        recipient_country=recipient, place=place, bbox=parse_bbox(bbox) if bbox else None,
        date_from=date_from, date_to=date_to, text=text, min_confidence=min_confidence,
    )


EventFilters = Annotated[Filters, Depends(event_filters)]


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")] = 0,
) -> Paging:
    return Paging(limit, offset)


Page = Annotated[Paging, Depends(paging)]
