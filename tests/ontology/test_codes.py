"""Country names and codes as users write them, folded, to the ISO2 code the store holds."""

from __future__ import annotations

import duckdb
import pytest

from newsevents.ontology.codes import FOLD_SQL, country_codes, fold, sector_codes


@pytest.mark.parametrize(
    "name", ["Côte d'Ivoire", "Cote dIvoire", "CÔTE D’IVOIRE", "Ivory Coast", "CI", "civ"]
)
def test_every_spelling_of_a_country_is_its_iso2(name: str):
    assert country_codes()[fold(name)] == "CI"


def test_territories_keep_their_own_code():
    """countries.tsv lists New Caledonia as an alias of France; the gazetteer's own row wins."""
    assert country_codes()[fold("New Caledonia")] == "NC" and country_codes()[fold("France")] == "FR"


@pytest.mark.parametrize(
    "text", ["Côte d’Ivoire", "Provence-Alpes-Côte-d'Azur", "Tavuš", "São  Tomé", "N'Djamena"]
)
def test_sql_folds_as_python_does(text: str):
    folded = duckdb.connect().execute(f"SELECT {FOLD_SQL.format(column='?')}", [text]).fetchone()
    assert folded == (fold(text),)


def test_sectors_come_from_the_data():
    assert {"GOV", "MIL", "CVL", "COP"} <= sector_codes() and "FOO" not in sector_codes()
