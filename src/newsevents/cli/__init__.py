"""The ``newsevents`` command: a thin layer over the pipeline and the eval sets.

One module per group of commands; this one makes the typer ``app`` and registers them
(in the order ``--help`` lists them).
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer

from newsevents.cli.common import error
from newsevents.cli.evaluate import eval_app
from newsevents.cli.extract import dates, extract, places
from newsevents.cli.feeds import watch
from newsevents.cli.serve import serve
from newsevents.cli.store import export, ingest, load, query

DEBUG_ENV = "NEWSEVENTS_DEBUG"
"""Set it to see the traceback of an unexpected error instead of its one line."""


class _Command(typer.Typer):
    """The app, whose unexpected errors end the run with one line (and status 3), never a
    traceback after output already written; a closed pipe (``| head``) ends it quietly."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            sys.exit(1)
        except Exception as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            error(f"unexpected {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 to see where)")
            sys.exit(3)


app = _Command(
    help="Turn dated news articles into PLOVER event data, with evidence.",
    no_args_is_help=True,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        from importlib import metadata

        typer.echo(f"newsevents {metadata.version('newsevents')}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Turn dated news articles into PLOVER event data, with evidence."""


app.add_typer(eval_app, name="eval")
for command in (extract, dates, places, ingest, watch, load, export, query, serve):
    app.command()(command)

__all__ = ["app"]
