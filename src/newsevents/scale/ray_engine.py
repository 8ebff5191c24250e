"""``extract --engine ray``: code a corpus with one spaCy pipeline per Ray worker, into Parquet shards.

Ray Data does the reading (``read_binary_files`` for JSONL and dated text files,
``read_parquet`` for article tables), the batching and scheduling (``map_batches`` over an
actor pool of ``workers`` coders, each building ``Pipeline()`` once: the model and the
gazetteer take seconds to load) and the writing (``write_parquet``). Locally it starts a
private Ray instance with ``workers + 1`` CPUs (the extra one reads and writes); with
``address`` it joins a running cluster, whose nodes must have ``newsevents[ray]`` and the
spaCy model installed. The shard format is in ``shards``; docs/scale.md has the rest.

Ray is imported lazily: the base install does not need it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents.errors import (
    BinaryInputError,
    CodingError,
    InputError,
    MissingExtraError,
    MissingInputError,
    ShardError,
)
from newsevents.ingest.jsonl import article_from_object, jsonl_lines, parse_jsonl
from newsevents.ingest.sources import JSONL_SUFFIXES, TEXT_SUFFIXES, directory_files
from newsevents.ingest.text import parse_dated_text
from newsevents.nlp import DEFAULT_MODEL
from newsevents.records import Article
from newsevents.scale import shards

if TYPE_CHECKING:
    import pyarrow as pa

PARQUET_SUFFIXES = {".parquet"}


def import_ray() -> Any:
    """The ``ray`` module, or a one-line error saying how to install it."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise MissingExtraError(
            "--engine ray needs Ray: pip install 'newsevents[ray]' (or pip install 'ray[data]>=2.44')"
        ) from None
    return ray


@dataclass(slots=True)
class RunReport:
    """What a run wrote: rows per kind, and the problems to report (in input order)."""

    output: str
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Input:
    name: str  # as the user wrote it (or as found under a directory): ids and messages use it
    path: str  # what Ray reads: an absolute local path or a URI
    kind: str  # "text" (JSONL or dated text, read whole) or "parquet"


def resolve_inputs(inputs: Sequence[str]) -> tuple[list[_Input], list[str]]:
    """Files to read, in the order ``read_articles`` reads them, and the inputs that do not exist.

    A directory is searched like ``newsevents extract`` does (plus ``.parquet``); a URI such as
    ``s3://bucket/articles.jsonl`` goes to Ray as it is, read by its suffix (else as Parquet).
    """
    found: list[_Input] = []
    missing: list[str] = []
    report_missing: list[str] = []  # errors met inside directories, already with their code
    readable = JSONL_SUFFIXES | TEXT_SUFFIXES | PARQUET_SUFFIXES
    for item in inputs:
        if item == "-":
            missing.append(f"{item}: standard input cannot be shared by Ray workers; write it to a file")
            continue
        if "://" in item:
            suffix = Path(item).suffix.lower()
            kind = "text" if suffix in JSONL_SUFFIXES | TEXT_SUFFIXES else "parquet"
            found.append(_Input(item, item, kind))
            continue
        path = Path(item)
        if path.is_dir():
            files = []
            for entry in directory_files(path, readable):
                if isinstance(entry, InputError):
                    report_missing.append(str(entry))
                else:
                    files.append(entry)
        elif path.is_file():
            files = [path]
        else:
            missing.append(f"{path}: no such file or directory")
            continue
        for file in files:
            kind = "parquet" if file.suffix.lower() in PARQUET_SUFFIXES else "text"
            found.append(_Input(str(file), str(file.resolve()), kind))
    return found, [str(MissingInputError(m)) for m in missing] + report_missing


def shard_schema() -> pa.Schema:
    """``shards.COLUMNS`` as an Arrow schema (every batch is cast to it, so null columns keep their type)."""
    import pyarrow as pa

    return pa.schema([(name, pa.type_for_alias(kind)) for name, kind in shards.COLUMNS.items()])


