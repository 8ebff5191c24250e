"""Exports of stored events (and stories) to files, with the filters of ``Store.query_events``.

Formats: ``jsonl`` (the contract record per line), ``csv`` and ``parquet`` (flat
columns), ``geojson`` (events with coordinates), ``gdelt`` and ``acled`` (tables in
those projects' layouts, filled only with what newsevents knows). Column mappings
live in ``exports.yaml`` so they can be read and changed without touching code;
docs/exports.md explains each one. DuckDB writes CSV and Parquet itself (COPY).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from newsevents.errors import StoreError
from newsevents.ontology.files import load_yaml
from newsevents.store.queries import FilterArgs, Filters, events_sql, stories_sql

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from newsevents.store.duckdb import Store

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "geojson", "gdelt", "acled")
STORY_FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")

_LOOKUP = re.compile(r"\$(\w+)\((\w+)\)")
_LIST_SEP = "|"


@cache
def _spec() -> dict[str, Any]:
    text = resources.files("newsevents.store").joinpath("exports.yaml").read_text("utf-8")
    return load_yaml(text)


def _literal(value: Any) -> str:
    """A SQL literal of a mapping value from exports.yaml (project data, not user input)."""
    if isinstance(value, bool) or value is None:
        raise StoreError(f"exports.yaml: unsupported map value {value!r}")
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _expand(expr: str) -> str:
    """Replace ``$map(column)`` with a CASE over the map's entries."""
    maps = _spec()["maps"]

    def case(match: re.Match[str]) -> str:
        name, column = match.groups()
        if name not in maps:
            raise StoreError(f"exports.yaml: no map named {name!r}")
        whens = " ".join(f"WHEN {_literal(k)} THEN {_literal(v)}" for k, v in maps[name].items())
        return f"(CASE {column} {whens} END)"

    return _LOOKUP.sub(case, str(expr))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _select(section: str, filters: Filters, *, join_lists: bool) -> tuple[str, list[Any]]:
    """The SELECT of one format: its columns over the filtered events, newest first."""
    spec = _spec()
    table = spec[section]
    inner, params = events_sql(filters)
    base = ", ".join(f"{_expand(expr)} AS {_quote(name)}" for name, expr in spec["base"].items())
    columns = []
    for name, expr in table["columns"].items():
        sql = _expand(expr)
        if join_lists and name in _list_columns():
            sql = f"array_to_string({sql}, '{_LIST_SEP}')"
        columns.append(f"{sql} AS {_quote(name)}")
    query = (
        f"SELECT {', '.join(columns)} FROM ("
        f"SELECT e.*, {base} FROM events e JOIN articles a ON a.id = e.article_id "
        f"LEFT JOIN stories s ON s.id = e.story_id WHERE e.id IN (SELECT id FROM ({inner}))"
        f") x WHERE {_expand(table['where'])} ORDER BY x.date DESC NULLS LAST, x.id"
    )
    return query, params


def _list_columns() -> frozenset[str]:
    """Columns that are VARCHAR[] in the store (joined with "|" in CSV)."""
    return frozenset(_spec()["lists"])


def export_events(store: Store, path: str | Path, *, format: str, **filters: Unpack[FilterArgs]) -> int:
    """Write the events matching ``filters`` to ``path`` in ``format``; returns rows (features) written."""
    wanted = Filters(**filters)
    path = Path(path)
    if format == "jsonl":
        query, params = events_sql(wanted, with_record=True)
        return _write_jsonl(store, f"SELECT record FROM ({query})", params, path)
    if format == "csv":
        return store.copy(*_select("flat", wanted, join_lists=True), path, "FORMAT CSV, HEADER")
    if format == "parquet":
        return store.copy(*_select("flat", wanted, join_lists=False), path, "FORMAT PARQUET")
    if format == "gdelt":
        return store.copy(*_select("gdelt", wanted, join_lists=False), path,
                          "FORMAT CSV, HEADER, DELIMITER '\t'")
    if format == "acled":
        return store.copy(*_select("acled", wanted, join_lists=False), path, "FORMAT CSV, HEADER")
    if format == "geojson":
        return _write_geojson(store, *_select("geojson", wanted, join_lists=False), path)
    raise StoreError(f"unknown export format {format!r}; one of {', '.join(FORMATS)}")


def export_stories(store: Store, path: str | Path, *, format: str, **filters: Unpack[FilterArgs]) -> int:
    """Write the stories matching ``filters`` (jsonl, csv or parquet); returns rows written."""
    query, params = stories_sql(Filters(**filters), with_record=format == "jsonl")
    path = Path(path)
    if format == "jsonl":
        return _write_jsonl(store, f"SELECT record FROM ({query})", params, path)
    if format == "csv":
        lists = ", ".join(f"array_to_string({c}, '{_LIST_SEP}') AS {c}" for c in sorted(_list_columns())
                          if c != "context")
        return store.copy(f"SELECT * REPLACE ({lists}) FROM ({query})", params, path, "FORMAT CSV, HEADER")
    if format == "parquet":
        return store.copy(query, params, path, "FORMAT PARQUET")
    raise StoreError(f"stories export as {format!r}: one of {', '.join(STORY_FORMATS)}")


def _write_jsonl(store: Store, query: str, params: list[Any], path: Path) -> int:
    """The stored JSON as it is, one compact record per line (the contract's shape)."""
    frame = store.sql(query, params)
    with path.open("w", encoding="utf-8") as out:
        for record in frame["record"]:
            out.write(json.dumps(json.loads(record), ensure_ascii=False, separators=(",", ":")) + "\n")
    return len(frame)


def _write_geojson(store: Store, query: str, params: list[Any], path: Path) -> int:
    """A FeatureCollection of Points; GeoJSON orders coordinates [lon, lat] (RFC 7946)."""
    frame = store.sql(query, params)
    features = []
    for row in frame.to_dict("records"):
        lon, lat = float(row.pop("lon")), float(row.pop("lat"))
        properties = {k: _plain(v) for k, v in row.items()}
        features.append({"type": "Feature", "id": properties["id"],
                         "geometry": {"type": "Point", "coordinates": [lon, lat]},
                         "properties": properties})
    with path.open("w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    return len(features)


def _plain(value: Any) -> Any:
    """pandas missing values and numpy scalars to JSON's null and plain numbers."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") else value
