"""The Store: the one owner of the DuckDB connection (DuckDB allows one writer).

Every read and write goes through this class and its lock, so the one-writer rule
lives in one place. Writes are batched: a batch of articles, with all their events
and quotes, is one transaction, so a crash leaves each article whole or absent.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

if TYPE_CHECKING:
    from typing_extensions import Unpack

from newsevents.errors import StoreError
from newsevents.records import Article, CodedArticle, Story
from newsevents.store import rows as R
from newsevents.store.answers import Answer, Answers, key
from newsevents.store.browse import TABLES
from newsevents.store.parties import PARTIES_IN_LISTS_SQL, insert_parties_sql
from newsevents.store.queries import FilterArgs, Filters, events_sql, stories_sql, words_sql
from newsevents.store.threads import ThreadTables

SCHEMA_VERSION = "5"
ENV_VAR = "NEWSEVENTS_DB"
DEFAULT_PATH = "newsevents.duckdb"
_UPGRADED = ("1", "2", "3", "4")  # versions ``Store._upgrade`` brings to this one
_LARGEST_COUNT = 2**31 - 1  # the dead/injured/arrested columns are INTEGER

_PANDAS_DTYPES = {R.STR: "string", R.DATE: "string", R.TIME: "string", R.JSON: "string",
                  R.LIST: "string", R.INT: "Int64", R.FLOAT: "Float64", R.BOOL: "boolean"}
_SQL_CASTS = {R.STR: "{c}::VARCHAR", R.DATE: "TRY_CAST({c} AS DATE)", R.TIME: "{c}::TIMESTAMP",
              R.JSON: "{c}::JSON", R.LIST: "from_json({c}, '[\"VARCHAR\"]')", R.INT: "{c}::BIGINT",
              R.FLOAT: "{c}::DOUBLE", R.BOOL: "{c}::BOOLEAN"}


def default_path() -> Path:
    """``$NEWSEVENTS_DB`` if set, else ``./newsevents.duckdb``."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_PATH)


@dataclass(slots=True)
class IngestReport:
    """What ``Store.add`` did, article by article (ids in input order)."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    quotes: int = 0
    batches: int = 0

    def merge(self, other: IngestReport) -> None:
        """Add another report's counts to this one (one ingest run, many calls)."""
        self.added += other.added
        self.skipped += other.skipped
        self.rejected += other.rejected
        self.events += other.events
        self.quotes += other.quotes
        self.batches += other.batches

    def summary(self) -> str:
        return (f"{len(self.added)} articles added ({self.events} events, {self.quotes} quotes), "
                f"{len(self.skipped)} already stored, {len(self.rejected)} rejected")


