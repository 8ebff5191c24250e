"""GET /api/meta: what the store holds, for the dashboard's filter widgets."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from newsevents.records import EVENT_TYPES
from newsevents.serve.db import Cursor, Reader
from newsevents.serve.models import Meta
from newsevents.store import browse

router = APIRouter(prefix="/api", tags=["meta"])


def counts_and_values(cursor: Reader) -> tuple[tuple[int, ...], dict[str, list[tuple[Any, ...]]]]:
    """Rows per table, and the answer of each of ``browse.META_SQL``."""
    counts = next(iter(cursor.fetch(browse.COUNTS_SQL, [])[1]), ())
    return counts, {name: cursor.fetch(query, [])[1] for name, query in browse.META_SQL.items()}


@router.get("/meta", response_model=Meta, summary="Counts, event types, date ranges and filter values")
def meta(request: Request, cursor: Cursor) -> dict[str, Any]:
    """Every page load asks for it and the full answer scans every event: its queries are
    answered from memory until the store is next written (``Store.fetch``)."""
    counts, found = counts_and_values(cursor)

    def values(name: str) -> list[dict[str, Any]]:
        return [{"value": v, "n": n} for v, n in found[name]]

    def span(name: str) -> dict[str, Any]:
        low, high = found[name][0]
        return {"min": low and low.isoformat(), "max": high and high.isoformat()}

    answer = {
        "counts": dict(zip(browse.TABLES, counts, strict=True)),
        "event_types": list(EVENT_TYPES),
        "event_type_counts": dict(found["event_types"]),
        "quads": values("quads"),
        "modes": values("modes"),
        "event_dates": span("event_dates"),
        "article_dates": span("article_dates"),
        "actor_countries": values("actor_countries"),
        "actor_sectors": values("actor_sectors"),
        "places": [{"country": c, "admin1": a, "n": n} for c, a, n in found["places"]],
        "sources": values("sources"),
        "ingest": request.app.state.token is not None,
        "read_only": request.app.state.store.read_only,
    }
    return answer
