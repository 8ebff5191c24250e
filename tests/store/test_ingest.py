"""Ingest: idempotent, one article whole or rejected, and whole articles after a kill -9."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from builders import make_coded, story

from newsevents.dedup import thread_id
from newsevents.records import CodedArticle, Size
from newsevents.store import IngestReport, Store, content_hash, open_store


@pytest.fixture()
def store(tmp_path: Path):
    with open_store(tmp_path / "test.duckdb") as opened:
        yield opened


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


# -- kill -9 ----------------------------------------------------------------------------------

TOTAL, BATCH, HOLD_AFTER = 400, 7, 5  # the child stalls inside its 6th transaction

CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {tests!r})  # the store tests' builders
from builders import make_coded
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
report = ingest_coded((make_coded(i) for i in range(total)), store, batch_size=batch,
                      on_batch=committed)
store.close()
print(json.dumps({{"added": len(report.added), "skipped": len(report.skipped)}}))
"""


def run_child(db: Path, progress: Path, *, hold: int) -> subprocess.Popen:
    code = CHILD.format(tests=str(Path(__file__).resolve().parent))
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


def kill_9_when(path: Path, child: subprocess.Popen) -> None:
    """Kill the child with SIGKILL once it has written ``path`` (it then stalls mid-transaction)."""
    try:
        wait_for(path, child)
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()


def test_kill_9_mid_batch_leaves_only_whole_articles_and_rerun_completes(tmp_path: Path):
    db, progress = tmp_path / "crash.duckdb", tmp_path / "progress.json"
    child = run_child(db, progress, hold=HOLD_AFTER)
    kill_9_when(progress.with_suffix(".inside"), child)  # stalled inside an open transaction
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
    their batch), thread rows missing for an article's thread, threads whose article count is
    not their members', and blocking words of threads that are gone (a move half done)."""
    with open_store(db, read_only=True) as reopened:
        return int(reopened.sql(
            "SELECT (SELECT count(*) FROM events WHERE story_id IS NULL) "
            "+ (SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_threads)) "
            "+ (SELECT count(*) FROM article_threads WHERE thread_id NOT IN (SELECT id FROM threads)) "
            "+ (SELECT count(*) FROM threads t WHERE t.n_articles <> "
            "(SELECT count(*) FROM article_threads m WHERE m.thread_id = t.id)) "
            "+ (SELECT count(*) FROM thread_terms WHERE thread_id NOT IN (SELECT id FROM threads)) AS n"
        )["n"][0])


MOVE_CHILD = """
import dataclasses, sys, time
from pathlib import Path
sys.path.insert(0, {tests!r})  # the store tests' builders
from builders import moving_coded
import newsevents.dedup.threads as threads
from newsevents.pipeline import ingest_coded
from newsevents.store import Store, open_store
strict = dataclasses.replace(threads.load_settings(), threshold=0.6, sure=0.99, move_threshold=0.52)
threads.load_settings = lambda path=None: strict  # the short report starts a thread of its own
db, inside, hold = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "hold"
if hold:
    put = Store.put_threads
    def stalling_put(self, found, states, members, moved=None):
        put(self, found, states, members, moved)
        if moved:
            inside.write_text("thread moved, batch not committed")
            time.sleep(600)
    Store.put_threads = stalling_put
with open_store(db) as store:
    ingest_coded(moving_coded(), store, batch_size=1)
"""


def test_kill_9_while_a_thread_moves_leaves_it_unmoved_and_rerun_moves_it(tmp_path: Path):
    db, inside = tmp_path / "move.duckdb", tmp_path / "inside"
    code = MOVE_CHILD.format(tests=str(Path(__file__).resolve().parent))
    child = subprocess.Popen([sys.executable, "-c", code, str(db), str(inside), "hold"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    kill_9_when(inside, child)
    with open_store(db, read_only=True) as reopened:
        before = dict(reopened.sql("SELECT article_id, thread_id FROM article_threads").itertuples(False))
    assert "again" not in before and before["vigil"] == thread_id("vigil") != before["quake"]
    assert reopened_unstoried(db) == 0

    rerun = subprocess.run([sys.executable, "-c", code, str(db), str(inside), "go"], capture_output=True,
                           text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(db, read_only=True) as final:
        after = dict(final.sql("SELECT article_id, thread_id FROM article_threads").itertuples(False))
        rows = final.sql("SELECT id, n_articles FROM threads")
        states = final.sql("SELECT state FROM story_state")
    assert after["quake"] == after["vigil"] == after["again"] == thread_id("quake")  # the older id
    assert dict(rows.itertuples(index=False))[thread_id("quake")] == 3
    assert thread_id("vigil") not in set(rows["id"])
    assert not any(thread_id("vigil") in state for state in states["state"])  # stories name the new thread
    assert reopened_unstoried(db) == 0


def test_ingest_report_summary():
    assert IngestReport(added=["a"], skipped=["b", "c"], events=4).summary() == (
        "1 articles added (4 events, 0 quotes), 2 already stored, 0 rejected")


# -- stories across batches -------------------------------------------------------------------


def test_a_later_batch_joins_the_undated_story_of_its_thread_under_a_related_type(store: Store):
    from builders import event

    from newsevents.pipeline import ingest_coded
    from newsevents.records import Article

    text = "Police stormed the opposition headquarters in Lagos and beat the party's leaders. "
    first = Article("first", None, text * 3)
    later = Article("later", None, "On Monday " + text * 3)  # dated by its text, not by publication
    ingest_coded([
        CodedArticle(first, events=[event(first, 0, "ASSAULT", confidence=0.9)]),
        CodedArticle(later, events=[event(later, 0, "COERCE", date="2023-05-29", date_precision="day",
                                          date_text="On Monday", confidence=0.9)]),
    ], store, batch_size=1)
    threads = store.sql("SELECT DISTINCT thread_id FROM article_threads")
    assert len(threads) == 1
    assert store.counts()["stories"] == 1
