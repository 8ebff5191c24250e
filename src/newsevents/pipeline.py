"""The only module that joins the stages: parse, then extract."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.errors import ArticleTooLongError
from newsevents.extract import ActorResolver, extract_events, extract_quotes
from newsevents.extract.gazetteer import Gazetteer, load_gazetteer
from newsevents.extract.places import resolve_places
from newsevents.ingest.text import parse_iso_date
from newsevents.nlp import DEFAULT_MODEL, load_pipeline, parse_articles
from newsevents.ontology import Ontology, load_ontology
from newsevents.records import Article, CodedArticle, Event, Location


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
