import io
import json
from datetime import date

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
