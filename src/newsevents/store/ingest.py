"""The Store's write path for coded articles: each batch, with its events, quotes, parties
and words, in one transaction, so a crash leaves each article whole or absent.

A class of ``Store`` built on its connection (``connection.py``), kept apart so that each
file holds one concern.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsevents.errors import StoreError
from newsevents.records import Article, CodedArticle
from newsevents.store import rows as R
from newsevents.store.connection import Connection
from newsevents.store.parties import grouped_parties_sql, insert_keys_sql, insert_parties_sql
from newsevents.store.queries import words_sql

_LARGEST_COUNT = 2**31 - 1  # the dead/injured/arrested columns are INTEGER


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


class ArticleWrites(Connection):
    """``articles``, ``events``, ``quotes``, ``parties`` and ``article_terms``: added, never changed."""

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
                if parties:
                    self._key_events(events, self._insert_parties(parties))
                self._insert("events", events, R.EVENT_COLUMNS)
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

    def _insert_parties(self, parties: list[R.Row]) -> dict[tuple[str, str], int]:
        """Insert the batch's party rows (numbering new ones in ``party_keys``); the key of each
        (event id, role) row."""
        with self._registered(parties, R.PARTY_COLUMNS) as frame:
            grouped = grouped_parties_sql(frame, from_records=False)
            self._con.execute(insert_keys_sql(grouped))
            returned = self._con.execute(insert_parties_sql(grouped)).fetchall()
        return {(eid, role): key for eid, role, key in returned}

    @staticmethod
    def _key_events(events: list[R.Row], keys: dict[tuple[str, str], int]) -> None:
        """An event whose parties are in its lists gets the key of its one actor and recipient."""
        for row in events:
            if row["parties_in_lists"]:
                row["actor_key"] = keys.get((row["id"], "actor"))
                row["recipient_key"] = keys.get((row["id"], "recipient"))

    def _index_words(self, article_ids: str, params: list[Any]) -> None:
        """Add the words of these articles (a subquery of ids) to ``article_terms``."""
        words = words_sql("coalesce(title, '') || ' ' || text")
        self._con.execute(
            f"INSERT INTO article_terms SELECT unnest({words}), id FROM articles WHERE id IN ({article_ids})",
            params,
        )


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
