"""The only module that joins the stages: parse, then extract."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from newsevents.extract import extract_events
from newsevents.ingest.text import parse_iso_date
from newsevents.nlp import DEFAULT_MODEL, load_pipeline, parse_articles
from newsevents.ontology import Ontology, load_ontology
from newsevents.records import Article, Event


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

    def extract(
        self, articles: Iterable[Article], *, batch_size: int = 16
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Yield each article with its events, in input order."""
        for doc, article in parse_articles(articles, nlp=self.nlp, batch_size=batch_size):
            yield article, extract_events(doc, article, ontology=self.ontology)

    def extract_text(self, text: str, *, date: str | None = None, id: str = "text") -> list[Event]:
        """Code one text; ``date`` is its ISO publication date."""
        article = Article(id=id, date=parse_iso_date(date), text=text)
        return next(self.extract([article]))[1]
