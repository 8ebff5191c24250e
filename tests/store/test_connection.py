"""Opening: the folder is made, the path comes from the environment, read-only refuses writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import make_coded

from newsevents.errors import StoreError
from newsevents.store import open_store


def test_a_new_store_gets_its_folder(tmp_path: Path):
    with open_store(tmp_path / "not" / "yet" / "events.duckdb") as created:
        assert created.counts()["articles"] == 0


def test_default_path_comes_from_the_environment(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_DB", str(tmp_path / "env.duckdb"))
    with open_store() as opened:
        assert opened.path == tmp_path / "env.duckdb"
    assert (tmp_path / "env.duckdb").exists()


def test_reopen_keeps_data_and_read_only_refuses_writes(tmp_path: Path):
    path = tmp_path / "db.duckdb"
    with open_store(path) as opened:
        opened.add([make_coded(1)])
    with open_store(path, read_only=True) as reader:
        assert reader.counts()["articles"] == 1
        with pytest.raises(StoreError, match="E020"):
            reader.add([make_coded(2)])
