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
from newsevents.ingest.fetch import fetch, is_url, read_bytes, read_file
from newsevents.ingest.jsonl import jsonl_lines, parse_jsonl
from newsevents.ingest.pages import HTML_SUFFIXES, article_from_html, looks_like_html
from newsevents.ingest.text import parse_dated_text
from newsevents.records import Article

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text"}
MAX_INPUT_BYTES = 1 << 30
"""Bytes read from one input file or from standard input (larger: split it)."""


def read_articles(
    inputs: Iterable[str], *, stdin: TextIO | None = None
) -> Iterator[Article | InputError]:
    """Yield articles from each input in order; an unreadable input yields its error."""
    for item in inputs:
        if item == "-":
            yield from _read_stdin(stdin or sys.stdin)
            continue
        if is_url(item):
            yield from _read_url(item)
            continue
        path = Path(item)
        if path.is_dir():
            for found in directory_files(path, JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES):
                yield from (found,) if isinstance(found, InputError) else _read_file(found)
        else:
            yield from _read_file(path)


def directory_files(root: Path, suffixes: set[str]) -> Iterator[Path | InputError]:
    """The files under ``root`` with one of ``suffixes``, in path order, hidden ones left out.

    Links to directories are followed; a link back to a directory above it (a loop), a
    directory that cannot be listed and a link to nothing are each an error, never a
    silent gap.
    """

    def visit(directory: Path, above: frozenset[tuple[int, int]]) -> Iterator[Path | InputError]:
        try:
            status = directory.stat()
            entries = sorted(directory.iterdir())
        except OSError as exc:
            yield MissingInputError(f"{directory}: cannot read the directory ({exc.strerror})")
            return
        key = (status.st_dev, status.st_ino)
        if key in above:
            yield MissingInputError(f"{directory}: a link to a directory above it (a loop); not read again")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                yield from visit(entry, above | {key})
            elif entry.suffix.lower() in suffixes:
                yield entry if entry.exists() else MissingInputError(f"{entry}: a link to nothing")

    yield from visit(root, frozenset())


def _read_stdin(stdin: TextIO) -> Iterator[Article | InputError]:
    """Standard input, read as bytes (UTF-8 or an error, like a file) when it has them."""
    stream = getattr(stdin, "buffer", None)
    if stream is None:  # a text stream handed in (tests, embedding): already decoded
        yield from _read_stream(stdin.read(MAX_INPUT_BYTES), name="<stdin>", stem="stdin")
        return
    raw = stream.read(MAX_INPUT_BYTES + 1)
    if len(raw) > MAX_INPUT_BYTES:
        yield BinaryInputError(f"<stdin>: over {MAX_INPUT_BYTES} bytes; split the input")
        return
    text = _decode(raw, name="<stdin>")
    if isinstance(text, InputError):
        yield text
        return
    yield from _read_stream(text, name="<stdin>", stem="stdin")


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
        raw = read_bytes(path, max_bytes=MAX_INPUT_BYTES)
    except FileNotFoundError:
        yield MissingInputError(f"{path}: no such file or directory")
        return
    except FetchError as exc:
        yield BinaryInputError(str(exc).removeprefix(exc.code + " "))
        return
    except OSError as exc:
        yield MissingInputError(f"{path}: cannot read ({exc.strerror})")
        return
    text = _decode(raw, name=str(path))
    if isinstance(text, InputError):
        yield text
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from parse_jsonl(jsonl_lines(text), name=str(path))
    else:
        yield from _read_stream(text, name=str(path), stem=path.stem)


def _decode(raw: bytes, *, name: str) -> str | InputError:
    """UTF-8 text (a byte order mark dropped), or the error of a binary input."""
    if b"\x00" in raw[:8192]:
        return BinaryInputError(f"{name}: not a UTF-8 text file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return BinaryInputError(f"{name}: not a UTF-8 text file")


def _read_stream(text: str, *, name: str, stem: str) -> Iterator[Article | InputError]:
    """Text whose first character is ``{`` is JSONL; anything else is one article."""
    if text.lstrip().startswith("{"):
        yield from parse_jsonl(jsonl_lines(text), name=name)
        return
    try:
        yield parse_dated_text(text, article_id=stem)
    except InputError as exc:
        yield exc
