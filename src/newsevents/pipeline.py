"""The only module that joins the stages: parse, then extract.

Every per-article step runs inside one guard (``Pipeline.each``): whatever an article
makes a stage raise becomes a ``CodingError`` (E007) naming that article on one line,
and the next article goes on. ``extract`` (the CLI, the eval), ``code`` (the Ray
coders), ``ingest`` (the CLI, ``watch``, the API) all go through it.
"""

from __future__ import annotations

import functools
import gc
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.dedup import (
    DEFAULT_THRESHOLD,
    BatchTexts,
    StoryIndex,
    ThreadIndex,
    load_relations,
    load_thread_settings,
)
from newsevents.errors import ArticleTooLongError, CodingError
from newsevents.extract import ArticleQuotes, extract_events
from newsevents.extract.dates import dated_by_text
from newsevents.extract.gazetteer import Gazetteer, load_gazetteer
from newsevents.extract.places import resolve_places
from newsevents.extract.tolls import one_toll_per_act
from newsevents.ingest.clean import BoilerplateRules, load_rules, mark_boilerplate, repair_characters
from newsevents.ingest.text import parse_iso_date
from newsevents.nlp import DEFAULT_MODEL, load_pipeline, parse_article, parse_articles
from newsevents.ontology import Ontology, load_ontology
from newsevents.records import Article, CodedArticle, Event, Location
from newsevents.store import IngestReport, Store

T = TypeVar("T")
log = logging.getLogger("newsevents.pipeline")


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
        """The offline gazetteer, built on first use (a few seconds, once per process).

        Its ~600,000 objects live as long as the process, so they are moved out of the cyclic
        garbage collector's way (``gc.freeze``, after a collection so no garbage is kept):
        otherwise every full collection, which coding's allocations set off every hundred
        articles or so, walks all of them again (about a twentieth of extraction's CPU).
        """
        gazetteer = load_gazetteer(extra=self.extra_ontology)
        gc.collect()
        gc.freeze()
        return gazetteer

    @functools.cached_property
    def boilerplate(self) -> BoilerplateRules:
        """What is not news in an article (boilerplate.yaml), masked before parsing."""
        return load_rules(self.extra_ontology)

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

    def each(
        self, articles: Iterable[Article], step: Callable[[Doc, Article], T], *, batch_size: int = 16
    ) -> Iterator[tuple[Article, T | CodingError]]:
        """Parse each article and run ``step`` on it, in input order: the guard.

        Any exception one article raises (in its parse or in ``step``) comes back as that
        article's ``CodingError`` and the next article goes on. A batch whose parse fails
        is parsed again one article at a time, so only the bad one is lost.
        """
        for article, doc in self._parsed(articles, batch_size):
            if isinstance(doc, CodingError):
                yield article, doc
                continue
            try:
                result: T | CodingError = step(doc, article)
            except Exception as exc:  # the guard: one article's failure is one line
                result = _failed(article, exc)
            yield article, result

    def _parsed(self, articles: Iterable[Article], size: int) -> Iterator[tuple[Article, Doc | CodingError]]:
        """Each article masked (``Article.masked``) and parsed, or its error, in input order."""
        iterator = iter(articles)
        while batch := list(itertools.islice(iterator, size)):
            cleaned = [self._clean(article) for article in batch]
            ready = [article for article, failed in cleaned if failed is None]
            try:
                docs = [doc for doc, _ in parse_articles(ready, nlp=self.nlp, batch_size=size)]
            except Exception:
                docs = []
            parsed = iter(docs) if len(docs) == len(ready) else None
            for article, failed in cleaned:
                if failed is not None:
                    yield article, failed
                elif parsed is not None:
                    yield article, next(parsed)
                else:  # the batch's parse failed: again one at a time, so only the bad one is lost
                    try:
                        yield article, parse_article(article, nlp=self.nlp)
                    except Exception as exc:
                        yield article, _failed(article, exc)

    def _clean(self, article: Article) -> tuple[Article, CodingError | None]:
        try:
            return mark_boilerplate(repair_characters(article), self.boilerplate), None
        except Exception as exc:  # the guard covers the cleaner too
            return article, _failed(article, exc)

    def code(
        self, articles: Iterable[Article], *, batch_size: int = 16, quotes: bool = False
    ) -> Iterator[CodedArticle | CodingError]:
        """Each article coded, or its ``CodingError``, one item per article in input order."""
        _ = self.gazetteer  # built (and frozen) before any parsed article is held: none is frozen with it
        step = functools.partial(self._code, quotes=quotes)
        for _, result in self.each(articles, step, batch_size=batch_size):
            yield result

    def _code(self, doc: Doc, article: Article, *, quotes: bool) -> CodedArticle:
        dated = dated_by_text(article)  # an undated page that prints its date is grounded on it
        found = ArticleQuotes(doc, dated, self.ontology)  # one pass, whoever asks first
        events = extract_events(doc, dated, ontology=self.ontology, toponyms=self.places(doc), quotes=found)
        one_toll_per_act(events, doc)  # the attack, its dead and its injured: one toll
        coded = CodedArticle(article, events=events)
        if quotes:
            coded.quotes = found()
        return coded

    def extract(
        self, articles: Iterable[Article], *, batch_size: int = 16, quotes: bool = False,
        on_error: Callable[[CodingError], None] | None = None,
    ) -> Iterator[CodedArticle]:
        """Yield each article coded, in input order (``check`` them first).

        ``quotes`` also extracts quotations with their speakers. Menus, captions, credits
        and the like are masked first (``Article.masked``): nothing is coded from them. An
        article that cannot be coded goes to ``on_error`` and is left out; without
        ``on_error`` its error is raised.
        """
        for result in self.code(articles, batch_size=batch_size, quotes=quotes):
            if isinstance(result, CodingError):
                if on_error is None:
                    raise result
                on_error(result)
                continue
            yield result

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

        See ``ingest_coded``; ``on_batch`` receives the number of articles handled. An
        article that cannot be coded is not stored: it is in the report's ``rejected``.
        """
        failed: list[CodingError] = []
        coded = self.extract(store.new_articles(articles), batch_size=16, quotes=True, on_error=failed.append)
        report = ingest_coded(coded, store, threshold=threshold, batch_size=batch_size, on_batch=on_batch)
        report.rejected += [(error.article_id, f"{error.code} {error.reason}") for error in failed]
        return report


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
                load_relations().related(e.event_type for e in events),
                _shift(dates[0], -7) if dates else None,
                _shift(dates[-1], 7) if dates else None,
                threads=thread_of.values(),
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


def _failed(article: Article, exc: Exception) -> CodingError:
    """The guard's error for one article; the traceback goes to the debug log."""
    log.debug("%s: could not be coded", article.id, exc_info=exc)
    return CodingError.of(article.id, exc)


def _thread(added: list[CodedArticle], store: Store, texts: BatchTexts) -> dict[str, str]:
    """Put each article in the stored thread it fits (or a new one), inside the caller's
    transaction; returns each article's thread."""
    texts.add([c.article for c in added], store.term_df)
    wanted = {(t, c.article.date) for c in added for t in texts[c.article.id].top}
    existing, states = store.candidate_threads(wanted, load_thread_settings().window_days)
    index = ThreadIndex(existing, states=states, texts=texts)
    index.add(added)
    store.put_threads(index.threads(), index.states(), index.thread_of, index.moved)
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
    """``iso`` moved by ``days``, kept within the years a date can have (1 to 9999)."""
    moved = date.fromisoformat(iso).toordinal() + days
    return date.fromordinal(min(max(moved, 1), date.max.toordinal())).isoformat()
