"""The ``newsevents`` command: a thin layer over the pipeline and the eval sets.

One module per group of commands; this one makes the typer ``app`` and registers them
(in the order ``--help`` lists them).
"""

from __future__ import annotations

import typer

from newsevents.cli.evaluate import eval_app
from newsevents.cli.extract import dates, extract, places
from newsevents.cli.feeds import watch
from newsevents.cli.serve import serve
from newsevents.cli.store import export, ingest, load, query

app = typer.Typer(
    help="Turn dated news articles into PLOVER event data, with evidence.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(eval_app, name="eval")
for command in (extract, dates, places, ingest, watch, load, export, query, serve):
    app.command()(command)

__all__ = ["app"]
