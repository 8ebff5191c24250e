"""``serve``: the store as a JSON API and the dashboard."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from newsevents.cli.common import Db, err, error
from newsevents.errors import NewsEventsError


def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 exposes it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token_env: Annotated[str | None, typer.Option(
        "--token-env", help="Environment variable holding a token that enables POST /api/articles.")] = None,
    token: Annotated[str | None, typer.Option(
        envvar="NEWSEVENTS_TOKEN", show_envvar=True,
        help="The token itself (others can read it in the process list: prefer --token-env).")] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level (warning: no access log).")] = "info",
) -> None:
    """Serve the store as a JSON API under /api (and the dashboard at /); read-only without a token."""
    import uvicorn

    from newsevents.serve import create_app
    from newsevents.store import default_path

    if token_env is not None:
        token = os.environ.get(token_env)
        if not token:
            error(f"--token-env {token_env}: that variable is not set or is empty")
            raise typer.Exit(2)
    path = db or default_path()
    try:
        api = create_app(path, token=token or None)
    except (NewsEventsError, ValueError) as exc:
        error(exc)
        raise typer.Exit(2) from None
    shown = f"[{host}]" if ":" in host else host
    mode = "ingest enabled (POST /api/articles with the token)" if token else "read-only"
    err.print(f"serving {path} ({mode}) at http://{shown}:{port}/  API: /api/..., spec: /openapi.json",
              soft_wrap=True)
    uvicorn.run(api, host=host, port=port, log_level=log_level)

