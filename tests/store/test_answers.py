"""Answers kept in memory (``Store.fetch``): served again until a write, never after one."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from builders import event

from newsevents.records import Article, CodedArticle
from newsevents.store import Store, open_store
from newsevents.store.answers import Answers, key

COUNT = "SELECT count(*) AS n FROM events WHERE event_type = ?"


def coded(article_id: str, kind: str, n: int) -> CodedArticle:
    text = f"Crowds gathered in the square, report {article_id}. " * 2
    article = Article(article_id, date(2024, 2, 1), text)
    return CodedArticle(article, events=[event(article, i, kind) for i in range(n)])


@pytest.fixture()
def store(tmp_path: Path):
    with open_store(tmp_path / "answers.duckdb") as opened:
        opened.add([coded("first", "PROTEST", 3)])
        yield opened


def fetch(store: Store, query: str, params: list) -> tuple[list[str], list[tuple]]:
    with store.reader() as cursor:
        return store.fetch(cursor, query, params)


def test_a_repeated_read_is_the_same_answer_from_memory(store: Store):
    first = fetch(store, COUNT, ["PROTEST"])
    assert first == (["n"], [(3,)])
    assert fetch(store, COUNT, ["PROTEST"]) is first
    assert fetch(store, COUNT, ["AID"]) == (["n"], [(0,)])


@pytest.mark.parametrize("write", [
    lambda s: s.add([coded("second", "PROTEST", 2)]),
    lambda s: s.sql("DELETE FROM events WHERE id IN (SELECT id FROM events LIMIT 1)"),
])
def test_a_write_forgets_every_answer(store: Store, write):
    before = fetch(store, COUNT, ["PROTEST"])[1][0][0]
    write(store)
    after = fetch(store, COUNT, ["PROTEST"])[1][0][0]
    assert after != before
    assert after == store.sql("SELECT count(*) AS n FROM events WHERE event_type = 'PROTEST'")["n"][0]


def test_a_failed_write_keeps_the_answers(store: Store):
    answer = fetch(store, COUNT, ["PROTEST"])
    with pytest.raises(RuntimeError), store.transaction():
        raise RuntimeError("rolled back")
    assert fetch(store, COUNT, ["PROTEST"]) is answer


def test_a_read_only_store_answers_from_memory(tmp_path: Path):
    path = tmp_path / "ro.duckdb"
    with open_store(path) as writer:
        writer.add([coded("first", "PROTEST", 3)])
    with open_store(path, read_only=True) as reader:
        answer = fetch(reader, COUNT, ["PROTEST"])
        assert fetch(reader, COUNT, ["PROTEST"]) is answer and answer[1] == [(3,)]


def test_an_answer_started_before_a_write_is_not_kept():
    answers = Answers()
    started = answers.generation
    answers.invalidate()  # a commit while the query ran
    answers.put(started, key(COUNT, ["PROTEST"]), (["n"], [(3,)]))
    assert answers.get(answers.generation, key(COUNT, ["PROTEST"])) is None and len(answers) == 0


def test_the_least_recently_used_go_first_when_rows_run_out():
    answers = Answers(max_rows=5)
    rows = [(i,) for i in range(2)]
    for name in ("a", "b"):
        answers.put(0, key(name, []), (["x"], rows))
    answers.get(0, key("a", []))  # "a" is now the most recent
    answers.put(0, key("c", []), (["x"], rows))
    assert answers.get(0, key("b", [])) is None
    assert answers.get(0, key("a", [])) is not None and answers.get(0, key("c", [])) is not None
    answers.put(0, key("big", []), (["x"], [(i,) for i in range(6)]))
    assert answers.get(0, key("big", [])) is None


def test_list_parameters_are_keys():
    assert key(COUNT, [["PROTEST", "AID"], 3]) == key(COUNT, [("PROTEST", "AID"), 3])
    assert key(COUNT, [["PROTEST"]]) != key(COUNT, [["AID"]])


def test_one_thread_computes_what_others_ask_at_the_same_time(store: Store):
    wanted = key(COUNT, ["PROTEST"])
    results: list = []

    def ask() -> None:
        results.append(fetch(store, COUNT, ["PROTEST"]))

    with store._answers.computing(wanted):  # as if a first request were running the query
        waiting = [threading.Thread(target=ask) for _ in range(3)]
        for t in waiting:
            t.start()
        computed = (["n"], [(3,)])
        store._answers.put(store._answers.generation, wanted, computed)
    for t in waiting:
        t.join(timeout=10)
    assert len(results) == 3 and all(r is computed for r in results)  # none ran it again
