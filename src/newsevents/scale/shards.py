"""The shard format: coded articles as Parquet rows, and back into ``CodedArticle`` objects.

``extract --engine ray`` writes one shard set (``*.parquet`` files in one directory), one row
per record, each row of one ``kind``:

- ``article``: the input article (``record`` = ``Article.to_dict()``: id, date, title, url,
  source, language, text), followed in the same file by
- ``event``: its events, one row each (``record`` = the contract record of docs/event-record.md),
- ``quote``: its quotes, one row each;
- ``error`` / ``warning``: an input that could not be read, or an article without a usable
  date (``record`` = ``{"message": ...}``), so a run's problems stay with its output.

An article's rows are written together by the worker that coded it, so every shard file holds
whole articles: ``read_shards`` can rebuild each ``CodedArticle`` from one file at a time and
memory stays bounded by the largest file, not by the corpus. Files are read in input order
(``input``, ``position`` of their first article). Reading goes through DuckDB (a base
dependency), so loading shards does not need Ray or pyarrow.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsevents.errors import ShardError
from newsevents.records import Article, CodedArticle, Event, Quote

#: Column name -> Arrow type name (``pyarrow.type_for_alias``); the shard schema, in order.
COLUMNS: dict[str, str] = {
    "kind": "string",  # article | event | quote | error | warning
    "id": "string",  # article, event or quote id
    "article_id": "string",  # the article the row belongs to
    "event_type": "string",  # events: PLOVER type
    "date": "string",  # events: event date; articles: publication date (ISO)
    "confidence": "double",  # events
    "record": "string",  # the record as compact JSON
    "input": "int32",  # index of the input file in the run's (expanded) input list
    "position": "int64",  # index of the article in that file (null for Parquet inputs)
    "seq": "int32",  # index of the row within its article: 0 for the article, then events, quotes
}

LOADED_KINDS = ("article", "event", "quote")
PROBLEM_KINDS = ("error", "warning")


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def problem_row(kind: str, message: str, *, input: int, position: int | None) -> dict[str, Any]:
    """An ``error`` or ``warning`` row: a message the run reports and the loader skips."""
    return {**dict.fromkeys(COLUMNS), "kind": kind, "record": _json({"message": message}),
            "input": input, "position": position, "seq": 0}


def article_row(article: Article, *, input: int, position: int | None) -> dict[str, Any]:
    """The ``article`` row of an article read but not yet coded (what the workers receive)."""
    return {**dict.fromkeys(COLUMNS), "kind": "article", "id": article.id, "article_id": article.id,
            "date": article.date.isoformat() if article.date else None,
            "record": _json(article.to_dict()), "input": input, "position": position, "seq": 0}


def coded_rows(
    coded: CodedArticle, *, input: int, position: int | None, min_confidence: float = 0.0
) -> list[dict[str, Any]]:
    """The rows of one coded article: the article, its events (at ``min_confidence`` or above), quotes."""
    rows = [article_row(coded.article, input=input, position=position)]
    where = {"article_id": coded.article.id, "input": input, "position": position}
    for event in coded.events:
        if event.confidence >= min_confidence:
            rows.append({"kind": "event", "id": event.id, "event_type": event.event_type, "date": event.date,
                         "confidence": event.confidence, "record": _json(event.to_dict()),
                         "seq": len(rows), **where})
    for quote in coded.quotes:
        rows.append({**dict.fromkeys(COLUMNS), "kind": "quote", "id": quote.id,
                     "record": _json(quote.to_dict()), "seq": len(rows), **where})
    return rows


def shard_files(directory: Path) -> list[Path]:
    """The Parquet files of a shard set (hidden and temporary files left out)."""
    if not directory.is_dir():
        raise ShardError(f"{directory}: no such directory of shards")
    files = sorted(p for p in directory.rglob("*.parquet")
                   if not any(part.startswith((".", "_")) for part in p.relative_to(directory).parts))
    if not files:
        raise ShardError(f"{directory}: holds no .parquet shards")
    return files


def count_rows(directory: Path) -> dict[str, int]:
    """Rows per kind in a shard set (Parquet metadata and one column: fast)."""
    import duckdb

    with duckdb.connect() as con:
        found = con.execute(
            "SELECT kind, count(*) FROM read_parquet(?) GROUP BY kind",
            [[str(f) for f in shard_files(directory)]],
        ).fetchall()
    return {kind: n for kind, n in found}


def problems(directory: Path) -> list[tuple[str, str]]:
    """The run's ``(kind, message)`` errors and warnings, in input order."""
    import duckdb

    with duckdb.connect() as con:
        found = con.execute(
            "SELECT kind, record FROM read_parquet(?) WHERE kind IN ('error', 'warning') "
            "ORDER BY input, position NULLS LAST, kind",
            [[str(f) for f in shard_files(directory)]],
        ).fetchall()
    return [(kind, json.loads(record)["message"]) for kind, record in found]


def read_shards(directory: Path, *, fetch: int = 512) -> Iterator[CodedArticle]:
    """Each coded article of a shard set, one file in memory at a time, in input order."""
    import duckdb

    files = shard_files(directory)
    with duckdb.connect() as con:
        first: dict[Path, tuple[int, int]] = {}
        for file in files:
            found = con.execute(
                "SELECT input, coalesce(position, -1) FROM read_parquet(?) WHERE kind = 'article' LIMIT 1",
                [str(file)],
            ).fetchone()
            first[file] = found if found else (2**31, 0)
        for file in sorted(files, key=lambda f: (*first[f], f.name)):
            result = con.execute(
                "SELECT kind, article_id, record FROM read_parquet(?) "
                "WHERE kind IN ('article', 'event', 'quote')",
                [str(file)],
            )
            current: CodedArticle | None = None
            while rows := result.fetchmany(fetch):
                for kind, article_id, record in rows:
                    data = json.loads(record)
                    if kind == "article":
                        if current is not None:
                            yield current
                        current = CodedArticle(Article.from_dict(data))
                    elif current is None or current.article.id != article_id:
                        raise ShardError(f"{file}: {kind} {data.get('id')} is not next to its article "
                                         f"{article_id}; the file was not written by newsevents")
                    elif kind == "event":
                        current.events.append(Event.from_dict(data))
                    else:
                        current.quotes.append(Quote.from_dict(data))
            if current is not None:
                yield current
