"""The store's commands: ``ingest``, ``load``, ``export`` and ``query`` (with its table output)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsevents.cli.common import (
    PROGRESS_THRESHOLD,
    Db,
    ExtraOntology,
    Model,
    Threshold,
    _collect,
    _load,
    _prepare,
    _progress,
    check_output,
    err,
    error,
    failed_note,
)
from newsevents.cli.feeds import EntriesOnly, FeedOption, Timeout, _collect_feeds
from newsevents.cli.options import existing_folder, with_filters
from newsevents.dedup import DEFAULT_THRESHOLD
from newsevents.errors import NewsEventsError
from newsevents.nlp import DEFAULT_MODEL
from newsevents.store.queries import FilterArgs

if TYPE_CHECKING:
    import pandas as pd


def ingest(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="Text files with a date header, JSONL files, .html pages, page URLs, directories, or -")] = None,
    feed: FeedOption = None,
    entries_only: EntriesOnly = False,
    timeout: Timeout = 20.0,
    db: Db = None,
    model: Model = DEFAULT_MODEL,
    ontology: ExtraOntology = None,
    threshold: Threshold = DEFAULT_THRESHOLD,
) -> None:
    """Code articles and store them with their events, quotes and stories.

    Articles already stored (same id or same content) are skipped, so running it
    again after an interruption adds exactly what is missing; a feed's stored entries
    are skipped before their pages are fetched.
    """
    from newsevents.store import open_store

    if not inputs and not feed:
        error("nothing to ingest: give files, directories, URLs, - or --feed URL")
        raise typer.Exit(2)
    if feed:
        articles, failures = _collect(inputs or [])
        try:
            store = open_store(db)
        except NewsEventsError as exc:
            error(exc)
            raise typer.Exit(2) from None
        with store:
            got, bad = _collect_feeds(feed, store, entries_only=entries_only, timeout=timeout)
        articles += got
        failures += bad
        if not articles:
            err.print("nothing new to ingest")
            raise typer.Exit(1 if failures else 0)
        pipeline, articles, failures = _load(articles, failures, model, ontology)
    else:
        pipeline, articles, failures = _prepare(inputs or [], model, ontology)
    try:
        store = open_store(db)
    except NewsEventsError as exc:
        error(exc)
        raise typer.Exit(2) from None
    with store, _progress() as progress:
        task = progress.add_task(
            "ingesting", total=len(articles), visible=len(articles) > PROGRESS_THRESHOLD
        )
        report = pipeline.ingest(
            articles, store, threshold=threshold, on_batch=lambda n: progress.advance(task, n)
        )
        progress.update(task, completed=len(articles))
        counts = store.counts()
    stored = len(articles) - len(report.added) - len(report.rejected)
    for article_id, reason in report.rejected:
        error(f"{article_id}: {reason}")
    err.print(
        f"{len(report.added)} articles added ({report.events} events, {report.quotes} quotes), "
        f"{stored} already stored, {len(report.rejected)} rejected; store holds "
        + ", ".join(f"{n} {table}" for table, n in counts.items())
        + failed_note(failures + len(report.rejected)),
    )
    if failures or report.rejected:
        raise typer.Exit(1)


def load(
    shards: Annotated[Path, typer.Argument(help="Directory of shards from `extract --engine ray`.")],
    db: Db = None,
    threshold: Threshold = DEFAULT_THRESHOLD,
) -> None:
    """Store coded shards with their events, quotes and stories, as `ingest` stores what it codes.

    The shards are streamed in input order, a batch at a time; articles already stored are
    skipped, so loading again adds nothing.
    """
    from newsevents.pipeline import ingest_coded
    from newsevents.scale.shards import count_rows, read_shards
    from newsevents.store import open_store

    try:
        total = count_rows(shards).get("article", 0)
        store = open_store(db)
    except NewsEventsError as exc:
        error(exc)
        raise typer.Exit(2) from None
    with store, _progress() as progress:
        task = progress.add_task("loading", total=total, visible=total > PROGRESS_THRESHOLD)
        try:
            report = ingest_coded(read_shards(shards), store, threshold=threshold,
                                  on_batch=lambda n: progress.advance(task, n))
        except NewsEventsError as exc:
            error(exc)
            raise typer.Exit(2) from None
        counts = store.counts()
    err.print(f"{report.summary()}; store holds " + ", ".join(f"{n} {table}" for table, n in counts.items()))
    for article_id, reason in report.rejected:
        error(f"{article_id}: {reason}")
    if report.rejected:
        raise typer.Exit(1)


@with_filters(limit=None)
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    export_format: Annotated[
        str, typer.Option("--format", help="jsonl, csv, parquet, geojson, gdelt or acled.")
    ] = "jsonl",
    db: Db = None,
    stories: Annotated[bool, typer.Option("--stories", help="Stories (jsonl, csv, parquet).")] = False,
    *,
    filters: FilterArgs,
) -> None:
    """Write stored events (or stories) as JSONL, CSV, Parquet, GeoJSON, or GDELT- or
    ACLED-style tables (docs/exports.md says which columns can be filled)."""
    from newsevents.store import open_store
    from newsevents.store.exports import export_events, export_stories

    existing_folder(output)
    check_output(output)
    try:
        with open_store(db, read_only=True) as store:
            write = export_stories if stories else export_events
            rows = write(store, output, format=export_format, **filters)
    except NewsEventsError as exc:
        error(exc)
        raise typer.Exit(2) from None
    err.print(f"{rows} {'stories' if stories else 'events'} written to {output}")


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


@with_filters(limit=50)
def query(
    db: Db = None,
    stories: Annotated[bool, typer.Option("--stories", help="Stories instead of events.")] = False,
    threads: Annotated[bool, typer.Option(
        "--threads", help="Threads (happenings with all their articles) instead of events; "
        "takes --from, --to (the articles' dates), --text (title or label words) and --limit.")] = False,
    output_format: Annotated[Format, typer.Option("--format", help="table, jsonl or csv.")] = Format.table,
    *,
    filters: FilterArgs,
) -> None:
    """Filter the stored events (or stories); newest first."""
    from newsevents.store import open_store

    if threads:
        _threads(db, filters.get("date_from"), filters.get("date_to"), filters.get("text"),
                 filters.get("limit"), output_format)
        return
    try:
        with open_store(db, read_only=True) as store:
            run = store.query_stories if stories else store.query_events
            frame = run(with_record=output_format is Format.jsonl, **filters)
    except NewsEventsError as exc:
        error(exc)
        raise typer.Exit(2) from None
    if output_format is Format.jsonl:
        for record in frame["record"]:
            sys.stdout.write(record + "\n")
    elif output_format is Format.csv:
        frame.map(_cell).to_csv(sys.stdout, index=False)  # lists as a|b, dates as ISO
    else:
        _table(frame, stories=stories)


def _threads(db: Path | None, date_from: str | None, date_to: str | None, text: str | None,
             limit: int | None, output_format: Format) -> None:
    """``query --threads``: the stored threads, latest first."""
    from newsevents.store import open_store

    try:
        with open_store(db, read_only=True) as store:
            frame = store.query_threads(date_from=date_from, date_to=date_to, text=text, limit=limit)
    except NewsEventsError as exc:
        error(exc)
        raise typer.Exit(2) from None
    if output_format is Format.table:
        _columns(frame, ["id", "first_seen", "last_seen", "n_articles", "n_sources", "n_stories", "title"],
                 "threads")
    elif output_format is Format.csv:
        frame.map(_cell).to_csv(sys.stdout, index=False)
    else:
        for record in frame.to_dict(orient="records"):
            plain = {k: _json_value(v) for k, v in record.items()}
            sys.stdout.write(json.dumps(plain, ensure_ascii=False) + "\n")


def _json_value(value: object) -> object:
    """One value as JSON: lists stay lists, counts stay numbers, dates become ISO text."""
    import numpy as np

    if isinstance(value, (list, np.ndarray)):
        return [str(v) for v in list(value)]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (int, float)) and value == value:
        return value
    return _cell(value) or None


def _table(frame: pd.DataFrame, *, stories: bool) -> None:
    """Events or stories as plain columns (``_columns``)."""
    _columns(frame, [
        "id", "date", "event_type", "articles", "actor_countries", "location_name"] if stories else [
        "id", "date", "event_type", "mode", "confidence", "actor_countries", "actor_sectors",
        "recipient_countries", "location_name", "trigger"], "stories" if stories else "events")


def _columns(frame: pd.DataFrame, wanted: list[str], noun: str) -> None:
    """Aligned plain columns, one row per line, nothing cut: ids are copied into other
    commands and URLs. Wide, free-text columns come last so a long cell shifts nothing."""
    shown = [c for c in wanted if c in frame.columns]
    out = [f"{len(frame)} {noun}"]
    if frame.empty:
        sys.stdout.write(out[0] + "\n")
        return
    rows = [shown, *([_cell(v) for v in row] for row in frame[shown].itertuples(index=False))]
    widths = [max(len(row[i]) for row in rows) for i in range(len(shown))]
    out += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in rows]
    sys.stdout.write("\n".join(out) + "\n")


def _cell(value: object) -> str:
    """One value as text: lists joined with |, timestamps as ISO dates, missing as empty."""
    import pandas as pd

    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        return "|".join(str(v) for v in list(value))  # type: ignore[call-overload]
    if value is None or pd.isna(value):
        return ""
    if isinstance(value, pd.Timestamp):  # the store's dates have no time of day
        return value.date().isoformat() if value.hour == value.minute == 0 else value.isoformat()
    return str(value)

