"""Fixtures for the extract tests that read whole texts with the real model."""

from __future__ import annotations

import pytest

from newsevents.extract.actors import ActorResolver
from newsevents.extract.quotes import extract_quotes
from newsevents.extract.sizes import find_sizes
from newsevents.records import Article


@pytest.fixture()
def quotes(pipeline):
    """Every quotation of a text, with each span checked against the text."""

    def run(text: str):
        article = Article(id="t", date=None, text=text)
        doc = pipeline.nlp(text)
        found = extract_quotes(
            doc, article, resolver=ActorResolver(pipeline.ontology, doc), ontology=pipeline.ontology
        )
        for quote in found:  # every span indexes the text exactly
            assert text[quote.span[0]:quote.span[1]] == quote.text
            assert quote.id.startswith("q-")
            if quote.verb_span is not None:
                assert text[quote.verb_span[0]:quote.verb_span[1]] == quote.verb
            if quote.speaker is not None:
                assert text[quote.speaker.span[0]:quote.speaker.span[1]] == quote.speaker.text
        return found

    return run


@pytest.fixture()
def one():
    """The first quotation holding ``fragment``."""

    def pick(found, fragment):
        hits = [q for q in found if fragment in q.text]
        assert hits, [q.text for q in found]
        return hits[0]

    return pick


@pytest.fixture()
def sizes(pipeline):
    """Parse a text; return its doc and the size mentions of every sentence."""

    def run(text):
        doc = pipeline.nlp(text)
        return doc, [m for sentence in doc.sents for m in find_sizes(sentence)]

    return run
