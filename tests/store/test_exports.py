"""Exports: every format writes readable output and honours the query filters."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from builders import KYIV, LAGOS, event

from newsevents.errors import StoreError
from newsevents.records import (
    Actor,
    Article,
    CodedArticle,
    Size,
    Story,
)
from newsevents.store import open_store
from newsevents.store.exports import export_events, export_stories


@pytest.fixture()
def filled(tmp_path: Path):
    lagos = Article("lagos", date(2023, 5, 30), "Police in Lagos arrested five protesters on Monday.",
                    title="Arrests in Lagos", source="wire", url="https://example.org/lagos")
    kyiv = Article("kyiv", date(2022, 3, 1), "Kyiv was shelled by Russian forces; Ukraine asked for aid.")
    events = {
        "lagos": [event(lagos, 0, "COERCE", date="2023-05-29", date_precision="day", location=LAGOS,
                        quad="material conflict", intensity=-7, cameo_root="17",
                        acled={"event_type": "Protests", "sub_event_type": "Protest with intervention"},
                        actor=[Actor("Police", (0, 6), name="Nigeria Police", country="NGA", sector="COP")],
                        recipient=[Actor("protesters", (30, 40), country="NGA", sector="CVL")],
                        size=Size((25, 29), arrested=5), confidence=0.8)],
        "kyiv": [event(kyiv, 0, "ASSAULT", date="2022-02-28", date_precision="day", location=KYIV,
                       quad="material conflict", intensity=-10, cameo_root="19",
                       acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling"},
                       actor=[Actor("Russian forces", (20, 34), country="RUS", sector="MIL",
                                    inferred=True, evidence_span=(8, 15))],
                       recipient=[Actor("Kyiv", (0, 4), country="UKR", sector="CVL")],
                       size=Size((0, 4), dead=3, total=True), confidence=0.9),
                 event(kyiv, 1, "REQUEST", date="2022-03-01", date_precision="month",
                       quad="verbal cooperation",
                       actor=[Actor("Ukraine", (36, 43), country="UKR", sector="GOV")], confidence=0.4)],
    }
    with open_store(tmp_path / "test.duckdb") as store:
        store.add([CodedArticle(lagos, events=events["lagos"]), CodedArticle(kyiv, events=events["kyiv"])])
        store.put_stories([Story("st-kyiv", "ASSAULT", date="2022-02-28", location=KYIV,
                                 mentions=["ev-kyiv-0"], sources=["kyiv", "other"], articles=2)])
        yield store, [e for es in events.values() for e in es]


def rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def test_jsonl_is_the_contract_record(filled, tmp_path: Path) -> None:
    store, events = filled
    out = tmp_path / "e.jsonl"
    assert export_events(store, out, format="jsonl") == 3
    got = {r["id"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    assert got == {e.id: e.to_dict() for e in events}


def test_csv_flat_with_joined_lists(filled, tmp_path: Path) -> None:
    store, _ = filled
    out = tmp_path / "e.csv"
    assert export_events(store, out, format="csv") == 3
    table = {r["id"]: r for r in rows(out)}
    assert list(next(iter(table.values())))[:3] == ["id", "article_id", "event_type"]
    assert table["ev-lagos-0"]["recipient_sectors"] == "CVL"
    assert table["ev-lagos-0"]["url"] == "https://example.org/lagos"


def test_parquet_reads_back(filled, tmp_path: Path) -> None:
    store, _ = filled
    out = tmp_path / "e.parquet"
    assert export_events(store, out, format="parquet", event_type="ASSAULT") == 1
    con = duckdb.connect()
    count, names = con.execute(f"SELECT count(*), any_value(actor_names) FROM '{out}'").fetchone()
    assert (count, names) == (1, ["Russian forces"])


def test_geojson_points_lon_lat_and_no_placeless(filled, tmp_path: Path) -> None:
    store, _ = filled
    out = tmp_path / "e.geojson"
    assert export_events(store, out, format="geojson") == 2
    data = json.loads(out.read_text("utf-8"))
    assert data["type"] == "FeatureCollection"
    points = {f["id"]: f["geometry"] for f in data["features"]}
    assert set(points) == {"ev-lagos-0", "ev-kyiv-0"}  # the REQUEST has no place
    assert points["ev-lagos-0"] == {"type": "Point", "coordinates": [3.39, 6.45]}
    props = data["features"][0]["properties"]
    assert "event_type" in props and "lat" not in props


def test_gdelt_columns_and_values(filled, tmp_path: Path) -> None:
    store, _ = filled
    out = tmp_path / "e.tsv"
    assert export_events(store, out, format="gdelt") == 3
    header = out.read_text("utf-8").splitlines()[0].split("\t")
    assert len(header) == 61 and header[:3] == ["GLOBALEVENTID", "SQLDATE", "MonthYear"]
    assert header[-2:] == ["DATEADDED", "SOURCEURL"]
    table = {r["GLOBALEVENTID"]: r for r in rows(out, "\t")}
    kyiv = table["ev-kyiv-0"]
    assert (kyiv["SQLDATE"], kyiv["EventRootCode"], kyiv["QuadClass"]) == ("20220228", "19", "4")
    assert (kyiv["Actor1CountryCode"], kyiv["Actor1Type1Code"], kyiv["NumArticles"]) == ("RUS", "MIL", "2")
    assert (kyiv["ActionGeo_Lat"], kyiv["ActionGeo_Long"], kyiv["AvgTone"]) == ("50.45", "30.52", "")
    month = table["ev-kyiv-1"]
    assert (month["SQLDATE"], month["MonthYear"], month["QuadClass"]) == ("", "202203", "1")
    assert table["ev-lagos-0"]["NumArticles"] == ""  # in no story


def test_acled_only_mapped_events(filled, tmp_path: Path) -> None:
    store, _ = filled
    out = tmp_path / "e.csv"
    assert export_events(store, out, format="acled") == 2
    table = {r["event_id_cnty"]: r for r in rows(out)}
    assert set(table) == {"ev-lagos-0", "ev-kyiv-0"}
    lagos = table["ev-lagos-0"]
    # protesters in a Protests event are ACLED's inter code 6; state forces against them: 16
    assert lagos["actor1"] == "Nigeria Police" and lagos["inter1"] == "1" and lagos["inter2"] == "6"
    assert (lagos["interaction"], lagos["fatalities"], lagos["time_precision"]) == ("16", "0", "1")
    assert (lagos["admin1"], lagos["geo_precision"], lagos["notes"]) == (
        "Lagos", "1", "Police in Lagos arrested five protesters on Monday.")
    kyiv = table["ev-kyiv-0"]
    assert (kyiv["fatalities"], kyiv["inter1"], kyiv["inter2"], kyiv["interaction"]) == ("3", "1", "7", "17")
    assert kyiv["tags"] == "fatalities are a running total; actor1 inferred from the article"
    assert lagos["tags"] == ""


def test_acled_tags_a_country_guessed_from_the_setting(tmp_path: Path) -> None:
    lagos = Article("lagos", date(2023, 5, 30), "Okafor ordered the arrest of five protesters in Lagos.")
    guessed = event(lagos, 0, "COERCE", date="2023-05-30", date_precision="day", location=LAGOS,
                    acled={"event_type": "Protests", "sub_event_type": "Protest with intervention"},
                    actor=[Actor("Okafor", (0, 6), country="NGA", country_source="home")], confidence=0.8)
    out = tmp_path / "e.csv"
    with open_store(tmp_path / "test.duckdb") as store:
        store.add([CodedArticle(lagos, events=[guessed])])
        assert export_events(store, out, format="acled") == 1
    assert rows(out)[0]["tags"] == "actor1 country guessed from the article's setting"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "geojson", "gdelt", "acled"])
def test_filters_apply(filled, tmp_path: Path, fmt: str) -> None:
    store, _ = filled
    out = tmp_path / f"e.{fmt}"
    assert export_events(store, out, format=fmt, actor_country="NGA") == 1
    assert export_events(store, out, format=fmt, date_from="2023-01-01", event_type="ASSAULT") == 0
    assert export_events(store, out, format=fmt, place="UA", limit=1) == 1


def test_stories_and_unknown_format(filled, tmp_path: Path) -> None:
    store, _ = filled
    assert export_stories(store, tmp_path / "s.jsonl", format="jsonl") == 1
    assert json.loads((tmp_path / "s.jsonl").read_text("utf-8"))["mentions"] == ["ev-kyiv-0"]
    assert export_stories(store, tmp_path / "s.csv", format="csv", event_type="PROTEST") == 0
    assert export_stories(store, tmp_path / "s.parquet", format="parquet") == 1
    with pytest.raises(StoreError):
        export_events(store, tmp_path / "x", format="xml")
