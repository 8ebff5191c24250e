"""Filters to parameterised SQL: values only ever travel as parameters, never as SQL text.

Column names come from this module, never from the caller. Text matches are
case-insensitive substrings (``contains(lower(..), lower(?))``), so ``%`` and ``_``
in the user's text mean themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypedDict

BBox = tuple[float, float, float, float]
"""(min_lon, min_lat, max_lon, max_lat), as GeoJSON writes a bounding box."""


class FilterArgs(TypedDict, total=False):
    """The keyword arguments of ``Store.query_events`` and ``query_stories`` (see ``Filters``)."""

    event_type: str | Sequence[str] | None
    actor_country: str | None
    actor_sector: str | None
    recipient_country: str | None
    place: str | None
    bbox: BBox | None
    date_from: str | date | None
    date_to: str | date | None
    text: str | None
    min_confidence: float | None
    limit: int | None


@dataclass(slots=True)
class Filters:
    """What ``query_events`` and ``query_stories`` accept; None means no filter."""

    event_type: str | Sequence[str] | None = None
    actor_country: str | None = None
    actor_sector: str | None = None
    recipient_country: str | None = None
    place: str | None = None
    bbox: BBox | None = None
    date_from: str | date | None = None
    date_to: str | date | None = None
    text: str | None = None
    min_confidence: float | None = None
    limit: int | None = None


@dataclass(slots=True)
class Sql:
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.where.append(clause)
        self.params.extend(params)

    def clause(self) -> str:
        return " AND ".join(self.where) if self.where else "TRUE"


# Columns the event table shows; `record` is left out (ask for it with `with_record`).
EVENT_VIEW = (
    "e.id, e.article_id, e.event_type, e.mode, e.quad, e.date, e.date_precision, "
    "e.actor_names, e.actor_countries, e.actor_sectors, "
    "e.recipient_names, e.recipient_countries, e.recipient_sectors, "
    "e.location_name, e.location_country_code, e.location_lat, e.location_lon, "
    "e.dead, e.injured, e.arrested, e.negated, e.hypothetical, e.future, e.historical, "
    "e.confidence, e.trigger, e.sentence, e.story_id, a.date AS published, a.title, a.url, a.source"
)

STORY_VIEW = (
    "s.id, s.event_type, s.date, s.date_precision, s.actor_names, s.actor_countries, s.actor_sectors, "
    "s.recipient_names, s.recipient_countries, s.recipient_sectors, s.location_name, "
    "s.location_country_code, s.location_lat, s.location_lon, s.dead, s.injured, s.arrested, "
    "s.n_mentions, s.articles, s.first_seen, s.last_seen"
)


def events_sql(filters: Filters, *, with_record: bool = False) -> tuple[str, list[Any]]:
    """SELECT over events joined to their article, newest event date first."""
    sql = _common(filters, alias="e")
    if filters.min_confidence is not None:
        sql.add("e.confidence >= ?", float(filters.min_confidence))
    if filters.text:
        sql.add("(contains(lower(e.sentence), lower(?)) OR contains(lower(a.text), lower(?)))",
                filters.text, filters.text)
    columns = EVENT_VIEW + (", e.record" if with_record else "")
    query = (
        f"SELECT {columns} FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE {sql.clause()} ORDER BY e.date DESC NULLS LAST, e.id"
    )
    return _limit(query, sql.params, filters.limit)


def stories_sql(filters: Filters, *, with_record: bool = False) -> tuple[str, list[Any]]:
    """SELECT over stories; ``text`` matches the sentence or article of any mention."""
    sql = _common(filters, alias="s")
    if filters.min_confidence is not None or filters.text:
        inner = Sql(["e.story_id = s.id"])
        if filters.min_confidence is not None:
            inner.add("e.confidence >= ?", float(filters.min_confidence))
        if filters.text:
            inner.add("(contains(lower(e.sentence), lower(?)) OR contains(lower(a.text), lower(?)))",
                      filters.text, filters.text)
        sql.add(
            "EXISTS (SELECT 1 FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE {inner.clause()})",
            *inner.params,
        )
    columns = STORY_VIEW + (", s.record" if with_record else "")
    query = f"SELECT {columns} FROM stories s WHERE {sql.clause()} ORDER BY s.date DESC NULLS LAST, s.id"
    return _limit(query, sql.params, filters.limit)


def _common(filters: Filters, *, alias: str) -> Sql:
    """The filters events and stories share (same column names in both tables)."""
    sql = Sql()
    t = alias
    if filters.event_type:
        types = [filters.event_type] if isinstance(filters.event_type, str) else list(filters.event_type)
        sql.add(f"{t}.event_type IN (SELECT unnest(?::VARCHAR[]))", [x.upper() for x in types])
    if filters.actor_country:
        sql.add(f"list_contains({t}.actor_countries, ?)", filters.actor_country.upper())
    if filters.actor_sector:
        sql.add(f"list_contains({t}.actor_sectors, ?)", filters.actor_sector.upper())
    if filters.recipient_country:
        sql.add(f"list_contains({t}.recipient_countries, ?)", filters.recipient_country.upper())
    if filters.place:
        sql.add(
            f"(upper({t}.location_country_code) = upper(?) OR lower({t}.location_name) = lower(?) "
            f"OR lower({t}.location_admin1) = lower(?))",
            filters.place, filters.place, filters.place,
        )
    if filters.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in filters.bbox)
        sql.add(f"{t}.location_lat BETWEEN ? AND ?", min_lat, max_lat)
        if min_lon <= max_lon:
            sql.add(f"{t}.location_lon BETWEEN ? AND ?", min_lon, max_lon)
        else:  # a box across the antimeridian
            sql.add(f"({t}.location_lon >= ? OR {t}.location_lon <= ?)", min_lon, max_lon)
    if filters.date_from is not None:
        sql.add(f"{t}.date >= ?::DATE", _iso(filters.date_from))
    if filters.date_to is not None:
        sql.add(f"{t}.date <= ?::DATE", _iso(filters.date_to))
    return sql


def _iso(value: str | date) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _limit(query: str, params: list[Any], limit: int | None) -> tuple[str, list[Any]]:
    if limit is None:
        return query, params
    return f"{query} LIMIT ?", [*params, int(limit)]
