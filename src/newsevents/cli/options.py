"""Options several commands share: ``-o`` for JSONL, and the filter options of ``query`` and
``export``, defined once, with the API's names and checks.

``with_filters`` adds every filter option to a command, checks the values with
``newsevents.store.filter_checks`` (the checks the API makes) and hands the command one
``FilterArgs``; a bad value is one line naming the option, and exit status 2.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from newsevents.cli.common import error
from newsevents.errors import FilterError
from newsevents.store.filter_checks import FILTER_HELP, checked

JsonlOutput = Annotated[str, typer.Option("-o", "--output", help="JSONL file to write ('-' = stdout).")]

_FILTERS = "Filters"
"""The help panel the filter options are listed under."""


def _option(name: str, kind: Any, flag: str) -> tuple[str, Any]:
    """A switch (``bool``) is a flag, off unless given; other kinds are None unless given."""
    option = typer.Option(flag, help=FILTER_HELP[name], rich_help_panel=_FILTERS)
    return flag, Annotated[kind if kind is bool else kind | None, option]


FILTER_OPTIONS: dict[str, tuple[str, Any]] = {
    name: _option(name, kind, flag) for name, kind, flag in (
        ("event_type", list[str], "--type"),
        ("quad", str, "--quad"),
        ("mode", str, "--mode"),
        ("actor_country", str, "--actor-country"),
        ("actor_sector", str, "--actor-sector"),
        ("recipient_country", str, "--recipient"),
        ("place", str, "--place"),
        ("bbox", str, "--bbox"),
        ("date_from", str, "--from"),
        ("date_to", str, "--to"),
        ("text", str, "--text"),
        ("min_confidence", float, "--min-confidence"),
        ("include_historical", bool, "--include-historical"),
        ("thread", str, "--thread"),
        ("limit", int, "--limit"),
        ("offset", int, "--offset"),
    )
}
"""Filter name (as ``FilterArgs`` has it) -> its command-line option and typer annotation."""


def fail(option: str, message: str) -> typer.Exit:
    """Print one line of error about ``option``; the caller raises the returned exit (status 2)."""
    error(f"{option}: {message}")
    return typer.Exit(2)


def with_filters(*, limit: int | None) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command every filter option (``limit`` defaults to ``limit``); the command takes
    them as one checked ``filters`` keyword argument."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
               for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "filters"]
        defaults = {name: False if annotation.__origin__ is bool else None
                    for name, (_, annotation) in FILTER_OPTIONS.items()}
        added = [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation,
                              default=limit if name == "limit" else defaults[name])
            for name, (_, annotation) in FILTER_OPTIONS.items()
        ]

        @functools.wraps(command)
        def run(**values: Any) -> None:
            raw = {name: values.pop(name) for name in FILTER_OPTIONS}
            try:
                filters = checked(raw)
            except FilterError as exc:
                raise fail(FILTER_OPTIONS[exc.option][0], str(exc)) from None
            command(filters=filters, **values)

        parameters = [*own, *added]
        run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        return run

    return decorate


def existing_folder(path: Path, option: str = "-o/--output") -> None:
    """Exit 2 with one line when ``path`` would be written into a folder that does not exist."""
    folder = path.parent
    if not folder.is_dir():
        raise fail(option, f"folder {str(folder)!r} does not exist")
