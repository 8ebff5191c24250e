"""GET /api/quotes: who said what, filtered by speaker, country, article or words."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from newsevents.serve.db import Cursor, paged, rows
from newsevents.serve.models import QuotePage
from newsevents.serve.params import Page
from newsevents.store import browse

router = APIRouter(prefix="/api", tags=["quotes"])


@router.get("/quotes", response_model=QuotePage, summary="Quotes, newest article first")
def list_quotes(
    cursor: Cursor,
    page: Page,
    speaker: Annotated[str | None, Query(min_length=1, max_length=200,
                                         description="Words in the speaker's name.")] = None,
    speaker_country: Annotated[
        str | None, Query(min_length=1, max_length=16, description="Speaker country (ISO alpha-3, IGO ...).")
    ] = None,
    article_id: Annotated[str | None, Query(min_length=1, max_length=500)] = None,
    text: Annotated[str | None, Query(min_length=1, max_length=200,
                                      description="Words in the quoted text.")] = None,
) -> dict[str, Any]:
    """A page of full quote records, each with its article's ``title`` and ``published`` date."""
    filters = browse.QuoteFilters(speaker=speaker, speaker_country=speaker_country, article_id=article_id,
                                  text=text)
    found = rows(cursor, *browse.quotes_sql(filters, limit=page.limit, offset=page.offset))
    items = [{**r["record"], "title": r["title"], "published": r["published"]} for r in found]
    return paged(cursor, items, page.limit, page.offset, browse.count_quotes_sql(filters))
