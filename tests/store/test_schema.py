"""Schema versions: an older file is refused read-only and upgraded when opened for writing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import filled_store, ids, make_coded

from newsevents.errors import StoreError
from newsevents.pipeline import ingest_coded
from newsevents.store import SCHEMA_VERSION, Store, open_store


@pytest.fixture()
def filled(tmp_path: Path) -> Iterator[Store]:
    with filled_store(tmp_path) as opened:
        yield opened


def older(store: Store, version: str) -> Path:
    """Mark the store as of an older schema version, close it, and see that reading refuses it."""
    store.sql("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])
    store.close()
    with pytest.raises(StoreError, match=f"schema version {version}"):
        open_store(store.path, read_only=True)
    return store.path


def test_a_version_1_store_is_upgraded_on_opening_for_writes(filled: Store):
    filled.sql("DELETE FROM article_terms")
    path = older(filled, "1")
    with open_store(path) as upgraded:
        assert ids(upgraded.query_events(text="shelled")) == {"ev-kyiv-0", "ev-kyiv-1"}
    with open_store(path, read_only=True) as reader:
        assert reader.sql("SELECT value FROM meta WHERE key = 'schema_version'")["value"][0] == SCHEMA_VERSION


def test_a_version_2_store_gets_threads_for_its_articles_on_the_next_ingest(filled: Store):
    filled.sql("DROP TABLE article_threads")
    filled.sql("DROP TABLE threads")
    path = older(filled, "2")
    with open_store(path) as upgraded:
        assert upgraded.counts()["threads"] == 0
        ingest_coded([make_coded(1)], upgraded)
        threaded = upgraded.sql("SELECT article_id FROM article_threads")
        assert sorted(threaded["article_id"]) == ["gen-1", "kyiv", "lagos"]
        assert upgraded.counts()["threads"] >= 2  # Lagos arrests and Kyiv shelling are apart


def test_a_version_6_store_gets_thread_aliases(filled: Store):
    filled.sql("DROP TABLE thread_aliases")
    path = older(filled, "6")
    with open_store(path) as upgraded:
        assert len(upgraded.sql("SELECT * FROM thread_aliases")) == 0
    with open_store(path, read_only=True) as reader:
        assert reader.sql("SELECT value FROM meta WHERE key = 'schema_version'")["value"][0] == "7"
