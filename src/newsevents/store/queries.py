"""Filters to parameterised SQL: values only ever travel as parameters, never as SQL text.

Column names come from this module, never from the caller. Text matches are
case-insensitive (``contains(lower(..), lower(?))``), so ``%`` and ``_`` in the user's
text mean themselves, and go through the word index first (see ``_add_text``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypedDict

from newsevents.ontology.codes import FOLD_SQL, country_codes, fold, iso_codes, quad_types


def words_sql(expression: str) -> str:
    """SQL for the distinct words of a text expression, as ``article_terms`` holds them
    (lower case, runs of three or more letters); index and query share this one rule."""
    return f"list_distinct(regexp_extract_all(lower({expression}), '\\pL{{3,}}'))"


BBox = tuple[float, float, float, float]
"""(min_lon, min_lat, max_lon, max_lat), as GeoJSON writes a bounding box."""


class FilterArgs(TypedDict, total=False):
    """The keyword arguments of ``Store.query_events`` and ``query_stories`` (see ``Filters``)."""

    event_type: str | Sequence[str] | None
    quad: str | None
    mode: str | None
    actor_country: str | None
    actor_sector: str | None
    recipient_country: str | None
    place: str | None
    bbox: BBox | None
    date_from: str | date | None
    date_to: str | date | None
    text: str | None
    min_confidence: float | None
    include_historical: bool
    thread: str | None
    limit: int | None
    offset: int | None


@dataclass(slots=True)
class Filters:
    """What ``query_events`` and ``query_stories`` accept; None means no filter."""

    event_type: str | Sequence[str] | None = None
    quad: str | None = None
    """A PLOVER quad ("material conflict"): the events of its types."""
    mode: str | None = None
    """An event mode ("crowd-control"); a story matches when one of its mentions has it."""
    actor_country: str | None = None
    actor_sector: str | None = None
    recipient_country: str | None = None
    place: str | None = None
    bbox: BBox | None = None
    date_from: str | date | None = None
    date_to: str | date | None = None
    text: str | None = None
    min_confidence: float | None = None
    include_historical: bool = False
    """Count historical references too ("in 2013 the collapse killed 1,100"): by default only
    what happened in the chosen window is counted; a story matches through a mention that is not one."""
    thread: str | None = None
    """A thread id: the events of its articles; a story matches when one of its mentions is in one."""
    limit: int | None = None
    offset: int | None = None
    """Rows to skip before the first one returned (pages of a listing; needs the fixed order)."""


@dataclass(slots=True)
class Sql:
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.where.append(clause)
        self.params.extend(params)

    def clause(self) -> str:
        return " AND ".join(self.where) if self.where else "TRUE"


CURRENT_THREAD = "(SELECT coalesce(max(x.thread_id), ?) FROM thread_aliases x WHERE x.old_id = ?)"
"""The id a thread has now, given its id or the id of a thread moved into it (the id twice)."""

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
    """SELECT over events joined to their article, newest event date first.

    With a limit, the page's ids are found first and only those rows are read whole:
    ordering every matching row with all its wide columns (sentence, names ...) was most
    of a page's time on a large store (1M events: 0.5 s against 0.1 s).
    """
    sql = event_where(filters)
    columns = EVENT_VIEW + (", e.record" if with_record else "")
    order = "ORDER BY e.date DESC NULLS LAST, e.id"
    if filters.limit is None:
        query = (f"SELECT {columns} FROM events e JOIN articles a ON a.id = e.article_id "
                 f"WHERE {sql.clause()} {order}")
        return _limit(query, sql.params, None, filters.offset)
    page, params = _limit(f"SELECT e.id FROM {events_from(filters)} WHERE {sql.clause()} {order}",
                          sql.params, filters.limit, filters.offset)
    query = (f"WITH page AS ({page}) SELECT {columns} FROM page JOIN events e ON e.id = page.id "
             f"JOIN articles a ON a.id = e.article_id {order}")
    return query, params


def event_where(filters: Filters) -> Sql:
    """The WHERE clause of ``events_sql`` (events ``e``, their article ``a``), for counts and
    aggregates that must filter exactly as the listing does; ``limit``/``offset`` are ignored."""
    sql = _common(filters, alias="e")
    _add_mention(sql, filters)
    if not filters.include_historical:
        sql.add("NOT e.historical")
    if filters.text:
        _add_text(sql, filters.text)
    return sql


def _add_mention(sql: Sql, filters: Filters) -> None:
    """The filters that only an event (a mention, ``e``) can answer, not its story (and
    ``include_historical``, which each caller adds its own way)."""
    if filters.mode:
        sql.add("e.mode = ?", filters.mode)
    if filters.min_confidence is not None:
        sql.add("e.confidence >= ?", float(filters.min_confidence))
    if filters.thread is not None:
        sql.add("e.article_id IN (SELECT m.article_id FROM article_threads m "
                f"WHERE m.thread_id = {CURRENT_THREAD})", filters.thread, filters.thread)


def events_from(filters: Filters) -> str:
    """FROM clause for ``event_where``: the article join only when a filter reads the article
    (every stored event has its article, so the join drops no row)."""
    return "events e JOIN articles a ON a.id = e.article_id" if filters.text else "events e"


def count_events_sql(filters: Filters) -> tuple[str, list[Any]]:
    """How many events ``events_sql`` would return without ``limit``/``offset``."""
    sql = event_where(filters)
    return f"SELECT count(*) FROM {events_from(filters)} WHERE {sql.clause()}", sql.params


def stories_sql(filters: Filters, *, with_record: bool = False) -> tuple[str, list[Any]]:
    """SELECT over stories; ``text`` matches the sentence or article of any mention. With a limit,
    the page's ids are found first, as in ``events_sql`` (100k stories: a third faster)."""
    sql = story_where(filters)
    columns = STORY_VIEW + (", s.record" if with_record else "")
    order = "ORDER BY s.date DESC NULLS LAST, s.id"
    if filters.limit is None:
        return _limit(f"SELECT {columns} FROM stories s WHERE {sql.clause()} {order}", sql.params, None,
                      filters.offset)
    page, params = _limit(f"SELECT s.id FROM stories s WHERE {sql.clause()} {order}", sql.params,
                          filters.limit, filters.offset)
    query = f"WITH page AS ({page}) SELECT {columns} FROM page JOIN stories s ON s.id = page.id {order}"
    return query, params


