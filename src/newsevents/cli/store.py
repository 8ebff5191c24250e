"""The store's commands: ``ingest``, ``load``, ``export`` and ``query`` (with its table output)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

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
from newsevents.dedup import DEFAULT_THRESHOLD
from newsevents.errors import NewsEventsError
from newsevents.nlp import DEFAULT_MODEL

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


def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    export_format: Annotated[
        str, typer.Option("--format", help="jsonl, csv, parquet, geojson, gdelt or acled.")
    ] = "jsonl",
    db: Db = None,
    stories: Annotated[bool, typer.Option("--stories", help="Stories (jsonl, csv, parquet).")] = False,
    event_type: Annotated[list[str] | None, typer.Option("--type", help="PLOVER type (repeatable).")] = None,
    actor_country: Annotated[str | None, typer.Option(help="Actor country.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name, admin1 or ISO2 country code.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest event date (ISO).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest event date (ISO).")] = None,
    min_confidence: Annotated[float | None, typer.Option(help="Lowest confidence kept.")] = None,
) -> None:
    """Write stored events (or stories) as JSONL, CSV, Parquet, GeoJSON, or GDELT- or
    ACLED-style tables (docs/exports.md says which columns can be filled)."""
    from newsevents.store import open_store
    from newsevents.store.exports import export_events, export_stories

    check_output(output)

    try:
        with open_store(db, read_only=True) as store:
            write = export_stories if stories else export_events
            rows = write(
                store, output, format=export_format, event_type=event_type,
                actor_country=actor_country, place=place, date_from=date_from, date_to=date_to,
                min_confidence=min_confidence,
            )
    except NewsEventsError as exc:
        error(exc)
        raise typer.Exit(2) from None
    err.print(f"{rows} {'stories' if stories else 'events'} written to {output}")


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def query(
    db: Db = None,
    stories: Annotated[bool, typer.Option("--stories", help="Stories instead of events.")] = False,
    event_type: Annotated[list[str] | None, typer.Option("--type", help="PLOVER type (repeatable).")] = None,
    actor_country: Annotated[str | None, typer.Option(help="Actor country (ISO alpha-3, IGO ...).")] = None,
    actor_sector: Annotated[str | None, typer.Option(help="Actor sector (GOV, MIL, CVL ...).")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient country.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name, admin1 or ISO2 country code.")] = None,
    bbox: Annotated[str | None, typer.Option(help="min_lon,min_lat,max_lon,max_lat")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest event date (ISO).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest event date (ISO).")] = None,
    text: Annotated[str | None, typer.Option(help="Words in the sentence or article.")] = None,
    min_confidence: Annotated[float | None, typer.Option(help="Lowest confidence kept.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = 50,
    output_format: Annotated[Format, typer.Option("--format", help="table, jsonl or csv.")] = Format.table,
) -> None:
    """Filter the stored events (or stories); newest first."""
    from newsevents.store import open_store

    box = None
    if bbox:
        try:
            min_lon, min_lat, max_lon, max_lat = (float(v) for v in bbox.split(","))
        except ValueError:
            error("--bbox takes four numbers: min_lon,min_lat,max_lon,max_lat")
            raise typer.Exit(2) from None
        box = (min_lon, min_lat, max_lon, max_lat)
    try:
        with open_store(db, read_only=True) as store:
            run = store.query_stories if stories else store.query_events
            frame = run(
                event_type=event_type, actor_country=actor_country, actor_sector=actor_sector,
                recipient_country=recipient, place=place, bbox=box, date_from=date_from,
                date_to=date_to, text=text, min_confidence=min_confidence, limit=limit,
                with_record=output_format is Format.jsonl,
            )
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


def _table(frame: pd.DataFrame, *, stories: bool) -> None:
    shown = [c for c in (
        ["id", "event_type", "date", "articles", "location_name", "actor_countries"]
        if stories else
        ["date", "event_type", "mode", "actor_countries", "actor_sectors", "recipient_countries",
         "location_name", "confidence", "trigger"]
    ) if c in frame.columns]
    table = Table(title=f"{len(frame)} {'stories' if stories else 'events'}")
    for column in shown:
        table.add_column(column)
    for row in frame[shown].itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    Console().print(table)


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

