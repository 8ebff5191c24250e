"""GET /api/events and /api/events/{id}: coded events, filtered like ``newsevents query``."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, HTTPException

from newsevents.serve.db import Cursor, paged, rows
from newsevents.serve.models import EventDetail, EventPage
from newsevents.serve.params import EventFilters, Page
from newsevents.store import browse
from newsevents.store.queries import count_events_sql, events_sql

router = APIRouter(prefix="/api", tags=["events"])


@router.get("/events", response_model=EventPage, summary="Events matching the filters, newest first")
def list_events(cursor: Cursor, filters: EventFilters, page: Page) -> dict[str, Any]:
    """A page of events (newest event date first, then id) with the total that match."""
    items = rows(cursor, *events_sql(replace(filters, limit=page.limit, offset=page.offset)))
    return paged(cursor, items, page.limit, page.offset, count_events_sql(filters))


@router.get("/events/{event_id:path}", response_model=EventDetail, summary="One event's full record",
            responses={404: {"description": "No such event"}})
def get_event(event_id: str, cursor: Cursor) -> dict[str, Any]:
    """The event record (docs/event-record.md) with its ``story_id`` and its ``article``."""
    found = rows(cursor, *browse.event_sql(event_id))
    if not found:
        raise HTTPException(404, f"no event with id {event_id!r}")
    row = found[0]
    return {**row["record"], "story_id": row["story_id"], "article": {
        "id": row["article_id"], "title": row["title"], "date": row["date"], "url": row["url"],
        "source": row["source"],
    }}
