"""A local HTTP server (127.0.0.1, an ephemeral port) serving feeds and pages the tests write.

Also invented news-like pages and feeds: nothing here is real news.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering (a slow server)


@dataclass
class Site:
    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(p == path for p, _ in self.requests)


@contextmanager
def serving(site: Site | None = None) -> Iterator[Site]:
    site = site or Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = site.routes.get(self.path)
            if route is None:
                self._answer(404, b"not found", "text/plain")
                return
            if route.delay:
                time.sleep(route.delay)
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self._answer(304, b"", None, route)
                return
            if route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
                self._answer(304, b"", None, route)
                return
            self._answer(route.status, route.body, route.content_type, route)

        def _answer(self, status: int, body: bytes, kind: str | None, route: Route | None = None) -> None:
            try:
                self.send_response(status)
                if kind:
                    self.send_header("Content-Type", kind)
                if route and route.etag:
                    self.send_header("ETag", route.etag)
                if route and route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


# -- invented content --------------------------------------------------------------------

STORIES = [
    {
        "slug": "harbour-arrests",
        "title": "Police arrest dockworkers in Port Velna",
        "date": "2024-03-05",
        "paragraphs": [
            "Police in Lagos arrested twelve dockworkers on Monday after a strike at the harbour "
            "turned into a standoff with security guards.",
            "The workers' union said the men had been detained without charge and demanded their "
            "release before the end of the week.",
            "A spokesman for the port authority said talks with the union would resume on Thursday.",
        ],
    },
    {
        "slug": "border-talks",
        "title": "Ministers meet over border dispute",
        "date": "2024-03-06",
        "paragraphs": [
            "The foreign ministers of Kenya and Uganda met in Nairobi on Tuesday to discuss a "
            "dispute over fishing rights on Lake Victoria.",
            "Both governments agreed to set up a joint commission to review the border markers.",
            "Fishermen on both sides have complained of harassment by patrol boats in recent months.",
        ],
    },
    {
        "slug": "capital-protest",
        "title": "Thousands march against fuel prices",
        "date": "2024-03-07",
        "paragraphs": [
            "Thousands of protesters marched through Accra on Wednesday to denounce a sharp rise "
            "in fuel prices announced last month.",
            "Riot police fired tear gas at demonstrators who tried to reach the parliament building.",
            "Opposition leaders called for a general strike if the government does not reverse the increase.",
        ],
    },
]

FILLER = ("Residents said the market near the old railway station stayed open all day, and "
          "buses ran on their usual timetable across the district.")


def page_html(story: dict, *, with_date: bool = True) -> bytes:
    """An article page with the boilerplate news sites have: menu, related links, footer."""
    meta = (f'<meta property="article:published_time" content="{story["date"]}T08:30:00Z">'
            if with_date else "")
    body = "\n".join(f"<p>{escape(p)}</p>" for p in story["paragraphs"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(story["title"])} | The Velna Courier</title>
<meta property="og:title" content="{escape(story["title"])}">
<meta property="og:site_name" content="The Velna Courier">
{meta}
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>{escape(story["title"])}</h1>
<p class="byline">By Staff Reporter</p>
{body}
</article>
<aside><h2>Most read</h2><ul><li><a href="/x">Weather turns cold</a></li>
<li><a href="/y">Cup final tonight</a></li></ul></aside>
</main>
<footer><p>Copyright 2019 The Velna Courier. All rights reserved.</p></footer>
</body></html>""".encode()


def rss(base: str, stories: list[dict], *, title: str = "The Velna Courier",
        summaries: bool = False) -> bytes:
    items = []
    for story in stories:
        day = time.strptime(story["date"], "%Y-%m-%d")
        text = " ".join(story["paragraphs"]) if summaries else story["paragraphs"][0][:60] + "..."
        items.append(f"""<item><title>{escape(story["title"])}</title>
<link>{base}/news/{story["slug"]}</link><guid isPermaLink="false">velna-{story["slug"]}</guid>
<pubDate>{formatdate(time.mktime(day) + 36000, usegmt=True)}</pubDate>
<description>{escape("<p>" + escape(text) + "</p>")}</description></item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{escape(title)}</title><link>{base}/</link>
<description>Invented news for tests</description>
{"".join(items)}
</channel></rss>""".encode()


def atom(base: str, stories: list[dict], *, title: str = "Hill Daily") -> bytes:
    entries = []
    for story in stories:
        text = escape("".join(f"<p>{escape(p)}</p>" for p in story["paragraphs"]))
        entries.append(f"""<entry><title>{escape(story["title"])}</title>
<id>urn:hill:{story["slug"]}</id><link rel="alternate" href="{base}/hill/{story["slug"]}"/>
<published>{story["date"]}T06:00:00Z</published><updated>{story["date"]}T09:00:00Z</updated>
<content type="html">{text}</content></entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}</title><id>urn:hill</id>
<updated>2024-03-07T09:00:00Z</updated><link rel="self" href="{base}/atom.xml"/>
{"".join(entries)}
</feed>""".encode()


def publish(site: Site, stories: list[dict], *, feed_path: str = "/feed.xml",
            etag: str | None = None) -> str:
    """Serve an RSS feed of ``stories`` and each story's page; the feed's URL."""
    site.routes[feed_path] = Route(rss(site.base, stories), content_type="application/rss+xml", etag=etag)
    for story in stories:
        site.routes[f"/news/{story['slug']}"] = Route(page_html(story))
    return site.url(feed_path)
