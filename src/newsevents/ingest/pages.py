"""Web pages: the main text, title and date of an HTML page, by trafilatura.

The page's own date (its metadata and markup, as htmldate reads them; not dates
guessed from the body text) comes first, then the date the caller passes (a feed
entry's), then the day it was fetched. Boilerplate (menus, footers, comments) is
left out; a page in which trafilatura finds no article text (fewer than
``MIN_PAGE_WORDS`` words) is an ``EmptyArticleError`` (E004). trafilatura works
offline: nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from urllib.parse import urlsplit, urlunsplit

from newsevents.errors import EmptyArticleError
from newsevents.ingest.text import parse_iso_date
from newsevents.records import Article

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MIN_PAGE_WORDS = 15
"""Fewest words of main text a page must hold to be an article (else a menu, a stub, an error page)."""
# A comment's body is read up to its first "-->" and no further: with a lazy ".*?" the
# comments could be split in exponentially many ways before failing (40 "<!---->" hung).
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--(?:(?!-->).)*-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
# Only the page's markup, never dates found in its text (a copyright line, an old event).
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def url_article_id(url: str) -> str:
    """A stable article id for a URL: ``web-`` and 16 hex digits of its SHA-256.

    The fragment is dropped and scheme and host are lower-cased, so ``HTTP://Site/a#top``
    and ``http://site/a`` are one article; query strings are kept (they often name it).
    """
    parts = urlsplit(url.strip())
    canonical = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))
    return "web-" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def looks_like_html(content: bytes, content_type: str = "") -> bool:
    """Whether a body is an HTML page (by its content type, else its first tag)."""
    if content_type in ("text/html", "application/xhtml+xml"):
        return True
    return bool(_HTML_START.match(content[:4096]))


def article_from_html(
    html: bytes | str,
    *,
    url: str | None = None,
    article_id: str | None = None,
    default_id: str | None = None,
    title: str | None = None,
    published: date | None = None,
    fetched_on: date | None = None,
    source: str | None = None,
) -> Article:
    """The article a page holds.

    id: ``article_id`` if given, else ``url_article_id`` of ``url`` or of the URL the page
    names as its own (canonical link, ``og:url``), else ``default_id``.
    date: the page's date, else ``published`` (a feed entry's), else ``fetched_on``.
    title and source: the page's title and site name, else ``title``/``source``, else the host.
    """
    from trafilatura import bare_extraction

    where = url or default_id or article_id or "page"
    try:
        document = bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as exc:  # a page its parser chokes on is bad input, not a crash
        raise EmptyArticleError(f"{where}: the page cannot be parsed ({type(exc).__name__})") from exc
    if document is None:
        raise EmptyArticleError(f"{where}: no article text found in the page")
    found = document if isinstance(document, dict) else document.as_dict()
    page_title = _clean(found.get("title")) or _clean(title)
    text = _body(found.get("text") or "", page_title)
    if not text:
        raise EmptyArticleError(f"{where}: no article text found in the page")
    if len(text.split()) < MIN_PAGE_WORDS:
        raise EmptyArticleError(
            f"{where}: no article text found in the page (only {len(text.split())} words; "
            f"{MIN_PAGE_WORDS} needed)"
        )
    page_url = url or found.get("url")
    identity = article_id or (url_article_id(page_url) if page_url else default_id)
    if not identity:
        raise ValueError("article_from_html needs a url, an article_id or a default_id")
    return Article(
        id=identity,
        date=parse_iso_date(found.get("date")) or published or fetched_on,
        text=text,
        title=page_title,
        url=page_url,
        source=_clean(found.get("sitename")) or _clean(source) or _clean(found.get("hostname"))
        or (urlsplit(page_url).hostname if page_url else None),
    )


def _body(text: str, title: str | None) -> str:
    """The extracted text, one paragraph a line as trafilatura gives it, paragraphs then
    parted by a blank line (the parser starts a sentence there), without a first line
    that only repeats the title."""
    lines = [line.strip() for line in text.strip().splitlines()]
    if title and lines and lines[0] == title.strip():
        lines = lines[1:]
    return "\n\n".join(line for line in lines if line).strip()


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
