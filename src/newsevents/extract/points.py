"""Points: the coordinates an event's place stands for, once venues.py has chosen the place.

A country keeps its name and precision but takes its capital's point (the protocol's
coordinates for a nationwide act); a place named as the anchor of a distance and bearing ("150
nautical miles west of Aden") gives the point that far off it.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from newsevents.extract.gazetteer import capitals
from newsevents.records import EARTH_KM, Location

_OFFSET = re.compile(  # "150 nautical miles west of Aden", "20 km north-east of the"
    r"(\d[\d,.]*)\s*-?\s*(nautical miles?|miles?|km|kilomet(?:er|re)s?)\s+"
    r"(north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_KM_PER = {"nautical": 1.852, "mile": 1.609344, "km": 1.0, "kilomet": 1.0}
_BEARING = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0,
            "southwest": 225.0, "west": 270.0, "northwest": 315.0}


def offset(place: Location | None, text: str) -> Location | None:
    """A place named as the anchor of a distance and bearing ("150 nautical miles west of
    Aden") is not where the act happened: the point that far off it is (the protocol's
    coordinates), named by the phrase and no longer the town's geonameid."""
    match = _anchor(place, text)
    if place is None or match is None:
        return place
    try:
        amount = float(match.group(1).replace(",", ""))
    except ValueError:
        return place
    unit = next(v for k, v in _KM_PER.items() if match.group(2).lower().startswith(k))
    bearing = math.radians(_BEARING[match.group(3).lower().replace("-", "")])
    lat, lon = _destination(place.lat, place.lon, bearing, amount * unit / EARTH_KM)
    start = place.span[0] - len(match.group(0))
    return replace(place, text=text[start:place.span[1]], span=(start, place.span[1]),
                   name=text[start:place.span[1]], geonameid=None, lat=lat, lon=lon)


def anchors_offset(place: Location | None, text: str) -> bool:
    """Whether the place is named as the anchor of a distance and bearing ("west of Aden")."""
    return _anchor(place, text) is not None


def _anchor(place: Location | None, text: str) -> re.Match[str] | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return _OFFSET.search(text[max(0, place.span[0] - 80):place.span[0]])


def _destination(lat: float, lon: float, bearing: float, angle: float) -> tuple[float, float]:
    """The point ``angle`` radians of great circle away from (lat, lon) on ``bearing``."""
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(angle) + math.cos(p1) * math.sin(angle) * math.cos(bearing))
    l2 = l1 + math.atan2(math.sin(bearing) * math.sin(angle) * math.cos(p1),
                         math.cos(angle) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round(math.degrees(l2), 5)


def at_capital(place: Location | None) -> Location | None:
    """A country as an event's place keeps its name and precision but takes its capital's point:
    the protocol places a nationwide act at the capital (docs/annotation.md); the precision says
    it is the country (the PLOVER location object's resolution 1)."""
    if place is None or place.precision != "country" or place.country_code not in capitals():
        return place
    _, _, lat, lon = capitals()[place.country_code]
    return replace(place, lat=lat, lon=lon)
