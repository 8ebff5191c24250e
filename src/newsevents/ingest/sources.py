"""Resolve command-line inputs (files, directories, ``-``, web page URLs) into articles.

A ``.html``/``.htm`` file is a saved web page and an ``http(s)://`` or ``file://`` URL
is a page to fetch: both are read by ``pages.article_from_html`` (docs/feeds.md).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from newsevents.errors import BinaryInputError, FetchError, InputError, MissingInputError
from newsevents.ingest.fetch import fetch, is_url, read_file
from newsevents.ingest.jsonl import parse_jsonl
from newsevents.ingest.pages import HTML_SUFFIXES, article_from_html, looks_like_html
from newsevents.ingest.text import parse_dated_text
from newsevents.records import Article

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text"}


def read_articles(
    inputs: Iterable[str], *, stdin: TextIO | None = None
) -> Iterator[Article | InputError]:
    """Yield articles from each input in order; an unreadable input yields its error."""
    for item in inputs:
        if item == "-":
            yield from _read_stream((stdin or sys.stdin).read(), name="<stdin>", stem="stdin")
            continue
        if is_url(item):
            yield from _read_url(item)
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            for file in files:
                yield from _read_file(file)
        else:
            yield from _read_file(path)


def _read_url(url: str) -> Iterator[Article | InputError]:
    """A web page by URL; a page that cannot be fetched is reported like a missing file."""
    try:
        response = fetch(url)
        if not looks_like_html(response.content, response.content_type):
            kind = response.content_type or "no content type"
            raise BinaryInputError(f"{url}: not an HTML page ({kind})")
        web = url if not url.lower().startswith("file:") else None
        yield article_from_html(response.content, url=web, default_id=Path(url).stem,
                                fetched_on=response.fetched_on)
    except FetchError as exc:
        yield MissingInputError(str(exc).removeprefix(exc.code + " "))
    except InputError as exc:
        yield exc


def _read_page(path: Path) -> Iterator[Article | InputError]:
    """A saved web page; its file's modification day stands for the day it was fetched."""
    try:
        response = read_file(path)
        yield article_from_html(response.content, default_id=path.stem, fetched_on=response.fetched_on)
    except FetchError as exc:
        yield MissingInputError(str(exc).removeprefix(exc.code + " "))
    except InputError as exc:
        yield exc


def _read_file(path: Path) -> Iterator[Article | InputError]:
    if path.suffix.lower() in HTML_SUFFIXES:
        yield from _read_page(path)
        return
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        yield MissingInputError(f"{path}: no such file or directory")
        return
    except OSError as exc:
        yield MissingInputError(f"{path}: cannot read ({exc.strerror})")
        return
    try:
        if b"\x00" in raw[:8192]:
            raise UnicodeDecodeError("utf-8", raw[:1], 0, 1, "NUL byte")
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        yield BinaryInputError(f"{path}: not a UTF-8 text file")
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from parse_jsonl(iter(text.splitlines()), name=str(path))
    else:
        yield from _read_stream(text, name=str(path), stem=path.stem)


def _read_stream(text: str, *, name: str, stem: str) -> Iterator[Article | InputError]:
    """Text whose first character is ``{`` is JSONL; anything else is one article."""
    if text.lstrip().startswith("{"):
        yield from parse_jsonl(iter(text.splitlines()), name=name)
        return
    try:
        yield parse_dated_text(text, article_id=stem)
    except InputError as exc:
        yield exc
