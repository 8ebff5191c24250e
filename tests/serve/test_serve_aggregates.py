"""The dashboard's aggregates over HTTP: timeline, network, actors, map and meta."""

from __future__ import annotations

import pytest
from serving import N_EVENTS, build_store, serving

from newsevents.records import EVENT_TYPES


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("api") / "store.duckdb")
    with serving(path) as opened:
        yield opened


def get(client, url: str) -> dict | list:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


# -- timeline ---------------------------------------------------------------------------------


def test_timeline_by_month_counts_every_dated_event_once(client):
    body = get(client, "/api/timeline?bucket=month")
    assert body["bucket"] == "month"
    assert body["items"] == [
        {"date": "2022-02-01", "quad": "material conflict", "event_type": "ASSAULT", "n": 1},
        {"date": "2022-03-01", "quad": "verbal cooperation", "event_type": "REQUEST", "n": 1},
        {"date": "2023-05-01", "quad": "material conflict", "event_type": "COERCE", "n": 1},
        {"date": "2023-06-01", "quad": "material conflict", "event_type": "COERCE", "n": 1},
        {"date": "2024-01-01", "quad": "verbal conflict", "event_type": "PROTEST", "n": 7},
    ]
    assert sum(i["n"] for i in body["items"]) == N_EVENTS


def test_timeline_buckets_and_filters(client):
    weeks = get(client, "/api/timeline?bucket=week&type=PROTEST")["items"]
    # 2024-01-01 is a Monday: the 1st to the 7th fall in one ISO week
    assert weeks == [{"date": "2024-01-01", "quad": "verbal conflict", "event_type": "PROTEST", "n": 7}]
    days = get(client, "/api/timeline?bucket=day&type=PROTEST&from=2024-01-03")["items"]
    assert [d["date"] for d in days] == [f"2024-01-0{n}" for n in range(3, 8)]
    years = get(client, "/api/timeline?bucket=year&actor_country=NGA")["items"]
    assert years == [{"date": "2023-01-01", "quad": "material conflict", "event_type": "COERCE", "n": 2}]
    assert get(client, "/api/timeline")["bucket"] == "month"


# -- network ----------------------------------------------------------------------------------


def test_network_links_actor_nodes_to_recipient_nodes(client):
    body = get(client, "/api/network")
    links = {(link["source"], link["target"]): link for link in body["links"]}
    assert {k: (v["weight"], v["types"]) for k, v in links.items()} == {
        ("UKR/CVL", "UKR/GOV"): (7, {"PROTEST": 7}),
        ("NGA/COP", "NGA/CVL"): (2, {"COERCE": 2}),  # Lagos, and the joint operation's police
        ("NGA/MIL", "NGA/CVL"): (1, {"COERCE": 1}),  # the joint operation's soldiers
        ("RUS/MIL", "UKR/CVL"): (1, {"ASSAULT": 1}),
    }
    assert [link["weight"] for link in body["links"]] == [7, 2, 1, 1]  # heaviest first
    nodes = {n["id"]: n for n in body["nodes"]}
    assert {k: n["weight"] for k, n in nodes.items()} == {
        "UKR/CVL": 8, "UKR/GOV": 7, "NGA/COP": 2, "NGA/CVL": 2, "NGA/MIL": 1, "RUS/MIL": 1}
    assert nodes["NGA/COP"] == {"id": "NGA/COP", "label": "NGA COP", "country": "NGA", "sector": "COP",
                                "weight": 2}


def test_network_by_country_counts_an_event_once_per_link(client):
    body = get(client, "/api/network?by=country")
    links = {(link["source"], link["target"]): link["weight"] for link in body["links"]}
    assert links == {("UKR", "UKR"): 7, ("NGA", "NGA"): 2, ("RUS", "UKR"): 1}
    nodes = {n["id"]: (n["weight"], n["sector"]) for n in body["nodes"]}
    assert nodes == {"UKR": (8, None), "NGA": (2, None), "RUS": (1, None)}


