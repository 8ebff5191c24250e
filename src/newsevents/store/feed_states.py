"""The Store's feed states: what ``newsevents watch`` keeps of each feed between polls.

A class of ``Store`` built on its connection (``connection.py``), kept apart so that each
file holds one concern; docs/feeds.md says what a state holds.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import duckdb

from newsevents.store import rows as R
from newsevents.store.connection import Connection


class FeedStates(Connection):
    """``feed_state``: one JSON object per feed."""

    def feed_state(self, feed: str) -> dict[str, Any] | None:
        """What ``newsevents watch`` kept of a feed (a JSON object; see docs/feeds.md), or None."""
        with self._lock:
            try:
                found = self._con.execute("SELECT state FROM feed_state WHERE feed = ?", [feed]).fetchone()
            except duckdb.CatalogException:  # a store opened read-only before the table existed
                return None
        return json.loads(found[0]) if found else None

    def put_feed_state(self, feed: str, state: Mapping[str, Any]) -> None:
        """Replace what is kept of a feed, in one transaction of its own."""
        with self.transaction():
            self._con.execute(
                "INSERT OR REPLACE INTO feed_state VALUES (?, ?::JSON, ?::TIMESTAMP)",
                [feed, json.dumps(state, ensure_ascii=False), R.utc_now()],
            )
