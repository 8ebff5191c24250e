"""``extract --engine ray`` and ``load`` against the single-process commands, on one small input.

Slow (Ray, and a spaCy pipeline per worker). Skipped when Ray is not installed, unless
NEWSEVENTS_REQUIRE_RAY=1 (CI), which turns the skip into a failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import SAMPLES

from newsevents.scale.corpus import write_corpus

try:
    import ray  # noqa: F401
except ImportError:
    if os.environ.get("NEWSEVENTS_REQUIRE_RAY") == "1":
        raise
    pytest.skip("ray is not installed (pip install 'newsevents[ray]')", allow_module_level=True)

pytestmark = pytest.mark.slow


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsevents.cli", *args],
                          capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One run of each command on the samples, 12 invented articles, a bad line and a missing file."""
    root = tmp_path_factory.mktemp("scale")
    invented = write_corpus(root / "invented.jsonl", 12)
    bad = root / "bad.jsonl"
    bad.write_text('{"id": "ok", "date": "2023-01-01", "text": "Troops withdrew from the town."}\n{oops\n')
    inputs = [str(SAMPLES), str(invented), str(bad), str(root / "missing.txt")]
    shards = root / "shards"
    return {
        "root": root, "shards": shards,
        "local": _run("extract", *inputs, "-o", str(root / "events.jsonl"),
                      "--quotes", str(root / "quotes.jsonl")),
        "ray": _run("extract", "--engine", "ray", "--workers", "2", "--output-dir", str(shards), *inputs),
        "ingest": _run("ingest", *inputs, "--db", str(root / "ingest.duckdb")),
        "load": _run("load", str(shards), "--db", str(root / "load.duckdb")),
    }


def _shard_records(shards: Path, kind: str) -> dict[str, dict]:
    with duckdb.connect() as con:
        found = con.execute("SELECT id, record FROM read_parquet(?) WHERE kind = ?",
                            [str(shards / "*.parquet"), kind]).fetchall()
    return {i: json.loads(r) for i, r in found}


def _jsonl(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text().splitlines())}


def test_ray_events_and_quotes_are_the_single_process_ones(runs: dict) -> None:
    assert runs["ray"].returncode == runs["local"].returncode == 1, runs["ray"].stderr  # the bad inputs
    events = _shard_records(runs["shards"], "event")
    local = _jsonl(runs["root"] / "events.jsonl")
    assert len(local) > 50 and sorted(events) == sorted(local)
    assert events == local
    assert _shard_records(runs["shards"], "quote") == _jsonl(runs["root"] / "quotes.jsonl")


def test_ray_reports_bad_inputs_like_extract(runs: dict) -> None:
    for run in (runs["ray"], runs["local"]):
        errors = [line for line in run.stderr.splitlines() if line.startswith("error")]
        assert len(errors) == 2 and "Traceback" not in run.stderr, run.stderr
        assert any("E001" in e for e in errors) and any("E003" in e and "bad.jsonl:2" in e for e in errors)


def test_loading_shards_stores_what_ingest_stores(runs: dict) -> None:
    assert runs["load"].returncode == 0, runs["load"].stderr

    def contents(path: Path) -> dict[str, list]:
        with duckdb.connect(str(path), read_only=True) as con:
            return {table: sorted(con.execute(f"SELECT id, {column} FROM {table}").fetchall())
                    for table, column in [("articles", "content_hash"), ("events", "record"),
                                          ("quotes", "record"), ("stories", "record")]}

    ingested, loaded = contents(runs["root"] / "ingest.duckdb"), contents(runs["root"] / "load.duckdb")
    assert {t: len(v) for t, v in loaded.items()} == {t: len(v) for t, v in ingested.items()}
    assert loaded == ingested


def test_load_again_adds_nothing_and_shards_are_not_overwritten(runs: dict) -> None:
    again = _run("load", str(runs["shards"]), "--db", str(runs["root"] / "load.duckdb"))
    assert again.returncode == 0 and "0 articles added" in again.stderr, again.stderr
    refused = _run("extract", "--engine", "ray", "--output-dir", str(runs["shards"]), str(SAMPLES))
    assert refused.returncode == 2 and "E041" in refused.stderr


def test_a_worker_turns_an_article_that_cannot_be_coded_into_an_error_row(breaking) -> None:
    import pyarrow as pa

    from newsevents.records import Article
    from newsevents.scale import ray_engine, shards

    coder = ray_engine.Coder.__new__(ray_engine.Coder)  # the worker's step, without a Ray actor
    coder.pipeline, coder.min_confidence = breaking, 0.0
    texts = ["Police left.", "It went boom.", "Rebels fled."]
    rows = [shards.article_row(Article(f"a{i}", None, text), input=0, position=i)
            for i, text in enumerate(texts)]
    out = coder(pa.Table.from_pylist(rows, schema=ray_engine.shard_schema())).to_pylist()
    assert [(r["kind"], r["position"]) for r in out] == [("article", 0), ("error", 1), ("article", 2)]
    assert json.loads(out[1]["record"])["message"].startswith("E007 a1: could not be coded (RecursionError")
