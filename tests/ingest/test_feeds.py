from datetime import date

import pytest
from feedserver import STORIES, Route, atom, page_html, publish, rss, serving

from newsevents.errors import BadFeedError, EmptyArticleError, FetchError, MissingInputError
from newsevents.ingest.feeds import MIN_ENTRY_WORDS, feed_articles, fetch_feed, parse_feed
from newsevents.ingest.pages import url_article_id
from newsevents.records import Article


def test_rss_entries_have_link_key_date_and_text_without_html():
    feed = parse_feed(rss("http://c.example", STORIES, summaries=True), url="http://c.example/feed.xml")
    assert feed.title == "The Velna Courier"
    assert [e.key for e in feed.entries] == [f"http://c.example/news/{s['slug']}" for s in STORIES]
    first = feed.entries[0]
    assert first.published == date(2024, 3, 5) and first.title == STORIES[0]["title"]
    assert first.text.startswith("Police in Lagos arrested") and "<" not in first.text
    assert first.article_id == url_article_id(first.key)


def test_atom_entries_resolve_relative_links_and_read_content():
    body = atom("", STORIES[:1])  # base "": the entry's link is relative, /hill/...
    feed = parse_feed(body, url="http://hill.example/atom.xml")
    entry = feed.entries[0]
    assert entry.link == "http://hill.example/hill/harbour-arrests"
    assert entry.published == date(2024, 3, 5)
    assert entry.text == "\n\n".join(STORIES[0]["paragraphs"])  # content, one paragraph a block


@pytest.mark.parametrize("body", [b"this is not xml <<<", b"<rss><channel><item><title>Broken",
                                  b"", b"{\"json\": true}"])
def test_malformed_feed_is_one_line_bad_feed_error(body):
    with pytest.raises(BadFeedError, match=r"^E006 http://c\.example/f: not an RSS or Atom feed") as caught:
        parse_feed(body, url="http://c.example/f")
    assert "\n" not in str(caught.value)


def test_empty_valid_feed_has_no_entries():
    feed = parse_feed(rss("http://c.example", []), url="http://c.example/f")
    assert feed.entries == []


def test_feed_entries_become_pages_with_page_dates():
    with serving() as site:
        url = publish(site, STORIES)
        feed = fetch_feed(url)
        results = list(feed_articles(feed))
    articles = [a for _, a in results]
    assert all(isinstance(a, Article) for a in articles), articles
    assert [a.title for a in articles] == [s["title"] for s in STORIES]
    assert [a.date for a in articles] == [date(2024, 3, 5), date(2024, 3, 6), date(2024, 3, 7)]
    assert articles[0].text == "\n\n".join(STORIES[0]["paragraphs"])
    assert articles[0].id == url_article_id(site.url("/news/harbour-arrests"))


def test_unreachable_page_falls_back_to_long_enough_entry_text_else_is_reported():
    long_story = {**STORIES[0], "slug": "long"}
    short_story = {**STORIES[1], "slug": "short"}
    with serving() as site:
        # one entry with a long summary, one with a teaser; neither page is served (404)
        body = rss(site.base, [long_story], summaries=True).decode()
        teaser = rss(site.base, [short_story], summaries=False).decode()
        item = teaser[teaser.index("<item>"):teaser.index("</item>") + 7]
        site.routes["/feed.xml"] = Route(body.replace("</channel>", item + "</channel>").encode(),
                                         content_type="application/rss+xml")
        feed = fetch_feed(site.url("/feed.xml"))
        (_, first), (_, second) = feed_articles(feed)
    assert isinstance(first, Article) and len(first.text.split()) >= MIN_ENTRY_WORDS
    assert first.date == date(2024, 3, 5) and first.source == "The Velna Courier"
    assert isinstance(second, FetchError) and "HTTP 404" in str(second)
    assert "too short" in str(second) and str(second).count("E030") == 1


def test_page_without_text_and_short_entry_is_an_input_error():
    story = {**STORIES[1], "slug": "stub"}
    with serving() as site:
        site.routes["/feed.xml"] = Route(rss(site.base, [story]), content_type="application/rss+xml")
        site.routes["/news/stub"] = Route(b"<html><body><nav>Home</nav></body></html>")
        (_, result), = feed_articles(fetch_feed(site.url("/feed.xml")))
    assert isinstance(result, EmptyArticleError) and "no article text" in str(result)


def test_entries_only_uses_entry_text_and_fetches_no_page():
    with serving() as site:
        site.routes["/feed.xml"] = Route(rss(site.base, STORIES, summaries=True))
        results = list(feed_articles(fetch_feed(site.url("/feed.xml")), entries_only=True))
        assert site.hits("/news/harbour-arrests") == 0
    assert all(isinstance(a, Article) for _, a in results)


def test_saved_feed_file_and_file_url_work_without_a_server(tmp_path):
    saved = tmp_path / "courier.xml"
    saved.write_bytes(rss("http://127.0.0.1:9", STORIES, summaries=True))  # links nobody answers
    for source in (str(saved), saved.as_uri()):
        feed = fetch_feed(source)
        assert len(feed.entries) == 3
        results = list(feed_articles(feed, entries_only=True))
        assert all(isinstance(a, Article) for _, a in results)
    with pytest.raises(MissingInputError, match="E001"):
        fetch_feed(str(tmp_path / "missing.xml"))


def test_a_page_given_as_a_feed_is_one_article(tmp_path):
    saved = tmp_path / "protest.html"
    saved.write_bytes(page_html(STORIES[2]))
    feed = fetch_feed(str(saved))
    (_, article), = feed_articles(feed)
    assert isinstance(article, Article) and article.id == "protest" and article.date == date(2024, 3, 7)
