"""Shared fixtures: the real spaCy pipeline and ontology, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from newsevents.extract import scoring
from newsevents.extract.actors import ActorResolver
from newsevents.extract.gazetteer import load_gazetteer
from newsevents.extract.places import resolve_places
from newsevents.extract.quotes import extract_quotes
from newsevents.extract.sizes import find_sizes
from newsevents.nlp import load_pipeline, parse_article
from newsevents.ontology import Ontology, load_ontology
from newsevents.pipeline import Pipeline
from newsevents.records import Article

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def ontology() -> Ontology:
    return load_ontology()


@pytest.fixture(scope="session")
def pipeline(ontology: Ontology) -> Pipeline:
    return Pipeline(ontology=ontology)


@pytest.fixture(scope="module")
def gazetteer():
    """The bundled gazetteer."""
    return load_gazetteer()


@pytest.fixture(scope="module")
def places(gazetteer, ontology):
    """Parse a text (an article's, with its title if given) and resolve its places: (doc, toponyms)."""
    nlp = load_pipeline()

    def run(text, title=None):
        doc = parse_article(Article(id="text", date=None, text=text, title=title), nlp=nlp)
        return doc, resolve_places(doc, gazetteer=gazetteer, ontology=ontology)

    return run


@pytest.fixture()
def code(pipeline: Pipeline):
    """Code one text dated 2023-05-30 (a Tuesday) and return its events."""

    def run(text: str, date: str = "2023-05-30"):
        return pipeline.extract_text(text, date=date)

    return run


@Language.component("test_fails_on_boom")
def _fails_on_boom(doc):
    """A pipeline step that breaks on one article, as a user's own component might."""
    if "boom" in doc.text:
        raise RecursionError("maximum recursion depth exceeded")
    return doc


@pytest.fixture()
def breaking(pipeline):
    """A pipeline whose parse fails on articles that say "boom" (the bundled gazetteer and
    ontology, a blank English parse)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_fails_on_boom")
    broken = Pipeline(nlp=nlp, ontology=pipeline.ontology)
    broken.gazetteer = pipeline.gazetteer
    return broken


@pytest.fixture()
def event_on(code):
    """Code a text and return its first event whose trigger starts with ``trigger``."""

    def run(text: str, trigger: str, date: str = "2023-05-30"):
        found = [e for e in code(text, date) if e.trigger.text.startswith(trigger)]
        assert found, f"no event on {trigger!r}"
        return found[0]

    return run


@pytest.fixture()
def scored(pipeline, monkeypatch):
    """Code a text and return, for each of its events, the evidence, the event and the
    confidence features scoring.features computed of them."""
    features = scoring.features

    def run(text: str, date: str = "2023-05-30"):
        seen = []

        def keeping(evidence, event, *context):
            seen.append((evidence, event, features(evidence, event, *context)))
            return seen[-1][2]

        monkeypatch.setattr(scoring, "features", keeping)
        pipeline.extract_text(text, date=date)
        monkeypatch.setattr(scoring, "features", features)
        return seen

    return run


# --- extract tests that read whole texts with the real model (a conftest under tests/extract
# would shadow this one for `from conftest import ...`) ---


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
