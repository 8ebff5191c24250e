"""Confidence: the learned model's features on parsed sentences, its sum, and the hand rules
that hold an event below publishing whatever the model says (scoring.py, confidence.yaml)."""

import math

import pytest

from newsevents.extract import scoring
from newsevents.records import Actor, Event, SentenceRef, TextRef


def _token(pipeline, text, word):
    doc = pipeline.nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(("text", "word", "inside"), [
    ('The minister said: "We will attack the rebels tomorrow."', "attack", True),
    ("The minister said \u201cwe attacked the rebels\u201d on Monday.", "attacked", True),
    ('The army attacked the rebels after the minister said "enough".', "attacked", False),
])
def test_scoring_a_trigger_inside_quotation_marks(pipeline, text, word, inside):
    token = _token(pipeline, text, word)
    assert scoring.quoted(token, scoring.sentence_marks(token.sent)) is inside


@pytest.mark.parametrize(("text", "word", "said"), [
    ("Police said the army attacked the village.", "attacked", True),
    ("According to witnesses, the army attacked the village.", "attacked", True),
    ("The army attacked the village on Monday.", "attacked", False),
])
def test_scoring_a_trigger_in_reported_speech(pipeline, ontology, text, word, said):
    token = _token(pipeline, text, word)
    assert scoring.reported(token, scoring.sentence_marks(token.sent), ontology.words("speech_verbs")) is said


def test_sentence_marks_are_found_once_per_sentence(pipeline):
    token = _token(pipeline, 'The minister said "we will strike back" on Monday.', "strike")
    marks = scoring.sentence_marks(token.sent)
    assert marks is scoring.sentence_marks(token.sent)
    assert marks.straight == [m for m, c in enumerate(token.doc.text) if c == '"']


def test_scoring_probability_is_the_logistic_of_the_weighted_sum():
    weights = {"intercept": -1.0, "weights": {"a": 2.0, "b": -0.5}}
    expected = 1 / (1 + math.exp(-(-1.0 + 2.0 + 0.5 * -0.5)))
    assert scoring.probability({"a": 1.0, "b": 0.5, "unknown": 1.0}, weights) == round(expected, 3)


def _event(**fields):
    return Event(id="e", article_id="a", event_type="ASSAULT", trigger=TextRef("shot", (0, 4)),
                 sentence=SentenceRef(0, (0, 10)), **fields)


@pytest.mark.parametrize("fields", [
    {"negated": True}, {"hypothetical": True}, {"off_topic": "sports article"},
    {"actor": [Actor(text="they", span=(0, 4))]},
])
def test_scoring_hand_rules_hold_an_event_below_publishing(fields):
    event = _event(**fields)
    factors = scoring.model()["factors"]
    held = [flag for flag, on in scoring.held_down(event).items() if on]
    assert held and set(scoring.held_down(event)) == set(factors)
    assert 0.999 * math.prod(factors[f] for f in held) < 0.5


def test_scoring_shipped_model_weighs_a_placed_doer_over_none_and_the_prior_up():
    weights = scoring.model()["weights"]
    assert weights["actor_country"] > weights["actor_none"]
    assert weights["prior"] > 0


def test_scoring_trigger_rate_adds_a_seen_trigger_to_its_type():
    rates = {"types": {"COERCE": 1.0, "AID": -1.5}, "triggers": {"COERCE arrested": 0.5}}
    assert scoring.trigger_rate("COERCE arrested", rates) == 1.5
    assert scoring.trigger_rate("COERCE detained", rates) == 1.0  # seen too rarely: its type's
    assert scoring.trigger_rate("CONSULT met", rates) == 0.0  # a type DEV never saw: the average


def test_scoring_an_event_carries_the_rate_of_its_type_and_trigger(code):
    event = next(e for e in code("Police arrested the opposition leader in Nairobi on Monday.")
                 if e.event_type == "COERCE")
    assert scoring.rate_key(event) == "COERCE arrested"
    rate = scoring.trigger_rate(scoring.rate_key(event), scoring.model()["rates"])
    assert rate > 0  # arrests are often right on DEV: the rate lifts them


def test_scoring_a_doer_placed_only_by_the_home_country_is_weighed_apart():
    guessed = Actor(text="Gonzalez", span=(0, 8), country="USA", country_source="home")
    stated = Actor(text="Ugandan police", span=(0, 14), country="UGA", sector="COP")
    assert scoring._actor_kind([guessed]) == "home"
    assert scoring._actor_kind([guessed, stated]) == "country"


@pytest.mark.parametrize(("text", "word", "aim"), [
    ("The council voted to expel the envoy from the capital.", "expel", True),
    ("Two officers stopped their patrol car to question the driver.", "question", True),
    ("The council expelled the envoy from the capital.", "expelled", False),
])
def test_scoring_a_trigger_that_is_a_to_infinitive(pipeline, text, word, aim):
    assert scoring.infinitive(_token(pipeline, text, word)) is aim


def test_scoring_doer_and_target_of_one_country_are_flagged():
    police = Actor(text="county police", span=(0, 13), country="KEN", sector="COP", country_source="home")
    suspect = Actor(text="a farmer", span=(20, 28), country="KEN")
    envoy = Actor(text="the Danish envoy", span=(20, 36), country="DNK")
    assert scoring.shared_country(_event(actor=[police], recipient=[suspect]))
    assert not scoring.shared_country(_event(actor=[police], recipient=[envoy]))
    assert not scoring.shared_country(_event(actor=[police]))
