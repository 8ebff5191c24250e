"""The ``newsevents`` command: a thin layer over the pipeline and the eval sets."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from newsevents.dedup import DEFAULT_THRESHOLD
from newsevents.errors import InputError, NewsEventsError
from newsevents.ingest import read_articles
from newsevents.nlp import DEFAULT_MODEL
from newsevents.records import Article

if TYPE_CHECKING:
    import pandas as pd

    from newsevents.pipeline import Pipeline
    from newsevents.store import Store

T = TypeVar("T")

app = typer.Typer(
    help="Turn dated news articles into PLOVER event data, with evidence.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Score newsevents against labelled data sets.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

err = Console(stderr=True, highlight=False)
PROGRESS_THRESHOLD = 5

Inputs = Annotated[
    list[str], typer.Argument(help="Text files with a date header, JSONL files, directories, or -")
]
Model = Annotated[str, typer.Option(help="Installed spaCy pipeline (package name or path).")]
ExtraOntology = Annotated[
    list[Path] | None,
    typer.Option("--ontology", help="Directory of extra ontology files (repeatable)."),
]


class _Articles:
    """The inputs' articles, read once into a temporary file, then streamed back for coding.

    Reading reports each bad input (and each undated article) on one line and counts the
    articles, so the progress bar has its total before coding starts; only one article at a
    time is in memory, however large the corpus (the spool is on disk, in $TMPDIR).
    """

    def __init__(self, inputs: list[str]) -> None:
        self.failures = 0
        self._count = 0
        self._longest = 0
        self._skip: set[int] = set()
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115 (lives with self)
        for item in read_articles(inputs):
            if isinstance(item, InputError):
                err.print(f"[red]error[/red]: {item}")
                self.failures += 1
                continue
            if item.date is None:
                err.print(
                    f"[yellow]warning[/yellow]: {item.id}: no usable date; "
                    "relative dates cannot be grounded"
                )
            self._spool.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            self._count += 1
            self._longest = max(self._longest, len(item.text))

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Article]:
        self._spool.seek(0)
        for number, line in enumerate(self._spool):
            if number not in self._skip:
                yield Article.from_dict(json.loads(line))

    def reject_unparsable(self, pipeline: Pipeline) -> None:
        """Report and leave out the articles the parser refuses (the spool is scanned only if one may be)."""
        if self._longest <= pipeline.nlp.max_length:
            return
        self._spool.seek(0)
        for number, line in enumerate(self._spool):
            if len(line) > pipeline.nlp.max_length:  # a JSON line is never shorter than its text
                try:
                    pipeline.check(Article.from_dict(json.loads(line)))
                except InputError as exc:
                    err.print(f"[red]error[/red]: {exc}")
                    self._skip.add(number)
                    self._count -= 1
                    self.failures += 1


def _collect(inputs: list[str]) -> tuple[list[Article], int]:
    """Read every input into a list; report bad ones on one line each and keep going."""
    articles = _Articles(inputs)
    return list(articles), articles.failures


@contextmanager
def _output(path: str):  # type: ignore[no-untyped-def]
    """Standard output for '-', else a file that appears whole or not at all."""
    if path == "-":
        yield sys.stdout
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            yield handle
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=err, transient=False,
    )


def _write(handle: TextIO, record: dict) -> None:
    handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _prepare(
    inputs: list[str], model: str, ontology: list[Path] | None
) -> tuple[Pipeline, _Articles, int]:
    """Read the inputs and load the pipeline; bad inputs are reported and counted.

    The articles come back as a stream with a length (``_Articles``), not a list.
    """
    from newsevents.pipeline import Pipeline

    articles = _Articles(inputs)
    if not articles:
        err.print("[red]error[/red]: no articles to code")
        raise typer.Exit(1)
    try:
        pipeline = Pipeline(model=model, extra_ontology=tuple(ontology or ()))
    except (OSError, NewsEventsError) as exc:
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(2) from None
    articles.reject_unparsable(pipeline)
    return pipeline, articles, articles.failures


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command()
def extract(
    inputs: Inputs,
    output: Annotated[str, typer.Option("-o", "--output", help="Events JSONL ('-' = stdout).")] = "-",
    quotes: Annotated[
        str | None, typer.Option(help="Also write quote records (JSONL) to this file.")
    ] = None,
    model: Model = DEFAULT_MODEL,
    ontology: ExtraOntology = None,
    min_confidence: Annotated[
        float, typer.Option(help="Leave out events scored below this (0 keeps all).")
    ] = 0.0,
    engine: Annotated[Engine, typer.Option(
        help="local: this process, JSONL out; ray: Ray workers, shards to --output-dir.")] = Engine.local,
    output_dir: Annotated[str | None, typer.Option(
        help="--engine ray: a new directory for the shards (docs/scale.md).")] = None,
    workers: Annotated[int, typer.Option(help="--engine ray: coders (one spaCy pipeline each).")] = 1,
    address: Annotated[str | None, typer.Option(
        help="--engine ray: a running Ray cluster (e.g. ray://head:10001); default: start one here.")] = None,
) -> None:
    """Code articles into PLOVER events, one JSON object per line (or Parquet shards with Ray)."""
    if engine is Engine.ray:
        _extract_ray(inputs, output_dir, output=output, quotes=quotes, workers=workers, address=address,
                     model=model, ontology=ontology, min_confidence=min_confidence)
        return
    pipeline, articles, failures = _prepare(inputs, model, ontology)
    count = quoted = 0
    with ExitStack() as stack:
        handle = stack.enter_context(_output(output))
        quote_handle = stack.enter_context(_output(quotes)) if quotes else None
        progress = stack.enter_context(_progress())
        task = progress.add_task(
            "coding", total=len(articles), visible=len(articles) > PROGRESS_THRESHOLD
        )
        for coded in pipeline.extract(articles, quotes=quote_handle is not None):
            for event in coded.events:
                if event.confidence >= min_confidence:
                    _write(handle, event.to_dict())
                    count += 1
            for quote in coded.quotes:
                _write(quote_handle, quote.to_dict())  # type: ignore[arg-type]
                quoted += 1
            progress.advance(task)
    summary = f"{count} events" + (f", {quoted} quotes" if quotes else "")
    err.print(f"{summary} from {len(articles)} articles")
    if failures:
        raise typer.Exit(1)


def _extract_ray(
    inputs: list[str], output_dir: str | None, *, output: str, quotes: str | None, workers: int,
    address: str | None, model: str, ontology: list[Path] | None, min_confidence: float,
) -> None:
    """``extract --engine ray``: shards of articles, events and quotes (quotes are always kept)."""
    from rich.markup import escape

    from newsevents.scale import ray_engine

    if not output_dir or output != "-" or quotes or workers < 1:
        err.print("[red]error[/red]: --engine ray writes Parquet shards: give --output-dir DIR "
                  "(not -o/--quotes; quotes are in the shards) and --workers 1 or more")
        raise typer.Exit(2)
    try:
        report = ray_engine.run(inputs, output_dir, workers=workers, address=address, model=model,
                                extra_ontology=tuple(ontology or ()), min_confidence=min_confidence)
    except NewsEventsError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from None
    for message in report.errors:
        err.print(f"[red]error[/red]: {escape(message)}")
    for message in report.warnings:
        err.print(f"[yellow]warning[/yellow]: {escape(message)}")
    counts = report.counts
    if not counts.get("article") and "://" not in report.output:
        err.print("[red]error[/red]: no articles to code")
        raise typer.Exit(1)
    err.print(f"{counts.get('event', 0)} events, {counts.get('quote', 0)} quotes from "
              f"{counts.get('article', 0)} articles; shards in {report.output}")
    if report.errors:
        raise typer.Exit(1)


@app.command()
def dates(inputs: Inputs, model: Model = DEFAULT_MODEL) -> None:
    """Print every grounded time expression as JSONL: text, span, value, precision."""
    from newsevents.extract.dates import dates_as_records
    from newsevents.nlp import parse_articles

    pipeline, articles, failures = _prepare(inputs, model, None)
    for doc, article in parse_articles(articles, nlp=pipeline.nlp):
        for row in dates_as_records(doc, article):
            _write(sys.stdout, row)
    if failures:
        raise typer.Exit(1)


@app.command()
def places(inputs: Inputs, model: Model = DEFAULT_MODEL, ontology: ExtraOntology = None) -> None:
    """Print every resolved place name as JSONL: text, span, name, geonameid, lat, lon,
    country_code, precision."""
    from newsevents.nlp import parse_articles

    pipeline, articles, failures = _prepare(inputs, model, ontology)
    for doc, article in parse_articles(articles, nlp=pipeline.nlp):
        for toponym in pipeline.places(doc):
            _write(sys.stdout, {"article_id": article.id, **toponym.to_dict()})
    if failures:
        raise typer.Exit(1)


Db = Annotated[
    Path | None,
    typer.Option("--db", help="DuckDB store (default: $NEWSEVENTS_DB or ./newsevents.duckdb)."),
]


FeedOption = Annotated[
    list[str] | None,
    typer.Option("--feed", help="RSS/Atom feed: URL, file:// URL or saved file (repeatable; docs/feeds.md)."),
]
EntriesOnly = Annotated[
    bool, typer.Option("--entries-only", help="Use feed entries' own text; fetch no pages.")
]
Timeout = Annotated[float, typer.Option(help="Seconds allowed for each HTTP fetch.")]
Threshold = Annotated[float, typer.Option(help="Story merge threshold: higher keeps more events apart.")]


@app.command()
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
        err.print("[red]error[/red]: nothing to ingest: give files, directories, URLs, - or --feed URL")
        raise typer.Exit(2)
    if feed:
        articles, failures = _collect(inputs or [])
        try:
            store = open_store(db)
        except NewsEventsError as exc:
            err.print(f"[red]error[/red]: {exc}")
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
        err.print(f"[red]error[/red]: {exc}")
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
    err.print(
        f"{len(report.added)} articles added ({report.events} events, {report.quotes} quotes), "
        f"{stored} already stored, {len(report.rejected)} rejected; store holds "
        + ", ".join(f"{n} {table}" for table, n in counts.items()),
        soft_wrap=True,
    )
    for article_id, reason in report.rejected:
        err.print(f"[red]error[/red]: {article_id}: {reason}")
    if failures or report.rejected:
        raise typer.Exit(1)


def _load(
    articles: list[Article], failures: int, model: str, ontology: list[Path] | None
) -> tuple[Pipeline, list[Article], int]:
    """``_prepare`` for articles read already (from feeds)."""
    from newsevents.pipeline import Pipeline

    try:
        pipeline = Pipeline(model=model, extra_ontology=tuple(ontology or ()))
    except (OSError, NewsEventsError) as exc:
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(2) from None
    kept = []
    for article in articles:
        try:
            pipeline.check(article)
            kept.append(article)
        except InputError as exc:
            err.print(f"[red]error[/red]: {exc}")
            failures += 1
    return pipeline, kept, failures


def _collect_feeds(
    feeds: list[str], store: Store, *, entries_only: bool, timeout: float
) -> tuple[list[Article], int]:
    """The articles of the feeds' entries the store lacks (their pages fetched); bad feeds
    and entries are reported on one line each and counted."""
    import functools

    from newsevents.ingest.feeds import feed_articles, fetch_feed
    from newsevents.ingest.fetch import fetch

    fetcher = functools.partial(fetch, timeout=timeout)
    articles, failures = [], 0
    for source in feeds:
        try:
            found = fetch_feed(source, fetcher=fetcher)
        except NewsEventsError as exc:
            err.print(f"[red]error[/red]: {exc}", soft_wrap=True)
            failures += 1
            continue
        stored = store.known(e.article_id for e in found.entries if e.article_id)
        todo = [e for e in found.entries if e.article_id not in stored]
        read = 0
        for _, item in feed_articles(found, todo, fetcher=fetcher, entries_only=entries_only):
            if isinstance(item, Article):
                articles.append(item)
                read += 1
            else:
                err.print(f"[red]error[/red]: {item}", soft_wrap=True)
                failures += 1
        err.print(f"{source}: {len(found.entries)} entries, {len(found.entries) - len(todo)} "
                  f"already stored, {read} read", soft_wrap=True)
    return articles, failures


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(
        help="Feed URLs or saved feeds, or text files listing them (one a line, # comments).")],
    db: Db = None,
    interval: Annotated[float, typer.Option(help="Seconds between rounds.")] = 900.0,
    once: Annotated[bool, typer.Option("--once", help="One round, then exit (1 if a feed failed).")] = False,
    max_rounds: Annotated[int | None, typer.Option(help="Stop after this many rounds.")] = None,
    retry_max: Annotated[float, typer.Option(
        help="Longest wait before a failing feed is tried again (the first is one interval).")] = 3600.0,
    timeout: Timeout = 20.0,
    entries_only: EntriesOnly = False,
    model: Model = DEFAULT_MODEL,
    ontology: ExtraOntology = None,
    threshold: Threshold = DEFAULT_THRESHOLD,
) -> None:
    """Poll feeds on an interval and ingest their new entries; Ctrl-C stops after the
    current batch. What was seen is kept in the store, so a restart goes on where it was."""
    import functools
    import logging
    import signal
    import threading

    from newsevents.ingest.fetch import fetch
    from newsevents.pipeline import Pipeline
    from newsevents.store import open_store
    from newsevents.watch import Watcher

    sources = _feed_sources(feeds)
    if interval < 0 or (max_rounds is not None and max_rounds < 1):
        err.print("[red]error[/red]: --interval must be 0 or more and --max-rounds 1 or more")
        raise typer.Exit(2)
    logger = logging.getLogger("newsevents")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%d %H:%M:%S"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    try:
        pipeline = Pipeline(model=model, extra_ontology=tuple(ontology or ()))
        store = open_store(db)
    except (OSError, NewsEventsError) as exc:
        err.print(f"[red]error[/red]: {exc}", soft_wrap=True)
        raise typer.Exit(2) from None
    stop = threading.Event()

    def interrupt(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        logger.warning("interrupted: stopping after the current batch (Ctrl-C again to abort)")

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        with store:
            watcher = Watcher(
                sources, store, lambda articles: pipeline.ingest(articles, store, threshold=threshold),
                interval=interval, retry_max=retry_max, fetcher=functools.partial(fetch, timeout=timeout),
                check=pipeline.check, entries_only=entries_only, stop=stop,
            )
            logger.info("watching %d feeds every %g s (store %s)", len(sources), interval, store.path)
            rounds = watcher.run(max_rounds=1 if once else max_rounds)
    finally:
        signal.signal(signal.SIGINT, previous)
    logger.info("stopped after %d rounds", len(rounds))
    if once and rounds and rounds[-1].failing:
        raise typer.Exit(1)


def _feed_sources(items: list[str]) -> list[str]:
    """URLs and saved feeds as given; a text file that is not a feed lists them, one a line."""
    from newsevents.ingest.fetch import is_url

    sources: list[str] = []
    for item in items:
        path = Path(item)
        if is_url(item) or not path.is_file():
            if not is_url(item):
                err.print(f"[red]error[/red]: {item}: no such file (give a URL, a feed or a list of feeds)")
                raise typer.Exit(2)
            sources.append(item)
            continue
        text = path.read_text("utf-8", errors="replace")
        if text.lstrip("\ufeff \t\r\n").startswith("<"):
            sources.append(item)  # a saved feed
            continue
        for line in text.splitlines():
            line = line.split(" #", 1)[0].strip()  # a URL may hold '#'; a comment starts a line or ' #'
            if line and not line.startswith("#"):
                sources.append(line)
    if not sources:
        err.print("[red]error[/red]: no feeds to watch")
        raise typer.Exit(2)
    return sources


@app.command()
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
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(2) from None
    with store, _progress() as progress:
        task = progress.add_task("loading", total=total, visible=total > PROGRESS_THRESHOLD)
        try:
            report = ingest_coded(read_shards(shards), store, threshold=threshold,
                                  on_batch=lambda n: progress.advance(task, n))
        except NewsEventsError as exc:
            err.print(f"[red]error[/red]: {exc}")
            raise typer.Exit(2) from None
        counts = store.counts()
    err.print(f"{report.summary()}; store holds " + ", ".join(f"{n} {table}" for table, n in counts.items()))
    for article_id, reason in report.rejected:
        err.print(f"[red]error[/red]: {article_id}: {reason}")
    if report.rejected:
        raise typer.Exit(1)


@app.command()
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

    try:
        with open_store(db, read_only=True) as store:
            write = export_stories if stories else export_events
            rows = write(
                store, output, format=export_format, event_type=event_type,
                actor_country=actor_country, place=place, date_from=date_from, date_to=date_to,
                min_confidence=min_confidence,
            )
    except NewsEventsError as exc:
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(2) from None
    err.print(f"{rows} {'stories' if stories else 'events'} written to {output}")


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
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
            err.print("[red]error[/red]: --bbox takes four numbers: min_lon,min_lat,max_lon,max_lat")
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
        err.print(f"[red]error[/red]: {exc}")
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


@app.command()
def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 exposes it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token_env: Annotated[str | None, typer.Option(
        "--token-env", help="Environment variable holding a token that enables POST /api/articles.")] = None,
    token: Annotated[str | None, typer.Option(
        envvar="NEWSEVENTS_TOKEN", show_envvar=True,
        help="The token itself (others can read it in the process list: prefer --token-env).")] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level (warning: no access log).")] = "info",
) -> None:
    """Serve the store as a JSON API under /api (and the dashboard at /); read-only without a token."""
    import uvicorn

    from newsevents.serve import create_app
    from newsevents.store import default_path

    if token_env is not None:
        token = os.environ.get(token_env)
        if not token:
            err.print(f"[red]error[/red]: --token-env {token_env}: that variable is not set or is empty")
            raise typer.Exit(2)
    path = db or default_path()
    try:
        api = create_app(path, token=token or None)
    except (NewsEventsError, ValueError) as exc:
        err.print(f"[red]error[/red]: {exc}", soft_wrap=True)
        raise typer.Exit(2) from None
    shown = f"[{host}]" if ":" in host else host
    mode = "ingest enabled (POST /api/articles with the token)" if token else "read-only"
    err.print(f"serving {path} ({mode}) at http://{shown}:{port}/  API: /api/..., spec: /openapi.json",
              soft_wrap=True)
    uvicorn.run(api, host=host, port=port, log_level=log_level)


def _gold(load: Callable[[Path], T], path: Path) -> T:
    """Load a labelled set, or say in one line why it cannot be read."""
    try:
        return load(path)
    except (OSError, NewsEventsError, ValueError, KeyError) as exc:
        err.print(f"[red]error[/red]: cannot read {path}: {exc}")
        raise typer.Exit(2) from None


ShowErrors = Annotated[bool, typer.Option(help="Print each item scored wrong.")]


@eval_app.command("plover-gsr")
def eval_plover_gsr(
    path: Annotated[Path, typer.Argument(help="Folder with PLOVER_GSR_CAMEO.txt")],
    model: Model = DEFAULT_MODEL,
    show_errors: ShowErrors = False,
) -> None:
    """Event typing and actor coding on the PLOVER gold standard records."""
    from newsevents.eval.plover_gsr import evaluate, load_gold, report
    from newsevents.pipeline import Pipeline

    gold = _gold(load_gold, path)
    report(evaluate(gold, Pipeline(model=model)), Console(), show_errors=show_errors)


@eval_app.command("dates")
def eval_dates(
    path: Annotated[Path, typer.Argument(help="Folder with tbaq_docs.jsonl and tbaq_timex.jsonl")],
    model: Model = DEFAULT_MODEL,
    show_errors: ShowErrors = False,
) -> None:
    """Grounding of TimeBank/AQUAINT DATE expressions at the gold granularity."""
    from newsevents.eval.timebank import evaluate, load_gold, report
    from newsevents.nlp import load_pipeline

    gold = _gold(load_gold, path)
    report(evaluate(gold, load_pipeline(model)), Console(), show_errors=show_errors)



@eval_app.command("geo")
def eval_geo(
    path: Annotated[Path, typer.Argument(help="Folder with lgl.xml and GWN.xml, or one of them")],
    model: Model = DEFAULT_MODEL,
) -> None:
    """Toponym recognition and resolution on LGL and GeoWebNews."""
    from newsevents.eval.geo import evaluate, load_gold, report

    gold = _gold(load_gold, path)
    report(evaluate(gold, model=model), Console())



@eval_app.command("dedup")
def eval_dedup(
    path: Annotated[Path, typer.Argument(help="Folder with ecbplus_docs.jsonl")],
    model: Model = DEFAULT_MODEL,
) -> None:
    """Cluster the ECB+ documents into stories: pairwise and B-cubed scores against cluster_id."""
    from newsevents.eval import ecbplus
    from newsevents.pipeline import Pipeline

    gold = _gold(ecbplus.load_gold, path)
    ecbplus.report(ecbplus.evaluate(gold, Pipeline(model=model)), Console())


if __name__ == "__main__":
    app()
