"""The shard format without Ray: rows of coded articles, written with DuckDB, read back whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from newsevents.errors import ShardError
from newsevents.records import Actor, Article, CodedArticle, Event, Quote, SentenceRef, TextRef
from newsevents.scale import shards


def _coded(n: int) -> CodedArticle:
    article = Article(id=f"a{n}", date=date(2023, 5, 30), text="Police arrested five protesters.",
                      title=f"t{n}", source="wire")
    events = [Event(id=f"e{n}-{i}", article_id=article.id, event_type="COERCE",
                    trigger=TextRef("arrested", (7, 15)), sentence=SentenceRef(0, (0, 32)),
                    actor=[Actor("Police", (0, 6), sector="COP")], date="2023-05-30",
                    date_span=(0, 6), confidence=0.4 + 0.1 * i) for i in range(n % 3)]
    quotes = [Quote(id=f"q{n}", article_id=article.id, speaker=Actor("Police", (0, 6)), text="five",
                    span=(16, 20), verb="said", verb_span=(21, 25))] if n % 2 else []
    return CodedArticle(article, events=events, quotes=quotes)


def _write(path: Path, rows: list[dict]) -> None:
    """A shard file as the Ray engine writes it: the shard columns, in row order."""
    names = list(shards.COLUMNS)
    with duckdb.connect() as con:
        types = {"string": "VARCHAR", "double": "DOUBLE", "int32": "INTEGER", "int64": "BIGINT"}
        columns = ", ".join(f'"{n}" {types[k]}' for n, k in shards.COLUMNS.items())
        con.execute(f"CREATE TABLE t ({columns})")
        if rows:
            con.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(names))})",
                            [[row[n] for n in names] for row in rows])
        con.execute(f"COPY t TO '{path}' (FORMAT parquet)")


def test_shards_give_back_the_coded_articles_in_input_order(tmp_path: Path) -> None:
    coded = [_coded(n) for n in range(7)]
    rows = [[r for i, c in enumerate(coded[:4]) for r in shards.coded_rows(c, input=0, position=i)],
            [r for i, c in enumerate(coded[4:]) for r in shards.coded_rows(c, input=1, position=i)]]
    rows[1].insert(0, shards.problem_row("error", "E003 bad line", input=1, position=9))
    _write(tmp_path / "b.parquet", rows[0])  # file names out of input order: the first rows decide
    _write(tmp_path / "a.parquet", rows[1])
    assert list(shards.read_shards(tmp_path, fetch=3)) == coded
    counts = shards.count_rows(tmp_path)
    assert counts == {"article": 7, "event": sum(len(c.events) for c in coded), "quote": 3, "error": 1}
    assert shards.problems(tmp_path) == [("error", "E003 bad line")]


def test_min_confidence_leaves_out_events_only(tmp_path: Path) -> None:
    rows = shards.coded_rows(_coded(5), input=0, position=0, min_confidence=0.45)
    assert [r["kind"] for r in rows] == ["article", "event", "quote"]
    assert [r["seq"] for r in rows] == [0, 1, 2]


def test_a_row_away_from_its_article_is_refused(tmp_path: Path) -> None:
    rows = shards.coded_rows(_coded(1), input=0, position=0)
    rows += shards.coded_rows(_coded(2), input=0, position=1)
    rows.append(rows.pop(2))  # a1's quote after article a2
    _write(tmp_path / "x.parquet", rows)
    with pytest.raises(ShardError, match="E041"):
        list(shards.read_shards(tmp_path))


def test_missing_or_empty_shard_directory(tmp_path: Path) -> None:
    with pytest.raises(ShardError, match="no such directory"):
        shards.count_rows(tmp_path / "nope")
    with pytest.raises(ShardError, match=r"no \.parquet"):
        list(shards.read_shards(tmp_path))
