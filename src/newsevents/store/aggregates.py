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


def _node(kind: str, alias: str) -> str:
    """The node key (``NODE_KINDS``) of the ``party_keys`` row ``alias``."""
    return NODE_KINDS[kind][0].format(name=f"{alias}.name", country=f"{alias}.country",
                                      sector=f"{alias}.sector")


def _pairs(filters: Filters, kind: str) -> tuple[str, list[Any]]:
    """CTEs ending in ``pairs``: one row per distinct (event, actor node, recipient node) of the
    filtered events that have both (``row``: the event's rowid), with each end's node number
    (``source``, ``target``: numbered in the order of their keys, ``numbered``) and party key
    (``a_key``, ``r_key``). Only resolved parties (``parties.RESOLVED``) become nodes. An event
    whose parties are in its lists gives its one pair from its own keys (``keyed``); only the
    others join ``parties`` on their ids, picked first (``jparties``: the join was planned on
    the whole table, read twice even when no filtered event needed it)."""
    keyed, params = _filtered(
        filters, "e.rowid AS row, e.event_type, e.actor_key AS a_key, e.recipient_key AS r_key",
        "e.parties_in_lists AND e.actor_key IS NOT NULL AND e.recipient_key IS NOT NULL")
    listed, more = _filtered(
        filters, "e.rowid AS row, e.id, e.event_type",
        "NOT coalesce(e.parties_in_lists, false) AND len(e.actor_names) > 0 AND len(e.recipient_names) > 0")
    ctes = (
        f"nodes_of AS (SELECT k.key, {_node(kind, 'k')} AS node FROM party_keys k WHERE k.resolved), "
        "numbered AS (SELECT node, dense_rank() OVER (ORDER BY node) AS number FROM "
        "(SELECT DISTINCT node FROM nodes_of)), "
        "party_node AS (SELECT key, number FROM nodes_of JOIN numbered USING (node)), "
        f"kf AS ({keyed}), jf AS MATERIALIZED ({listed}), "
        "jparties AS (SELECT event_id, role, key FROM parties WHERE event_id IN (SELECT id FROM jf)), "
        "pairs AS MATERIALIZED (SELECT kf.row, true AS keyed, kf.event_type, s.number AS source, "
        "t.number AS target, kf.a_key, kf.r_key "
        "FROM kf JOIN party_node s ON s.key = kf.a_key JOIN party_node t ON t.key = kf.r_key "
        "UNION ALL SELECT DISTINCT ON (jf.row, s.number, t.number) jf.row, false, jf.event_type, s.number, "
        "t.number, a.key, r.key FROM jf JOIN jparties a ON a.event_id = jf.id AND a.role = 'actor' "
        "JOIN jparties r ON r.event_id = jf.id AND r.role = 'recipient' "
        "JOIN party_node s ON s.key = a.key JOIN party_node t ON t.key = r.key)"
    )
    return ctes, [*params, *more]


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
    label, shown = (x.format(name="k.name", country="k.country", sector="k.sector")
                    for x in NODE_KINDS[kind][1:])
    query = (
        f"WITH {pairs}, "
        "links AS (SELECT source, target, count(*) AS weight FROM pairs GROUP BY ALL "
        "ORDER BY weight DESC, source, target LIMIT ?), "
        "typed AS (SELECT source, target, event_type, count(*) AS n FROM pairs "
        "SEMI JOIN links USING (source, target) GROUP BY ALL), "
        "drawn AS (SELECT source AS node FROM links UNION SELECT target FROM links), "
        # the parties each drawn node stands for, with how many pair ends they are (what the
        # modes of label, country and sector count), and the events each node takes part in: an
        # event from its keys has one pair, so its ends are counted as they are (once when the
        # node is at both); the others, with several pairs, are counted distinct
        "ends AS (SELECT row, keyed, source AS node, a_key AS key, false AS again FROM pairs "
        "WHERE source IN (SELECT node FROM drawn) UNION ALL SELECT row, keyed, target, r_key, "
        "keyed AND target = source FROM pairs WHERE target IN (SELECT node FROM drawn)), "
        f"shown AS (SELECT e.node, {label} AS label, k.country, {shown} AS sector, e.n FROM "
        "(SELECT node, key, count(*) AS n FROM ends GROUP BY ALL) e JOIN party_keys k ON k.key = e.key), "
        "weights AS (SELECT node, sum(n) AS weight FROM (SELECT node, count(*) AS n FROM ends "
        "WHERE keyed AND NOT again GROUP BY node UNION ALL SELECT node, count(DISTINCT row) FROM ends "
        "WHERE NOT keyed GROUP BY node) GROUP BY node), "
        "nodes AS (SELECT w.node, n.node AS id, w.weight, "
        + ", ".join(f"(SELECT arg_max({c}, m) FROM (SELECT {c}, sum(n) AS m FROM shown x "
                    f"WHERE x.node = w.node GROUP BY ALL)) AS {c}" for c in ("label", "country", "sector"))
        + " FROM weights w JOIN numbered n ON n.number = w.node) "
        "SELECT s.id AS source, d.id AS target, t.event_type, t.n, l.weight, "
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
    most (``parties_in_lists``, most of them) gives its parties' keys from its own columns,
    counted there; only the others join ``parties``; the few keys counted are then named
    from ``party_keys``."""
    keyed, params = _filtered(filters, "e.actor_key, e.recipient_key", "e.parties_in_lists")
    chosen, more = _filtered(filters, "e.id", "NOT coalesce(e.parties_in_lists, false)")
    query = (
        f"WITH kf AS MATERIALIZED ({keyed}), counted AS ("
        "SELECT 'actor' AS role, actor_key AS key, count(*) AS n FROM kf WHERE actor_key IS NOT NULL "
        "GROUP BY ALL UNION ALL SELECT 'recipient', recipient_key, count(*) FROM kf "
        "WHERE recipient_key IS NOT NULL "
        "GROUP BY ALL UNION ALL "
        f"SELECT role, key, count(*) FROM parties WHERE event_id IN ({chosen}) GROUP BY ALL) "
        "SELECT k.name, k.country, k.sector, "
        "coalesce(sum(c.n) FILTER (WHERE c.role = 'actor'), 0) AS as_actor, "
        "coalesce(sum(c.n) FILTER (WHERE c.role = 'recipient'), 0) AS as_recipient "
        "FROM counted c JOIN party_keys k ON k.key = c.key WHERE k.name IS NOT NULL GROUP BY ALL "
        "ORDER BY as_actor + as_recipient DESC, k.name, k.country NULLS LAST, k.sector NULLS LAST "
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
