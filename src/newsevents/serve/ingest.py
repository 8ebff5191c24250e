"""Ingest over HTTP: request bodies to articles, and one pipeline run at a time.

A body is one article object or a list of them, in the JSONL input format
(docs/event-record.md). The whole body is checked before anything is coded: if any
article is bad the answer is 422 naming each bad one and nothing is stored, so a
client can fix and resend it (ingest skips what is stored already, so resending the
good ones is harmless).
"""

from __future__ import annotations

import json
import math
import threading
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NoReturn

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError

from newsevents.errors import CodingError, InputError
from newsevents.ingest.jsonl import article_from_object, valid_text
from newsevents.records import Article
from newsevents.store import IngestReport, Store, content_hash

if TYPE_CHECKING:
    from newsevents.pipeline import Pipeline

MAX_ARTICLES = 1000
"""Articles per request; larger inputs belong to ``newsevents ingest``."""
MAX_BYTES = 50_000_000
"""Bytes per request body."""
ECHO_CHARS = 200
"""Characters of a bad article's strings shown back in its error."""


async def read_json(request: Request) -> Any:
    """The request body as JSON: 413 past ``MAX_BYTES`` (read no further), 422 if not JSON."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BYTES:
            raise HTTPException(413, f"the body is over {MAX_BYTES} bytes; use `newsevents ingest` for more")
        chunks.append(chunk)
    try:
        return json.loads(b"".join(chunks))
    except ValueError as exc:
        _refuse([_error((), f"not valid JSON ({' '.join(str(exc).split())[:200]})", None)])
    except RecursionError:
        _refuse([_error((), "not an article (JSON nested too deeply)", None)])


def parse_body(body: Any) -> tuple[list[Article], list[str]]:
    """The articles of a request body and warnings; RequestValidationError (422) names every
    bad article. An article without an id gets one from its content, so resending it is
    recognised."""
    items = body if isinstance(body, list) else [body]
    if not items:
        _refuse([_error((), "the list holds no article", body)])
    if len(items) > MAX_ARTICLES:
        _refuse([_error((), f"{len(items)} articles in one request; at most {MAX_ARTICLES}", len(items))])
    articles, errors, warnings = [], [], []
    for index, obj in enumerate(items):
        where = (index,) if isinstance(body, list) else ()
        try:
            article = article_from_object(obj, default_id=f"body[{index}]")
        except InputError as exc:
            errors.append(_error(where, str(exc), obj))
            continue
        if not (isinstance(obj, dict) and obj.get("id")):
            article = replace(article, id="http-" + content_hash(article)[:16])
        if article.date is None:
            warnings.append(f"{article.id}: no usable date; relative dates cannot be grounded")
        articles.append(article)
    if errors:
        _refuse(errors)
    return articles, warnings


def _error(where: tuple[int, ...], message: str, given: object) -> dict[str, Any]:
    return {"type": "value_error", "loc": ("body", *where), "msg": message, "input": _echo(given)}


def _echo(value: object, depth: int = 0) -> object:
    """What the client sent, shown back safely: at most 8 keys or items, strings cut at
    ``ECHO_CHARS``, nothing nested deeper than 2, no NaN, no lone surrogates (neither can
    be written as JSON)."""
    if isinstance(value, str):
        return valid_text(value[:ECHO_CHARS])
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict | list):
        if depth >= 2:
            return "..."
        if isinstance(value, dict):
            return {_echo(str(k)): _echo(v, depth + 1) for k, v in list(value.items())[:8]}
        return [_echo(v, depth + 1) for v in value[:8]]
    return value


def _refuse(errors: list[dict[str, Any]]) -> NoReturn:
    raise RequestValidationError(errors)


class Ingestor:
    """Codes and stores articles into the served store, one request at a time.

    The spaCy pipeline is loaded on the first request (seconds), not at start-up:
    most servers only read.
    """

    def __init__(self, store: Store, pipeline: Pipeline | None = None) -> None:
        self.store = store
        self._pipeline = pipeline
        self._lock = threading.Lock()

    def _loaded(self) -> Pipeline:
        if self._pipeline is None:
            from newsevents.pipeline import Pipeline

            self._pipeline = Pipeline()
        return self._pipeline

    def __call__(self, articles: list[Article]) -> IngestReport:
        """Store the articles (and their stories); 422 for a text too long to parse or one
        that cannot be coded (``CodingError``), and then nothing is stored."""
        from newsevents.pipeline import ingest_coded

        with self._lock:
            pipeline = self._loaded()
            errors = []
            for index, article in enumerate(articles):
                try:
                    pipeline.check(article)
                except InputError as exc:
                    errors.append(_error((index,), str(exc), article.id))
            if errors:
                _refuse(errors)
            failed: list[CodingError] = []
            new = self.store.new_articles(articles)
            coded = list(pipeline.extract(new, quotes=True, on_error=failed.append))
            if failed:
                index = {article.id: i for i, article in enumerate(articles)}
                _refuse([_error((index[e.article_id],), str(e), e.article_id) for e in failed])
            return ingest_coded(coded, self.store)
