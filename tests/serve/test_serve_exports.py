"""Downloads of the filtered events (/api/export), the totals beside the counts
(/api/totals), and the network's resolved actors, over a store with sizes and with
parties that are not actors one can name (a pronoun, a bare common noun)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from serving import N_EVENTS, STORIES, coded, serving
from store.builders import LAGOS, event

from newsevents.records import Actor, Article, CodedArticle, Size, Story
from newsevents.store import open_store

RAID = Article("raid", date(2023, 7, 1), "He said people were attacked by the gang. Three died.",
               source="wire")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    he = Actor("He", (0, 2), sector=None)
    people = Actor("people", (8, 14), name="people", sector="CVL")
    gang = Actor("Gunmen", (30, 38), name="Gunmen", sector="UAF")
    raid = CodedArticle(RAID, events=[
        event(RAID, 0, "ASSAULT", date="2023-06-30", location=LAGOS, quad="material conflict",
              actor=[he], recipient=[people], size=Size((40, 45), dead=3), confidence=0.9),
        event(RAID, 1, "ASSAULT", date="2023-06-30", location=LAGOS, quad="material conflict",
              actor=[gang], recipient=[Actor("Lagos", (0, 5), country="NGA", sector="CVL")], confidence=0.3),
    ])
    stories = [*STORIES, Story("st-raid", "ASSAULT", date="2023-06-30", location=LAGOS,
                               size=Size((40, 45), dead=3), mentions=["ev-raid-0"], sources=["raid"],
                               articles=1)]
    path = tmp_path_factory.mktemp("exports") / "store.duckdb"
    with open_store(path) as store:
        store.add([*coded(), raid])
        store.put_stories(stories)
    with serving(path) as opened:
        yield opened


def test_totals_count_events_and_stories_and_sum_story_sizes(client):
    body = client.get("/api/totals").json()
    assert body == {"events": N_EVENTS + 2, "stories": len(STORIES) + 1,
                    "dead": 3, "injured": 0, "arrested": 0}
    confident = client.get("/api/totals?min_confidence=0.5").json()
    assert confident["events"] == client.get("/api/events?min_confidence=0.5").json()["total"]
    assert confident["stories"] == client.get("/api/stories?min_confidence=0.5").json()["total"]
    assert client.get("/api/totals?type=PROTEST").json()["dead"] == 0


def test_network_draws_only_resolved_actors(client):
    nodes = {n["label"] for n in client.get("/api/network?by=name").json()["nodes"]}
    assert {"He", "people", "Gunmen"}.isdisjoint(nodes)  # a pronoun, bare common nouns
    assert {"Russian forces", "Kyiv"} <= nodes


def test_export_csv_has_the_filtered_events(client):
    response = client.get("/api/export/csv?type=COERCE")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 2
    assert {r["event_type"] for r in rows} == {"COERCE"}


def test_export_geojson_and_acled_follow_the_filters(client):
    geo = json.loads(client.get("/api/export/geojson?place=NG").content)
    assert geo["type"] == "FeatureCollection"
    types = {f["properties"]["event_type"] for f in geo["features"]}
    assert types == {"COERCE", "ASSAULT"}  # the Lagos events; Kyiv's are left out
    acled = client.get("/api/export/acled?type=ASSAULT")  # ACLED rows need the record's acled mapping
    assert acled.status_code == 200
    assert "event_date" in next(csv.reader(io.StringIO(acled.text)))


def test_export_refuses_unknown_formats_and_bad_filters(client):
    assert client.get("/api/export/xlsx").status_code == 422
    assert client.get("/api/export/csv?min_confidence=2").status_code == 422
