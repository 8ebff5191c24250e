"""The store as request handlers see it: a read cursor per request, rows as JSON-ready dicts.

Handlers are plain ``def`` functions, which FastAPI runs in its thread pool; each gets
its own cursor from ``Store.reader`` so requests query DuckDB in parallel instead of
queueing on the Store's lock. Reads go through ``Store.fetch``, so a question asked
again before the next write is answered from memory.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

import duckdb
from fastapi import Depends, Request

from newsevents.store import Store


def get_store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Reader:
    """A request's cursor and the store whose memory of answers it reads through."""

    store: Store
    cursor: duckdb.DuckDBPyConnection

    def fetch(self, query: str, params: list[Any]) -> tuple[list[str], list[tuple[Any, ...]]]:
        return self.store.fetch(self.cursor, query, params)


def reader(store: Annotated[Store, Depends(get_store)]) -> Iterator[Reader]:
    """A cursor of the request's own, closed when the response is done."""
    with store.reader() as cursor:
        yield Reader(store, cursor)


Cursor = Annotated[Reader, Depends(reader)]

JSON_COLUMNS = frozenset({"record"})
"""Columns holding a record as JSON text; they come back decoded."""


def rows(cursor: Reader, query: str, params: list[Any]) -> list[dict[str, Any]]:
    """Run a query; each row as a dict of JSON-ready values (ISO dates, NaN as None)."""
    names, found = cursor.fetch(query, params)
    return [{n: _value(n, v) for n, v in zip(names, row, strict=True)} for row in found]


def scalar(cursor: Reader, query: str, params: list[Any]) -> Any:
    _, found = cursor.fetch(query, params)
    return found[0][0] if found else None


def _value(name: str, value: Any) -> Any:
    if value is None or isinstance(value, (str, int, bool)):
        return json.loads(value) if name in JSON_COLUMNS and isinstance(value, str) else value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_value("", v) for v in value]
    return value


def paged(
    cursor: Reader, items: list[Any], limit: int, offset: int, count: tuple[str, list[Any]]
) -> dict[str, Any]:
    """A listing's page as the API answers it, with the total of rows matching its filters;
    counted only when the page cannot tell (a first page shorter than the limit holds them all)."""
    total = len(items) if offset == 0 and len(items) < limit else int(scalar(cursor, *count))
    return {"total": total, "limit": limit, "offset": offset, "items": items}
