"""RSS and Atom feeds: fetch one, parse it with feedparser, turn its entries into articles.

An entry is known by its link, else its id (``guid``); its article id is
``url_article_id`` of that key, so the same link read from two feeds, or read again
later, is one article, and a stored one can be skipped before its page is fetched.
An entry's article is its page (``pages.article_from_html``); when the page cannot
be fetched or holds no text, the entry's own text (its ``content``, else its
``summary``, HTML removed) stands in if it has at least ``MIN_ENTRY_WORDS`` words;
otherwise the entry is an error and the other entries go on. See docs/feeds.md.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Protocol

from newsevents.errors import (
    BadFeedError,
    BinaryInputError,
    EmptyArticleError,
    FetchError,
    InputError,
    MissingInputError,
    NewsEventsError,
)
from newsevents.ingest.fetch import Response, fetch, is_url, read_file
from newsevents.ingest.pages import article_from_html, looks_like_html, url_article_id
from newsevents.records import Article

MIN_ENTRY_WORDS = 30
"""Fewest words of an entry's own text that stand in for a page that cannot be read."""
FEED_SUFFIXES = {".rss", ".atom", ".xml"}


class Fetcher(Protocol):
    def __call__(self, url: str, *, etag: str | None = None, modified: str | None = None) -> Response: ...


@dataclass(slots=True)
class FeedEntry:
    """One item of a feed; ``key`` (link, else id) names it across fetches."""

    key: str | None
    link: str | None
    title: str | None
    published: date | None  # the entry's published date, else its updated date
    text: str  # the entry's own text: content, else summary, without HTML
    html: bytes | None = None  # the page itself, when the source was a page, not a feed

    @property
    def article_id(self) -> str | None:
        """The id its article gets (None for a saved page: its id comes from inside it)."""
        return url_article_id(self.key) if self.key else None


@dataclass(slots=True)
class Feed:
    """A fetched feed; ``etag``/``modified`` are what to send next time."""

    url: str
    title: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)
    etag: str | None = None
    modified: str | None = None
    not_modified: bool = False
    fetched_on: date | None = None
    default_id: str | None = None  # a saved page without a URL of its own: its file name


def fetch_feed(
    source: str,
    *,
    etag: str | None = None,
    modified: str | None = None,
    fetcher: Fetcher | None = None,
) -> Feed:
    """Fetch and parse a feed from an http(s)/file URL or a path.

    A source that turns out to be a web page is a feed of one entry: that page.
    Raises ``FetchError`` (cannot fetch), ``BadFeedError`` (neither feed nor page) or
    ``MissingInputError`` (no such file). A 304 answer gives a ``Feed`` with
    ``not_modified`` set and no entries.
    """
    get = fetcher or fetch
    if is_url(source):
        response = get(source, etag=etag, modified=modified)
    else:
        path = Path(source)
        if not path.is_file():
            raise MissingInputError(f"{source}: no such file")
        response = read_file(path)
    if response.not_modified:
        return Feed(source, etag=response.etag or etag, modified=response.last_modified or modified,
                    not_modified=True, fetched_on=response.fetched_on)
    feed = parse_feed(response.content, url=response.url, content_type=response.content_type,
                      source=source)
    feed.etag, feed.modified, feed.fetched_on = response.etag, response.last_modified, response.fetched_on
    return feed


def parse_feed(content: bytes, *, url: str, content_type: str = "", source: str | None = None) -> Feed:
    """Parse RSS or Atom (any version feedparser reads); a web page becomes one entry."""
    import feedparser

    source = source or url
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(content), response_headers=headers)
    problem = parsed.get("bozo_exception")
    harmless = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    broken = bool(parsed.bozo) and not isinstance(problem, harmless)
    entries = [e for e in (_entry(raw) for raw in parsed.entries) if e.key]  # not empty husks
    if not entries and (broken or not parsed.get("version")):
        if looks_like_html(content, content_type):
            web = url if url.lower().startswith(("http://", "https://")) else None
            stem = None if web else Path(source.removeprefix("file://")).stem
            return Feed(source, entries=[FeedEntry(web, web, None, None, "", html=content)],
                        default_id=stem)
        reason = " ".join(str(problem).split()) if problem else "no feed elements"
        raise BadFeedError(f"{source}: not an RSS or Atom feed ({reason})")
    title = _text(parsed.get("feed", {}).get("title")) or None
    return Feed(source, title=title, entries=entries)


