"""Shared fixtures: the real spaCy pipeline and ontology, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.ontology import Ontology, load_ontology
from newsevents.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def ontology() -> Ontology:
    return load_ontology()


@pytest.fixture(scope="session")
def pipeline(ontology: Ontology) -> Pipeline:
    return Pipeline(ontology=ontology)


@pytest.fixture()
def code(pipeline: Pipeline):
    """Code one text dated 2023-05-30 (a Tuesday) and return its events."""

    def run(text: str, date: str = "2023-05-30"):
        return pipeline.extract_text(text, date=date)

    return run


@pytest.fixture()
def event_on(code):
    """Code a text and return its first event whose trigger starts with ``trigger``."""

    def run(text: str, trigger: str, date: str = "2023-05-30"):
        found = [e for e in code(text, date) if e.trigger.text.startswith(trigger)]
        assert found, f"no event on {trigger!r}"
        return found[0]

    return run
