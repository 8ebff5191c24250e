import os
from datetime import date, datetime

import pytest
from feedserver import STORIES, Route, page_html, serving

from newsevents.errors import EmptyArticleError, MissingInputError
from newsevents.ingest import read_articles
from newsevents.ingest.pages import article_from_html, looks_like_html, url_article_id
from newsevents.records import Article

STORY = STORIES[0]


def test_page_gives_title_date_text_and_source_without_boilerplate():
    url = "https://courier.example/news/harbour-arrests"
    article = article_from_html(page_html(STORY), url=url)
    assert article.title == STORY["title"]
    assert article.date == date(2024, 3, 5)
    assert article.text == "\n\n".join(STORY["paragraphs"])  # no menu, byline, aside, footer
    assert article.url == url and article.source == "The Velna Courier"
    assert article.id == url_article_id(url) and article.id.startswith("web-")


def test_page_date_falls_back_to_feed_date_then_fetch_date_never_the_copyright_year():
    undated = page_html(STORY, with_date=False)
    fallback = article_from_html(undated, url="https://c.example/a", published=date(2024, 3, 4),
                                 fetched_on=date(2024, 3, 9))
    assert fallback.date == date(2024, 3, 4)
    fetched = article_from_html(undated, url="https://c.example/a", fetched_on=date(2024, 3, 9))
    assert fetched.date == date(2024, 3, 9)


def test_url_ids_are_stable_and_ignore_fragment_and_case_of_host():
    assert url_article_id("HTTPS://Courier.Example/a#top") == url_article_id("https://courier.example/a")
    assert url_article_id("https://courier.example/a?id=1") != url_article_id("https://courier.example/a?id=2")


@pytest.mark.parametrize("html", [b"", b"<html><body><nav>Home | World</nav></body></html>",
                                  b"\x00\x01 binary"])
def test_page_without_text_is_an_input_error(html):
    with pytest.raises(EmptyArticleError, match=r"^E004 https://c\.example/a: .*page"):
        article_from_html(html, url="https://c.example/a")


def test_saved_html_file_is_read_as_a_page_without_a_server(tmp_path):
    saved = tmp_path / "harbour.html"
    saved.write_bytes(page_html(STORY, with_date=False))
    day = datetime(2024, 3, 8, 12).timestamp()
    os.utime(saved, (day, day))
    (tmp_path / "empty.htm").write_text("<html><body></body></html>")
    items = list(read_articles([str(tmp_path)]))  # a directory holds pages too
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if not isinstance(i, Article)]
    assert [a.id for a in articles] == ["harbour"]  # no URL of its own: the file's name
    assert articles[0].date == date(2024, 3, 8)  # no date in the page: the day it was saved
    assert articles[0].title == STORY["title"]
    assert len(errors) == 1 and "E004" in str(errors[0]) and "empty" in str(errors[0])


def test_page_url_input_is_fetched_and_a_dead_one_reported():
    with serving() as site:
        site.routes["/news/a"] = Route(page_html(STORY))
        site.routes["/broken"] = Route(b"no", status=500)
        items = list(read_articles([site.url("/news/a"), site.url("/broken")]))
    assert isinstance(items[0], Article) and items[0].id == url_article_id(site.url("/news/a"))
    assert isinstance(items[1], MissingInputError) and "HTTP 500" in str(items[1])


def test_html_sniffing_of_many_empty_comments_answers_at_once():
    comments = b"<!---->" * 40  # backtracking once made this take hours
    assert not looks_like_html(comments)
    assert looks_like_html(comments + b"\n<!-- a --->\n<!doctype html><p>x")
