"""The FastAPI application: ``create_app(store_path, token=None)``.

The API lives under /api and answers JSON; the dashboard's static files (if built into
``serve/static``) are served at / after it. The store is opened read-only unless a
token is given: DuckDB lets one process write a file, so a read-only server can run
beside ``newsevents ingest`` runs on other files and never holds the write lock.
There is no /docs page (FastAPI's loads its scripts from a CDN and this tool works
offline); the OpenAPI spec is at /openapi.json.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from newsevents.errors import StoreError
from newsevents.serve.ingest import Ingestor
from newsevents.serve.routes import ROUTERS
from newsevents.serve.warm import warm
from newsevents.store import Store, default_path

if TYPE_CHECKING:
    from newsevents.pipeline import Pipeline

MIN_TOKEN_CHARS = 16
"""Shortest write token accepted: one that can be guessed guards nothing."""
STATIC = Path(__file__).parent / "static"

DESCRIPTION = """\
PLOVER political events coded from news articles, with the evidence for every field.

Every listing takes the filters of `newsevents query` (`type` repeatable, `actor_country`,
`actor_sector`, `recipient`, `place`, `bbox`, `from`, `to`, `text`, `min_confidence`) and
pages with `limit` (1-1000) and `offset`. Spans in records are [start, end) character
offsets into the article's text. Writing (`POST /api/articles`) needs the bearer token
the server was started with, and is disabled when it has none.
"""


def _version() -> str:
    try:
        return metadata.version("newsevents")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


def create_app(
    store_path: str | Path | None = None,
    token: str | None = None,
    *,
    pipeline: Pipeline | None = None,
    static_dir: Path | None = STATIC,
    warm_answers: bool = True,
) -> FastAPI:
    """The API over the store at ``store_path`` (default ``$NEWSEVENTS_DB`` or ./newsevents.duckdb).

    ``token`` enables POST /api/articles and opens the store for writing. ``pipeline``
    is the one ingest uses (default: loaded on the first POST). A read-only server answers
    the dashboard's opening questions before its first request (``warm.py``) unless
    ``warm_answers`` is false. Raises ``StoreError``
    when the store does not exist or cannot be opened; the store closes with the app.
    """
    if token is not None and not token.strip():
        raise ValueError("the token is empty")
    if token is not None and not (token.isascii() and token.isprintable()):
        raise ValueError("the token must be printable ASCII (it travels in an HTTP header)")
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise ValueError(f"the token is {len(token)} characters; give at least {MIN_TOKEN_CHARS} "
                         "(e.g. openssl rand -hex 24)")
    path = Path(store_path) if store_path is not None else default_path()
    if not path.is_file():
        raise StoreError(f"{path}: no such store (`newsevents ingest FILES --db PATH` creates one)")
    store = Store(path, read_only=token is None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store.read_only and warm_answers:
            await run_in_threadpool(warm, store)
        yield
        store.close()

    app = FastAPI(
        title="newsevents", version=_version(), description=DESCRIPTION, lifespan=lifespan,
        docs_url=None, redoc_url=None,
    )
    app.state.store = store
    app.state.token = token
    app.state.ingestor = Ingestor(store, pipeline)
    app.add_exception_handler(RequestValidationError, _invalid)  # type: ignore[arg-type]
    app.add_exception_handler(StoreError, _store_error)  # type: ignore[arg-type]
    for router in ROUTERS:
        app.include_router(router)
    if static_dir is not None and static_dir.is_dir():
        app.mount("/", StaticFiles(directory=static_dir, html=True), name="dashboard")
    return app


async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 as FastAPI gives it (``detail``: one entry per problem), each message without
    pydantic's "Value error, " prefix, plus ``message``: all of them on one line."""
    errors: list[dict[str, Any]] = jsonable_encoder(exc.errors())
    for error in errors:
        error["msg"] = str(error.get("msg", "")).removeprefix("Value error, ")
        error.pop("ctx", None)
    message = "; ".join(f"{_where(e.get('loc', ()))}: {e['msg']}" for e in errors)
    return JSONResponse({"detail": errors, "message": message}, status_code=422)


def _where(loc: list[Any] | tuple[Any, ...]) -> str:
    """("query", "bbox") -> "bbox"; ("body", 2, "text") -> "body[2].text"."""
    out = ""
    for i, part in enumerate(loc):
        if isinstance(part, int):
            out += f"[{part}]"
        elif i == 0 and part in ("query", "path", "header") and len(loc) > 1:
            continue
        else:
            out += f".{part}" if out else str(part)
    return out or "request"


async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
    """A store that cannot answer (read-only, corrupt, gone): say so rather than a bare 500."""
    return JSONResponse({"detail": str(exc)}, status_code=503)
