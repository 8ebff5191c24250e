"""Plain-text articles that open with a ``date YYYY-MM-DD`` header."""

from __future__ import annotations

import re
from datetime import date

from newsevents.errors import EmptyArticleError
from newsevents.records import Article

_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?:[ \t]+|\s*\n)", re.IGNORECASE)


def parse_iso_date(value: str | None) -> date | None:
    """The date part of an ISO date or datetime string; None when unusable."""
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def parse_dated_text(raw: str, *, article_id: str) -> Article:
    """Split the optional date header from the body; the body becomes ``text``."""
    match = _HEADER.match(raw)
    published = parse_iso_date(match.group(1)) if match else None
    body = raw[match.end():] if match else raw
    body = body.strip()
    if not body:
        raise EmptyArticleError(f"{article_id}: the article has no text")
    return Article(id=article_id, date=published, text=body)
