"""One place filter: a country by name, alias, ISO2 or ISO3 code, or a region or town by
name, whatever the case, accents or apostrophes; events and stories alike."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from builders import LAGOS, event

from newsevents.records import Article, CodedArticle, Location
from newsevents.store import Store, open_store

ABIDJAN = Location("Abidjan", (0, 7), name="Abidjan", lat=5.35, lon=-4.0, country_code="CI",
                   admin1="Abidjan", precision="town")
IVORY_COAST = Location("Côte d'Ivoire", (20, 33), name="Côte d’Ivoire", lat=8.0, lon=-5.0,
                       country_code="CI", precision="country")
TBILISI = Location("Tbilisi", (0, 7), name="Tbilisi", lat=41.7, lon=44.8, country_code="GE",
                   admin1="Tbilisi", precision="town")
ATLANTA = Location("Atlanta", (0, 7), name="Atlanta", lat=33.7, lon=-84.4, country_code="US",
                   admin1="Georgia", precision="town")


@pytest.fixture()
def placed(tmp_path: Path) -> Store:
    article = Article("places", date(2024, 6, 1), "Abidjan and the rest of Côte d'Ivoire, Lagos, "
                      "Tbilisi and Atlanta saw protests on the same day, organisers said.")
    events = [event(article, n, "PROTEST", location=where)
              for n, where in enumerate((ABIDJAN, IVORY_COAST, LAGOS, TBILISI, ATLANTA))]
    with open_store(tmp_path / "places.duckdb") as store:
        store.add([CodedArticle(article, events=events)])
        yield store


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("CI", {0, 1}), ("civ", {0, 1}), ("Côte d'Ivoire", {0, 1}), ("Cote dIvoire", {0, 1}),
        ("cote d’ivoire", {0, 1}), ("Ivory Coast", {0, 1}), ("ABIDJAN", {0}),
        ("Nigeria", {2}), ("NG", {2}), ("NGA", {2}), ("lagos", {2}),
        ("Georgia", {3, 4}),  # the country and the US state
        ("Atlanta", {4}), ("Tbilisi", {3}), ("Atlantis", set()),
    ],
)
def test_place_names_and_codes_agree(placed: Store, place: str, expected: set[int]):
    assert set(placed.query_events(place=place)["id"]) == {f"ev-places-{n}" for n in expected}

