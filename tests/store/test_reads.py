"""Reads: filters as parameters, the word index, records as JSON, stories by any mention."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from builders import KYIV, LAGOS, filled_store, ids, story

from newsevents.records import Actor
from newsevents.store import Store


@pytest.fixture()
def filled(tmp_path: Path) -> Iterator[Store]:
    with filled_store(tmp_path) as opened:
        yield opened


def test_records_round_trip_as_json(filled: Store):
    frame = filled.query_events(event_type="COERCE", with_record=True)
    record = json.loads(frame["record"][0])
    assert record["size"]["arrested"] == 5 and record["actor"][0]["span"] == [0, 6]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {"ev-lagos-0", "ev-kyiv-0", "ev-kyiv-1"}),
        ({"event_type": "assault"}, {"ev-kyiv-0"}),
        ({"event_type": ["ASSAULT", "REQUEST"]}, {"ev-kyiv-0", "ev-kyiv-1"}),
        ({"actor_country": "UKR"}, {"ev-kyiv-1"}),
        ({"actor_sector": "cop"}, {"ev-lagos-0"}),
        ({"recipient_country": "UKR"}, {"ev-kyiv-0"}),
        ({"place": "NG"}, {"ev-lagos-0"}),
        ({"place": "kyiv"}, {"ev-kyiv-0"}),
        ({"bbox": (22.0, 44.0, 41.0, 53.0)}, {"ev-kyiv-0"}),
        ({"bbox": (-20.0, -35.0, 52.0, 38.0)}, {"ev-lagos-0"}),
        ({"date_from": "2022-03-01"}, {"ev-lagos-0", "ev-kyiv-1"}),
        ({"date_from": date(2022, 1, 1), "date_to": "2022-12-31"}, {"ev-kyiv-0", "ev-kyiv-1"}),
        ({"text": "FIVE protesters"}, {"ev-lagos-0"}),
        ({"text": "asked for aid"}, {"ev-kyiv-0", "ev-kyiv-1"}),
        ({"text": "%"}, set()),
        ({"min_confidence": 0.5}, {"ev-lagos-0", "ev-kyiv-0"}),
        ({"event_type": "ASSAULT", "actor_country": "NGA"}, set()),
    ],
)
def test_query_events_filters(filled: Store, filters: dict, expected: set[str]):
    assert ids(filled.query_events(**filters)) == expected


def test_query_events_limit_and_order(filled: Store):
    frame = filled.query_events(limit=2)
    assert list(frame["id"]) == ["ev-lagos-0", "ev-kyiv-1"]


def test_text_finds_word_beginnings_and_phrases_through_the_word_index(filled: Store):
    assert ids(filled.query_events(text="arrest")) == {"ev-lagos-0"}  # "arrested"
    assert ids(filled.query_events(text="Russian forces")) == {"ev-kyiv-0", "ev-kyiv-1"}
    assert ids(filled.query_events(text="forces Russian")) == set()  # words all there, phrase not
    assert ids(filled.query_events(text="rrested")) == set()  # not from inside a word
    assert ids(filled.query_events(text="in Lagos")) == {"ev-lagos-0"}  # a short word: phrase test
    words = filled.sql("SELECT term FROM article_terms WHERE article_id = 'lagos' ORDER BY term")
    assert list(words["term"])[:3] == ["arrested", "arrests", "five"]  # title words too


def test_filter_values_are_parameters_not_sql(filled: Store):
    assert filled.query_events(actor_country="x' OR 1=1 --").empty
    assert filled.query_events(text="'); DROP TABLE events; --").empty
    assert filled.counts()["events"] == 3


def test_query_stories_filters(filled: Store):
    filled.put_stories([
        story("st-1", ["ev-kyiv-0"], date="2022-02-28", location=KYIV,
              actor=[Actor("Russian forces", (20, 34), country="RUS", sector="MIL")]),
        story("st-2", ["ev-lagos-0"], event_type="COERCE", date="2023-05-29", location=LAGOS),
    ])
    assert ids(filled.query_stories(actor_country="RUS")) == {"st-1"}
    assert ids(filled.query_stories(bbox=(-20.0, -35.0, 52.0, 38.0))) == {"st-2"}
    assert ids(filled.query_stories(text="shelled")) == {"st-1"}
    assert ids(filled.query_stories(date_to="2022-12-31")) == {"st-1"}
    assert ids(filled.query_stories(min_confidence=0.85)) == {"st-1"}
