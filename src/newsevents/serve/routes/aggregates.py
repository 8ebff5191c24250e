"""GET /api/actors, /api/timeline, /api/network, /api/map, /api/totals, /api/event_threads: the
filtered events summed up for the dashboard's charts (the SQL is in ``store/aggregates.py``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from newsevents.serve.db import Cursor, paged, rows, scalar
from newsevents.serve.models import ActorRow, EventThreadPage, MapResult, Network, Timeline, Totals
from newsevents.serve.params import MAX_LIMIT, EventFilters, Page
from newsevents.store import aggregates

router = APIRouter(prefix="/api", tags=["aggregates"])

MAX_MAP = 10_000
DEFAULT_MAP = 2000
DEFAULT_LINKS = 100


@router.get("/actors", response_model=list[ActorRow], summary="Actors of the filtered events")
def actors(cursor: Cursor, filters: EventFilters, page: Page) -> list[dict[str, Any]]:
    """Each (name, country, sector) with how many filtered events it is an actor and a
    recipient of, most events first."""
    return rows(cursor, *aggregates.actors_sql(filters, limit=page.limit, offset=page.offset))


@router.get("/timeline", response_model=Timeline, summary="Events per period, quad category and type")
def timeline(
    cursor: Cursor,
    filters: EventFilters,
    bucket: Annotated[Literal["day", "week", "month", "year"],
                      Query(description="Period; weeks start on Monday.")] = "month",
) -> dict[str, Any]:
    """Counts of the filtered events with a date, oldest period first; ``date`` is the
    period's first day."""
    return {"bucket": bucket, "items": rows(cursor, *aggregates.timeline_sql(filters, bucket))}


@router.get("/network", response_model=Network, summary="Who acts on whom")
def network(
    cursor: Cursor,
    filters: EventFilters,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT,
                                description="Links kept, heaviest first.")] = DEFAULT_LINKS,
    by: Annotated[Literal["actor", "country", "name"],
                  Query(description="Node: country and sector (NGA/COP; the name when no country), "
                                    "country alone, or actor name.")] = "actor",
) -> dict[str, Any]:
    """Actor -> recipient links of the filtered events weighted by event count, with the
    count per event type, and the nodes they join."""
    nodes: dict[str, dict[str, Any]] = {}
    links: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows(cursor, *aggregates.network_sql(filters, kind=by, limit=limit)):
        for end in ("source", "target"):
            nodes.setdefault(r[end], {
                "id": r[end], "label": r[f"{end}_label"], "country": r[f"{end}_country"],
                "sector": r[f"{end}_sector"], "weight": r[f"{end}_weight"]})
        link = links.setdefault((r["source"], r["target"]), {
            "source": r["source"], "target": r["target"], "weight": r["weight"], "types": {}})
        link["types"][r["event_type"]] = r["n"]
    ordered = sorted(nodes.values(), key=lambda n: (-n["weight"], n["id"]))
    return {"nodes": ordered, "links": list(links.values())}


@router.get("/map", response_model=MapResult, summary="Stories with coordinates")
def story_map(
    cursor: Cursor,
    filters: EventFilters,
    limit: Annotated[int, Query(ge=1, le=MAX_MAP,
                                description="Stories kept, most reported first.")] = DEFAULT_MAP,
) -> dict[str, Any]:
    """Stories matching the filters that have a location with coordinates."""
    items = rows(cursor, *aggregates.map_sql(filters, limit=limit))
    total = len(items) if len(items) < limit else int(scalar(cursor, *aggregates.count_mapped_sql(filters)))
    return {"total": total, "limit": limit, "items": items}


@router.get("/totals", response_model=Totals, summary="Events, stories and their sizes")
def totals(cursor: Cursor, filters: EventFilters) -> dict[str, Any]:
    """How many events and stories match the filters, and the dead, injured and arrested
    of those stories (sizes summed once per story, not once per article)."""
    return rows(cursor, *aggregates.totals_sql(filters))[0]


@router.get("/event_threads", response_model=EventThreadPage, summary="Threads of the filtered events")
def event_threads(cursor: Cursor, filters: EventFilters, page: Page) -> dict[str, Any]:
    """The threads holding a filtered event, latest first, each with ``n_events``, how many of
    the filtered events its articles hold (``GET /api/threads`` lists threads by their own dates)."""
    items = rows(cursor, *aggregates.event_threads_sql(filters, limit=page.limit, offset=page.offset))
    return paged(cursor, items, page.limit, page.offset, aggregates.count_event_threads_sql(filters))
