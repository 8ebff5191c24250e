"""The coding commands: ``extract`` (in this process or on Ray workers), ``dates`` and ``places``."""

from __future__ import annotations

from contextlib import ExitStack
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli.common import (
    PROGRESS_THRESHOLD,
    ExtraOntology,
    Inputs,
    Model,
    _output,
    _prepare,
    _progress,
    _write,
    check_output,
    err,
    error,
    failed_note,
    warning,
)
from newsevents.cli.options import JsonlOutput
from newsevents.errors import CodingError, NewsEventsError
from newsevents.nlp import DEFAULT_MODEL


class Engine(str, Enum):
    local = "local"
    ray = "ray"


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
    check_output(output, quotes)
    pipeline, articles, failures = _prepare(inputs, model, ontology)
    count = quoted = 0
    failed: list[CodingError] = []
    with ExitStack() as stack:
        handle = stack.enter_context(_output(output))
        quote_handle = stack.enter_context(_output(quotes)) if quotes else None
        progress = stack.enter_context(_progress())
        task = progress.add_task(
            "coding", total=len(articles), visible=len(articles) > PROGRESS_THRESHOLD
        )

        def report(problem: CodingError) -> None:
            error(problem)
            failed.append(problem)
            progress.advance(task)

        for coded in pipeline.extract(articles, quotes=quote_handle is not None, on_error=report):
            for event in coded.events:
                if event.confidence >= min_confidence:
                    _write(handle, event.to_dict())
                    count += 1
            for quote in coded.quotes:
                _write(quote_handle, quote.to_dict())  # type: ignore[arg-type]
                quoted += 1
            progress.advance(task)
    summary = f"{count} events" + (f", {quoted} quotes" if quotes else "")
    err.print(f"{summary} from {len(articles) - len(failed)} articles{failed_note(failures + len(failed))}")
    if failures or failed:
        raise typer.Exit(1)


def _extract_ray(
    inputs: list[str], output_dir: str | None, *, output: str, quotes: str | None, workers: int,
    address: str | None, model: str, ontology: list[Path] | None, min_confidence: float,
) -> None:
    """``extract --engine ray``: shards of articles, events and quotes (quotes are always kept)."""
    from newsevents.scale import ray_engine

    if not output_dir or output != "-" or quotes or workers < 1:
        error("--engine ray writes Parquet shards: give --output-dir DIR "
                  "(not -o/--quotes; quotes are in the shards) and --workers 1 or more")
        raise typer.Exit(2)
    try:
        report = ray_engine.run(inputs, output_dir, workers=workers, address=address, model=model,
                                extra_ontology=tuple(ontology or ()), min_confidence=min_confidence)
    except NewsEventsError as exc:
        error(exc)
        raise typer.Exit(2) from None
    for message in report.errors:
        error(message)
    for message in report.warnings:
        warning(message)
    counts = report.counts
    if not counts.get("article") and "://" not in report.output:
        error("no articles to code")
        raise typer.Exit(1)
    err.print(f"{counts.get('event', 0)} events, {counts.get('quote', 0)} quotes from "
              f"{counts.get('article', 0)} articles; shards in {report.output}")
    if report.errors:
        raise typer.Exit(1)


def dates(
    inputs: Inputs, output: JsonlOutput = "-", model: Model = DEFAULT_MODEL, ontology: ExtraOntology = None
) -> None:
    """Print every grounded time expression as JSONL: text, span, value, precision.

    (Dates are grounded with the bundled dates.yaml; --ontology is checked and loaded as
    `extract` loads it, so the same options work on every coding command.)"""
    from newsevents.extract.dates import dates_as_records
    pipeline, articles, failures = _prepare(inputs, model, ontology)
    with _output(output) as handle:
        for _, rows in pipeline.each(articles, dates_as_records):
            if isinstance(rows, CodingError):
                error(rows)
                failures += 1
                continue
            for row in rows:
                _write(handle, row)
    if failures:
        err.print(failed_note(failures).lstrip("; "))
        raise typer.Exit(1)


def places(
    inputs: Inputs, output: JsonlOutput = "-", model: Model = DEFAULT_MODEL, ontology: ExtraOntology = None
) -> None:
    """Print every resolved place name as JSONL: text, span, name, geonameid, lat, lon,
    country_code, precision."""
    pipeline, articles, failures = _prepare(inputs, model, ontology)
    with _output(output) as handle:
        for article, found in pipeline.each(articles, lambda doc, _: pipeline.places(doc)):
            if isinstance(found, CodingError):
                error(found)
                failures += 1
                continue
            for toponym in found:
                _write(handle, {"article_id": article.id, **toponym.to_dict()})
    if failures:
        err.print(failed_note(failures).lstrip("; "))
        raise typer.Exit(1)
