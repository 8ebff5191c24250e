"""GET /api/meta: what the store holds, for the dashboard's filter widgets."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, Request

from newsevents.records import EVENT_TYPES
from newsevents.serve.db import Cursor
from newsevents.serve.models import Meta
from newsevents.store import browse

router = APIRouter(prefix="/api", tags=["meta"])

_lock = threading.Lock()


@router.get("/meta", response_model=Meta, summary="Counts, event types, date ranges and filter values")
def meta(request: Request, cursor: Cursor) -> dict[str, Any]:
    """Computed again only when a table's row count changed (every page load asks for it
    and the full answer scans every event)."""
    counts = tuple(cursor.execute(browse.COUNTS_SQL).fetchone() or ())
    state = request.app.state
    with _lock:
        cached = getattr(state, "meta", None)
    if cached and cached[0] == counts:
        return cached[1]  # type: ignore[no-any-return]
    found = {name: cursor.execute(query).fetchall() for name, query in browse.META_SQL.items()}

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
        "event_dates": span("event_dates"),
        "article_dates": span("article_dates"),
        "actor_countries": values("actor_countries"),
        "actor_sectors": values("actor_sectors"),
        "places": [{"country": c, "admin1": a, "n": n} for c, a, n in found["places"]],
        "sources": values("sources"),
        "ingest": request.app.state.token is not None,
        "read_only": request.app.state.store.read_only,
    }
    with _lock:
        state.meta = (counts, answer)
    return answer
