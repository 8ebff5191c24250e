"""The Store's stories, and what deduplication keeps to match new mentions as if the
stories had never left memory: each story's state and the words' document frequencies.

A class of ``Store`` built on its connection (``connection.py``), kept apart so that each
file holds one concern.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from newsevents.records import Story
from newsevents.store import rows as R
from newsevents.store.connection import Connection
from newsevents.store.queries import Filters, stories_sql


class StoryTables(Connection):
    """``stories``, ``story_state``, ``term_df``, and the ``story_id`` of each event."""

    def put_stories(self, stories: Iterable[Story], states: Mapping[str, Any] | None = None) -> int:
        """Insert or replace stories by id and point their mentions' ``story_id`` at them.

        Events that a replaced story no longer mentions lose their ``story_id``.
        ``states`` (story id to dedup state, see ``dedup.StoryIndex.states``) are kept
        beside the stories. One transaction for all. Returns the number of stories written.
        """
        latest = {s.id: s for s in stories}
        if not latest:
            return 0
        ids = list(latest)
        pairs = [(e, s.id) for s in latest.values() for e in s.mentions]
        kept = {k: v for k, v in (states or {}).items() if k in latest}
        now = R.utc_now()
        with self.transaction():
            self._con.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            self._insert("stories", [R.story_row(s, now=now) for s in latest.values()], R.STORY_COLUMNS)
            self._forget_state(ids)
            if kept:
                self._con.execute(
                    "INSERT INTO story_state SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])::JSON",
                    [list(kept), [R.compact_json(v) for v in kept.values()]],
                )
            self._unlink(ids)
            if pairs:
                self._con.execute(
                    "UPDATE events SET story_id = m.story_id FROM "
                    "(SELECT unnest(?::VARCHAR[]) AS event_id, unnest(?::VARCHAR[]) AS story_id) m "
                    "WHERE events.id = m.event_id",
                    [[e for e, _ in pairs], [s for _, s in pairs]],
                )
        return len(latest)

    def story_states(self, ids: Iterable[str]) -> dict[str, Any]:
        """The dedup states kept for these stories (stories without one are left out)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        with self._lock:
            found = self._con.execute(
                "SELECT story_id, state FROM story_state WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
                [wanted],
            ).fetchall()
        return {k: json.loads(v) for k, v in found}

    def term_df(self, terms: Iterable[str]) -> tuple[int, dict[str, int]]:
        """Stored articles' count and the document frequency of each of these words."""
        wanted = list(terms)
        with self._lock:
            row = self._con.execute("SELECT value FROM meta WHERE key = 'term_docs'").fetchone()
            found = self._con.execute(
                "SELECT term, df FROM term_df WHERE term IN (SELECT unnest(?::VARCHAR[]))", [wanted]
            ).fetchall() if wanted else []
        return (int(row[0]) if row else 0), dict(found)

    def add_term_df(self, docs: int, df: Mapping[str, int]) -> None:
        """Count more documents and the words they hold into the stored frequencies."""
        if not docs:
            return
        with self.transaction():
            self._con.execute(
                "INSERT INTO meta VALUES ('term_docs', ?) ON CONFLICT (key) DO UPDATE "
                "SET value = (meta.value::BIGINT + excluded.value::BIGINT)::VARCHAR",
                [str(docs)],
            )
            if df:
                self._con.execute(
                    "INSERT INTO term_df SELECT unnest(?::VARCHAR[]), unnest(?::BIGINT[]) "
                    "ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df",
                    [list(df), list(df.values())],
                )

    def _unlink(self, story_ids: list[str]) -> None:
        self._con.execute(
            "UPDATE events SET story_id = NULL WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [story_ids]
        )

    def _forget_state(self, story_ids: list[str]) -> None:
        self._con.execute(
            "DELETE FROM story_state WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [story_ids]
        )

    def drop_stories(self, ids: Iterable[str]) -> int:
        """Delete stories (merged into others, say) and unlink their mentions."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return 0
        with self.transaction():
            self._unlink(wanted)
            self._forget_state(wanted)
            (gone,) = self._con.execute(
                "DELETE FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
            ).fetchone() or (0,)
        return int(gone)

    def candidate_stories(
        self,
        event_types: Iterable[str] | None = None,
        date_from: str | date | None = None,
        date_to: str | date | None = None,
        threads: Iterable[str] = (),
    ) -> list[Story]:
        """Stored stories new events might join: these types, dated within [from, to], or
        reported in one of ``threads`` whatever their date.

        A bound left as None is open; stories with no date match only when both are None,
        or through a thread (an undated story of the happening the new articles joined).
        """
        filters = Filters(event_type=list(event_types) if event_types is not None else None,
                          date_from=date_from, date_to=date_to, include_historical=True)
        if event_types is not None and not filters.event_type:
            return []
        query, params = stories_sql(filters, with_record=True)
        wanted = sorted(set(threads))
        if wanted:
            by_thread = Filters(event_type=filters.event_type, include_historical=True)
            more, more_params = stories_sql(by_thread, with_record=True)
            query = (f"SELECT id, record FROM ({query}) UNION SELECT id, record FROM ({more}) s2 "
                     "WHERE s2.id IN (SELECT e.story_id FROM events e JOIN article_threads m "
                     "ON m.article_id = e.article_id WHERE m.thread_id IN (SELECT unnest(?::VARCHAR[])))")
            params = [*params, *more_params, wanted]
        with self._lock:
            records = self._con.execute(f"SELECT record FROM ({query})", params).fetchall()
        return [R.story_from_json(r) for (r,) in records]
