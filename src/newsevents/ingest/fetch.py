"""HTTP GET for feeds and web pages: a timeout, a size cap, a user agent and one-line errors.

``fetch`` takes ``http(s)://`` and ``file://`` URLs (a saved feed or page reads like a
fetched one). Conditional requests send ``If-None-Match``/``If-Modified-Since`` from a
previous answer's ``ETag``/``Last-Modified``; a ``304 Not Modified`` comes back as a
``Response`` with ``not_modified`` set, never as an error. Everything else that goes
wrong raises ``FetchError`` (E030) with the URL and the reason on one line.
"""

from __future__ import annotations

import http.client
import os
import stat
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email.utils import formatdate
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from newsevents.errors import FetchError

DEFAULT_TIMEOUT = 20.0
"""Seconds for a whole request: connecting, waiting and reading."""
MAX_BYTES = 10_000_000
"""Largest body read; a larger feed or page is an error, not a truncated article."""
USER_AGENT = "newsevents/0.1 (news event coding; +https://github.com/openeventdata/PLOVER)"
_CHUNK = 65536


@dataclass(frozen=True, slots=True)
class Response:
    """What a URL answered: ``url`` after redirects, ``headers`` with lower-case names."""

    url: str
    status: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)
    fetched_on: date | None = None  # the day fetched (a saved file: the day it was saved)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def is_url(value: str) -> bool:
    """Whether ``value`` is an ``http(s)://`` or ``file://`` URL (else: a path)."""
    return urlsplit(value).scheme.lower() in ("http", "https", "file")


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    user_agent: str = USER_AGENT,
    etag: str | None = None,
    modified: str | None = None,
) -> Response:
    """GET ``url``; raises ``FetchError`` for anything but a body (or a 304) within the limits."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return read_file(Path(url2pathname(parts.path)), url=url, max_bytes=max_bytes)
    if scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{url}: not an http(s) or file URL")
    headers = {"User-Agent": user_agent, "Accept": "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    deadline = time.monotonic() + timeout
    try:
        request = urllib.request.Request(url, headers=headers)
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            found = {k.lower(): v for k, v in answer.headers.items()}
            length = found.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url}: {int(length)} bytes; at most {max_bytes} are read")
            content = _read(answer, url=url, max_bytes=max_bytes, deadline=deadline, timeout=timeout)
            return Response(answer.geturl(), answer.status, content, found, _today())
    except urllib.error.HTTPError as exc:
        found = {k.lower(): v for k, v in (exc.headers or {}).items()}
        if exc.code == 304:
            return Response(url, 304, b"", found, _today())
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise FetchError(f"{url}: timed out after {timeout:g} s") from None
        raise FetchError(f"{url}: cannot connect ({_reason(exc.reason)})") from None
    except TimeoutError:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except (http.client.HTTPException, ConnectionError) as exc:
        raise FetchError(f"{url}: bad HTTP answer ({_reason(exc)})") from None
    except (ValueError, OSError) as exc:
        raise FetchError(f"{url}: cannot fetch ({_reason(exc)})") from None


def read_file(path: Path, *, url: str | None = None, max_bytes: int = MAX_BYTES) -> Response:
    """A saved feed or page as a ``Response``; its modification time stands for the fetch."""
    try:
        content = read_bytes(path, max_bytes=max_bytes)
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        raise FetchError(f"{path}: no such file") from None
    except OSError as exc:
        raise FetchError(f"{path}: cannot read ({exc.strerror})") from None
    saved = datetime.fromtimestamp(mtime, tz=timezone.utc)
    headers = {"last-modified": formatdate(mtime, usegmt=True)}
    return Response(url or path.resolve().as_uri(), 200, content, headers, saved.date())


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """A regular file's bytes, at most ``max_bytes`` (``FetchError`` past them, or for a FIFO
    or a device, which may never end or never answer); ``OSError`` if it cannot be read."""
    with open(path, "rb", opener=_nonblocking) as handle:  # Path.open takes no opener
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise FetchError(f"{path}: not a regular file (a pipe or a device); "
                             "give its text on standard input")
        content = handle.read(max_bytes + 1)
    if len(content) > max_bytes:
        raise FetchError(f"{path}: over {max_bytes} bytes; at most {max_bytes} are read")
    return content


def _nonblocking(path: str, flags: int) -> int:
    """Open without waiting: a FIFO with no writer would block ``open`` itself."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _read(answer: http.client.HTTPResponse, *, url: str, max_bytes: int, deadline: float,
          timeout: float) -> bytes:
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: timed out after {timeout:g} s")
        chunk = answer.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: more than {max_bytes} bytes; at most {max_bytes} are read")
        chunks.append(chunk)


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


def _today() -> date:
    return datetime.now(timezone.utc).date()
