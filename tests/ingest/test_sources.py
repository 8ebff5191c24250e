import io
import json
import os
from datetime import date
from pathlib import Path

import pytest

from newsevents.errors import (
    BadJSONError,
    BinaryInputError,
    EmptyArticleError,
    MissingInputError,
)
from newsevents.ingest import read_articles
from newsevents.ingest.text import parse_dated_text
from newsevents.records import Article


@pytest.mark.parametrize(
    "raw",
    [
        " date 2023-05-30 Police arrested five men.",
        "date 2023-05-30\nPolice arrested five men.",
        "\n  DATE 2023-05-30   Police arrested five men.\n",
    ],
)
def test_text_header_split_from_body(raw):
    article = parse_dated_text(raw, article_id="a")
    assert article.date == date(2023, 5, 30)
    assert article.text == "Police arrested five men."


def test_text_without_header_keeps_body_and_no_date():
    article = parse_dated_text("Police arrested five men.", article_id="a")
    assert article.date is None and article.text.startswith("Police")


def test_text_header_only_is_empty_article():
    with pytest.raises(EmptyArticleError, match="E004"):
        parse_dated_text(" date 2023-05-30   \n", article_id="a")


def _split(items):
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if not isinstance(i, Article)]
    return articles, errors


def test_jsonl_bad_line_reported_others_kept(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = {"id": "x1", "date": "2024-01-02T10:00:00Z", "text": "Troops withdrew.", "title": "T"}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "x2", "text": ""}) + "\n")
    articles, errors = _split(list(read_articles([str(path)])))
    assert [a.id for a in articles] == ["x1"]
    assert articles[0].date == date(2024, 1, 2) and articles[0].title == "T"
    assert isinstance(errors[0], BadJSONError) and "feed.jsonl:2" in str(errors[0])
    assert isinstance(errors[1], EmptyArticleError) and "x2" in str(errors[1])


def test_missing_and_binary_files_are_errors_not_crashes(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x00\x00\x01")
    good = tmp_path / "ok.txt"
    good.write_text(" date 2020-01-01 Rebels attacked a convoy.")
    articles, errors = _split(
        list(read_articles([str(tmp_path / "nope.txt"), str(binary), str(good)]))
    )
    assert [a.id for a in articles] == ["ok"]
    assert isinstance(errors[0], MissingInputError)
    assert isinstance(errors[1], BinaryInputError)


def test_directory_reads_text_and_jsonl_in_order(tmp_path):
    (tmp_path / "b.txt").write_text(" date 2020-01-01 Rebels attacked a convoy.")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "j", "text": "Police fired."}) + "\n")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden.txt").write_text("ignored")
    articles, errors = _split(list(read_articles([str(tmp_path)])))
    assert [a.id for a in articles] == ["j", "b"] and not errors


def test_stdin_text_and_jsonl():
    articles, _ = _split(list(read_articles(["-"], stdin=io.StringIO(" date 2021-03-04 Hi."))))
    assert articles[0].date == date(2021, 3, 4) and articles[0].id == "stdin"
    line = json.dumps({"id": "s", "date": "2021-03-04", "text": "Hello."})
    articles, _ = _split(list(read_articles(["-"], stdin=io.StringIO(line))))
    assert articles[0].id == "s"


def test_jsonl_strings_may_hold_line_separators_and_next_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    texts = ["Troops withdrew.\u2028Talks resumed.", "Police fired.\x85 Crowds fled.\u2029"]
    path.write_text("".join(json.dumps({"id": f"x{i}", "text": t}, ensure_ascii=False) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    articles, errors = _split(list(read_articles([str(path)])))
    assert [a.text for a in articles] == texts and not errors


def test_jsonl_lone_surrogates_become_replacement_characters_at_the_same_offsets(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a\\udfff", "text": "Police \\ud800 fired.", "title": "\\ud83d"}\n')
    articles, errors = _split(list(read_articles([str(path)])))
    found = articles[0]
    assert (found.id, found.text, found.title) == ("a\ufffd", "Police \ufffd fired.", "\ufffd")
    assert not errors


def test_jsonl_nested_too_deeply_is_one_error_and_the_next_line_is_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("[" * 100_000 + "\n" + json.dumps({"id": "ok", "text": "Police fired."}) + "\n")
    articles, errors = _split(list(read_articles([str(path)])))
    assert [a.id for a in articles] == ["ok"]
    assert str(errors[0]) == f"E003 {path}:1: not an article (JSON nested too deeply)"


def test_stdin_bytes_that_are_not_utf8_are_one_error():
    stdin = io.TextIOWrapper(io.BytesIO(b" date 2021-03-04 Police \xff\xfe fired."), encoding="utf-8")
    articles, errors = _split(list(read_articles(["-"], stdin=stdin)))
    assert not articles and str(errors[0]) == "E002 <stdin>: not a UTF-8 text file"


def test_devices_and_fifos_are_refused_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # no writer: opening it to read would wait forever
    inputs = [str(fifo)] + (["/dev/zero"] if Path("/dev/zero").exists() else [])
    articles, errors = _split(list(read_articles(inputs)))
    assert not articles and len(errors) == len(inputs)
    assert all(isinstance(e, BinaryInputError) and "not a regular file" in str(e) for e in errors)


def test_directory_follows_links_and_reports_loops_and_dangling_links(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(" date 2020-01-01 Rebels attacked a convoy.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "link").symlink_to(tmp_path / "real")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path / "sub")
    (tmp_path / "sub" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    articles, errors = _split(list(read_articles([str(tmp_path)])))
    assert [a.id for a in articles] == ["a", "a"]  # real/a.txt and sub/link/a.txt
    assert [str(e) for e in errors] == [
        f"E001 {tmp_path / 'sub' / 'gone.txt'}: a link to nothing",
        f"E001 {tmp_path / 'sub' / 'loop'}: a link to a directory above it (a loop); not read again",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_directory_that_cannot_be_listed_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("Rebels attacked a convoy.")
    locked.chmod(0)
    try:
        _, errors = _split(list(read_articles([str(tmp_path)])))
    finally:
        locked.chmod(0o700)
    assert [type(e) for e in errors] == [MissingInputError] and "cannot read the directory" in str(errors[0])
