"""GET /api/threads and /api/threads/{id}: happenings and all the articles that report them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import RedirectResponse

from newsevents.serve.db import Cursor, paged, rows
from newsevents.serve.models import ThreadDetail, ThreadPage
from newsevents.serve.params import From, Page, To, check_order
from newsevents.store import threads as T

router = APIRouter(prefix="/api", tags=["threads"])


@router.get("/threads", response_model=ThreadPage, summary="Threads, latest first")
def list_threads(
    cursor: Cursor,
    page: Page,
    date_from: From = None,
    date_to: To = None,
    text: Annotated[str | None, Query(min_length=1, max_length=200,
                                      description="Words in the title, or one of its label words.")] = None,
) -> dict[str, Any]:
    """A page of threads; ``from``/``to`` keep threads whose articles' dates reach into the range."""
    check_order(date_from, date_to)
    items = rows(cursor, *T.threads_sql(date_from=date_from, date_to=date_to, text=text,
                                        limit=page.limit, offset=page.offset))
    return paged(cursor, items, page.limit, page.offset,
                 T.count_threads_sql(date_from=date_from, date_to=date_to, text=text))


@router.get("/threads/{thread_id:path}", response_model=ThreadDetail,
            summary="One thread with its articles and stories",
            responses={308: {"description": "The thread was moved into this one"},
                       404: {"description": "No such thread"}})
def get_thread(thread_id: str, cursor: Cursor, request: Request) -> dict[str, Any] | RedirectResponse:
    """The thread, its ``articles`` (without text) by source then date, and the ``stories``
    its articles report, most widely reported first. The id of a thread moved into another
    redirects (308) to that one, so links to it keep working."""
    found = rows(cursor, *T.thread_sql(thread_id))
    if not found:
        alias = rows(cursor, *T.alias_sql(thread_id))
        if alias:
            url = request.url_for("get_thread", thread_id=alias[0]["thread_id"])
            return RedirectResponse(url.path, status_code=308)
        raise HTTPException(404, f"no thread with id {thread_id!r}")
    return {**found[0], "articles": rows(cursor, *T.thread_articles_sql(thread_id)),
            "stories": rows(cursor, *T.thread_stories_sql(thread_id))}