def story_where(filters: Filters) -> Sql:
    """The WHERE clause of ``stories_sql`` (stories ``s``); ``limit``/``offset`` are ignored.

    A story matches when one of its mentions passes the mention filters (``_add_mention``,
    text) and is no historical reference. With no other mention filter, the stories whose
    mentions are all historical are looked up from the few historical events instead
    (1M events: 25 ms against 110 ms for a look at every story's mentions).
    """
    sql = _common(filters, alias="s")
    inner = Sql(["e.story_id = s.id"])
    _add_mention(inner, filters)
    if filters.text:
        _add_text(inner, filters.text)
    if len(inner.where) > 1:
        if not filters.include_historical:
            inner.add("NOT e.historical")
        sql.add(f"EXISTS (SELECT 1 FROM {events_from(filters)} WHERE {inner.clause()})", *inner.params)
    elif not filters.include_historical:
        sql.add(f"s.id NOT IN ({_HISTORY_ONLY})")
    return sql


_HISTORY_ONLY = (
    "SELECT h.story_id FROM events h WHERE h.historical AND h.story_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM events x WHERE x.story_id = h.story_id AND NOT x.historical)"
)
"""Stories all of whose mentions are historical references."""


def count_stories_sql(filters: Filters) -> tuple[str, list[Any]]:
    """How many stories ``stories_sql`` would return without ``limit``/``offset``."""
    sql = story_where(filters)
    return f"SELECT count(*) FROM stories s WHERE {sql.clause()}", sql.params


