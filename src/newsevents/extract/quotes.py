"""Quotes: who said what, in quotation marks or in reported speech.

One reader per article finds the direct quotations first (direct_quotes.py), then the
reported speech outside them (reported_speech.py), then resolves each speaker in text
order (quote_speakers.py). ``ArticleQuotes`` keeps an article's quotations once found,
so the events' coreference and the quote records share one pass.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsevents.extract.actors import ActorResolver
from newsevents.extract.direct_quotes import DirectQuotes
from newsevents.extract.quote_speakers import QuoteSpeakers
from newsevents.extract.reported_speech import ReportedSpeech
from newsevents.ontology import Ontology
from newsevents.records import Article, Quote


class QuoteExtractor(DirectQuotes, ReportedSpeech, QuoteSpeakers):
    """Finds every quotation of one article; one instance per article."""

    def run(self) -> list[Quote]:
        direct = self._direct()
        found = direct + self._indirect(direct)
        return self._resolve(found)


class ArticleQuotes:
    """One article's quotations, found on first use and kept: the events' coreference (a
    quoted "we" is its speaker's side) and the quote records share one pass."""

    def __init__(self, doc: Doc, article: Article, ontology: Ontology) -> None:
        self.doc = doc
        self.article = article
        self.onto = ontology
        self._found: list[Quote] | None = None

    def __call__(self) -> list[Quote]:
        if self._found is None:
            # a resolver of its own: speakers are resolved in text order
            resolver = ActorResolver(self.onto, self.doc, text=self.article.text)
            self._found = extract_quotes(self.doc, self.article, resolver=resolver, ontology=self.onto)
        return self._found


def extract_quotes(doc: Doc, article: Article, *, resolver: ActorResolver, ontology: Ontology) -> list[Quote]:
    """Every direct and indirect quotation of the article with its speaker, in text order.

    ``resolver`` should be a fresh ``ActorResolver(ontology, doc)``: speakers are
    resolved in text order, and its memory is what lets "he said" find a name.
    """
    return QuoteExtractor(doc, article, resolver, ontology).run()
