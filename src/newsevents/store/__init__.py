"""Store: coded articles, events, quotes and stories in one DuckDB file.

    >>> from newsevents.store import open_store
    >>> with open_store("events.duckdb") as store:
    ...     report = store.add(pipeline.extract(store.new_articles(articles), quotes=True))
    ...     frame = store.query_events(event_type="PROTEST", actor_country="SRB")

The path is the argument, else ``$NEWSEVENTS_DB``, else ``./newsevents.duckdb``.
"""

from newsevents.store.connection import DEFAULT_PATH, ENV_VAR, default_path
from newsevents.store.duckdb import Store, open_store
from newsevents.store.ingest import IngestReport
from newsevents.store.rows import content_hash
from newsevents.store.schema import SCHEMA_VERSION

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
