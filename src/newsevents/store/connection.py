"""The one owner of the DuckDB connection (DuckDB allows one writer).

Every read and write of the Store goes through this connection and its lock, so the
one-writer rule lives in one place: a transaction for the writes, DataFrame scans for
inserting rows, and cursors of their own for readers. The Store's other concerns
(``schema.py``, ``ingest.py``, ``stories.py``, ``threads.py``, ``feeds.py``,
``reads.py``) are classes built on this one, joined in ``duckdb.py``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from newsevents.errors import StoreError
from newsevents.store import rows as R
from newsevents.store.answers import Answers

if TYPE_CHECKING:
    from typing_extensions import Self

ENV_VAR = "NEWSEVENTS_DB"
DEFAULT_PATH = "newsevents.duckdb"

_PANDAS_DTYPES = {R.STR: "string", R.DATE: "string", R.TIME: "string", R.JSON: "string",
                  R.LIST: "string", R.INT: "Int64", R.FLOAT: "Float64", R.BOOL: "boolean"}
_SQL_CASTS = {R.STR: "{c}::VARCHAR", R.DATE: "TRY_CAST({c} AS DATE)", R.TIME: "{c}::TIMESTAMP",
              R.JSON: "{c}::JSON", R.LIST: "from_json({c}, '[\"VARCHAR\"]')", R.INT: "{c}::BIGINT",
              R.FLOAT: "{c}::DOUBLE", R.BOOL: "{c}::BOOLEAN"}


def default_path() -> Path:
    """``$NEWSEVENTS_DB`` if set, else ``./newsevents.duckdb``."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_PATH)


class Connection:
    """The DuckDB file opened once, its lock, and the transactions every write runs in."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        self._lock = threading.RLock()
        self._depth = 0  # nesting of ``transaction``
        self._readers: duckdb.DuckDBPyConnection | None = None  # mints ``reader`` cursors
        self._readers_lock = threading.Lock()
        self._answers = Answers()  # reads answered from memory until the next write
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction for the writes inside; nested uses join the outer one.

        On any error everything inside is rolled back, so a crash or a failed batch
        leaves the store as it was before.
        """
        with self._lock:
            if self._depth:
                yield  # the outer transaction commits or rolls back
                return
            if self.read_only:
                raise StoreError(f"{self.path}: the store was opened read-only")
            self._con.begin()
            self._depth = 1
            try:
                yield
                self._con.commit()
                self._answers.invalidate()
            except BaseException as exc:
                self._con.rollback()
                if isinstance(exc, duckdb.Error):
                    raise StoreError(f"{self.path}: nothing was written: {exc}") from exc
                raise
            finally:
                self._depth = 0

    def _insert(self, table: str, rows: list[R.Row], layout: dict[str, str]) -> None:
        """Insert rows as one DataFrame scan (inside the caller's transaction)."""
        if not rows:
            return
        with self._registered(rows, layout) as frame:
            self._insert_from(frame, table, layout)

    @contextmanager
    def _registered(self, rows: list[R.Row], layout: dict[str, str]) -> Iterator[str]:
        """The rows as a DataFrame DuckDB can scan, by the name yielded (an empty one when no rows)."""
        data = R.columns(rows, layout)
        frame = pd.DataFrame(
            {name: pd.Series(values, dtype=_PANDAS_DTYPES[layout[name]])
             for name, values in ((n, _carry(v, layout[n])) for n, v in data.items())}
        )
        self._con.register("_newsevents_rows", frame)
        try:
            yield "_newsevents_rows"
        finally:
            self._con.unregister("_newsevents_rows")

    def _insert_from(self, frame: str, table: str, layout: dict[str, str]) -> None:
        casts = ", ".join(_SQL_CASTS[kind].format(c=f'"{name}"') for name, kind in layout.items())
        self._con.execute(f"INSERT INTO {table} ({', '.join(layout)}) SELECT {casts} FROM {frame}")

    def _frame(self, query: str, params: list[Any]) -> pd.DataFrame:
        with self._lock:
            return self._con.execute(query, params).df()

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one thread's reads (the HTTP API takes one per request).

        Cursors of one DuckDB database run queries in parallel, each seeing the last
        committed state, so reads need not queue behind the lock that serialises the
        writes: cursors come from a connection kept for readers, under a lock of their
        own. SELECT only: writes go through the Store's methods, so the one-writer rule
        stays in this class. Closing the store closes every cursor still open.
        """
        with self._readers_lock:
            if self._readers is None:
                with self._lock:
                    self._readers = self._con.cursor()
            cursor = self._readers.cursor()
        try:
            yield cursor
        finally:
            with self._readers_lock:
                cursor.close()


def _carry(values: list[Any], kind: str) -> list[Any]:
    """Lists travel as JSON text: DataFrame scans cannot type an all-empty list column."""
    if kind == R.LIST:
        return [R.json_list(v) for v in values]
    return values
