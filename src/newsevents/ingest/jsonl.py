"""JSONL articles: one JSON object per line with ``id``, ``date`` and ``text``."""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsevents.errors import BadJSONError, EmptyArticleError, InputError
from newsevents.ingest.text import parse_iso_date
from newsevents.records import Article

_OPTIONAL = ("title", "url", "source", "language")


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
        except InputError as exc:
            yield exc


def article_from_object(obj: object, *, default_id: str) -> Article:
    """Build an article from a decoded JSON object, checking what it must hold."""
    if not isinstance(obj, dict):
        raise BadJSONError(f"{default_id}: expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    article_id = str(obj.get("id") or default_id)
    if not isinstance(text, str) or not text.strip():
        raise EmptyArticleError(f"{article_id}: the article has no text")
    extra = {k: str(obj[k]) for k in _OPTIONAL if obj.get(k) is not None}
    return Article(id=article_id, date=parse_iso_date(obj.get("date")), text=text, **extra)