def _entry(raw: Any) -> FeedEntry:
    link = (raw.get("link") or "").strip() or None
    key = link or (raw.get("id") or "").strip() or None
    published = raw.get("published_parsed") or raw.get("updated_parsed")
    day = date(*published[:3]) if published else None
    bodies = [c.get("value", "") for c in raw.get("content") or []]
    text = next((t for t in (_text(b) for b in bodies) if t), "") or _text(raw.get("summary"))
    title = _text(raw.get("title")) or None
    if key is None and (title or text):  # no link, no id: its title and text name it
        key = "entry:" + (title or "") + "\n" + text
    return FeedEntry(key, link, title, day, text)


def entry_article(
    entry: FeedEntry,
    feed: Feed,
    *,
    fetcher: Fetcher | None = None,
    entries_only: bool = False,
    min_words: int = MIN_ENTRY_WORDS,
) -> Article:
    """The article an entry stands for: its page, else its own text (see the module doc).

    Raises ``FetchError`` when the page cannot be fetched and the entry's text is too
    short (worth trying again later), an ``InputError`` when there is no text to have.
    """
    aid = entry.article_id
    if entry.html is not None:
        return article_from_html(entry.html, url=entry.link, default_id=feed.default_id,
                                 fetched_on=feed.fetched_on)
    problem: NewsEventsError | None = None
    if entry.link and not entries_only:
        try:
            return _page(entry, feed, aid, fetcher or fetch)
        except (FetchError, InputError) as exc:
            problem = exc
    words = len(entry.text.split())
    if aid and words >= min_words:
        return Article(id=aid, date=entry.published or feed.fetched_on, text=entry.text,
                       title=entry.title, url=entry.link, source=feed.title)
    name = entry.link or aid or f"an entry of {feed.url}"
    short = f"the entry's own text is too short to stand in ({words} words; {min_words} needed)"
    if isinstance(problem, FetchError):
        raise FetchError(f"{_reason(problem)}; {short}")
    if problem is not None:
        raise EmptyArticleError(f"{_reason(problem)}; {short}")
    if entries_only and entry.link:
        raise EmptyArticleError(f"{name}: {short}, and pages are not fetched (--entries-only)")
    raise EmptyArticleError(f"{name}: no page to read and {short}")


def _page(entry: FeedEntry, feed: Feed, aid: str | None, get: Fetcher) -> Article:
    response = get(entry.link or "")
    if not looks_like_html(response.content, response.content_type):
        kind = response.content_type or "no content type"
        raise BinaryInputError(f"{entry.link}: not an HTML page ({kind})")
    return article_from_html(
        response.content, url=entry.link, article_id=aid, title=entry.title,
        published=entry.published, fetched_on=response.fetched_on or feed.fetched_on, source=feed.title,
    )


def feed_articles(
    feed: Feed,
    entries: Iterable[FeedEntry] | None = None,
    *,
    fetcher: Fetcher | None = None,
    entries_only: bool = False,
    min_words: int = MIN_ENTRY_WORDS,
    stop: Callable[[], bool] | None = None,
) -> Iterator[tuple[FeedEntry, Article | NewsEventsError]]:
    """Each entry (default: all of the feed's) with its article or the error it raised;
    ``stop`` is asked before each entry."""
    for entry in feed.entries if entries is None else entries:
        if stop is not None and stop():
            return
        try:
            yield entry, entry_article(entry, feed, fetcher=fetcher, entries_only=entries_only,
                                       min_words=min_words)
        except NewsEventsError as exc:
            yield entry, exc


def _reason(exc: NewsEventsError) -> str:
    """The message without its code (the new error adds its own)."""
    message = str(exc)
    return message.split(" ", 1)[1] if message.startswith(exc.code + " ") else message


_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "tr", "table", "section", "article", "header", "footer", "pre", "hr", "dd", "dt"}
_SKIPPED = {"script", "style", "noscript", "template"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _text(value: object) -> str:
    """Text of an HTML fragment (or plain text): one paragraph per block, parted by a blank line."""
    if not isinstance(value, str) or not value.strip():
        return ""
    parser = _Text()
    parser.feed(value)
    parser.close()
    paragraphs = (" ".join(block.split()) for block in "".join(parser.parts).split("\n"))
    return "\n\n".join(p for p in paragraphs if p)
