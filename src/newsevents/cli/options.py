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
from rich.markup import escape

from newsevents.cli.common import err
from newsevents.errors import FilterError
from newsevents.store.filter_checks import PLACE_HELP, RawFilters, checked

JsonlOutput = Annotated[str, typer.Option("-o", "--output", help="JSONL file to write ('-' = stdout).")]

_FILTERS = "Filters"
"""The help panel the filter options are listed under."""

FILTER_OPTIONS: dict[str, tuple[str, Any]] = {
    "event_type": ("--type", Annotated[list[str] | None, typer.Option(
        "--type", help="PLOVER event type (repeatable; any of them matches).", rich_help_panel=_FILTERS)]),
    "actor_country": ("--actor-country", Annotated[str | None, typer.Option(
        "--actor-country", help="Actor country (ISO alpha-3, IGO ...).", rich_help_panel=_FILTERS)]),
    "actor_sector": ("--actor-sector", Annotated[str | None, typer.Option(
        "--actor-sector", help="Actor sector (GOV, MIL, CVL ...).", rich_help_panel=_FILTERS)]),
    "recipient_country": ("--recipient", Annotated[str | None, typer.Option(
        "--recipient", help="Recipient country.", rich_help_panel=_FILTERS)]),
    "place": ("--place", Annotated[str | None, typer.Option(
        "--place", help=PLACE_HELP, rich_help_panel=_FILTERS)]),
    "bbox": ("--bbox", Annotated[str | None, typer.Option(
        "--bbox", help="min_lon,min_lat,max_lon,max_lat (min_lon > max_lon crosses the antimeridian).",
        rich_help_panel=_FILTERS)]),
    "date_from": ("--from", Annotated[str | None, typer.Option(
        "--from", help="Earliest event date (YYYY-MM-DD, inclusive).", rich_help_panel=_FILTERS)]),
    "date_to": ("--to", Annotated[str | None, typer.Option(
        "--to", help="Latest event date (YYYY-MM-DD, inclusive).", rich_help_panel=_FILTERS)]),
    "text": ("--text", Annotated[str | None, typer.Option(
        "--text", help="Words in the sentence or article.", rich_help_panel=_FILTERS)]),
    "min_confidence": ("--min-confidence", Annotated[float | None, typer.Option(
        "--min-confidence", help="Lowest confidence kept (0-1).", rich_help_panel=_FILTERS)]),
    "limit": ("--limit", Annotated[int | None, typer.Option(
        "--limit", help="At most this many rows.", rich_help_panel=_FILTERS)]),
    "offset": ("--offset", Annotated[int | None, typer.Option(
        "--offset", help="Rows to skip first (pages, newest first).", rich_help_panel=_FILTERS)]),
}
"""Filter name (as ``FilterArgs`` has it) -> its command-line option and typer annotation."""


def fail(option: str, message: str) -> typer.Exit:
    """Print one line of error about ``option``; the caller raises the returned exit (status 2)."""
    err.print(f"[red]error[/red]: {escape(option)}: {escape(message)}", soft_wrap=True)
    return typer.Exit(2)


def with_filters(*, limit: int | None) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command every filter option (``limit`` defaults to ``limit``); the command takes
    them as one checked ``filters`` keyword argument."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
               for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "filters"]
        added = [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation,
                              default=limit if name == "limit" else None)
            for name, (_, annotation) in FILTER_OPTIONS.items()
        ]

        @functools.wraps(command)
        def run(**values: Any) -> None:
            raw = RawFilters(**{name: values.pop(name) for name in FILTER_OPTIONS})  # type: ignore[typeddict-item]
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
