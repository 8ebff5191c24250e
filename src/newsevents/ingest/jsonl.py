"""JSONL articles: one JSON object per line with ``id``, ``date`` and ``text``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from newsevents.errors import BadJSONError, EmptyArticleError, InputError
from newsevents.ingest.text import parse_iso_date
from newsevents.records import Article

_OPTIONAL = ("title", "url", "source", "language")
_SURROGATE = re.compile("[\ud800-\udfff]")


def jsonl_lines(text: str) -> Iterator[str]:
    """The lines of a JSONL text: split at line feeds only. ``str.splitlines`` would also
    split at U+2028, U+0085 and other breaks that JSON strings may hold as they are."""
    return iter(text.split("\n"))


def parse_jsonl(lines: Iterator[str], *, name: str) -> Iterator[Article | InputError]:
    """Yield one article per non-blank line, or the error that line raised."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield article_from_object(json.loads(line), default_id=where)
        except json.JSONDecodeError as exc:
            yield BadJSONError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
        except RecursionError:
            yield BadJSONError(f"{where}: not an article (JSON nested too deeply)")
        except InputError as exc:
            yield exc


def article_from_object(obj: object, *, default_id: str) -> Article:
    """Build an article from a decoded JSON object, checking what it must hold."""
    if not isinstance(obj, dict):
        raise BadJSONError(f"{default_id}: expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    article_id = valid_text(str(obj.get("id") or default_id))
    if not isinstance(text, str) or not text.strip():
        raise EmptyArticleError(f"{article_id}: the article has no text")
    extra = {k: valid_text(str(obj[k])) for k in _OPTIONAL if obj.get(k) is not None}
    return Article(id=article_id, date=parse_iso_date(obj.get("date")), text=valid_text(text), **extra)


def valid_text(value: str) -> str:
    """The string with each lone surrogate (``"\\ud800"`` in JSON: no character, and no UTF-8
    either) replaced by U+FFFD, so every offset into it stays the same."""
    return _SURROGATE.sub("\ufffd", value)
