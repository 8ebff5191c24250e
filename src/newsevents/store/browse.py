"""Lookups by id and the article and quote listings the HTTP API serves.

Each function returns ``(sql, params)`` for a read cursor (``Store.reader``); values
travel as parameters. Listings are ordered newest article first, then by id, so
``limit``/``offset`` pages are stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from newsevents.store.queries import Sql

ARTICLE_VIEW = (
    "a.id, a.date, a.title, a.url, a.source, a.language, a.n_events, a.n_quotes, a.ingested_at"
)
"""Columns of an article in a listing: everything but its text and content hash."""


@dataclass(slots=True)
class ArticleFilters:
    """Filters of the article listing; None means no filter."""

    date_from: date | str | None = None
    date_to: date | str | None = None
    source: str | None = None
    """Equal to the article's source, ignoring case."""
    text: str | None = None
    """Words in the title or the text (case-insensitive substring)."""


@dataclass(slots=True)
class QuoteFilters:
    """Filters of the quote listing; None means no filter."""

    speaker: str | None = None
    """Words in the speaker's name (case-insensitive substring)."""
    speaker_country: str | None = None
    article_id: str | None = None
    text: str | None = None
    """Words in the quoted text (case-insensitive substring)."""


def _articles_where(filters: ArticleFilters) -> Sql:
    sql = Sql()
    if filters.date_from is not None:
        sql.add("a.date >= ?::DATE", str(filters.date_from))
    if filters.date_to is not None:
        sql.add("a.date <= ?::DATE", str(filters.date_to))
    if filters.source:
        sql.add("lower(a.source) = lower(?)", filters.source)
    if filters.text:
        sql.add("(contains(lower(a.title), lower(?)) OR contains(lower(a.text), lower(?)))",
                filters.text, filters.text)
    return sql


def articles_sql(filters: ArticleFilters, *, limit: int, offset: int = 0) -> tuple[str, list[Any]]:
    """A page of articles (``ARTICLE_VIEW``), newest first."""
    where = _articles_where(filters)
    query = (f"SELECT {ARTICLE_VIEW} FROM articles a WHERE {where.clause()} "
             "ORDER BY a.date DESC NULLS LAST, a.id LIMIT ? OFFSET ?")
    return query, [*where.params, int(limit), int(offset)]


def count_articles_sql(filters: ArticleFilters) -> tuple[str, list[Any]]:
    where = _articles_where(filters)
    return f"SELECT count(*) FROM articles a WHERE {where.clause()}", where.params


def _quotes_where(filters: QuoteFilters) -> Sql:
    sql = Sql()
    if filters.speaker:
        sql.add("contains(lower(q.speaker_name), lower(?))", filters.speaker)
    if filters.speaker_country:
        sql.add("upper(q.speaker_country) = upper(?)", filters.speaker_country)
    if filters.article_id:
        sql.add("q.article_id = ?", filters.article_id)
    if filters.text:
        sql.add("contains(lower(q.text), lower(?))", filters.text)
    return sql


def quotes_sql(filters: QuoteFilters, *, limit: int, offset: int = 0) -> tuple[str, list[Any]]:
    """A page of quotes: the quote ``record`` (JSON) with its article's ``title`` and
    ``published`` date, newest article first."""
    where = _quotes_where(filters)
    query = (
        "SELECT q.record, a.title, a.date AS published FROM quotes q JOIN articles a ON a.id = q.article_id "
        f"WHERE {where.clause()} ORDER BY a.date DESC NULLS LAST, q.article_id, q.id LIMIT ? OFFSET ?"
    )
    return query, [*where.params, int(limit), int(offset)]


def count_quotes_sql(filters: QuoteFilters) -> tuple[str, list[Any]]:
    where = _quotes_where(filters)
    return f"SELECT count(*) FROM quotes q WHERE {where.clause()}", where.params


# -- one thing by id ------------------------------------------------------------------------

def event_sql(event_id: str) -> tuple[str, list[Any]]:
    """One event: ``record``, ``story_id`` and its article's id, title, date, url, source."""
    return (
        "SELECT e.record, e.story_id, a.id AS article_id, a.title, a.date, a.url, a.source "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
        [event_id],
    )


def story_sql(story_id: str) -> tuple[str, list[Any]]:
    return "SELECT record FROM stories WHERE id = ?", [story_id]


def story_mentions_sql(story_id: str) -> tuple[str, list[Any]]:
    """The events a story holds: ``record`` with the article's title, date, source and
    thread, oldest article first."""
    return (
        "SELECT e.record, e.story_id, a.title, a.date AS published, a.source, m.thread_id "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN article_threads m ON m.article_id = a.id WHERE e.story_id = ? "
        "ORDER BY a.date NULLS LAST, e.article_id, e.id",
        [story_id],
    )


def article_sql(article_id: str) -> tuple[str, list[Any]]:
    """One article with its text and its thread."""
    return (f"SELECT {ARTICLE_VIEW}, a.text, m.thread_id FROM articles a "
            "LEFT JOIN article_threads m ON m.article_id = a.id WHERE a.id = ?", [article_id])


def article_events_sql(article_id: str) -> tuple[str, list[Any]]:
    """An article's events (``record``, ``story_id``) in the order they were coded."""
    return (
        "SELECT e.record, e.story_id FROM events e WHERE e.article_id = ? "
        "ORDER BY (e.record->>'$.sentence.index')::INTEGER NULLS LAST, "
        "(e.record->>'$.trigger.span[0]')::INTEGER NULLS LAST, e.id",
        [article_id],
    )


def article_quotes_sql(article_id: str) -> tuple[str, list[Any]]:
    """An article's quotes (``record``) in text order."""
    return (
        "SELECT q.record FROM quotes q WHERE q.article_id = ? "
        "ORDER BY (q.record->>'$.span[0]')::INTEGER NULLS LAST, q.id",
        [article_id],
    )


# -- what the dashboard's filter widgets offer ----------------------------------------------

META_SQL: dict[str, str] = {
    "event_types": "SELECT event_type, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, event_type",
    "quads": "SELECT quad, count(*) AS n FROM events WHERE quad IS NOT NULL GROUP BY ALL ORDER BY n DESC",
    "modes": "SELECT mode, count(*) AS n FROM events WHERE mode IS NOT NULL GROUP BY ALL ORDER BY n DESC, 1",
    "event_dates": "SELECT min(date), max(date) FROM events",
    "article_dates": "SELECT min(date), max(date) FROM articles",
    "actor_countries": (
        "SELECT c, count(*) AS n FROM (SELECT unnest(actor_countries) AS c FROM events) "
        "GROUP BY ALL ORDER BY n DESC, c"
    ),
    "actor_sectors": (
        "SELECT c, count(*) AS n FROM (SELECT unnest(actor_sectors) AS c FROM events) "
        "GROUP BY ALL ORDER BY n DESC, c"
    ),
    "places": (
        "SELECT location_country_code, location_admin1, count(*) AS n FROM events "
        "WHERE location_country_code IS NOT NULL GROUP BY ALL ORDER BY n DESC, 1, 2 NULLS FIRST LIMIT 2000"
    ),
    "sources": (
        "SELECT source, count(*) AS n FROM articles WHERE source IS NOT NULL "
        "GROUP BY ALL ORDER BY n DESC, source LIMIT 500"
    ),
}
"""Queries (no parameters) behind ``GET /api/meta``: each a small table of values and counts."""

TABLES = ("articles", "events", "quotes", "stories", "threads")
COUNTS_SQL = "SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in TABLES)
"""Rows per table, in ``TABLES`` order, in one query."""
