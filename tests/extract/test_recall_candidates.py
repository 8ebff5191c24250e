"""Trigger senses added for recall by kind (issue 11, session 16): gold events with no candidate
because a light verb lacked the sense or the lemma had no row. Each case is a sentence written
for the test that the row decides."""

import pytest

from newsevents.extract.triggers import find_triggers


@pytest.fixture()
def senses(pipeline):
    def run(text):
        doc = pipeline.nlp(text)
        return [(t.token.text, t.sense.event_type)
                for s in doc.sents for t in find_triggers(s, pipeline.ontology)]

    return run


@pytest.mark.parametrize(
    ("text", "word", "event_type"),
    [
        # manual SANCTION discontinue: international sanctions, made harsher as well as imposed
        ("The government tightened sanctions on the regime on Monday.", "tightened", "SANCTION"),
        ("The new law strengthened the trade embargo against the island.", "strengthened", "SANCTION"),
        # manual SANCTION: refugees fleeing a country or subnational location
        ("Hundreds of families fled the capital as the rebels advanced.", "fled", "SANCTION"),
        # manual COERCE restrict: police ending a gathering
        ("Officers moved in to break up the rally outside parliament.", "break", "COERCE"),
        # manual ACCUSE investigate: police treating a death as a crime
        ("Detectives are treating the death of the activist as murder.", "treating", "ACCUSE"),
        # manual REJECT: denials
        ("The minister played down reports of a rift with the army.", "played", "REJECT"),
        ("The senate has stalled ratification of the treaty for a year.", "stalled", "REJECT"),
        ("The senator raised doubts about the envoy's account of the talks.", "raised", "ACCUSE"),
        # manual ACCUSE: sue or bring to court
        ("Unions mounted a court challenge to the new labour law.", "challenge", "ACCUSE"),
        # manual REQUEST: all requests
        ("The company filed for clearance to buy the rival airline.", "filed", "REQUEST"),
        # manual COOPERATE: mutual cooperation, here between parties
        ("The two opposition parties formed an alliance with the farmers' union.", "formed", "COOPERATE"),
        # manual REQUEST: all requests, demands, and orders
        ("The governor told the protesters to leave the square.", "told", "REQUEST"),
        ("Residents were told to leave their homes before noon.", "told", "REQUEST"),
    ],
)
def test_recall_candidate_sense(senses, text, word, event_type):
    assert (word, event_type) in senses(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a told clause is a statement, not an order; only an infinitive is the act asked for
        ("The mayor told reporters the plan would fail.", "told"),
        # a fight broken up is private disorder, not a restriction of political freedoms
        ("Bouncers broke up a fight outside the bar on Friday.", "broke"),
        # an alarm raised is no complaint about anyone
        ("The alarm was raised after a guard noticed smoke.", "raised"),
        # fleeing the scene of a crime is no displacement
        ("The gunman fled the scene before police arrived.", "fled"),
    ],
)
def test_recall_candidate_not_sense(senses, text, word):
    assert all(found != word for found, _ in senses(text))
