"""The only module that joins the stages: parse, then extract."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.dedup import DEFAULT_THRESHOLD, BatchTexts, StoryIndex, ThreadIndex, load_thread_settings
from newsevents.errors import ArticleTooLongError
from newsevents.extract import ActorResolver, extract_events, extract_quotes
from newsevents.extract.gazetteer import Gazetteer, load_gazetteer
from newsevents.extract.places import resolve_places
from newsevents.ingest.text import parse_iso_date
from newsevents.nlp import DEFAULT_MODEL, load_pipeline, parse_articles
from newsevents.ontology import Ontology, load_ontology
from newsevents.records import Article, CodedArticle, Event, Location
from newsevents.store import IngestReport, Store


class Pipeline:
    """Parse and code articles with one spaCy pipeline and one ontology."""

    def __init__(
        self,
        *,
        model: str = DEFAULT_MODEL,
        ontology: Ontology | None = None,
        extra_ontology: tuple[Path, ...] = (),
        nlp: Language | None = None,
    ) -> None:
        self.nlp = nlp or load_pipeline(model)
        self.ontology = ontology or load_ontology(extra_ontology)
        self.extra_ontology = extra_ontology

    @functools.cached_property
    def gazetteer(self) -> Gazetteer:
        """The offline gazetteer, built on first use (a few seconds, once per process)."""
        return load_gazetteer(extra=self.extra_ontology)

    def places(self, doc: Doc) -> list[Location]:
        """Every place the parsed article names, resolved."""
        return resolve_places(doc, gazetteer=self.gazetteer, ontology=self.ontology)

    def check(self, article: Article) -> None:
        """Raise ``ArticleTooLongError`` for a text the parser would refuse."""
        if len(article.text) > self.nlp.max_length:
            raise ArticleTooLongError(
                f"{article.id}: {len(article.text)} characters; the parser takes at most "
                f"{self.nlp.max_length}"
            )

    def extract(
        self, articles: Iterable[Article], *, batch_size: int = 16, quotes: bool = False
    ) -> Iterator[CodedArticle]:
        """Yield each article coded, in input order (``check`` them first).

        ``quotes`` also extracts quotations with their speakers.
        """
        for doc, article in parse_articles(articles, nlp=self.nlp, batch_size=batch_size):
            events = extract_events(doc, article, ontology=self.ontology, toponyms=self.places(doc))
            coded = CodedArticle(article, events=events)
            if quotes:
                resolver = ActorResolver(self.ontology, doc, text=article.text)
                coded.quotes = extract_quotes(doc, article, resolver=resolver, ontology=self.ontology)
            yield coded

    def extract_text(self, text: str, *, date: str | None = None, id: str = "text") -> list[Event]:
        """Code one text; ``date`` is its ISO publication date."""
        article = Article(id=id, date=parse_iso_date(date), text=text)
        return next(self.extract([article])).events

    def ingest(
        self,
        articles: Iterable[Article],
        store: Store,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        batch_size: int = 64,
        on_batch: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Code the articles the store lacks, store them, and merge their events into stories.

        See ``ingest_coded``; ``on_batch`` receives the number of articles handled.
        """
        coded = self.extract(store.new_articles(articles), batch_size=16, quotes=True)
        return ingest_coded(coded, store, threshold=threshold, batch_size=batch_size, on_batch=on_batch)


def ingest_coded(
    coded: Iterable[CodedArticle],
    store: Store,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_confidence: float = 0.5,
    batch_size: int = 64,
    on_batch: Callable[[int], None] | None = None,
) -> IngestReport:
    """Store coded articles batch by batch, each in its thread, and merge their events into
    the stored stories.

    Each batch is stored in one transaction with the threads its articles join or start and
    the stories its events join or start (same type, near dates, compatible places and
    actors, alike text, the same thread), so a crash leaves every article with its thread
    and stories or neither. Threads and stories keep their matching state and the store
    keeps word counts, so they do not depend on how the input was batched. Articles stored
    before threads existed are put in threads first.
    """

    def merge(added: list[CodedArticle]) -> None:
        texts = BatchTexts()  # the batch's words, counted once for threads and stories
        thread_of = _thread(added, store, texts)
        events = [e for c in added for e in c.events]
        if events:
            dates = sorted(e.date for e in events if e.date)
            existing = store.candidate_stories(
                {e.event_type for e in events},
                _shift(dates[0], -7) if dates else None,
                _shift(dates[-1], 7) if dates else None,
            )
            states = store.story_states(s.id for s in existing)
            index = StoryIndex(existing, threshold=threshold, states=states, texts=texts)
            index.add(added, min_confidence=min_confidence, thread_of=thread_of)
            store.put_stories(index.stories(), index.states())
        store.add_term_df(texts.stats.added_docs, texts.stats.added_df)

    for chunk in store.unthreaded():  # articles stored before threads existed (schema version 2)
        with store.transaction():
            _thread([CodedArticle(a) for a in chunk], store, BatchTexts())
    total = IngestReport()
    for batch in _batches(coded, batch_size):
        total.merge(store.add(batch, batch_size=batch_size, on_stored=merge))
        if on_batch is not None:
            on_batch(len(batch))
    return total


def _thread(added: list[CodedArticle], store: Store, texts: BatchTexts) -> dict[str, str]:
    """Put each article in the stored thread it fits (or a new one), inside the caller's
    transaction; returns each article's thread."""
    texts.add([c.article for c in added], store.term_df)
    wanted = {(t, c.article.date) for c in added for t in texts[c.article.id].top}
    existing, states = store.candidate_threads(wanted, load_thread_settings().window_days)
    index = ThreadIndex(existing, states=states, texts=texts)
    index.add(added)
    store.put_threads(index.threads(), index.states(), index.thread_of)
    return index.thread_of


def _batches(items: Iterable[CodedArticle], size: int) -> Iterator[list[CodedArticle]]:
    batch: list[CodedArticle] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _shift(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()
