"""The Store's threads: which thread each article is in, and each thread's matching state.

A class of ``Store`` built on its connection (``connection.py``), kept apart so that each
file holds one concern.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from newsevents.records import Article, Thread
from newsevents.store import rows as R
from newsevents.store.connection import Connection
from newsevents.store.queries import STORY_VIEW, Sql

if TYPE_CHECKING:
    import pandas as pd

THREAD_COLUMNS: dict[str, str] = {
    "id": R.STR, "title": R.STR, "first_seen": R.DATE, "last_seen": R.DATE, "n_articles": R.INT,
    "terms": R.LIST, "state": R.JSON, "updated_at": R.TIME,
}


def thread_row(thread: Thread, state: Mapping[str, Any], *, now: str) -> R.Row:
    return {
        "id": thread.id, "title": thread.title, "first_seen": thread.first_seen,
        "last_seen": thread.last_seen, "n_articles": thread.articles, "terms": list(thread.terms),
        "state": R.compact_json(state), "updated_at": now,
    }


class ThreadTables(Connection):
    """``threads`` and ``article_threads``: written inside the batch's transaction."""

    def query_threads(
        self, *, date_from: date | str | None = None, date_to: date | str | None = None,
        text: str | None = None, limit: int | None = 50, offset: int = 0,
    ) -> pd.DataFrame:
        """Threads (see ``threads_sql``), latest first, with their story and source counts."""
        return self._frame(*threads_sql(date_from=date_from, date_to=date_to, text=text, limit=limit,
                                        offset=offset))

    def put_threads(
        self, threads: Iterable[Thread], states: Mapping[str, Mapping[str, Any]], members: Mapping[str, str],
        moved: Mapping[str, str] | None = None,
    ) -> int:
        """Insert or replace threads by id, with their states, and put articles in them.

        ``members`` maps article ids to thread ids; an article already in a thread keeps it
        unless its thread is in ``moved`` (thread id -> the id of the thread it was moved
        into): its articles, and the stories that name it, then go to that thread, and its
        row goes, all in the caller's transaction.
        """
        latest = {t.id: t for t in threads}
        with self.transaction():
            if moved:
                self._move_threads(moved)
            gone = [old for old in (moved or {}) if old not in latest]
            if gone:
                self._con.execute("DELETE FROM threads WHERE id IN (SELECT unnest(?::VARCHAR[]))", [gone])
                self._con.execute("DELETE FROM thread_terms WHERE thread_id IN (SELECT unnest(?::VARCHAR[]))",
                                  [gone])
            if latest:
                self._con.execute("DELETE FROM threads WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                  [list(latest)])
                now = R.utc_now()
                rows = [thread_row(t, states.get(t.id, {}), now=now) for t in latest.values()]
                self._insert("threads", rows, THREAD_COLUMNS)
                self._con.execute("DELETE FROM thread_terms WHERE thread_id IN (SELECT unnest(?::VARCHAR[]))",
                                  [list(latest)])
                terms = [(term, i) for i in latest for term in states.get(i, {}).get("terms", ())]
                if terms:
                    self._con.execute(
                        "INSERT INTO thread_terms SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                        [[t for t, _ in terms], [i for _, i in terms]],
                    )
            if members:
                self._con.execute(
                    "INSERT INTO article_threads SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]) "
                    "ON CONFLICT (article_id) DO NOTHING",
                    [list(members), list(members.values())],
                )
        return len(latest)

    def _move_threads(self, moved: Mapping[str, str]) -> None:
        """Put the articles of each thread in ``moved`` in the thread it went to, and name that
        thread in the states of their stories (``dedup.stories`` matches mentions by thread)."""
        pairs = [list(moved), list(moved.values())]
        found = self._con.execute(
            "SELECT story_id, state FROM story_state WHERE story_id IN (SELECT e.story_id FROM events e "
            "JOIN article_threads m ON m.article_id = e.article_id "
            "WHERE m.thread_id IN (SELECT unnest(?::VARCHAR[])))",
            [pairs[0]],
        ).fetchall()
        if found:
            states = [json.loads(state) for _, state in found]
            for state in states:
                state["threads"] = sorted({moved.get(t, t) for t in state.get("threads", ())})
            self._con.execute(
                "UPDATE story_state SET state = u.state FROM (SELECT unnest(?::VARCHAR[]) AS id, "
                "unnest(?::VARCHAR[])::JSON AS state) u WHERE story_state.story_id = u.id",
                [[i for i, _ in found], [R.compact_json(s) for s in states]],
            )
        for table in ("article_threads", "thread_aliases"):  # an alias of a moved thread follows it
            self._con.execute(
                f"UPDATE {table} SET thread_id = u.new FROM (SELECT unnest(?::VARCHAR[]) AS old, "
                f"unnest(?::VARCHAR[]) AS new) u WHERE {table}.thread_id = u.old", pairs,
            )
        self._con.execute(
            "INSERT OR REPLACE INTO thread_aliases SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])", pairs,
        )

    def candidate_threads(
        self, wanted: Iterable[tuple[str, date | None]], window_days: int,
    ) -> tuple[list[Thread], dict[str, dict[str, Any]]]:
        """Stored threads, with their states, that hold one of these blocking words and whose
        dates reach within ``window_days`` of the date that comes with the word (undated
        words or threads: any date). The word index is joined, never scanned per thread."""
        pairs = sorted(set(wanted), key=lambda p: (p[0], p[1] or date.min))
        if not pairs:
            return [], {}
        with self._lock:
            found = self._con.execute(
                "WITH b AS (SELECT unnest(?::VARCHAR[]) AS term, unnest(?::DATE[]) AS d) "
                "SELECT DISTINCT t.id, t.title, t.first_seen::VARCHAR, t.last_seen::VARCHAR, t.n_articles, "
                "t.terms, t.state FROM b JOIN thread_terms x ON x.term = b.term "
                "JOIN threads t ON t.id = x.thread_id WHERE b.d IS NULL OR t.first_seen IS NULL "
                "OR (t.last_seen >= b.d - ?::INTEGER AND t.first_seen <= b.d + ?::INTEGER)",
                [[t for t, _ in pairs], [d.isoformat() if d else None for _, d in pairs], window_days,
                 window_days],
            ).fetchall()
        threads = [Thread(id=i, title=t, first_seen=f, last_seen=last, articles=n, terms=list(terms))
                   for i, t, f, last, n, terms, _ in found]
        return threads, {row[0]: json.loads(row[-1]) for row in found}

    def unthreaded(self, *, chunk: int = 1000) -> Iterator[list[Article]]:
        """Stored articles in no thread (a store from before threads), oldest first, in chunks;
        the caller threads each chunk before asking for the next."""
        while True:
            with self._lock:
                (missing,) = self._con.execute(  # row counts are cheap: skip the anti-join when none
                    "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM article_threads)"
                ).fetchone() or (0,)
                if not missing:
                    return
                found = self._con.execute(
                    "SELECT id, date, text, title, url, source, language FROM articles "
                    "WHERE id NOT IN (SELECT article_id FROM article_threads) "
                    "ORDER BY date NULLS LAST, ingested_at, id LIMIT ?",
                    [chunk],
                ).fetchall()
            if not found:
                return
            yield [Article(id=i, date=d, text=x, title=t, url=u, source=s, language=lang)
                   for i, d, x, t, u, s, lang in found]


# -- reads (the HTTP API and `newsevents query --threads`) -----------------------------------

THREAD_VIEW = (
    "t.id, t.title, t.first_seen, t.last_seen, t.n_articles, t.terms, "
    "(SELECT count(DISTINCT e.story_id) FROM events e JOIN article_threads m ON m.article_id = e.article_id "
    "WHERE m.thread_id = t.id) AS n_stories, "
    "(SELECT count(DISTINCT a.source) FROM articles a JOIN article_threads m ON m.article_id = a.id "
    "WHERE m.thread_id = t.id) AS n_sources"
)
"""Columns of a thread in a listing: its record, and how many stories and sources it has."""


def _threads_where(date_from: date | str | None, date_to: date | str | None, text: str | None) -> Sql:
    sql = Sql()
    if date_from is not None:
        sql.add("t.last_seen >= ?::DATE", str(date_from))
    if date_to is not None:
        sql.add("t.first_seen <= ?::DATE", str(date_to))
    if text:
        sql.add("(contains(lower(t.title), lower(?)) OR list_contains(t.terms, lower(?)))", text, text)
    return sql


def threads_sql(
    *, date_from: date | str | None = None, date_to: date | str | None = None, text: str | None = None,
    limit: int | None = 50, offset: int = 0,
) -> tuple[str, list[Any]]:
    """A page of threads: latest first, then the most widely reported; ``from``/``to`` keep
    threads whose articles' dates reach into the range; ``text`` is in the title or a label word."""
    where = _threads_where(date_from, date_to, text)
    query = (f"SELECT {THREAD_VIEW} FROM threads t WHERE {where.clause()} "
             "ORDER BY t.last_seen DESC NULLS LAST, t.n_articles DESC, t.id")
    params = list(where.params)
    if limit is not None:
        query += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return query, params


def count_threads_sql(
    *, date_from: date | str | None = None, date_to: date | str | None = None, text: str | None = None,
) -> tuple[str, list[Any]]:
    where = _threads_where(date_from, date_to, text)
    return f"SELECT count(*) FROM threads t WHERE {where.clause()}", where.params


def thread_sql(thread_id: str) -> tuple[str, list[Any]]:
    return f"SELECT {THREAD_VIEW} FROM threads t WHERE t.id = ?", [thread_id]


def alias_sql(thread_id: str) -> tuple[str, list[Any]]:
    """The thread a moved thread's id now stands for (no row: it was never moved)."""
    return "SELECT thread_id FROM thread_aliases WHERE old_id = ?", [thread_id]


def thread_articles_sql(thread_id: str) -> tuple[str, list[Any]]:
    """The thread's articles (without text) by source, then date."""
    return (
        "SELECT a.id, a.date, a.title, a.url, a.source, a.n_events FROM articles a "
        "JOIN article_threads m ON m.article_id = a.id WHERE m.thread_id = ? "
        "ORDER BY a.source NULLS LAST, a.date NULLS LAST, a.id",
        [thread_id],
    )


def thread_stories_sql(thread_id: str) -> tuple[str, list[Any]]:
    """The stories the thread's articles report, most widely reported first."""
    return (
        f"SELECT {STORY_VIEW} FROM stories s WHERE s.id IN (SELECT e.story_id FROM events e "
        "JOIN article_threads m ON m.article_id = e.article_id WHERE m.thread_id = ?) "
        "ORDER BY s.articles DESC, s.n_mentions DESC, s.date NULLS LAST, s.id",
        [thread_id],
    )
