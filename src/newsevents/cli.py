"""The ``newsevents`` command: a thin layer over the pipeline and the eval sets."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from newsevents.errors import InputError, NewsEventsError
from newsevents.ingest import read_articles
from newsevents.nlp import DEFAULT_MODEL
from newsevents.records import Article

if TYPE_CHECKING:
    import pandas as pd

    from newsevents.pipeline import Pipeline

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


def _collect(inputs: list[str]) -> tuple[list[Article], int]:
    """Read every input; report bad ones on one line each and keep going."""
    articles, failures = [], 0
    for item in read_articles(inputs):
        if isinstance(item, InputError):
            err.print(f"[red]error[/red]: {item}")
            failures += 1
            continue
        if item.date is None:
            err.print(
                f"[yellow]warning[/yellow]: {item.id}: no usable date; "
                "relative dates cannot be grounded"
            )
        articles.append(item)
    return articles, failures


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
) -> tuple[Pipeline, list[Article], int]:
    """Read the inputs and load the pipeline; bad inputs are reported and counted."""
    from newsevents.pipeline import Pipeline

    articles, failures = _collect(inputs)
    if not articles:
        err.print("[red]error[/red]: no articles to code")
        raise typer.Exit(1)
    try:
        pipeline = Pipeline(model=model, extra_ontology=tuple(ontology or ()))
    except (OSError, NewsEventsError) as exc:
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(2) from None
    for article in list(articles):
        try:
            pipeline.check(article)
        except InputError as exc:
            err.print(f"[red]error[/red]: {exc}")
            articles.remove(article)
            failures += 1
    return pipeline, articles, failures


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
) -> None:
    """Code articles into PLOVER events, one JSON object per line."""
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


@app.command()
def ingest(
    inputs: Inputs,
    db: Db = None,
    model: Model = DEFAULT_MODEL,
    ontology: ExtraOntology = None,
    threshold: Annotated[
        float, typer.Option(help="Story merge threshold: higher keeps more events apart.")
    ] = 0.3,
) -> None:
    """Code articles and store them with their events, quotes and stories.

    Articles already stored (same id or same content) are skipped, so running it
    again after an interruption adds exactly what is missing.
    """
    from newsevents.store import open_store

    pipeline, articles, failures = _prepare(inputs, model, ontology)
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
        + ", ".join(f"{n} {table}" for table, n in counts.items())
    )
    for article_id, reason in report.rejected:
        err.print(f"[red]error[/red]: {article_id}: {reason}")
    if failures or report.rejected:
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
