"""Store: coded articles, events, quotes and stories in one DuckDB file.

    >>> from newsevents.store import open_store
    >>> with open_store("events.duckdb") as store:
    ...     report = store.add(pipeline.extract(store.new_articles(articles), quotes=True))
    ...     frame = store.query_events(event_type="PROTEST", actor_country="SRB")

The path is the argument, else ``$NEWSEVENTS_DB``, else ``./newsevents.duckdb``.
"""

from newsevents.store.duckdb import (
    DEFAULT_PATH,
    ENV_VAR,
    SCHEMA_VERSION,
    IngestReport,
    Store,
    default_path,
    open_store,
)
from newsevents.store.rows import content_hash

__all__ = [
    "DEFAULT_PATH",
    "ENV_VAR",
    "SCHEMA_VERSION",
    "IngestReport",
    "Store",
    "content_hash",
    "default_path",
    "open_store",
]
