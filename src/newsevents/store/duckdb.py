"""The Store: one DuckDB file of articles, events, quotes, stories and threads.

Each concern is a class of its own file, built on the one connection (``connection.py``,
which keeps the one-writer rule); ``Store`` joins them and creates the schema on open.
Writes are batched: a batch of articles, with all their events and quotes, is one
transaction, so a crash leaves each article whole or absent (``ingest.py``).
"""

from __future__ import annotations

from pathlib import Path

from newsevents.store.feed_states import FeedStates
from newsevents.store.ingest import ArticleWrites
from newsevents.store.reads import Reads
from newsevents.store.schema import SchemaVersions
from newsevents.store.story_tables import StoryTables
from newsevents.store.threads import ThreadTables


class Store(SchemaVersions, ArticleWrites, StoryTables, ThreadTables, FeedStates, Reads):
    """A DuckDB file of articles, events, quotes and stories; creates the schema on open.

    Use one Store per process and share it between threads (its lock serialises
    them); a second process cannot open the same file while this one holds it.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        super().__init__(path, read_only=read_only)
        self._prepare()


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at ``path``, ``$NEWSEVENTS_DB`` or ``./newsevents.duckdb``."""
    return Store(path, read_only=read_only)
