"""Reads for many threads: ``Store.reader`` cursors, pages (``offset``) and counts."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from builders import event

from newsevents.records import Article, CodedArticle
from newsevents.store import Store, open_store
from newsevents.store.queries import Filters, count_events_sql, count_stories_sql


@pytest.fixture()
def store(tmp_path: Path):
    with open_store(tmp_path / "reads.duckdb") as opened:
        article = Article("a", date(2024, 1, 10), "Protesters marched in Kyiv again today. " * 3)
        opened.add([CodedArticle(article, events=[
            event(article, n, "PROTEST" if n < 5 else "COERCE", date=f"2024-01-0{n + 1}", confidence=n / 10)
            for n in range(7)
        ])])
        yield opened


def test_offset_pages_through_the_fixed_order(store: Store):
    everything = list(store.query_events()["id"])
    pages = [list(store.query_events(limit=3, offset=o)["id"]) for o in (0, 3, 6)]
    assert [i for page in pages for i in page] == everything and len(everything) == 7
    assert list(store.query_events(offset=5)["id"]) == everything[5:]
    assert list(store.query_events(limit=2, offset=1)["id"]) == everything[1:3]
    assert list(store.query_stories(limit=5, offset=1)["id"]) == []


@pytest.mark.parametrize("filters", [{}, {"event_type": "PROTEST"}, {"min_confidence": 0.3},
                                     {"text": "MARCHED"}, {"event_type": "AID"}])
def test_counts_match_the_listing(store: Store, filters: dict):
    with store.reader() as cursor:
        (n,) = cursor.execute(*count_events_sql(Filters(**filters))).fetchone()
        (stories,) = cursor.execute(*count_stories_sql(Filters(**filters))).fetchone()
    assert n == len(store.query_events(**filters)) and stories == len(store.query_stories(**filters)) == 0


def test_readers_do_not_wait_for_a_write_in_progress(store: Store):
    found: list[int] = []

    def read() -> None:
        with store.reader() as cursor:
            found.append(cursor.execute("SELECT count(*) FROM events").fetchone()[0])

    read()
    with store.transaction():  # holds the Store's lock, as a long ingest batch does
        reader = threading.Thread(target=read)
        reader.start()
        reader.join(timeout=10)
        assert found == [7, 7]


def test_closing_the_store_closes_open_readers(tmp_path: Path):
    store = open_store(tmp_path / "closing.duckdb")
    with store.reader() as cursor:
        store.close()
        with pytest.raises(Exception, match="closed"):
            cursor.execute("SELECT 1")
