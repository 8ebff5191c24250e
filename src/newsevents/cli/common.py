"""What the commands share: option types, reading the inputs into a spool, loading the
pipeline, writing JSONL output atomically, the progress bar and the error console."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from newsevents.errors import InputError, NewsEventsError, OutputError, one_line
from newsevents.ingest import read_articles
from newsevents.records import Article

if TYPE_CHECKING:
    from newsevents.pipeline import Pipeline

PROGRESS_THRESHOLD = 5

Inputs = Annotated[
    list[str], typer.Argument(help="Text files with a date header, JSONL files, directories, or -")
]
Model = Annotated[str, typer.Option(help="Installed spaCy pipeline (package name or path).")]
ExtraOntology = Annotated[
    list[Path] | None,
    typer.Option("--ontology", help="Directory of extra ontology files (repeatable)."),
]
Db = Annotated[
    Path | None,
    typer.Option("--db", help="DuckDB store (default: $NEWSEVENTS_DB or ./newsevents.duckdb)."),
]
Threshold = Annotated[float, typer.Option(help="Story merge threshold: higher keeps more events apart.")]

err = Console(stderr=True, highlight=False, markup=False, soft_wrap=True)
"""Messages for people: never read as markup (a file named ``[/x]``, an id ``[red]`` are
text) and never wrapped (one error is one line, also in a log or a pipe)."""


def error(message: object) -> None:
    """``error: <message>`` on one line of standard error."""
    err.print(Text.assemble(("error", "red"), ": ", _line(message)))


def warning(message: object) -> None:
    """``warning: <message>`` on one line of standard error."""
    err.print(Text.assemble(("warning", "yellow"), ": ", _line(message)))


def failed_note(failures: int) -> str:
    """``; N inputs or articles failed`` for a summary line (nothing when none did)."""
    return f"; {failures} {'input or article' if failures == 1 else 'inputs or articles'} failed" \
        if failures else ""


def _line(message: object) -> str:
    return one_line(" ".join(str(message).splitlines()))


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
        # surrogatepass: a lone surrogate from some reader reaches the guard (one E007 line), not a crash here
        self._spool = tempfile.TemporaryFile(  # noqa: SIM115 (lives with self)
            "w+", encoding="utf-8", errors="surrogatepass", newline="\n")
        for item in read_articles(inputs):
            if isinstance(item, InputError):
                error(item)
                self.failures += 1
                continue
            if item.date is None:
                warning(f"{item.id}: no usable date; relative dates cannot be grounded")
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
                    error(exc)
                    self._skip.add(number)
                    self._count -= 1
                    self.failures += 1


def _collect(inputs: list[str]) -> tuple[list[Article], int]:
    """Read every input into a list; report bad ones on one line each and keep going."""
    articles = _Articles(inputs)
    return list(articles), articles.failures


def check_output(*paths: str | Path | None) -> None:
    """Refuse, before anything is read or coded, an output that could not be written: a
    directory, a path under a file, a folder without write permission (exit 2)."""
    for path in paths:
        if path is None or str(path) == "-":
            continue
        target = Path(path)
        folder = next((p for p in (target.parent, *target.parent.parents) if p.exists()), Path.cwd())
        if target.is_dir():
            problem = "is a directory; give a file name"
        elif not folder.is_dir():
            problem = f"{folder} is a file, not a directory"
        elif not os.access(folder, os.W_OK | os.X_OK):
            problem = f"cannot write in {folder}"
        else:
            continue
        error(OutputError(f"{path}: {problem}"))
        raise typer.Exit(2)


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
    """A progress bar on a terminal; nothing at all in a log or a pipe (only the lines)."""
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=err, transient=False, disable=not err.is_terminal,
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
        error("no articles to code")
        raise typer.Exit(1)
    try:
        pipeline = Pipeline(model=model, extra_ontology=tuple(ontology or ()))
    except (OSError, NewsEventsError) as exc:
        error(exc)
        raise typer.Exit(2) from None
    articles.reject_unparsable(pipeline)
    return pipeline, articles, articles.failures


def _load(
    articles: list[Article], failures: int, model: str, ontology: list[Path] | None
) -> tuple[Pipeline, list[Article], int]:
    """``_prepare`` for articles read already (from feeds)."""
    from newsevents.pipeline import Pipeline

    try:
        pipeline = Pipeline(model=model, extra_ontology=tuple(ontology or ()))
    except (OSError, NewsEventsError) as exc:
        error(exc)
        raise typer.Exit(2) from None
    kept = []
    for article in articles:
        try:
            pipeline.check(article)
            kept.append(article)
        except InputError as exc:
            error(exc)
            failures += 1
    return pipeline, kept, failures
