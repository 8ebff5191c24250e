"""Localities: which mentions of places tell where the story's acts happen, and how precisely.

A place in a person's address ("Cpl. John Baker, 24, of Ohio, was killed") says where the
person lives, not where anything happened: news style sets it off by commas after the name.
A country or a state chosen as a material act's place ("killed while battling the militants
in Syria", "police raided the compound in West Texas") stands for the locality the article
names inside it ("the bomb exploded in Manbij", "the compound outside Eldorado, Texas"): gold
places an act at the most precise place the text gives for it (docs/annotation.md), and an
article that names one town, or towns close together, inside the country tells of that place.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsevents.extract.gazetteer import capitals
from newsevents.extract.seats import toponym_token
from newsevents.records import Location, distance_km

LOCALITY_KM = 100.0  # towns closer than this to the first one are one locality
_FINER = {"country": ("town", "admin2", "admin1"), "admin1": ("town", "admin2")}


def residence(token: Token | None, preps: frozenset[str]) -> bool:
    """The token lies in an address set off by commas after a noun ("Tom Miller, 31, of the
    1200 block of South Kedzie in Chicago,"): where the person lives, not a venue. ``preps``:
    the address prepositions (modality.yaml ``address_preps``)."""
    node = token
    while node is not None and node.head.i != node.i:
        if (node.dep_ == "prep" and node.lower_ in preps and node.i > 0
                and node.doc[node.i - 1].text == "," and node.head.pos_ in {"NOUN", "PROPN"}):
            return True
        if node.pos_ in {"VERB", "AUX"}:
            return False
        node = node.head
    return False


def narrowed(place: Location | None, toponyms: list[Location], doc: Doc,
             preps: frozenset[str]) -> Location | None:
    """The locality a country or state stands for (see the module docstring): the first town the
    article names inside it when every such town lies within ``LOCALITY_KM`` of it, else the one
    district or province it names there; the place itself when the article names none, or
    several apart (a story that ranges over the country), or when the text names a part of it
    there ("in Sudan's Blue Nile state": the part is the place, even when we did not resolve it)."""
    if place is None or place.precision not in _FINER or (
            (token := toponym_token(doc, place)) is not None and token.dep_ == "poss"):
        return place
    inside = [t for t in toponyms if t.precision in _FINER[place.precision] and _within(t, place)
              and t.lat is not None and t.lon is not None and not residence(toponym_token(doc, t), preps)]
    towns = [t for t in inside if t.precision == "town"]
    if towns:
        first = towns[0]
        near = all(distance_km(first.lat, first.lon, t.lat, t.lon) < LOCALITY_KM  # type: ignore[arg-type]
                   for t in towns)
        return first if near else place
    districts = {t.geonameid for t in inside}
    return inside[0] if len(districts) == 1 else place


def _within(toponym: Location, area: Location) -> bool:
    """The toponym lies inside the country or state; a country's capital stands for its
    government ("officials in Moscow"), not for a locality of the story (its point is the
    country's anyway)."""
    if toponym.country_code != area.country_code or toponym.geonameid == area.geonameid:
        return False
    if area.precision == "country":
        capital = capitals().get(area.country_code or "")
        return capital is None or capital[1] != toponym.geonameid
    return toponym.admin1 == area.admin1
