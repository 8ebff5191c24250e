"""The Store's read path: filtered events and stories, counts and any SQL as DataFrames
under the lock, files written by DuckDB, and the HTTP API's reads answered from memory.

A class of ``Store`` built on its connection (``connection.py``), kept apart so that each
file holds one concern.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from newsevents.store.answers import Answer, key
from newsevents.store.browse import TABLES
from newsevents.store.connection import Connection
from newsevents.store.queries import FilterArgs, Filters, events_sql, stories_sql

if TYPE_CHECKING:
    from typing_extensions import Unpack


class Reads(Connection):
    """What analysis, the CLI and the HTTP API read; nothing here writes but ``sql``."""

    def query_events(self, *, with_record: bool = False, **filters: Unpack[FilterArgs]) -> pd.DataFrame:
        """Events matching every given filter (see ``queries.Filters``), newest first;
        ``with_record`` adds the full contract record as JSON."""
        return self._frame(*events_sql(Filters(**filters), with_record=with_record))

    def query_stories(self, *, with_record: bool = False, **filters: Unpack[FilterArgs]) -> pd.DataFrame:
        """Stories matching every filter; ``text``/``min_confidence`` apply to any mention."""
        return self._frame(*stories_sql(Filters(**filters), with_record=with_record))

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self._lock:
            return {
                table: int(self._con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
                for table in TABLES
            }

    def sql(self, query: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Any SQL over the store's tables, for analysis; pass values as ``params``, never pasted in."""
        try:
            return self._frame(query, list(params))
        finally:
            if not self.read_only:  # the SQL may have written
                self._answers.invalidate()

    def copy(self, query: str, params: Sequence[Any], path: str | Path, options: str) -> int:
        """Have DuckDB write a query's rows to a file (CSV, Parquet) under the lock; rows written."""
        target = str(path).replace("'", "''")
        with self._lock:
            found = self._con.execute(f"COPY ({query}) TO '{target}' ({options})", list(params)).fetchone()
        return int(found[0]) if found else 0

    def fetch(self, cursor: duckdb.DuckDBPyConnection, query: str, params: Sequence[Any]) -> Answer:
        """Column names and rows of a read on a ``reader`` cursor; the same query with the same
        parameters is answered from memory until the store is next written (``answers.py``).
        The rows are shared between callers: read them, do not change them."""
        wanted = key(query, params)
        generation = self._answers.generation
        found = self._answers.get(generation, wanted)
        if found is not None:
            return found
        with self._answers.computing(wanted):
            found = self._answers.get(generation, wanted)  # another request may have just run it
            if found is None:
                cursor.execute(query, list(params))
                found = ([d[0] for d in cursor.description or ()], cursor.fetchall())
                self._answers.put(generation, wanted, found)
        return found
