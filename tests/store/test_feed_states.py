"""Feed states: kept per feed, replaced whole, and still there after reopening."""

from __future__ import annotations

from pathlib import Path

from newsevents.store import open_store


def test_a_feed_state_is_replaced_whole_and_kept_per_feed(tmp_path: Path):
    path = tmp_path / "feeds.duckdb"
    with open_store(path) as store:
        assert store.feed_state("https://example.org/rss") is None
        store.put_feed_state("https://example.org/rss", {"etag": "a1", "seen": ["x", "y"]})
        store.put_feed_state("https://example.org/rss", {"etag": "b2"})
        store.put_feed_state("https://example.net/atom", {"modified": "Tue, 01 Dec 2026 08:00:00 GMT"})
    with open_store(path, read_only=True) as reader:
        assert reader.feed_state("https://example.org/rss") == {"etag": "b2"}
        assert reader.feed_state("https://example.net/atom") == {"modified": "Tue, 01 Dec 2026 08:00:00 GMT"}
