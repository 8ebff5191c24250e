"""The store: idempotent ingest, filters, stories, and whole articles after a kill -9."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from builders import KYIV, LAGOS, event

from newsevents.errors import StoreError
from newsevents.pipeline import ingest_coded
from newsevents.records import (
    Actor,
    Article,
    CodedArticle,
    Quote,
    Size,
    Story,
)
from newsevents.store import SCHEMA_VERSION, IngestReport, Store, content_hash, open_store


def make_coded(i: int) -> CodedArticle:
    """Article ``i`` with ``i % 4`` events and ``i % 3`` quotes: the crash test's generator."""
    article = Article(id=f"gen-{i}", date=date(2023, 1, 1 + i % 28), title=f"Report {i}",
                      text=f"Article number {i}. " + "Police arrested protesters in Lagos. " * 5)
    events = [event(article, n, "COERCE", confidence=0.6) for n in range(i % 4)]
    quotes = [Quote(id=f"q-{i}-{n}", article_id=article.id, speaker=None, text="x", span=(0, 1))
              for n in range(i % 3)]
    return CodedArticle(article, events=events, quotes=quotes)


@pytest.fixture()
def store(tmp_path: Path):
    with open_store(tmp_path / "test.duckdb") as opened:
        yield opened


@pytest.fixture()
def filled(store: Store) -> Store:
    lagos = Article("lagos", date(2023, 5, 30), "Police in Lagos arrested five protesters on Monday.",
                    title="Arrests in Lagos", source="wire")
    kyiv = Article("kyiv", date(2022, 3, 1), "Kyiv was shelled by Russian forces; Ukraine asked for aid.")
    store.add([
        CodedArticle(lagos, events=[
            event(lagos, 0, "COERCE", date="2023-05-29", date_precision="day", location=LAGOS,
                  actor=[Actor("Police", (0, 6), country="NGA", sector="COP")],
                  recipient=[Actor("protesters", (30, 40), country="NGA", sector="CVL")],
                  size=Size((25, 29), arrested=5), confidence=0.8),
        ]),
        CodedArticle(kyiv, events=[
            event(kyiv, 0, "ASSAULT", date="2022-02-28", date_precision="day", location=KYIV,
                  actor=[Actor("Russian forces", (20, 34), country="RUS", sector="MIL")],
                  recipient=[Actor("Kyiv", (0, 4), country="UKR", sector="CVL")], confidence=0.9),
            event(kyiv, 1, "REQUEST", date="2022-03-01", date_precision="day",
                  actor=[Actor("Ukraine", (36, 43), country="UKR", sector="GOV")], confidence=0.4),
        ]),
    ])
    return store


def ids(frame) -> set[str]:
    return set(frame["id"])


# -- idempotent ingest ------------------------------------------------------------------------


def test_add_twice_adds_nothing(store: Store):
    coded = [make_coded(i) for i in range(10)]
    first = store.add(coded, batch_size=3)
    assert len(first.added) == 10 and first.events == sum(i % 4 for i in range(10))
    second = store.add(coded, batch_size=3)
    assert second.added == [] and second.skipped == [c.article.id for c in coded]
    assert store.counts()["events"] == first.events
    assert store.counts()["quotes"] == first.quotes


def test_same_content_under_another_id_is_skipped(store: Store):
    original = make_coded(5)
    store.add([original])
    copy = make_coded(5)
    copy.article.id = "another-id"
    for record in (*copy.events, *copy.quotes):
        record.article_id = "another-id"
    report = store.add([copy])
    assert report.skipped == ["another-id"] and store.counts()["articles"] == 1
    assert store.known([content_hash(copy.article)]) == {content_hash(original.article)}


def test_duplicates_within_one_input_are_stored_once(store: Store):
    report = store.add([make_coded(1), make_coded(1), make_coded(2)], batch_size=10)
    assert report.added == ["gen-1", "gen-2"] and report.skipped == ["gen-1"]


def test_known_and_new_articles_skip_before_parsing(store: Store):
    store.add([make_coded(i) for i in range(3)])
    assert store.known(["gen-0", "gen-9", content_hash(make_coded(2).article)]) == {
        "gen-0", content_hash(make_coded(2).article)}
    fresh = [make_coded(i).article for i in range(5)]
    assert [a.id for a in store.new_articles(fresh, chunk=2)] == ["gen-3", "gen-4"]


def test_an_article_with_repeated_event_ids_is_rejected_and_others_go_on(store: Store):
    bad = make_coded(3)
    bad.events.append(bad.events[0])
    report = store.add([bad, make_coded(4)])
    assert report.rejected == [("gen-3", "two events share an id")] and report.added == ["gen-4"]


def test_an_article_with_an_impossible_count_is_rejected_and_others_go_on(store: Store):
    bad = make_coded(1)
    bad.events[0].size = Size((0, 4), dead=3677588371428)
    report = store.add([bad, make_coded(2)])
    assert report.added == ["gen-2"] and report.rejected[0][0] == "gen-1"
    assert "count" in report.rejected[0][1]


