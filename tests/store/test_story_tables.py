"""Stories: upserted with their mentions, rebuilt as records, dropped with their state."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import KYIV, filled_store, story

from newsevents.records import Actor, Size, Thread
from newsevents.store import Store, open_store


@pytest.fixture()
def filled(tmp_path: Path) -> Iterator[Store]:
    with filled_store(tmp_path) as opened:
        yield opened


def test_put_stories_upserts_and_links_mentions(filled: Store):
    first = story("st-1", ["ev-kyiv-0", "ev-kyiv-1"], date="2022-02-28", location=KYIV,
                  actor=[Actor("Russian forces", (20, 34), country="RUS", sector="MIL")])
    assert filled.put_stories([first]) == 1
    linked = filled.query_events(event_type=["ASSAULT", "REQUEST"])
    assert set(linked["story_id"]) == {"st-1"}

    smaller = story("st-1", ["ev-kyiv-0"], date="2022-02-28", location=KYIV,
                    size=Size((0, 4), dead=3))
    filled.put_stories([smaller])
    frame = filled.query_events()
    assert frame.set_index("id")["story_id"].isna().to_dict() == {
        "ev-lagos-0": True, "ev-kyiv-0": False, "ev-kyiv-1": True}
    assert filled.counts()["stories"] == 1
    stored = filled.query_stories(place="UA")
    assert list(stored["id"]) == ["st-1"] and int(stored["dead"][0]) == 3


def test_candidate_stories_rebuild_records(filled: Store):
    kept = story("st-1", ["ev-kyiv-0"], date="2022-02-28", location=KYIV, size=Size((0, 4), dead=3),
                 actor=[Actor("Russian forces", (20, 34), country="RUS", sector="MIL")])
    filled.put_stories([kept, story("st-2", ["ev-lagos-0"], event_type="COERCE", date="2023-05-29")])
    assert filled.candidate_stories(["ASSAULT"], "2022-02-01", "2022-03-31") == [kept]
    assert filled.candidate_stories(["ASSAULT"], "2023-01-01", None) == []
    assert {s.id for s in filled.candidate_stories(None, "2022-01-01", "2023-12-31")} == {"st-1", "st-2"}
    assert filled.candidate_stories([], None, None) == []


def test_candidate_stories_of_the_new_articles_threads_come_whatever_their_date(filled: Store):
    undated = story("st-1", ["ev-kyiv-0"], location=KYIV)
    filled.put_stories([undated])
    filled.put_threads([Thread("th-kyiv", "Shelling of Kyiv", "2022-03-01", "2022-03-01", articles=1)],
                       {}, {"kyiv": "th-kyiv"})
    assert filled.candidate_stories(["ASSAULT"], "2022-02-01", "2022-03-31") == []
    assert filled.candidate_stories(["ASSAULT"], "2022-02-01", "2022-03-31", threads=["th-kyiv"]) == [undated]
    assert filled.candidate_stories(["COERCE"], None, None, threads=["th-kyiv"]) == []


def test_drop_stories_unlinks_mentions_and_forgets_state(filled: Store):
    filled.put_stories([story("st-1", ["ev-kyiv-0"])], {"st-1": {"terms": ["kyiv"]}})
    assert filled.story_states(["st-1", "st-9"]) == {"st-1": {"terms": ["kyiv"]}}
    assert filled.drop_stories(["st-1"]) == 1
    assert filled.query_events()["story_id"].isna().all() and filled.counts()["stories"] == 0
    assert filled.story_states(["st-1"]) == {}


def test_term_frequencies_accumulate(tmp_path: Path):
    with open_store(tmp_path / "test.duckdb") as store:
        assert store.term_df(["kyiv"]) == (0, {})
        store.add_term_df(2, {"kyiv": 2, "shelled": 1})
        store.add_term_df(1, {"kyiv": 1, "aid": 1})
        assert store.term_df(["kyiv", "shelled", "lagos"]) == (3, {"kyiv": 3, "shelled": 1})
