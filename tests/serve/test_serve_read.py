"""Reading over HTTP: events, stories, articles and quotes, their filters, pages and errors."""

from __future__ import annotations

import pytest
from serving import N_EVENTS, build_store, get, serving

from newsevents.store.queries import EVENT_VIEW


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("api") / "store.duckdb")
    with serving(path) as opened:
        yield opened


def ids(body: dict) -> set[str]:
    return {item["id"] for item in body["items"]}


# -- events -----------------------------------------------------------------------------------


def test_events_page_shape_and_columns(client):
    body = get(client, "/api/events?limit=3")
    assert set(body) == {"total", "limit", "offset", "items"}
    assert (body["total"], body["limit"], body["offset"], len(body["items"])) == (N_EVENTS, 3, 0, 3)
    columns = [c.strip().split(" AS ")[-1].split(".")[-1] for c in EVENT_VIEW.split(",")]
    assert sorted(body["items"][0]) == sorted(columns)  # JSON objects: the keys, in any order
    lagos = get(client, "/api/events?type=COERCE&place=NG&min_confidence=0.75")["items"]
    assert len(lagos) == 1
    row = lagos[0]
    assert row["date"] == "2023-05-29" and row["published"] == "2023-05-30"
    assert row["actor_countries"] == ["NGA"] and row["recipient_sectors"] == ["CVL"]
    assert row["arrested"] == 5 and row["dead"] is None and row["negated"] is False
    assert row["location_lat"] == pytest.approx(6.45) and row["story_id"] == "st-lagos"
    assert row["title"] == "Arrests in Lagos" and row["source"] == "wire"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=assault", {"ev-kyiv-0"}),
        ("type=ASSAULT&type=REQUEST", {"ev-kyiv-0", "ev-kyiv-1"}),
        ("actor_country=ukr&type=REQUEST", {"ev-kyiv-1"}),
        ("actor_sector=MIL", {"ev-kyiv-0", "ev-joint-0"}),
        ("recipient=NGA", {"ev-lagos-0", "ev-joint-0"}),
        ("place=NG", {"ev-lagos-0", "ev-joint-0"}),
        ("place=kyiv&type=ASSAULT", {"ev-kyiv-0"}),
        ("bbox=22,44,41,53&type=ASSAULT", {"ev-kyiv-0"}),
        ("bbox=-20,-35,52,38", {"ev-lagos-0", "ev-joint-0"}),
        ("bbox=170,-10,-170,10", set()),  # across the antimeridian: the Pacific
        ("from=2022-03-01&to=2023-12-31", {"ev-kyiv-1", "ev-lagos-0", "ev-joint-0"}),
        ("to=2022-02-28", {"ev-kyiv-0"}),
        ("text=FIVE%20protesters", {"ev-lagos-0"}),
        ("text=%25", set()),
        ("min_confidence=0.75", {"ev-lagos-0", "ev-kyiv-0"}),
        ("type=ASSAULT&actor_country=NGA", set()),
    ],
)
def test_events_filters(client, query: str, expected: set[str]):
    body = get(client, f"/api/events?limit=1000&{query}")
    assert ids(body) == expected and body["total"] == len(expected)


