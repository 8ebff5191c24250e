"""Reading threads over HTTP: the listing, one thread with its articles and stories."""

from __future__ import annotations

import pytest
from serving import build_store, get, serving

from newsevents.store import open_store


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("threads") / "store.duckdb")
    with serving(path) as opened:
        yield opened


def test_threads_list_latest_first_with_counts(client):
    body = get(client, "/api/threads")
    assert [t["id"] for t in body["items"]] == ["th-protests", "th-lagos", "th-kyiv"]
    assert body["total"] == 3
    lagos = body["items"][1]
    assert (lagos["n_articles"], lagos["n_sources"], lagos["n_stories"]) == (2, 1, 1)
    assert lagos["terms"] == ["lagos", "police"] and lagos["first_seen"] == "2023-05-30"


@pytest.mark.parametrize(("query", "expected"), [
    ("from=2023-06-01&to=2023-12-31", ["th-lagos"]),  # its articles reach into the range
    ("to=2022-12-31", ["th-kyiv"]),
    ("text=shelled", ["th-kyiv"]),
    ("text=ARRESTS", ["th-lagos"]),
    ("limit=1&offset=1", ["th-lagos"]),
])
def test_threads_filters_and_pages(client, query: str, expected: list[str]):
    assert [t["id"] for t in get(client, f"/api/threads?{query}")["items"]] == expected


def test_thread_detail_has_its_articles_and_stories(client):
    body = get(client, "/api/threads/th-kyiv")
    assert [a["id"] for a in body["articles"]] == ["kyiv"]
    assert sorted(s["id"] for s in body["stories"]) == ["st-kyiv", "st-request"]
    lagos = get(client, "/api/threads/th-lagos")
    dated = [(a["id"], a["date"]) for a in lagos["articles"]]
    assert dated == [("lagos", "2023-05-30"), ("joint", "2023-06-02")]
    assert [s["id"] for s in lagos["stories"]] == ["st-lagos"] and lagos["stories"][0]["articles"] == 2


def test_missing_thread_is_404_and_bad_dates_are_422(client):
    assert get(client, "/api/threads/th-none", 404)["detail"] == "no thread with id 'th-none'"
    get(client, "/api/threads?from=2024-01-01&to=2023-01-01", 422)


@pytest.mark.parametrize(("query", "events", "stories"), [
    ("thread=th-lagos", {"ev-lagos-0", "ev-joint-0"}, {"st-lagos"}),
    ("thread=th-kyiv&min_confidence=0.5", {"ev-kyiv-0"}, {"st-kyiv"}),
    ("thread=th-none", set(), set()),
])
def test_the_thread_filter_on_events_stories_and_totals(client, query: str, events: set, stories: set):
    assert {e["id"] for e in get(client, f"/api/events?{query}")["items"]} == events
    assert {s["id"] for s in get(client, f"/api/stories?{query}")["items"]} == stories
    totals = get(client, f"/api/totals?{query}")
    assert (totals["events"], totals["stories"]) == (len(events), len(stories))
    get(client, "/api/events?thread=", 422)


def test_event_threads_are_the_threads_of_the_filtered_events(client):
    body = get(client, "/api/event_threads?type=COERCE")
    assert [(t["id"], t["n_events"]) for t in body["items"]] == [("th-lagos", 2)] and body["total"] == 1
    everything = get(client, "/api/event_threads?limit=2")
    assert [t["id"] for t in everything["items"]] == ["th-protests", "th-lagos"] and everything["total"] == 3


def test_story_mentions_and_articles_name_their_thread(client):
    mentions = get(client, "/api/stories/st-lagos")["mentions"]
    threads = {(m["article_id"], m["thread_id"]) for m in mentions}
    assert threads == {("lagos", "th-lagos"), ("joint", "th-lagos")}
    assert get(client, "/api/articles/kyiv")["thread_id"] == "th-kyiv"


def test_a_moved_thread_redirects_to_the_thread_it_went_into(tmp_path):
    path = build_store(tmp_path / "store.duckdb")
    with open_store(path) as store:
        store.put_threads([], {}, {}, moved={"th-protests": "th-kyiv"})
    with serving(path) as client:
        moved = client.get("/api/threads/th-protests", follow_redirects=False)
        assert moved.status_code == 308 and moved.headers["location"] == "/api/threads/th-kyiv"
        body = get(client, "/api/threads/th-protests")  # a client that follows redirects
        assert body["id"] == "th-kyiv" and sorted(a["id"] for a in body["articles"]) == ["kyiv", "protests"]
        events = get(client, "/api/events?thread=th-protests&min_confidence=0")["items"]
        assert {e["article_id"] for e in events} == {"kyiv", "protests"}
        assert [t["id"] for t in get(client, "/api/threads")["items"]] == ["th-lagos", "th-kyiv"]
        get(client, "/api/threads/th-none", 404)
