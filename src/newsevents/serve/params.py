"""Query parameters shared by the endpoints: the filters of ``newsevents query`` and paging.

Every value is checked (FastAPI answers 422 with the reason) by the checks of
``newsevents.store.filter_checks``, the ones ``newsevents query`` and ``export`` make, so
the store only ever sees well-formed filters: known event types and sectors, a bounding
box of four numbers on the globe, ISO dates in order, confidence in [0, 1].
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, Query
from fastapi.exceptions import RequestValidationError
from pydantic import AfterValidator

from newsevents.errors import FilterError
from newsevents.records import EVENT_TYPES
from newsevents.store import filter_checks as checks
from newsevents.store.filter_checks import FILTER_HELP, MAX_OFFSET
from newsevents.store.queries import Filters

MAX_LIMIT = 1000
"""Rows per page of an answer."""


def _date(option: str) -> AfterValidator:
    return AfterValidator(lambda text: checks.parse_date(text, option))


def _bbox(text: str | None) -> str | None:
    if text is not None:
        checks.parse_bbox(text)
    return text


def check_order(date_from: date | None, date_to: date | None) -> None:
    """422 when ``from`` is after ``to``, said as ``newsevents query`` says it."""
    try:
        checks.check_order(date_from, date_to)
    except FilterError as exc:
        raise RequestValidationError([{
            "type": "value_error", "loc": ("query", "to"), "input": date_to and date_to.isoformat(),
            "msg": str(exc),
        }]) from None


_DATE_SCHEMA = {"format": "date"}
From = Annotated[
    str | None,
    Query(alias="from", description="Earliest date (ISO, inclusive).", json_schema_extra=_DATE_SCHEMA),
    _date("date_from"),
]
To = Annotated[
    str | None,
    Query(alias="to", description="Latest date (ISO, inclusive).", json_schema_extra=_DATE_SCHEMA),
    _date("date_to"),
]


def event_filters(
    event_type: Annotated[
        list[str] | None,
        Query(alias="type", description=FILTER_HELP["event_type"],
              json_schema_extra={"items": {"enum": list(EVENT_TYPES)}}),
        AfterValidator(checks.event_types),
    ] = None,
    quad: Annotated[
        str | None, Query(min_length=1, max_length=40, description=FILTER_HELP["quad"]),
        AfterValidator(checks.quad),
    ] = None,
    mode: Annotated[
        str | None, Query(min_length=1, max_length=40, description=FILTER_HELP["mode"]),
        AfterValidator(checks.mode),
    ] = None,
    actor_country: Annotated[
        str | None, Query(min_length=1, max_length=16, description=FILTER_HELP["actor_country"])
    ] = None,
    actor_sector: Annotated[
        str | None, Query(min_length=1, max_length=16, description=FILTER_HELP["actor_sector"]),
        AfterValidator(checks.sector),
    ] = None,
    recipient: Annotated[
        str | None, Query(min_length=1, max_length=16, description=FILTER_HELP["recipient_country"])
    ] = None,
    place: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description=FILTER_HELP["place"]),
        AfterValidator(checks.place),
    ] = None,
    bbox: Annotated[
        str | None,
        Query(description=FILTER_HELP["bbox"],
              examples=["20,42,21.5,43.5"]),
        AfterValidator(_bbox),
    ] = None,
    date_from: From = None,
    date_to: To = None,
    text: Annotated[
        str | None, Query(min_length=1, max_length=200, description=FILTER_HELP["text"])
    ] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description=FILTER_HELP["min_confidence"])
    ] = None,
    include_historical: Annotated[bool, Query(description=FILTER_HELP["include_historical"])] = False,
    thread: Annotated[
        str | None, Query(min_length=1, max_length=200, description=FILTER_HELP["thread"]),
        AfterValidator(checks.thread),
    ] = None,
) -> Filters:
    """The filters of ``newsevents query``, as one ``Filters`` (event date for from/to)."""
    check_order(date_from, date_to)
    return Filters(
        event_type=event_type, quad=quad, mode=mode, actor_country=actor_country, actor_sector=actor_sector,
        recipient_country=recipient, place=place, bbox=checks.parse_bbox(bbox) if bbox else None,
        date_from=date_from, date_to=date_to, text=text, min_confidence=min_confidence,
        include_historical=include_historical, thread=thread,
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
