"""GET /api/stories and /api/stories/{id}: real-world events after deduplication."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, HTTPException

from newsevents.serve.db import Cursor, paged, rows
from newsevents.serve.models import StoryDetail, StoryPage
from newsevents.serve.params import EventFilters, Page
from newsevents.store import browse
from newsevents.store.queries import count_stories_sql, stories_sql

router = APIRouter(prefix="/api", tags=["stories"])


@router.get("/stories", response_model=StoryPage, summary="Stories matching the filters, newest first")
def list_stories(cursor: Cursor, filters: EventFilters, page: Page) -> dict[str, Any]:
    """A page of stories; ``text`` and ``min_confidence`` match any of a story's mentions."""
    items = rows(cursor, *stories_sql(replace(filters, limit=page.limit, offset=page.offset)))
    return paged(cursor, items, page.limit, page.offset, count_stories_sql(filters))


@router.get("/stories/{story_id:path}", response_model=StoryDetail, summary="One story with its mentions",
            responses={404: {"description": "No such story"}})
def get_story(story_id: str, cursor: Cursor) -> dict[str, Any]:
    """The story record with ``mentions`` as full event records (each with its article's
    ``title``, ``published`` date, ``source`` and ``thread_id``), oldest article first."""
    found = rows(cursor, *browse.story_sql(story_id))
    if not found:
        raise HTTPException(404, f"no story with id {story_id!r}")
    mentions = [
        {**m["record"], "story_id": m["story_id"], "title": m["title"], "published": m["published"],
         "source": m["source"], "thread_id": m["thread_id"]}
        for m in rows(cursor, *browse.story_mentions_sql(story_id))
    ]
    return {**found[0]["record"], "mentions": mentions}