def test_on_batch_sees_each_commit(store: Store):
    seen: list[int] = []
    store.add([make_coded(i) for i in range(7)], batch_size=3,
              on_batch=lambda r: seen.append(len(r.added)))
    assert seen == [3, 6, 7]


def test_records_round_trip_as_json(filled: Store):
    frame = filled.query_events(event_type="COERCE", with_record=True)
    record = json.loads(frame["record"][0])
    assert record["size"]["arrested"] == 5 and record["actor"][0]["span"] == [0, 6]


# -- queries ----------------------------------------------------------------------------------


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


def test_a_version_1_store_is_upgraded_on_opening_for_writes(filled: Store):
    filled.sql("DELETE FROM article_terms")
    filled.sql("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    path = filled.path
    filled.close()
    with pytest.raises(StoreError, match="schema version 1"):
        open_store(path, read_only=True)
    with open_store(path) as upgraded:
        assert ids(upgraded.query_events(text="shelled")) == {"ev-kyiv-0", "ev-kyiv-1"}
    with open_store(path, read_only=True) as reader:
        assert reader.sql("SELECT value FROM meta WHERE key = 'schema_version'")["value"][0] == SCHEMA_VERSION


def test_a_version_2_store_gets_threads_for_its_articles_on_the_next_ingest(filled: Store):
    filled.sql("DROP TABLE article_threads")
    filled.sql("DROP TABLE threads")
    filled.sql("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    path = filled.path
    filled.close()
    with pytest.raises(StoreError, match="schema version 2"):
        open_store(path, read_only=True)
    with open_store(path) as upgraded:
        assert upgraded.counts()["threads"] == 0
        ingest_coded([make_coded(1)], upgraded)
        threaded = upgraded.sql("SELECT article_id FROM article_threads")
        assert sorted(threaded["article_id"]) == ["gen-1", "kyiv", "lagos"]
        assert upgraded.counts()["threads"] >= 2  # Lagos arrests and Kyiv shelling are apart


def test_filter_values_are_parameters_not_sql(filled: Store):
    assert filled.query_events(actor_country="x' OR 1=1 --").empty
    assert filled.query_events(text="'); DROP TABLE events; --").empty
    assert filled.counts()["events"] == 3


# -- stories ----------------------------------------------------------------------------------


def story(story_id: str, mentions: list[str], **fields) -> Story:
    return Story(id=story_id, event_type=fields.pop("event_type", "ASSAULT"), mentions=mentions,
                 articles=len(mentions), **fields)


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


def test_drop_stories_unlinks_mentions_and_forgets_state(filled: Store):
    filled.put_stories([story("st-1", ["ev-kyiv-0"])], {"st-1": {"terms": ["kyiv"]}})
    assert filled.story_states(["st-1", "st-9"]) == {"st-1": {"terms": ["kyiv"]}}
    assert filled.drop_stories(["st-1"]) == 1
    assert filled.query_events()["story_id"].isna().all() and filled.counts()["stories"] == 0
    assert filled.story_states(["st-1"]) == {}


def test_term_frequencies_accumulate(store: Store):
    assert store.term_df(["kyiv"]) == (0, {})
    store.add_term_df(2, {"kyiv": 2, "shelled": 1})
    store.add_term_df(1, {"kyiv": 1, "aid": 1})
    assert store.term_df(["kyiv", "shelled", "lagos"]) == (3, {"kyiv": 3, "shelled": 1})


def test_what_on_stored_writes_commits_or_rolls_back_with_its_batch(store: Store):
    def link(added: list[CodedArticle]) -> None:
        store.put_stories([story("st-" + e.id, [e.id]) for c in added for e in c.events])

    store.add([make_coded(1), make_coded(2)], on_stored=link)
    assert store.counts()["stories"] == 3 and not store.query_events()["story_id"].isna().any()

    def fail(added: list[CodedArticle]) -> None:
        link(added)
        raise RuntimeError("dedup crashed")

    with pytest.raises(RuntimeError):
        store.add([make_coded(3)], on_stored=fail)
    assert store.counts() == {"articles": 2, "events": 3, "quotes": 3, "stories": 3, "threads": 0}


# -- opening ----------------------------------------------------------------------------------


def test_a_new_store_gets_its_folder(tmp_path: Path):
    with open_store(tmp_path / "not" / "yet" / "events.duckdb") as created:
        assert created.counts()["articles"] == 0


def test_default_path_comes_from_the_environment(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_DB", str(tmp_path / "env.duckdb"))
    with open_store() as opened:
        assert opened.path == tmp_path / "env.duckdb"
    assert (tmp_path / "env.duckdb").exists()


def test_reopen_keeps_data_and_read_only_refuses_writes(tmp_path: Path):
    path = tmp_path / "db.duckdb"
    with open_store(path) as opened:
        opened.add([make_coded(1)])
    with open_store(path, read_only=True) as reader:
        assert reader.counts()["articles"] == 1
        with pytest.raises(StoreError, match="E020"):
            reader.add([make_coded(2)])


# -- kill -9 ----------------------------------------------------------------------------------

TOTAL, BATCH, HOLD_AFTER = 400, 7, 5  # the child stalls inside its 6th transaction

CHILD = """
import json, sys, time, importlib.util
from pathlib import Path
sys.path.insert(0, str(Path({test!r}).parent))  # the test module imports its builders
spec = importlib.util.spec_from_file_location("store_test", {test!r})
module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
from newsevents.store import Store, open_store
db, progress, total, batch, hold = sys.argv[1], Path(sys.argv[2]), *map(int, sys.argv[3:6])
commits = 0
if hold >= 0:
    insert = Store._insert
    def stalling_insert(self, table, rows, layout):
        insert(self, table, rows, layout)
        if table == "articles" and rows and commits >= hold:
            progress.with_suffix(".inside").write_text("articles written, events not yet")
            time.sleep(600)
    Store._insert = stalling_insert
from newsevents.pipeline import ingest_coded
handled = 0
def committed(n):
    global commits, handled
    commits += 1
    handled += n
    tmp = progress.with_suffix(".tmp")
    tmp.write_text(json.dumps({{"added": handled, "commits": commits}}))
    tmp.replace(progress)
store = open_store(db)
# the product's ingest: threads and stories written in each batch's transaction
report = ingest_coded((module.make_coded(i) for i in range(total)), store, batch_size=batch,
                      on_batch=committed)
store.close()
print(json.dumps({{"added": len(report.added), "skipped": len(report.skipped)}}))
"""


def run_child(db: Path, progress: Path, *, hold: int) -> subprocess.Popen:
    code = CHILD.format(test=str(Path(__file__).resolve()))
    args = [sys.executable, "-c", code, str(db), str(progress), str(TOTAL), str(BATCH), str(hold)]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(path: Path, child: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if child.poll() is not None:
            raise AssertionError(f"child ended early: {child.communicate()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"no {path.name} after {timeout} s")
        time.sleep(0.02)


def test_kill_9_mid_batch_leaves_only_whole_articles_and_rerun_completes(tmp_path: Path):
    db, progress = tmp_path / "crash.duckdb", tmp_path / "progress.json"
    child = run_child(db, progress, hold=HOLD_AFTER)
    try:
        wait_for(progress.with_suffix(".inside"), child)  # stalled inside an open transaction
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()
    committed = json.loads(progress.read_text())
    assert committed["commits"] == HOLD_AFTER

    expected = {c.article.id: (len(c.events), len(c.quotes)) for c in map(make_coded, range(TOTAL))}
    with open_store(db) as reopened:
        stored = reopened.sql(
            "SELECT a.id, a.n_events, a.n_quotes, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events, "
            "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes FROM articles a"
        )
        orphans = reopened.sql(
            "SELECT count(*) AS n FROM events WHERE article_id NOT IN (SELECT id FROM articles)"
        )
    assert len(stored) == committed["added"] == HOLD_AFTER * BATCH  # the open batch left nothing
    for row in stored.itertuples():
        assert (row.events, row.quotes) == (row.n_events, row.n_quotes) == expected[row.id]
    assert int(orphans["n"][0]) == 0
    assert reopened_unstoried(db) == 0

    rerun = run_child(db, tmp_path / "rerun.json", hold=-1)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    summary = json.loads(out)
    assert summary == {"added": TOTAL - len(stored), "skipped": len(stored)}
    with open_store(db) as final:
        per_article = final.sql("SELECT article_id, count(*) AS n FROM events GROUP BY article_id")
        articles = final.sql("SELECT id FROM articles")
        counts = final.counts()
    assert sorted(articles["id"]) == sorted(expected) and len(articles) == TOTAL
    assert counts["events"] == sum(e for e, _ in expected.values())
    assert counts["quotes"] == sum(q for _, q in expected.values())
    assert counts["stories"] and reopened_unstoried(db) == 0
    assert all(n == expected[a][0] for a, n in zip(per_article["article_id"], per_article["n"], strict=True))


def reopened_unstoried(db: Path) -> int:
    """Events or articles the crash left without their story or thread (both commit with
    their batch), and thread rows missing for an article's thread."""
    with open_store(db, read_only=True) as reopened:
        return int(reopened.sql(
            "SELECT (SELECT count(*) FROM events WHERE story_id IS NULL) "
            "+ (SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_threads)) "
            "+ (SELECT count(*) FROM article_threads WHERE thread_id NOT IN (SELECT id FROM threads)) AS n"
        )["n"][0])


def test_ingest_report_summary():
    assert IngestReport(added=["a"], skipped=["b", "c"], events=4).summary() == (
        "1 articles added (4 events, 0 quotes), 2 already stored, 0 rejected")
