"""Fixtures of the extract tests: the bundled gazetteer and places resolved in a parsed text."""

import pytest

from newsevents.extract.gazetteer import load_gazetteer
from newsevents.extract.places import resolve_places
from newsevents.nlp import load_pipeline


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def places(gazetteer, ontology):
    nlp = load_pipeline()

    def run(text):
        doc = nlp(text)
        return doc, resolve_places(doc, gazetteer=gazetteer, ontology=ontology)

    return run