def _read_rows(raw: bytes, source: _Input, index: int) -> list[dict[str, Any]]:
    """The article (or problem) rows of one JSONL or dated text file, as ``read_articles`` reads it."""
    if b"\x00" in raw[:8192]:
        return [shards.problem_row("error", str(BinaryInputError(f"{source.name}: not a UTF-8 text file")),
                                   input=index, position=0)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [shards.problem_row("error", str(BinaryInputError(f"{source.name}: not a UTF-8 text file")),
                                   input=index, position=0)]
    suffix = Path(source.name).suffix.lower()
    if suffix in JSONL_SUFFIXES or text.lstrip().startswith("{"):
        items: list[Article | InputError] = list(parse_jsonl(jsonl_lines(text), name=source.name))
    else:
        try:
            items = [parse_dated_text(text, article_id=Path(source.name).stem)]
        except InputError as exc:
            items = [exc]
    return [_item_rows(item, index, position) for position, item in enumerate(items)]


def _item_rows(item: Article | InputError, index: int, position: int | None) -> dict[str, Any]:
    if isinstance(item, InputError):
        return shards.problem_row("error", str(item), input=index, position=position)
    return shards.article_row(item, input=index, position=position)


class _ReadFiles:
    """``read_binary_files`` rows (whole files) -> article rows, warnings for undated articles."""

    def __init__(self, sources: list[_Input]) -> None:
        self.by_path = {s.path: (i, s) for i, s in enumerate(sources)}

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        rows: list[dict[str, Any]] = []
        paths = batch.column("path").to_pylist()
        for raw, path in zip(batch.column("bytes").to_pylist(), paths, strict=True):
            index, source = self._source(path)
            rows.extend(_with_warnings(_read_rows(raw, source, index)))
        return pa.Table.from_pylist(rows, schema=shard_schema())

    def _source(self, path: str) -> tuple[int, _Input]:
        """The input of a path as Ray reports it (a URI comes back without its scheme)."""
        if path in self.by_path:
            return self.by_path[path]
        return next(v for k, v in self.by_path.items() if k.split("://", 1)[-1] == path)


class _ReadParquet:
    """``read_parquet`` rows (one article each) -> article rows, checked like JSONL objects."""

    def __init__(self, sources: list[_Input]) -> None:
        self.reader = _ReadFiles(sources)

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        rows: list[dict[str, Any]] = []
        for obj in batch.to_pylist():
            index, source = self.reader._source(obj.pop("path"))
            obj = {k: v.isoformat() if isinstance(v, (date, datetime)) else v for k, v in obj.items()}
            # A Parquet row has no line number: an article without an id is named by its text.
            fallback = f"{source.name}:{hashlib.sha1(str(obj.get('text')).encode()).hexdigest()[:16]}"
            try:
                item: Article | InputError = article_from_object(obj, default_id=fallback)
            except InputError as exc:
                item = exc
            rows.extend(_with_warnings([_item_rows(item, index, None)]))
        return pa.Table.from_pylist(rows, schema=shard_schema())


def _with_warnings(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the warning ``newsevents extract`` prints for an article with no usable date."""
    out = []
    for row in rows:
        out.append(row)
        if row["kind"] == "article" and row["date"] is None:
            message = f"{row['id']}: no usable date; relative dates cannot be grounded"
            out.append(shards.problem_row("warning", message, input=row["input"], position=row["position"]))
    return out


class Coder:
    """A Ray actor: one ``Pipeline`` built once, then batch after batch of article rows coded."""

    def __init__(self, model: str, extra_ontology: tuple[Path, ...], min_confidence: float) -> None:
        from newsevents.pipeline import Pipeline

        self.pipeline = Pipeline(model=model, extra_ontology=extra_ontology)
        self.min_confidence = min_confidence

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        rows: list[dict[str, Any]] = []
        articles: list[Article] = []
        keys: list[tuple[int, int | None]] = []
        for row in batch.to_pylist():
            if row["kind"] != "article":
                rows.append(row)
                continue
            article = Article.from_dict(json.loads(row["record"]))
            try:
                self.pipeline.check(article)
            except InputError as exc:
                where = {"input": row["input"], "position": row["position"]}
                rows.append(shards.problem_row("error", str(exc), **where))
                continue
            articles.append(article)
            keys.append((row["input"], row["position"]))
        for (index, position), coded in zip(keys, self.pipeline.code(articles, quotes=True), strict=True):
            if isinstance(coded, CodingError):  # a failed article is an error row, not a failed task
                rows.append(shards.problem_row("error", str(coded), input=index, position=position))
                continue
            rows.extend(shards.coded_rows(coded, input=index, position=position,
                                          min_confidence=self.min_confidence))
        return pa.Table.from_pylist(rows, schema=shard_schema())


def run(
    inputs: Sequence[str],
    output_dir: str,
    *,
    workers: int = 1,
    address: str | None = None,
    model: str = DEFAULT_MODEL,
    extra_ontology: tuple[Path, ...] = (),
    min_confidence: float = 0.0,
    batch_size: int = 16,
) -> RunReport:
    """Code ``inputs`` on Ray into shards under ``output_dir`` (local: written whole or not at all)."""
    ray = import_ray()
    sources, missing = resolve_inputs(inputs)
    report = RunReport(output=output_dir, errors=missing)
    local = "://" not in output_dir
    target = Path(output_dir)
    if local and target.exists() and any(target.iterdir()):
        raise ShardError(f"{target}: exists and is not empty; shards go to a new directory")
    if not sources:
        return report
    started = not ray.is_initialized()
    if started:
        kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                  "configure_logging": True, "logging_level": "warning"}
        if address:
            kwargs["address"] = address
        else:
            kwargs["num_cpus"] = workers + 1
            kwargs["object_store_memory"] = int(os.environ.get("NEWSEVENTS_RAY_OBJECT_STORE", 1 << 30))
        ray.init(**kwargs)
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # shard files follow the input order
        context.enable_progress_bars = sys.stderr.isatty()  # Ray Data's own bars, on a terminal
        datasets = []
        text = [s for s in sources if s.kind == "text"]
        if text:
            files = ray.data.read_binary_files([s.path for s in text], include_paths=True)
            datasets.append(files.map_batches(_ReadFiles(sources), batch_format="pyarrow", batch_size=8))
        tables = [s for s in sources if s.kind == "parquet"]
        if tables:
            rows = ray.data.read_parquet([s.path for s in tables], include_paths=True)
            datasets.append(rows.map_batches(_ReadParquet(sources), batch_format="pyarrow"))
        articles = datasets[0].union(*datasets[1:]) if len(datasets) > 1 else datasets[0]
        # A JSONL file is one row when read: split it into blocks of a batch, or one coder gets it all.
        articles = articles.repartition(target_num_rows_per_block=batch_size)
        coded = articles.map_batches(
            Coder, fn_constructor_args=(model, tuple(extra_ontology), min_confidence),
            batch_size=batch_size, batch_format="pyarrow", num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=workers),
        )
        if not local:
            coded.write_parquet(output_dir)
            return report
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
        try:
            coded.write_parquet(str(partial))
            if target.exists():
                target.rmdir()
            partial.rename(target)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
    finally:
        if started:
            ray.shutdown()
    if not any(target.glob("*.parquet")):  # empty inputs: nothing written
        return report
    report.counts = shards.count_rows(target)
    for kind, message in shards.problems(target):
        (report.errors if kind == "error" else report.warnings).append(message)
    return report
