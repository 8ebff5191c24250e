"""The filters only a mention can answer (store/queries.py ``_add_mention``): historical
references are left out unless asked for, and ``thread`` keeps its articles' events; a story
matches through a mention that passes, and totals, map and timeline count the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from store.builders import KYIV, event

from newsevents.records import Article, CodedArticle, Size, Story, Thread
from newsevents.store import Store, open_store
from newsevents.store.aggregates import event_threads_sql, map_sql, timeline_sql, totals_sql
from newsevents.store.queries import Filters

TODAY = Article("today", date(2024, 3, 2),
                "Troops shelled Kyiv on Friday, killing four. In 2014 a war began.")
LATER = Article("later", date(2024, 3, 3), "A day after the shelling of Kyiv, four were buried.")
ELSE = Article("else", date(2024, 3, 5), "Police detained ten people elsewhere on Tuesday.")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path: Path = tmp_path_factory.mktemp("mentions") / "store.duckdb"
    with open_store(path) as writing:
        writing.add([
            CodedArticle(TODAY, events=[
                event(TODAY, 0, "ASSAULT", date="2024-03-01", location=KYIV, size=Size((0, 4), dead=4),
                      confidence=0.9),
                event(TODAY, 1, "ASSAULT", date="2014-01-01", location=KYIV, size=Size((0, 4), dead=10000),
                      historical=True, confidence=0.9),
            ]),
            CodedArticle(LATER, events=[
                event(LATER, 0, "ASSAULT", date="2024-03-01", location=KYIV, confidence=0.8)]),
            CodedArticle(ELSE, events=[
                event(ELSE, 0, "COERCE", date="2024-03-05", size=Size((0, 4), arrested=10), confidence=0.7)]),
        ])
        writing.put_stories([
            Story("st-now", "ASSAULT", date="2024-03-01", location=KYIV, size=Size((0, 4), dead=4),
                  mentions=["ev-today-0", "ev-later-0"], sources=["today", "later"], articles=2),
            Story("st-war", "ASSAULT", date="2014-01-01", location=KYIV, size=Size((0, 4), dead=10000),
                  mentions=["ev-today-1"], sources=["today"], articles=1),
            Story("st-else", "COERCE", date="2024-03-05", size=Size((0, 4), arrested=10),
                  mentions=["ev-else-0"], sources=["else"], articles=1),
        ])
        writing.put_threads([Thread("th-kyiv", "Shelling of Kyiv", "2024-03-02", "2024-03-03", articles=2),
                             Thread("th-else", "Detentions", "2024-03-05", "2024-03-05", articles=1)],
                            {}, {"today": "th-kyiv", "later": "th-kyiv", "else": "th-else"})
    opened = open_store(path, read_only=True)
    yield opened
    opened.close()


def ids(frame) -> set[str]:
    return set(frame["id"])


def run(store: Store, sql: tuple[str, list]) -> list[tuple]:
    with store.reader() as cursor:
        return cursor.execute(*sql).fetchall()


def test_historical_references_are_left_out_unless_asked_for(store: Store):
    assert ids(store.query_events()) == {"ev-today-0", "ev-later-0", "ev-else-0"}
    assert "ev-today-1" in ids(store.query_events(include_historical=True))
    assert ids(store.query_stories()) == {"st-now", "st-else"}
    assert ids(store.query_stories(include_historical=True)) == {"st-now", "st-war", "st-else"}


def test_totals_map_and_timeline_count_what_happened_in_the_window(store: Store):
    assert run(store, totals_sql(Filters())) == [(3, 2, 4, 0, 10)]  # events, stories, dead, injured, arrested
    assert run(store, totals_sql(Filters(include_historical=True))) == [(4, 3, 10004, 0, 10)]
    assert {r[0] for r in run(store, map_sql(Filters()))} == {"st-now"}
    years = {r[0].year for r in run(store, timeline_sql(Filters(), "year"))}
    assert years == {2024} and 2014 in {r[0].year for r in run(store, timeline_sql(
        Filters(include_historical=True), "year"))}


def test_thread_keeps_its_articles_events_and_their_stories(store: Store):
    assert ids(store.query_events(thread="th-kyiv")) == {"ev-today-0", "ev-later-0"}
    assert ids(store.query_stories(thread="th-kyiv")) == {"st-now"}
    assert ids(store.query_stories(thread="th-kyiv", include_historical=True)) == {"st-now", "st-war"}
    assert store.query_events(thread="th-none").empty
    assert run(store, totals_sql(Filters(thread="th-else"))) == [(1, 1, 0, 0, 10)]


def test_event_threads_lists_the_threads_of_the_filtered_events(store: Store):
    listed = run(store, event_threads_sql(Filters()))
    assert [(r[0], r[-1]) for r in listed] == [("th-else", 1), ("th-kyiv", 2)]  # latest first, events each
    assert [r[0] for r in run(store, event_threads_sql(Filters(event_type="ASSAULT")))] == ["th-kyiv"]


def test_dedup_still_sees_stories_of_historical_references(store: Store):
    assert {s.id for s in store.candidate_stories(["ASSAULT"])} == {"st-now", "st-war"}
