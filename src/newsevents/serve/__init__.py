"""Serve: the store over HTTP (JSON API under /api) and the dashboard's static files.

    >>> from newsevents.serve import create_app
    >>> app = create_app("events.duckdb")            # read-only
    >>> app = create_app("events.duckdb", token=t)   # POST /api/articles enabled

``newsevents serve`` runs it with uvicorn; docs/api.md lists the endpoints.
"""

from newsevents.serve.app import create_app

__all__ = ["create_app"]
