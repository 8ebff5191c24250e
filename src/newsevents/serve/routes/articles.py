"""/api/articles: list and read stored articles (with their events and quotes), and
ingest new ones over HTTP when the operator enabled it with a token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from newsevents.serve.auth import Writer
from newsevents.serve.db import Cursor, paged, rows
from newsevents.serve.ingest import MAX_ARTICLES, MAX_BYTES, parse_body, read_json
from newsevents.serve.models import ArticleDetail, ArticlePage, IngestResult
from newsevents.serve.params import From, Page, To, check_order
from newsevents.store import browse

router = APIRouter(prefix="/api", tags=["articles"])


@router.get("/articles", response_model=ArticlePage, summary="Stored articles (without text), newest first")
def list_articles(
    cursor: Cursor,
    page: Page,
    date_from: From = None,
    date_to: To = None,
    source: Annotated[str | None, Query(min_length=1, max_length=200,
                                        description="The article's source (ignoring case).")] = None,
    text: Annotated[str | None, Query(min_length=1, max_length=200,
                                      description="Words in the title or text.")] = None,
) -> dict[str, Any]:
    """A page of articles; ``from``/``to`` are on the publication date."""
    check_order(date_from, date_to)
    filters = browse.ArticleFilters(date_from=date_from, date_to=date_to, source=source, text=text)
    items = rows(cursor, *browse.articles_sql(filters, limit=page.limit, offset=page.offset))
    return paged(cursor, items, page.limit, page.offset, browse.count_articles_sql(filters))


@router.get("/articles/{article_id:path}", response_model=ArticleDetail,
            summary="One article with its text, events and quotes",
            responses={404: {"description": "No such article"}})
def get_article(article_id: str, cursor: Cursor) -> dict[str, Any]:
    """The article with its full ``text``, and its ``events`` (each with ``story_id``) and
    ``quotes`` as full records: their spans are character offsets into ``text``."""
    found = rows(cursor, *browse.article_sql(article_id))
    if not found:
        raise HTTPException(404, f"no article with id {article_id!r}")
    events = [{**r["record"], "story_id": r["story_id"]}
              for r in rows(cursor, *browse.article_events_sql(article_id))]
    quotes = [r["record"] for r in rows(cursor, *browse.article_quotes_sql(article_id))]
    return {**found[0], "events": events, "quotes": quotes}


ARTICLE_EXAMPLE = {
    "id": "lagos-2023-05-30", "date": "2023-05-30", "title": "Arrests in Lagos", "source": "wire",
    "url": "https://example.org/lagos", "text": "Police in Lagos arrested five protesters on Monday.",
}
_ARTICLE_SCHEMA = {
    "type": "object", "required": ["text"],
    "properties": {
        k: {"type": "string"} for k in ("id", "date", "text", "title", "url", "source", "language")
    },
}
BODY = {
    "required": True,
    "description": f"One article object or a list of at most {MAX_ARTICLES}, as in the JSONL input: "
                   "id, date (ISO), text, and optional title, url, source, language.",
    "content": {"application/json": {
        "schema": {"anyOf": [_ARTICLE_SCHEMA, {"type": "array", "items": _ARTICLE_SCHEMA}]},
        "example": ARTICLE_EXAMPLE,
    }},
}


@router.post(
    "/articles", response_model=IngestResult, dependencies=[Writer],
    summary="Code and store articles (needs the server's token)",
    openapi_extra={"requestBody": BODY},
    responses={401: {"description": "Missing or wrong bearer token"},
               403: {"description": "Ingest over HTTP is disabled (no token configured)"},
               413: {"description": f"Body over {MAX_BYTES // 1_000_000} MB"},
               422: {"description": "A bad article; nothing was stored"}},
)
async def post_articles(request: Request) -> dict[str, Any]:
    """Code the articles and store them with their events, quotes and stories.

    Articles already stored (same id, or same date, title and text) are skipped, so a
    request can be sent again safely. An article without an id gets ``http-`` and a
    digest of its content. The body is read only after the token is checked.
    """
    articles, warnings = parse_body(await read_json(request))
    report = await run_in_threadpool(request.app.state.ingestor, articles)
    done = set(report.added) | {i for i, _ in report.rejected}
    return {
        "added": report.added,
        "skipped": list(dict.fromkeys(a.id for a in articles if a.id not in done)),
        "rejected": [{"id": i, "reason": r} for i, r in report.rejected],
        "events": report.events, "quotes": report.quotes, "warnings": warnings,
        "summary": report.summary(),
    }
