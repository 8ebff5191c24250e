"""Answers of recent reads kept in memory until the store is next written.

The dashboard asks the same questions again and again (every panel on every page load,
every filter change, several users), and an aggregate over a million events takes
hundreds of milliseconds to seconds. A read-only store never changes under its process
(DuckDB lets no other process write a file that one holds open), and a writable one
changes only through the Store's transactions, which call ``invalidate`` after each
commit. An answer is filed under the generation (count of writes) current when its
query started, so a query that overlapped a commit can never be served afterwards.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

Answer = tuple[list[str], list[tuple[Any, ...]]]
"""Column names and rows of one query."""

MAX_ROWS = 200_000
"""Rows kept over all answers (the least recently used go first); a larger answer is not kept."""


def key(query: str, params: Sequence[Any]) -> Hashable:
    """A query and its parameters as a dict key (lists become tuples)."""
    return query, _frozen(list(params))


def _frozen(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    return value


class Answers:
    """A thread-safe LRU of query answers, emptied by ``invalidate``."""

    def __init__(self, max_rows: int = MAX_ROWS) -> None:
        self.max_rows = max_rows
        self._lock = threading.Lock()
        self._kept: OrderedDict[Hashable, Answer] = OrderedDict()
        self._rows = 0
        self._generation = 0
        self._computing: dict[Hashable, tuple[threading.Lock, int]] = {}  # key: (lock, threads using it)

    @property
    def generation(self) -> int:
        """Writes seen so far; read it before running the query whose answer ``put`` files."""
        with self._lock:
            return self._generation

    def get(self, generation: int, wanted: Hashable) -> Answer | None:
        """The answer kept for this key, if nothing was written since ``generation``."""
        with self._lock:
            if generation != self._generation:
                return None
            found = self._kept.get(wanted)
            if found is not None:
                self._kept.move_to_end(wanted)
            return found

    def put(self, generation: int, wanted: Hashable, answer: Answer) -> None:
        """Keep an answer computed from the store as of ``generation`` (dropped if a write came since)."""
        size = max(1, len(answer[1]))
        with self._lock:
            if generation != self._generation or size > self.max_rows or wanted in self._kept:
                return
            self._kept[wanted] = answer
            self._rows += size
            while self._rows > self.max_rows:
                _, dropped = self._kept.popitem(last=False)
                self._rows -= max(1, len(dropped[1]))

    @contextmanager
    def computing(self, wanted: Hashable) -> Iterator[None]:
        """Held while one thread computes an answer: the dashboard's panels and its users ask
        the same slow question at once, and the others wait for the first instead of running
        it again (then ``get`` what it ``put``)."""
        with self._lock:
            lock, users = self._computing.get(wanted, (threading.Lock(), 0))
            self._computing[wanted] = (lock, users + 1)
        try:
            with lock:
                yield
        finally:
            with self._lock:
                lock, users = self._computing[wanted]
                if users == 1:
                    del self._computing[wanted]
                else:
                    self._computing[wanted] = (lock, users - 1)

    def invalidate(self) -> None:
        """Forget every answer: the store was written."""
        with self._lock:
            self._generation += 1
            self._kept.clear()
            self._rows = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._kept)
