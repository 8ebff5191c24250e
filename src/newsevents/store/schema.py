"""The Store's schema: ``schema.sql`` created on open, its version checked, older files upgraded.

A class of ``Store`` built on its connection (``connection.py``), kept apart so that each
file holds one concern; docs/store.md says what each schema version added.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Any

import duckdb

from newsevents.errors import StoreError
from newsevents.store.connection import Connection
from newsevents.store.parties import (
    EVENT_KEYS_SQL,
    KEY_PARTIES_SQL,
    PARTIES_IN_LISTS_SQL,
    grouped_parties_sql,
    insert_keys_sql,
    insert_parties_sql,
)

SCHEMA_VERSION = "7"
_UPGRADED = ("1", "2", "3", "4", "5", "6")  # versions ``SchemaVersions._upgrade`` brings to this one


class SchemaVersions(Connection):
    """Creates the tables on open and refuses (or, opened for writing, upgrades) another version."""

    if TYPE_CHECKING:
        def _index_words(self, article_ids: str, params: list[Any]) -> None: ...  # ingest.py

    def _prepare(self) -> None:
        with self._lock:
            if not self.read_only:
                schema = resources.files("newsevents.store").joinpath("schema.sql").read_text("utf-8")
                self._con.execute(schema)
                self._con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
                self._upgrade()
            try:
                found = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            except duckdb.CatalogException as exc:
                raise StoreError(f"{self.path}: not a newsevents store") from exc
            if not found or found[0] != SCHEMA_VERSION:
                version = found[0] if found else None
                hint = "; opening it for writing (as `newsevents ingest` does) upgrades it"
                hint = hint if version in _UPGRADED else ""
                raise StoreError(
                    f"{self.path}: schema version {version}; this newsevents reads {SCHEMA_VERSION}{hint}"
                )

    def _upgrade(self) -> None:
        """Bring an older store to this version: version 1 lacks the word index, which is
        built here; version 2 lacks threads, whose tables schema.sql has just created (its
        articles are put in threads by the next ingest: ``pipeline.ingest_coded``); versions
        1 to 3 lack the ``parties`` table, built here from the stored events; versions 1 to 4
        lack ``events.parties_in_lists`` (added by schema.sql), filled here from ``parties``;
        versions 1 to 5 lack ``party_keys`` and the keys on ``parties`` and ``events``, numbered
        and filled here; versions 1 to 6 lack ``thread_aliases`` (created by schema.sql; threads
        moved before it have no alias)."""
        found = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if found and found[0] in _UPGRADED:
            with self.transaction():
                if found[0] != "6":
                    self._upgrade_parties(found[0])
                self._con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION])

    def _upgrade_parties(self, version: str) -> None:
        """Versions 1 to 5: the word index, parties and their keys (see ``_upgrade``)."""
        if version == "1":
            self._index_words("SELECT id FROM articles", [])
        if version in ("1", "2", "3"):
            grouped = grouped_parties_sql("events", from_records=True)
            self._con.execute(insert_keys_sql(grouped))
            self._con.execute(insert_parties_sql(grouped, returning=False))
        else:
            self._con.execute(insert_keys_sql("SELECT name, country, sector, resolved FROM parties"))
            self._con.execute(KEY_PARTIES_SQL)
        if version != "5":
            self._con.execute(PARTIES_IN_LISTS_SQL)
        self._con.execute(EVENT_KEYS_SQL)