def _add_text(sql: Sql, text: str) -> None:
    """The text in the event's sentence or article (``e``, ``a``), case-insensitive.

    The word index first narrows to the articles holding a word that begins with each
    word of the text; the substring test then keeps those that hold the text itself. So
    "protest" finds "protesters", but a piece from inside a word ("testers") does not.
    """
    words = words_sql("?")
    sql.add(
        f"(len({words}) = 0 OR a.id IN (SELECT t.article_id FROM article_terms t "
        f"JOIN (SELECT unnest({words}) AS w) q ON starts_with(t.term, q.w) "
        f"GROUP BY t.article_id HAVING count(DISTINCT q.w) = len({words})))",
        text, text, text,
    )
    sql.add("(contains(lower(e.sentence), lower(?)) OR contains(lower(a.text), lower(?)))", text, text)


def _common(filters: Filters, *, alias: str) -> Sql:
    """The filters events and stories share (same column names in both tables)."""
    sql = Sql()
    t = alias
    if filters.event_type:
        types = [filters.event_type] if isinstance(filters.event_type, str) else list(filters.event_type)
        _add_in(sql, f"{t}.event_type", [x.upper() for x in types])
    if filters.quad:
        _add_in(sql, f"{t}.event_type", list(quad_types()[filters.quad]))
    if filters.actor_country:
        sql.add(f"list_contains({t}.actor_countries, ?)", filters.actor_country.upper())
    if filters.actor_sector:
        sql.add(f"list_contains({t}.actor_sectors, ?)", filters.actor_sector.upper())
    if filters.recipient_country:
        sql.add(f"list_contains({t}.recipient_countries, ?)", filters.recipient_country.upper())
    if filters.place:
        _add_place(sql, t, filters.place)
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


def _add_in(sql: Sql, column: str, values: list[str]) -> None:
    """``column IN (?, ?, ...)``: a list of parameters DuckDB tests inside the table scan, so the
    other columns are read for the matching rows only (``IN (SELECT unnest(?))`` is a join, run
    after every row of every column read: 1M events, a network of one type 0.5 s of scan)."""
    sql.add(f"{column} IN ({', '.join('?' * len(values))})", *values)


def _add_place(sql: Sql, t: str, place: str) -> None:
    """Events in a country (its name, an alias, its ISO2 or ISO3 code) or at a town or admin1
    of that name; names compare folded (case, accents, apostrophes), so "Côte d'Ivoire",
    "Cote dIvoire", "CI" and "CIV" agree. A country's name that is also a region or town
    ("Georgia") matches both; a code matches the country only.

    Folding a row is slow (two regular expressions), so a LIKE that every row folding to the
    name passes (its letters in order) picks the rows to fold (200k events: 0.26 s, against
    0.40 s folding all; a code, compared as it is, 0.07 s).
    """
    name = fold(place)
    country = country_codes().get(name)
    if name in iso_codes():
        sql.add(f"{t}.location_country_code = ?", country)
        return
    letters = "%" + "%".join(name.replace(" ", "")) + "%"
    by_name = " OR ".join(
        f"(strip_accents(lower({t}.{column})) LIKE ? AND {FOLD_SQL.format(column=f'{t}.{column}')} = ?)"
        for column in ("location_name", "location_admin1")
    )
    if country is None:
        sql.add(f"({by_name})", letters, name, letters, name)
    else:
        sql.add(f"({t}.location_country_code = ? OR {by_name})", country, letters, name, letters, name)


def _iso(value: str | date) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _limit(
    query: str, params: list[Any], limit: int | None, offset: int | None = None
) -> tuple[str, list[Any]]:
    if limit is not None:
        query, params = f"{query} LIMIT ?", [*params, int(limit)]
    if offset:
        query, params = f"{query} OFFSET ?", [*params, int(offset)]
    return query, params
