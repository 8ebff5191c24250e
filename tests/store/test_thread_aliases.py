"""A thread moved into another leaves its id as an alias, so links and filters on it still work."""

from __future__ import annotations

from pathlib import Path

from builders import filled_store, ids

from newsevents.records import Thread


def thread(thread_id: str) -> Thread:
    return Thread(thread_id, thread_id, "2023-05-30", "2023-05-30", articles=1, terms=[thread_id])


def aliases(store) -> dict[str, str]:
    return dict(store.sql("SELECT old_id, thread_id FROM thread_aliases").itertuples(index=False))


def test_a_moved_thread_leaves_an_alias_that_follows_later_moves(tmp_path: Path):
    with filled_store(tmp_path) as store:
        store.put_threads([thread("th-a"), thread("th-b")], {}, {"lagos": "th-a", "kyiv": "th-b"})
        assert aliases(store) == {}
        store.put_threads([thread("th-b")], {}, {}, moved={"th-a": "th-b"})
        assert aliases(store) == {"th-a": "th-b"}
        store.put_threads([thread("th-c")], {}, {}, moved={"th-b": "th-c"})
        assert aliases(store) == {"th-a": "th-c", "th-b": "th-c"}
        everything = ids(store.query_events())
        assert ids(store.query_events(thread="th-a")) == everything  # the old id still filters
        assert ids(store.query_events(thread="th-c")) == everything
        assert ids(store.query_events(thread="th-none")) == set()
