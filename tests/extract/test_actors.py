"""Actor resolution stays bounded, whatever the phrases point back to."""

from __future__ import annotations

import pytest

from newsevents.extract.actors import ActorResolver
from newsevents.extract.quotes import extract_quotes
from newsevents.records import Article


@pytest.mark.parametrize(
    "text",
    [
        "One of us said we attacked the base.",
        "One of us said I left.",
        "Some of them said they had fired on the convoy.",
        "Two of our men said we would strike again, and one of us said our unit fled.",
    ],
)
def test_actors_pronoun_pointing_back_into_its_own_speaker_is_resolved(pipeline, text):
    article = Article(id="t", date=None, text=text)
    doc = pipeline.nlp(text)
    events = pipeline.extract_text(text, date="2023-05-30")
    quotes = extract_quotes(doc, article, resolver=ActorResolver(pipeline.ontology, doc),
                            ontology=pipeline.ontology)
    speakers = [q.speaker for q in quotes if q.speaker]
    for record in [a for e in events for a in e.actor + e.recipient] + speakers:
        assert text[record.span[0]:record.span[1]] == record.text


def test_actors_speaker_found_through_a_pronoun_as_before(pipeline):
    events = pipeline.extract_text("Serbia said it would expel the envoy.", date="2023-05-30")
    assert any(a.country == "SRB" for e in events for a in e.actor)
