"""Codes users filter on: countries as users write them (names, aliases, ISO2 and ISO3
codes) to the ISO2 code events store, the sectors actors carry, the modes and quads of the
event types, and the folding that makes "Côte d'Ivoire", "Cote dIvoire" and "côte d’ivoire"
one name.

Names come from ``places_countries.tsv`` (the gazetteer's countries and territories) first,
then the names and aliases of ``countries.tsv`` for what the gazetteer does not name.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from newsevents.ontology.load import DATA_DIR, _rows, _split, _yaml

APOSTROPHES = "'’‘`ʼ´"
"""Dropped when folding: "d'Ivoire" and "dIvoire" are the same name."""

_WORDS = re.compile(r"[^\W_]+")

FOLD_SQL = (
    "trim(regexp_replace(regexp_replace(strip_accents(lower({column})), "
    "'[" + APOSTROPHES.replace("'", "''") + "]', '', 'g'), '[^\\pL\\pN]+', ' ', 'g'))"
)
"""``fold`` as a DuckDB expression over ``{column}`` (format it with the column's name)."""


def fold(text: str) -> str:
    """Lower case, accents and apostrophes dropped, every other run of non-letters one space."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in APOSTROPHES)
    return " ".join(_WORDS.findall(plain))


@functools.lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """Folded country name, alias, ISO2 or ISO3 code -> ISO2 code."""
    codes: dict[str, str] = {}
    iso2_of: dict[str, str] = {}
    for row in _rows(DATA_DIR / "places_countries.tsv"):
        iso2_of[row["iso3"]] = row["iso2"]
        for key in (row["iso2"], row["iso3"], row["name"]):
            codes.setdefault(fold(key), row["iso2"])
    for row in _rows(DATA_DIR / "countries.tsv"):
        iso2 = iso2_of.get(row["iso3"])
        if iso2 is None:
            continue
        for name in [row["name"], *_split(row["aliases"])]:
            codes.setdefault(fold(name), iso2)
            codes.setdefault(fold(name.removeprefix("the ").removeprefix("The ")), iso2)
    codes.pop("", None)
    return codes


@functools.lru_cache(maxsize=1)
def iso3_codes() -> dict[str, str]:
    """ISO2 code -> ISO3 code, for the countries and territories of ``places_countries.tsv``."""
    return {row["iso2"]: row["iso3"] for row in _rows(DATA_DIR / "places_countries.tsv")}


@functools.lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """The ISO2 and ISO3 codes of ``places_countries.tsv``, folded (lower case)."""
    rows = _rows(DATA_DIR / "places_countries.tsv")
    return frozenset(fold(row[key]) for row in rows for key in ("iso2", "iso3"))


@functools.lru_cache(maxsize=1)
def sector_codes() -> frozenset[str]:
    """Every sector an actor can carry: those of ``sectors.tsv`` and ``organizations.tsv``
    (read directly: loading the whole ontology takes seconds, a filter check must not)."""
    return frozenset(
        row["sector"] for name in ("sectors.tsv", "organizations.tsv")
        for row in _rows(DATA_DIR / name) if row["sector"]
    )


@functools.lru_cache(maxsize=1)
def mode_codes() -> frozenset[str]:
    """Every mode an event can carry: the modes of ``modes.yaml``, whatever their type."""
    return frozenset(mode for modes in _yaml(DATA_DIR / "modes.yaml").values() for mode in modes or {})


@functools.lru_cache(maxsize=1)
def quad_types() -> dict[str, tuple[str, ...]]:
    """PLOVER quad ("material conflict" ...) -> its event types, from ``event_types.yaml``."""
    quads: dict[str, list[str]] = {}
    for event_type, info in _yaml(DATA_DIR / "event_types.yaml").items():
        quads.setdefault(str(info["quad"]), []).append(str(event_type))
    return {quad: tuple(types) for quad, types in quads.items()}