def test_network_by_name_limit_and_filters(client):
    names = get(client, "/api/network?by=name&type=COERCE")
    assert {(x["source"], x["target"]) for x in names["links"]} == {("Police", "protesters"),
                                                                    ("soldiers", "protesters")}
    top = get(client, "/api/network?limit=1")
    assert [(x["source"], x["target"]) for x in top["links"]] == [("UKR/CVL", "UKR/GOV")]
    assert {n["id"] for n in top["nodes"]} == {"UKR/CVL", "UKR/GOV"}
    assert get(client, "/api/network?type=REQUEST") == {"nodes": [], "links": []}  # no recipient
    assert client.get("/api/network?by=sector").status_code == 422


# -- actors -----------------------------------------------------------------------------------


def test_actors_count_each_role_sorted_by_total(client):
    body = get(client, "/api/actors")
    rows = [(a["name"], a["country"], a["sector"], a["as_actor"], a["as_recipient"]) for a in body]
    assert rows == [
        ("Protesters", "UKR", "CVL", 7, 0),
        ("government", "UKR", "GOV", 0, 7),
        ("Police", "NGA", "COP", 2, 0),
        ("protesters", "NGA", "CVL", 0, 2),
        ("Kyiv", "UKR", "CVL", 0, 1),
        ("Russian forces", "RUS", "MIL", 1, 0),
        ("Ukraine", "UKR", "GOV", 1, 0),
        ("soldiers", "NGA", "MIL", 1, 0),
    ]
    assert [a["name"] for a in get(client, "/api/actors?limit=2&offset=2")] == ["Police", "protesters"]
    joint = get(client, "/api/actors?from=2023-06-01&to=2023-06-30")
    assert {(a["name"], a["as_actor"], a["as_recipient"]) for a in joint} == {
        ("Police", 1, 0), ("soldiers", 1, 0), ("protesters", 0, 1)}


# -- map --------------------------------------------------------------------------------------


def test_map_has_only_stories_with_coordinates_most_reported_first(client):
    body = get(client, "/api/map")
    assert body["total"] == 2 and [s["id"] for s in body["items"]] == ["st-lagos", "st-kyiv"]
    lagos = body["items"][0]
    assert set(lagos) == {"id", "event_type", "lat", "lon", "location_name", "country_code", "n_mentions",
                          "articles", "date"}
    assert (lagos["lat"], lagos["lon"], lagos["country_code"], lagos["n_mentions"], lagos["date"]) == (
        6.45, 3.39, "NG", 2, "2023-05-29")
    assert [s["id"] for s in get(client, "/api/map?bbox=22,44,41,53")["items"]] == ["st-kyiv"]
    one = get(client, "/api/map?limit=1")
    assert one["total"] == 2 and len(one["items"]) == 1


# -- meta -------------------------------------------------------------------------------------


def test_meta_tells_the_filter_widgets_what_there_is(client):
    body = get(client, "/api/meta")
    assert body["counts"] == {"articles": 4, "events": N_EVENTS, "quotes": 2, "stories": 3, "threads": 3}
    assert body["event_types"] == list(EVENT_TYPES)
    assert body["event_type_counts"] == {"PROTEST": 7, "COERCE": 2, "ASSAULT": 1, "REQUEST": 1}
    assert body["event_dates"] == {"min": "2022-02-28", "max": "2024-01-07"}
    assert body["article_dates"] == {"min": "2022-03-01", "max": "2024-01-10"}
    assert body["actor_countries"][0] == {"value": "UKR", "n": 8}  # seven protests, one request
    assert {c["value"] for c in body["actor_countries"]} == {"UKR", "NGA", "RUS"}
    quads = {q["value"] for q in body["quads"]}
    assert quads == {"material conflict", "verbal conflict", "verbal cooperation"}
    assert {s["value"]: s["n"] for s in body["sources"]} == {"wire": 2, "agency": 1, "Wire": 1}
    assert (body["ingest"], body["read_only"]) == (False, True)