class Store(ThreadTables):
    """A DuckDB file of articles, events, quotes and stories; creates the schema on open.

    Use one Store per process and share it between threads (its lock serialises
    them); a second process cannot open the same file while this one holds it.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        self._lock = threading.RLock()
        self._depth = 0  # nesting of ``transaction``
        self._readers: duckdb.DuckDBPyConnection | None = None  # mints ``reader`` cursors
        self._readers_lock = threading.Lock()
        self._answers = Answers()  # reads answered from memory until the next write
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc
        self._prepare()

    # -- life cycle -------------------------------------------------------------------------

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
        lack ``events.parties_in_lists`` (added by schema.sql), filled here from ``parties``."""
        found = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if found and found[0] in _UPGRADED:
            with self.transaction():
                if found[0] == "1":
                    self._index_words("SELECT id FROM articles", [])
                if found[0] != "4":
                    self._con.execute(insert_parties_sql("events", from_records=True))
                self._con.execute(PARTIES_IN_LISTS_SQL)
                self._con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION])

    def _index_words(self, article_ids: str, params: list[Any]) -> None:
        """Add the words of these articles (a subquery of ids) to ``article_terms``."""
        words = words_sql("coalesce(title, '') || ' ' || text")
        self._con.execute(
            f"INSERT INTO article_terms SELECT unnest({words}), id FROM articles WHERE id IN ({article_ids})",
            params,
        )

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles, events, quotes -----------------------------------------------------------

    def known(self, ids_or_hashes: Iterable[str]) -> set[str]:
        """Those of the given strings that are a stored article's id or content hash."""
        wanted = list(dict.fromkeys(ids_or_hashes))
        if not wanted:
            return set()
        with self._lock:
            found = self._con.execute(
                "SELECT k FROM unnest(?::VARCHAR[]) t(k) WHERE k IN (SELECT id FROM articles) "
                "OR k IN (SELECT content_hash FROM articles)",
                [wanted],
            ).fetchall()
        return {k for (k,) in found}

    def new_articles(self, articles: Iterable[Article], *, chunk: int = 1000) -> Iterator[Article]:
        """The articles not stored yet (by id or content hash), lazily: skip them before parsing."""
        buffer: list[Article] = []
        for article in articles:
            buffer.append(article)
            if len(buffer) >= chunk:
                yield from self._unknown(buffer)
                buffer = []
        yield from self._unknown(buffer)

    def _unknown(self, articles: list[Article]) -> list[Article]:
        hashes = [R.content_hash(a) for a in articles]
        known = self.known([a.id for a in articles] + hashes)
        return [a for a, h in zip(articles, hashes, strict=True) if a.id not in known and h not in known]

    def add(
        self,
        coded: Iterable[CodedArticle],
        *,
        batch_size: int = 64,
        on_batch: Callable[[IngestReport], None] | None = None,
        on_stored: Callable[[list[CodedArticle]], None] | None = None,
    ) -> IngestReport:
        """Store coded articles; one transaction per batch of articles.

        An article whose id or content hash is stored already (or came earlier in
        this input) is skipped. An article whose own events or quotes repeat an id is
        rejected and the others go on. ``on_stored`` receives the articles a batch
        added, inside its transaction (what it writes commits or rolls back with
        them); ``on_batch`` is called after each commit.
        """
        report = IngestReport()
        seen: set[str] = set()
        batch: list[CodedArticle] = []
        for item in coded:
            batch.append(item)
            if len(batch) >= batch_size:
                self._write_batch(batch, report, seen, on_stored)
                batch = []
                if on_batch:
                    on_batch(report)
        if batch:
            self._write_batch(batch, report, seen, on_stored)
            if on_batch:
                on_batch(report)
        return report

    def _write_batch(
        self,
        batch: list[CodedArticle],
        report: IngestReport,
        seen: set[str],
        on_stored: Callable[[list[CodedArticle]], None] | None,
    ) -> None:
        now = R.utc_now()
        hashes = [R.content_hash(c.article) for c in batch]
        try:
            with self.transaction():
                known = self.known([c.article.id for c in batch] + hashes)
                articles, events, quotes, parties = [], [], [], []
                added: list[CodedArticle] = []
                for item, digest in zip(batch, hashes, strict=True):
                    aid = item.article.id
                    if aid in known or digest in known or aid in seen or digest in seen:
                        report.skipped.append(aid)
                        continue
                    problem = _problem(item)
                    if problem:
                        report.rejected.append((aid, problem))
                        continue
                    seen.update((aid, digest))
                    added.append(item)
                    articles.append(R.article_row(item.article, n_events=len(item.events),
                                                  n_quotes=len(item.quotes), now=now))
                    events.extend(R.event_row(e, text=item.article.text) for e in item.events)
                    parties.extend(p for e in item.events for p in R.party_rows(e))
                    quotes.extend(R.quote_row(q) for q in item.quotes)
                self._insert("articles", articles, R.ARTICLE_COLUMNS)
                self._index_words("SELECT unnest(?::VARCHAR[])", [[c.article.id for c in added]])
                self._insert("events", events, R.EVENT_COLUMNS)
                if parties:
                    with self._registered(parties, R.PARTY_COLUMNS) as frame:
                        self._con.execute(insert_parties_sql(frame, from_records=False))
                self._insert("quotes", quotes, R.QUOTE_COLUMNS)
                if on_stored is not None and added:
                    on_stored(added)
        except StoreError as exc:
            ids = ", ".join(c.article.id for c in batch[:3])
            raise StoreError(f"a batch ({ids} ...) was not stored: {exc}") from exc
        report.added.extend(c.article.id for c in added)
        report.events += len(events)
        report.quotes += len(quotes)
        report.batches += 1

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction for the writes inside; nested uses join the outer one.

        On any error everything inside is rolled back, so a crash or a failed batch
        leaves the store as it was before.
        """
        with self._lock:
            if self._depth:
                yield  # the outer transaction commits or rolls back
                return
            if self.read_only:
                raise StoreError(f"{self.path}: the store was opened read-only")
            self._con.begin()
            self._depth = 1
            try:
                yield
                self._con.commit()
                self._answers.invalidate()
            except BaseException as exc:
                self._con.rollback()
                if isinstance(exc, duckdb.Error):
                    raise StoreError(f"{self.path}: nothing was written: {exc}") from exc
                raise
            finally:
                self._depth = 0

    def _insert(self, table: str, rows: list[R.Row], layout: dict[str, str]) -> None:
        """Insert rows as one DataFrame scan (inside the caller's transaction)."""
        if not rows:
            return
        with self._registered(rows, layout) as frame:
            self._insert_from(frame, table, layout)

    @contextmanager
    def _registered(self, rows: list[R.Row], layout: dict[str, str]) -> Iterator[str]:
        """The rows as a DataFrame DuckDB can scan, by the name yielded (an empty one when no rows)."""
        data = R.columns(rows, layout)
        frame = pd.DataFrame(
            {name: pd.Series(values, dtype=_PANDAS_DTYPES[layout[name]])
             for name, values in ((n, _carry(v, layout[n])) for n, v in data.items())}
        )
        self._con.register("_newsevents_rows", frame)
        try:
            yield "_newsevents_rows"
        finally:
            self._con.unregister("_newsevents_rows")

    def _insert_from(self, frame: str, table: str, layout: dict[str, str]) -> None:
        casts = ", ".join(_SQL_CASTS[kind].format(c=f'"{name}"') for name, kind in layout.items())
        self._con.execute(f"INSERT INTO {table} ({', '.join(layout)}) SELECT {casts} FROM {frame}")

    # -- stories ----------------------------------------------------------------------------

    def put_stories(self, stories: Iterable[Story], states: Mapping[str, Any] | None = None) -> int:
        """Insert or replace stories by id and point their mentions' ``story_id`` at them.

        Events that a replaced story no longer mentions lose their ``story_id``.
        ``states`` (story id to dedup state, see ``dedup.StoryIndex.states``) are kept
        beside the stories. One transaction for all. Returns the number of stories written.
        """
        latest = {s.id: s for s in stories}
        if not latest:
            return 0
        ids = list(latest)
        pairs = [(e, s.id) for s in latest.values() for e in s.mentions]
        kept = {k: v for k, v in (states or {}).items() if k in latest}
        now = R.utc_now()
        with self.transaction():
            self._con.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            self._insert("stories", [R.story_row(s, now=now) for s in latest.values()], R.STORY_COLUMNS)
            self._forget_state(ids)
            if kept:
                self._con.execute(
                    "INSERT INTO story_state SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])::JSON",
                    [list(kept), [R.compact_json(v) for v in kept.values()]],
                )
            self._unlink(ids)
            if pairs:
                self._con.execute(
                    "UPDATE events SET story_id = m.story_id FROM "
                    "(SELECT unnest(?::VARCHAR[]) AS event_id, unnest(?::VARCHAR[]) AS story_id) m "
                    "WHERE events.id = m.event_id",
                    [[e for e, _ in pairs], [s for _, s in pairs]],
                )
        return len(latest)

    def story_states(self, ids: Iterable[str]) -> dict[str, Any]:
        """The dedup states kept for these stories (stories without one are left out)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        with self._lock:
            found = self._con.execute(
                "SELECT story_id, state FROM story_state WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
                [wanted],
            ).fetchall()
        return {k: json.loads(v) for k, v in found}

    def term_df(self, terms: Iterable[str]) -> tuple[int, dict[str, int]]:
        """Stored articles' count and the document frequency of each of these words."""
        wanted = list(terms)
        with self._lock:
            row = self._con.execute("SELECT value FROM meta WHERE key = 'term_docs'").fetchone()
            found = self._con.execute(
                "SELECT term, df FROM term_df WHERE term IN (SELECT unnest(?::VARCHAR[]))", [wanted]
            ).fetchall() if wanted else []
        return (int(row[0]) if row else 0), dict(found)

    def add_term_df(self, docs: int, df: Mapping[str, int]) -> None:
        """Count more documents and the words they hold into the stored frequencies."""
        if not docs:
            return
        with self.transaction():
            self._con.execute(
                "INSERT INTO meta VALUES ('term_docs', ?) ON CONFLICT (key) DO UPDATE "
                "SET value = (meta.value::BIGINT + excluded.value::BIGINT)::VARCHAR",
                [str(docs)],
            )
            if df:
                self._con.execute(
                    "INSERT INTO term_df SELECT unnest(?::VARCHAR[]), unnest(?::BIGINT[]) "
                    "ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df",
                    [list(df), list(df.values())],
                )

    def _unlink(self, story_ids: list[str]) -> None:
        self._con.execute(
            "UPDATE events SET story_id = NULL WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [story_ids]
        )

    def _forget_state(self, story_ids: list[str]) -> None:
        self._con.execute(
            "DELETE FROM story_state WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [story_ids]
        )

    def drop_stories(self, ids: Iterable[str]) -> int:
        """Delete stories (merged into others, say) and unlink their mentions."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return 0
        with self.transaction():
            self._unlink(wanted)
            self._forget_state(wanted)
            (gone,) = self._con.execute(
                "DELETE FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
            ).fetchone() or (0,)
        return int(gone)

    def candidate_stories(
        self,
        event_types: Iterable[str] | None = None,
        date_from: str | date | None = None,
        date_to: str | date | None = None,
    ) -> list[Story]:
        """Stored stories new events might join: these types, dated within [from, to].

        A bound left as None is open; stories with no date match only when both are None.
        """
        filters = Filters(event_type=list(event_types) if event_types is not None else None,
                          date_from=date_from, date_to=date_to, include_historical=True)
        if event_types is not None and not filters.event_type:
            return []
        query, params = stories_sql(filters, with_record=True)
        with self._lock:
            records = self._con.execute(f"SELECT record FROM ({query})", params).fetchall()
        return [R.story_from_json(r) for (r,) in records]

    # -- feeds (newsevents watch) ------------------------------------------------------------

    def feed_state(self, feed: str) -> dict[str, Any] | None:
        """What ``newsevents watch`` kept of a feed (a JSON object; see docs/feeds.md), or None."""
        with self._lock:
            try:
                found = self._con.execute("SELECT state FROM feed_state WHERE feed = ?", [feed]).fetchone()
            except duckdb.CatalogException:  # a store opened read-only before the table existed
                return None
        return json.loads(found[0]) if found else None

    def put_feed_state(self, feed: str, state: Mapping[str, Any]) -> None:
        """Replace what is kept of a feed, in one transaction of its own."""
        with self.transaction():
            self._con.execute(
                "INSERT OR REPLACE INTO feed_state VALUES (?, ?::JSON, ?::TIMESTAMP)",
                [feed, json.dumps(state, ensure_ascii=False), R.utc_now()],
            )

    # -- queries ----------------------------------------------------------------------------

    def query_events(self, *, with_record: bool = False, **filters: Unpack[FilterArgs]) -> pd.DataFrame:
        """Events matching every given filter (see ``queries.Filters``), newest first;
        ``with_record`` adds the full contract record as JSON."""
        return self._frame(*events_sql(Filters(**filters), with_record=with_record))

    def query_stories(self, *, with_record: bool = False, **filters: Unpack[FilterArgs]) -> pd.DataFrame:
        """Stories matching every filter; ``text``/``min_confidence`` apply to any mention."""
        return self._frame(*stories_sql(Filters(**filters), with_record=with_record))

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self._lock:
            return {
                table: int(self._con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
                for table in TABLES
            }

    def sql(self, query: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Any SQL over the store's tables, for analysis; pass values as ``params``, never pasted in."""
        try:
            return self._frame(query, list(params))
        finally:
            if not self.read_only:  # the SQL may have written
                self._answers.invalidate()

    def copy(self, query: str, params: Sequence[Any], path: str | Path, options: str) -> int:
        """Have DuckDB write a query's rows to a file (CSV, Parquet) under the lock; rows written."""
        target = str(path).replace("'", "''")
        with self._lock:
            found = self._con.execute(f"COPY ({query}) TO '{target}' ({options})", list(params)).fetchone()
        return int(found[0]) if found else 0

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one thread's reads (the HTTP API takes one per request).

        Cursors of one DuckDB database run queries in parallel, each seeing the last
        committed state, so reads need not queue behind the lock that serialises the
        writes: cursors come from a connection kept for readers, under a lock of their
        own. SELECT only: writes go through the Store's methods, so the one-writer rule
        stays in this class. Closing the store closes every cursor still open.
        """
        with self._readers_lock:
            if self._readers is None:
                with self._lock:
                    self._readers = self._con.cursor()
            cursor = self._readers.cursor()
        try:
            yield cursor
        finally:
            with self._readers_lock:
                cursor.close()

    def fetch(self, cursor: duckdb.DuckDBPyConnection, query: str, params: Sequence[Any]) -> Answer:
        """Column names and rows of a read on a ``reader`` cursor; the same query with the same
        parameters is answered from memory until the store is next written (``answers.py``).
        The rows are shared between callers: read them, do not change them."""
        wanted = key(query, params)
        generation = self._answers.generation
        found = self._answers.get(generation, wanted)
        if found is not None:
            return found
        with self._answers.computing(wanted):
            found = self._answers.get(generation, wanted)  # another request may have just run it
            if found is None:
                cursor.execute(query, list(params))
                found = ([d[0] for d in cursor.description or ()], cursor.fetchall())
                self._answers.put(generation, wanted, found)
        return found

    def _frame(self, query: str, params: list[Any]) -> pd.DataFrame:
        with self._lock:
            return self._con.execute(query, params).df()


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at ``path``, ``$NEWSEVENTS_DB`` or ``./newsevents.duckdb``."""
    return Store(path, read_only=read_only)


def _carry(values: list[Any], kind: str) -> list[Any]:
    """Lists travel as JSON text: DataFrame scans cannot type an all-empty list column."""
    if kind == R.LIST:
        return [R.json_list(v) for v in values]
    return values


def _problem(item: CodedArticle) -> str | None:
    """Why an article cannot be stored whole, or None."""
    aid = item.article.id
    for kind, records in (("event", item.events), ("quote", item.quotes)):
        ids = [r.id for r in records]
        if len(set(ids)) != len(ids):
            return f"two {kind}s share an id"
        if any(r.article_id != aid for r in records):
            return f"a {kind} names another article"
    for event in item.events:
        counts = (event.size.dead, event.size.injured, event.size.arrested) if event.size else ()
        if any(c is not None and not 0 <= c <= _LARGEST_COUNT for c in counts):
            return f"event {event.id} has a count the store cannot hold"
    return None