def test_events_pages_are_disjoint_ordered_and_counted(client):
    pages = [get(client, f"/api/events?type=PROTEST&limit=3&offset={o}") for o in (0, 3, 6, 9)]
    assert [p["total"] for p in pages] == [7, 7, 7, 7]
    assert [len(p["items"]) for p in pages] == [3, 3, 1, 0]
    seen = [item["id"] for p in pages for item in p["items"]]
    assert len(set(seen)) == 7
    dates = [item["date"] for p in pages for item in p["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    everything = get(client, "/api/events?limit=4&offset=8")
    assert everything["total"] == N_EVENTS and len(everything["items"]) == 3


def test_event_detail_is_the_record_with_article_and_story(client):
    body = get(client, "/api/events/ev-lagos-0")
    assert body["id"] == "ev-lagos-0" and body["story_id"] == "st-lagos"
    assert body["article"] == {"id": "lagos", "title": "Arrests in Lagos", "date": "2023-05-30",
                               "url": "https://example.org/lagos", "source": "wire"}
    assert body["trigger"] == {"text": "Poli", "span": [0, 4]}
    assert body["size"]["arrested"] == 5 and body["actor"][0]["span"] == [0, 6]
    assert body["location"]["country_code"] == "NG" and body["sentence"]["span"] == [0, 51]


def test_missing_things_are_404_with_their_id(client):
    for kind, name in (("events", "event"), ("stories", "story"), ("articles", "article")):
        body = get(client, f"/api/{kind}/no-such-id", 404)
        assert body["detail"] == f"no {name} with id 'no-such-id'"


# -- validation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "where", "says"),
    [
        ("bbox=1,2,3", "bbox", "four numbers"),
        ("bbox=a,b,c,d", "bbox", "four numbers"),
        ("bbox=0,-95,10,10", "bbox", "min_lat must be within [-90, 90]"),
        ("bbox=-181,0,10,10", "bbox", "min_lon must be within [-180, 180]"),
        ("bbox=0,20,10,10", "bbox", "min_lat 20.0 is above max_lat 10.0"),
        ("bbox=nan,0,10,10", "bbox", "min_lon"),
        ("from=2023-13-01", "from", "valid date"),
        ("to=yesterday", "to", "valid date"),
        ("from=2024-01-01&to=2023-01-01", "to", "before 'from'"),
        ("type=BOMB", "type", "unknown event type 'BOMB'"),
        ("type=ASSAULT&type=riot", "type", "unknown event type 'riot'"),
        ("limit=1001", "limit", "less than or equal to 1000"),
        ("limit=0", "limit", "greater than or equal to 1"),
        ("offset=-1", "offset", "greater than or equal to 0"),
        ("min_confidence=2", "min_confidence", "less than or equal to 1"),
        ("text=", "text", "at least 1 character"),
    ],
)
def test_bad_parameters_are_422_saying_which_and_why(client, query: str, where: str, says: str):
    body = get(client, f"/api/events?{query}", 422)
    assert [e["loc"] for e in body["detail"]] == [["query", where]]
    assert says in body["detail"][0]["msg"]
    assert body["message"].startswith(f"{where}: ") and says in body["message"]


def test_stories_and_timeline_validate_the_same_way(client):
    assert get(client, "/api/stories?bbox=1,2", 422)["detail"][0]["loc"] == ["query", "bbox"]
    assert "'day', 'week', 'month' or 'year'" in get(client, "/api/timeline?bucket=hour", 422)["message"]


# -- stories ----------------------------------------------------------------------------------


def test_stories_list_filters_and_pages(client):
    body = get(client, "/api/stories")
    assert body["total"] == 3 and [s["id"] for s in body["items"]] == ["st-lagos", "st-request", "st-kyiv"]
    lagos = body["items"][0]
    assert (lagos["n_mentions"], lagos["articles"], lagos["location_country_code"]) == (2, 2, "NG")
    assert ids(get(client, "/api/stories?actor_country=RUS")) == {"st-kyiv"}
    assert ids(get(client, "/api/stories?text=soldiers")) == {"st-lagos"}
    assert ids(get(client, "/api/stories?min_confidence=0.85")) == {"st-kyiv"}
    second = get(client, "/api/stories?limit=1&offset=1")
    assert second["total"] == 3 and ids(second) == {"st-request"}


def test_story_detail_expands_mentions(client):
    body = get(client, "/api/stories/st-lagos")
    assert body["id"] == "st-lagos" and body["articles"] == 2 and body["location"]["name"] == "Lagos"
    mentions = body["mentions"]
    assert [m["id"] for m in mentions] == ["ev-lagos-0", "ev-joint-0"]  # oldest article first
    assert [m["title"] for m in mentions] == ["Arrests in Lagos", "Joint operation"]
    assert mentions[1]["article_id"] == "joint" and len(mentions[1]["actor"]) == 2
    assert all(m["story_id"] == "st-lagos" and m["trigger"]["span"] for m in mentions)


# -- articles and quotes ------------------------------------------------------------------------


def test_articles_list_has_no_text_and_filters(client):
    body = get(client, "/api/articles")
    assert body["total"] == 4 and [a["id"] for a in body["items"]] == ["protests", "joint", "lagos", "kyiv"]
    assert all("text" not in a and "content_hash" not in a for a in body["items"])
    assert body["items"][0]["n_events"] == 7 and body["items"][2]["n_quotes"] == 1
    assert ids(get(client, "/api/articles?source=WIRE")) == {"lagos", "joint", "protests"}
    assert ids(get(client, "/api/articles?from=2023-01-01&to=2023-12-31")) == {"lagos", "joint"}
    assert ids(get(client, "/api/articles?text=shelled")) == {"kyiv"}
    assert ids(get(client, "/api/articles?text=joint")) == {"joint"}  # the title counts
    page = get(client, "/api/articles?limit=1&offset=3")
    assert page["total"] == 4 and ids(page) == {"kyiv"}
    backwards = get(client, "/api/articles?from=2024-01-01&to=2020-01-01", 422)
    assert backwards["detail"][0]["loc"] == ["query", "to"]


def test_article_detail_has_text_events_quotes_and_spans_that_point_into_it(client):
    body = get(client, "/api/articles/kyiv")
    text = body["text"]
    assert text.startswith("Kyiv was shelled") and body["title"] == "Shelling in Kyiv"
    assert [e["id"] for e in body["events"]] == ["ev-kyiv-0", "ev-kyiv-1"]
    assert [e["story_id"] for e in body["events"]] == ["st-kyiv", "st-request"]
    for record in body["events"]:
        start, end = record["trigger"]["span"]
        assert text[start:end] == record["trigger"]["text"]
        for actor in record["actor"] + record["recipient"]:
            assert text[actor["span"][0]:actor["span"][1]] == actor["text"]
    (quote,) = body["quotes"]
    assert quote["speaker"]["country"] == "UKR" and text[slice(*quote["span"])] == quote["text"]


def test_quotes_filter_and_carry_their_article(client):
    body = get(client, "/api/quotes")
    assert body["total"] == 2 and [q["id"] for q in body["items"]] == ["q-lagos-0", "q-kyiv-0"]
    lagos = body["items"][0]
    assert lagos["title"] == "Arrests in Lagos" and lagos["published"] == "2023-05-30"
    assert lagos["speaker"]["name"] == "Lagos police" and lagos["verb_span"] == [16, 24]
    assert ids(get(client, "/api/quotes?speaker=POLICE")) == {"q-lagos-0"}
    assert ids(get(client, "/api/quotes?speaker_country=ukr")) == {"q-kyiv-0"}
    assert ids(get(client, "/api/quotes?article_id=kyiv")) == {"q-kyiv-0"}
    assert ids(get(client, "/api/quotes?text=aid")) == {"q-kyiv-0"}
    assert get(client, "/api/quotes?limit=1&offset=1")["total"] == 2


def test_filter_values_are_parameters_not_sql(client):
    assert get(client, "/api/events?actor_country=x'%20OR%201=1")["total"] == 0
    assert get(client, "/api/events?text=');%20DROP%20TABLE%20events;%20--")["total"] == 0
    assert get(client, "/api/events")["total"] == N_EVENTS


def test_openapi_describes_the_api_and_there_is_no_cdn_page(client):
    spec = get(client, "/openapi.json")
    assert {"/api/events", "/api/events/{event_id}", "/api/stories", "/api/articles", "/api/quotes",
            "/api/timeline", "/api/network", "/api/map", "/api/actors", "/api/meta"} <= set(spec["paths"])
    params = {p["name"]: p for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"type", "actor_country", "bbox", "from", "to", "limit", "offset"} <= set(params)
    assert params["limit"]["schema"]["maximum"] == 1000 and params["bbox"]["description"]
    assert "post" in spec["paths"]["/api/articles"]
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
