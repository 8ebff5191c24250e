"""Aggregates over filtered events and stories: timeline, network, actors, map points.

Each function returns ``(sql, params)`` for a read cursor (``Store.reader``). They
filter with ``queries.event_where``/``story_where``, so an aggregate counts exactly
the rows the listing with the same filters shows. Values travel as parameters; the
few SQL fragments chosen by an argument (bucket, node kind) come from the fixed
tables below, never from the caller's text.

The network and actor tables read the parties of an event with one party per role at most
(``events.parties_in_lists``, most events) from its own columns, and join the other
filtered events' ids with ``parties`` (one row per party of an event, written at ingest:
``parties.py``), so no request parses JSON; ``tests/store/test_aggregates.py`` checks both
against the parties of every event.
"""

from __future__ import annotations

from typing import Any

from newsevents.store.queries import Filters, event_where, events_from, story_where
from newsevents.store.threads import THREAD_VIEW

BUCKETS = ("day", "week", "month", "year")
"""Timeline buckets; a week starts on Monday (ISO), a bucket is named by its first day."""

# Node kinds of the network: SQL templates over one actor entry's name, country and
# sector (the name is the actor's resolved name, else its text in the article).
NODE_KINDS: dict[str, tuple[str, str, str]] = {
    # kind: (node id, label, sector shown)
    "actor": (
        "CASE WHEN {country} IS NOT NULL THEN {country} || coalesce('/' || {sector}, '') ELSE {name} END",
        "CASE WHEN {country} IS NOT NULL THEN concat_ws(' ', {country}, {sector}) ELSE {name} END",
        "{sector}",
    ),
    "country": ("coalesce({country}, {name})", "coalesce({country}, {name})", "NULL::VARCHAR"),
    "name": ("{name}", "{name}", "{sector}"),
}
"""``actor``: country and sector (``NGA/COP``), the name when no country is known;
``country``: the country alone; ``name``: the actor's name."""


def _filtered(filters: Filters, columns: str, condition: str = "true") -> tuple[str, list[Any]]:
    where = event_where(filters)
    return (f"SELECT {columns} FROM {events_from(filters)} WHERE {where.clause()} AND {condition}",
            where.params)


# Events with one actor and one recipient party, each with a country (most of them): their one
# pair is read from the columns, resolved, with no join; only the others join ``parties``.
_BOTH_KNOWN = ("e.parties_in_lists AND len(e.actor_countries) = 1 AND len(e.recipient_countries) = 1 "
               "AND len(e.actor_names) = 1 AND len(e.recipient_names) = 1")


def _node(kind: str, name: str, country: str, sector: str, alias: str) -> str:
    """The node key of one end (``alias``), and its raw name, country and sector (``alias_name`` ...)."""
    key = NODE_KINDS[kind][0].format(name=name, country=country, sector=sector)
    return (f"{key} AS {alias}, {name} AS {alias}_name, {country} AS {alias}_country, "
            f"{sector} AS {alias}_sector")


def _labelled(kind: str, alias: str) -> str:
    """An end's label, country and sector shown, from its raw fields (``_node``)."""
    _, label, shown = (x.format(name=f"{alias}_name", country=f"{alias}_country", sector=f"{alias}_sector")
                       for x in NODE_KINDS[kind])
    return f"{label} AS label, {alias}_country AS country, {shown} AS sector"


def _pairs(filters: Filters, kind: str) -> tuple[str, list[Any]]:
    """CTEs ending in ``pairs``: one row per distinct (event, actor node, recipient node) of the
    filtered events that have both, with each node's key and raw fields (``_node``). Only
    resolved parties (``parties.RESOLVED``) become nodes. The events are read once: those
    with one actor and one recipient, each with a country, give their pair from their own
    columns; only the others join ``parties``."""
    chosen, params = _filtered(
        filters,
        f"e.id, e.event_type, coalesce({_BOTH_KNOWN}, false) AS simple, e.actor_names[1] AS a_name, "
        "e.actor_countries[1] AS a_country, e.actor_sectors[1] AS a_sector, e.recipient_names[1] AS r_name, "
        "e.recipient_countries[1] AS r_country, e.recipient_sectors[1] AS r_sector",
        "len(e.actor_names) > 0 AND len(e.recipient_names) > 0",
    )
    simple = (
        "SELECT f.id, f.event_type, " + _node(kind, "f.a_name", "f.a_country", "f.a_sector", "source") + ", "
        + _node(kind, "f.r_name", "f.r_country", "f.r_sector", "target") + " FROM f WHERE f.simple"
    )
    joined = (
        "SELECT DISTINCT ON (f.id, source, target) f.id, f.event_type, "
        + _node(kind, "a.name", "a.country", "a.sector", "source") + ", "
        + _node(kind, "r.name", "r.country", "r.sector", "target")
        + " FROM f JOIN parties a ON a.event_id = f.id AND a.role = 'actor' AND a.resolved "
        "JOIN parties r ON r.event_id = f.id AND r.role = 'recipient' AND r.resolved WHERE NOT f.simple"
    )
    return f"f AS MATERIALIZED ({chosen}), pairs AS ({simple} UNION ALL {joined})", params


def timeline_sql(filters: Filters, bucket: str) -> tuple[str, list[Any]]:
    """Events per bucket, quad category and type: rows (date, quad, event_type, n), oldest first.

    Events without a date are left out; ``filters.limit``/``offset`` are ignored.
    """
    if bucket not in BUCKETS:
        raise ValueError(f"bucket must be one of {', '.join(BUCKETS)}, not {bucket!r}")
    where = event_where(filters)
    query = (
        "SELECT date_trunc(?, e.date)::DATE AS date, e.quad, e.event_type, count(*) AS n "
        f"FROM {events_from(filters)} WHERE {where.clause()} AND e.date IS NOT NULL "
        "GROUP BY ALL ORDER BY date, quad NULLS LAST, event_type"
    )
    return query, [bucket, *where.params]


def network_sql(filters: Filters, *, kind: str = "actor", limit: int = 100) -> tuple[str, list[Any]]:
    """Who acts on whom: the ``limit`` heaviest actor -> recipient links, one row per link
    and event type.

    Rows: source, target, event_type, n (events of that type on the link), weight
    (events on the link), then for each end its label, country, sector and weight
    (events with an actor and a recipient the node takes part in, on either side). An
    event with two actors and one recipient gives two links; a link counts an event once.
    """
    if kind not in NODE_KINDS:
        raise ValueError(f"node kind must be one of {', '.join(NODE_KINDS)}, not {kind!r}")
    pairs, params = _pairs(filters, kind)
    query = (
        f"WITH {pairs}, "
        "links AS (SELECT source, target, count(*) AS weight FROM pairs GROUP BY ALL "
        "ORDER BY weight DESC, source, target LIMIT ?), "
        "typed AS (SELECT source, target, event_type, count(*) AS n FROM pairs "
        "SEMI JOIN links USING (source, target) GROUP BY ALL), "
        "drawn AS (SELECT source AS node FROM links UNION SELECT target FROM links), "
        f"ends AS (SELECT id, source AS node, {_labelled(kind, 'source')} FROM pairs "
        "WHERE source IN (SELECT node FROM drawn) UNION ALL "
        f"SELECT id, target, {_labelled(kind, 'target')} FROM pairs "
        "WHERE target IN (SELECT node FROM drawn)), "
        "nodes AS (SELECT node, mode(label) AS label, mode(country) AS country, mode(sector) AS sector, "
        "count(DISTINCT id) AS weight FROM ends GROUP BY node) "
        "SELECT t.source, t.target, t.event_type, t.n, l.weight, "
        "s.label AS source_label, s.country AS source_country, s.sector AS source_sector, "
        "s.weight AS source_weight, "
        "d.label AS target_label, d.country AS target_country, d.sector AS target_sector, "
        "d.weight AS target_weight "
        "FROM typed t JOIN links l USING (source, target) "
        "JOIN nodes s ON s.node = t.source JOIN nodes d ON d.node = t.target "
        "ORDER BY l.weight DESC, t.source, t.target, t.n DESC, t.event_type"
    )
    return query, [*params, int(limit)]


def actors_sql(filters: Filters, *, limit: int = 50, offset: int = 0) -> tuple[str, list[Any]]:
    """Actors (name, country, sector) of the filtered events, with how many events each
    is an actor and a recipient in; most events first. An event with one party per role at
    most (``parties_in_lists``, most of them) gives its parties from its own columns, counted
    there; only the others join ``parties``."""
    parts, params = [], []
    for side in ("actor", "recipient"):
        part, more = _filtered(
            filters, f"'{side}' AS role, e.{side}_names[1] AS name, e.{side}_countries[1] AS country, "
            f"e.{side}_sectors[1] AS sector, count(*) AS n",
            f"e.parties_in_lists AND len(e.{side}_names) = 1")
        parts.append(f"{part} GROUP BY ALL")
        params += more
    chosen, more = _filtered(filters, "e.id", "NOT coalesce(e.parties_in_lists, false)")
    parts.append(f"SELECT role, name, country, sector, count(*) AS n FROM parties "
                 f"WHERE event_id IN ({chosen}) GROUP BY ALL")
    query = (
        "SELECT name, country, sector, coalesce(sum(n) FILTER (WHERE role = 'actor'), 0) AS as_actor, "
        "coalesce(sum(n) FILTER (WHERE role = 'recipient'), 0) AS as_recipient "
        f"FROM ({' UNION ALL '.join(parts)}) WHERE name IS NOT NULL GROUP BY ALL "
        "ORDER BY as_actor + as_recipient DESC, name, country NULLS LAST, sector NULLS LAST "
        "LIMIT ? OFFSET ?"
    )
    return query, [*params, *more, int(limit), int(offset)]


def totals_sql(filters: Filters) -> tuple[str, list[Any]]:
    """One row: the filtered ``events`` and ``stories``, and the ``dead``, ``injured`` and
    ``arrested`` of those stories. Sizes are summed over stories, not mentions: ten articles
    on one bombing report its dead once (a story keeps the largest trustworthy figure)."""
    events = event_where(filters)
    stories = story_where(filters)
    query = (
        f"SELECT (SELECT count(*) FROM {events_from(filters)} WHERE {events.clause()}) AS events, "
        "count(*) AS stories, coalesce(sum(s.dead), 0) AS dead, coalesce(sum(s.injured), 0) AS injured, "
        f"coalesce(sum(s.arrested), 0) AS arrested FROM stories s WHERE {stories.clause()}"
    )
    return query, [*events.params, *stories.params]


_MAPPED = "s.location_lat IS NOT NULL AND s.location_lon IS NOT NULL"


def map_sql(filters: Filters, *, limit: int = 1000) -> tuple[str, list[Any]]:
    """Stories with coordinates, the most reported first (then the newest)."""
    where = story_where(filters)
    query = (
        "SELECT s.id, s.event_type, s.location_lat AS lat, s.location_lon AS lon, s.location_name, "
        "s.location_country_code AS country_code, s.n_mentions, s.articles, s.date "
        f"FROM stories s WHERE {where.clause()} AND {_MAPPED} "
        "ORDER BY s.n_mentions DESC, s.date DESC NULLS LAST, s.id LIMIT ?"
    )
    return query, [*where.params, int(limit)]


def count_mapped_sql(filters: Filters) -> tuple[str, list[Any]]:
    """How many stories ``map_sql`` would return without its limit."""
    where = story_where(filters)
    return f"SELECT count(*) FROM stories s WHERE {where.clause()} AND {_MAPPED}", where.params


def _thread_hits(filters: Filters) -> tuple[str, list[Any]]:
    """CTE ``hits``: each thread holding a filtered event, with how many (``n_events``)."""
    chosen, params = _filtered(filters, "e.article_id")
    return (f"hits AS (SELECT m.thread_id, count(*) AS n_events FROM ({chosen}) f "
            "JOIN article_threads m ON m.article_id = f.article_id GROUP BY ALL)"), params


def event_threads_sql(filters: Filters, *, limit: int = 50, offset: int = 0) -> tuple[str, list[Any]]:
    """The threads the filtered events are in (``threads.THREAD_VIEW`` and ``n_events``, the
    filtered events each holds), latest first as ``GET /api/threads`` lists them."""
    hits, params = _thread_hits(filters)
    query = (f"WITH {hits} SELECT {THREAD_VIEW}, h.n_events FROM hits h JOIN threads t ON t.id = h.thread_id "
             "ORDER BY t.last_seen DESC NULLS LAST, t.n_articles DESC, t.id LIMIT ? OFFSET ?")
    return query, [*params, int(limit), int(offset)]


def count_event_threads_sql(filters: Filters) -> tuple[str, list[Any]]:
    """How many threads ``event_threads_sql`` would list without its page."""
    hits, params = _thread_hits(filters)
    return f"WITH {hits} SELECT count(*) FROM hits", params
