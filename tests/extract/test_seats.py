"""Where a party's phrase says it sits (extract/seats.py)."""

import pytest
from venue_words import sentence as _sentence
from venue_words import trigger as _word

from newsevents.extract.seats import party_seat
from newsevents.extract.venues import event_location


def _at(found, text):
    return next(t for t in found if t.text == text)


@pytest.mark.parametrize(
    ("text", "place", "seat"),
    [
        # an office still held names its seat, a former one does not
        ("Ohio Gov. Ted Strickland spoke to workers in Toledo on Monday.", "Ohio", True),
        ("Former Ohio Gov. Ted Strickland spoke to workers in Boise on Monday.", "Ohio", False),
        # "Police Department": the body's last word tells no sector, its earlier words do
        ("The Dallas Police Department arrested a 33-year-old man on Monday.", "Dallas", True),
        # a place before a word of no body is not a seat
        ("The Waco bakery burned down on Monday.", "Waco", False),
    ],
)
def test_a_place_before_an_office_or_a_body_names_its_seat(places, ontology, text, place, seat):
    doc, found = places(text)
    got = party_seat([_at(found, place)], doc[:], ontology)
    assert (got.name if got is not None else None) == (place if seat else None)


def _placed(places, ontology, text, verb, doer):
    """The place event_location gives the act of ``verb`` whose party is the phrase headed by ``doer``."""
    doc, found = places(text)
    head = _word(doc, doer)
    who = ((doc[head.left_edge.i].idx, head.idx + len(head)),)
    return event_location(_word(doc, verb), found, _sentence(doc, verb), ontology, exclude=who, said=True)


def test_a_town_that_is_the_doer_is_the_acts_seat(places, ontology):
    place = _placed(places, ontology, "Tbilisi has denied the allegation.", "denied", "Tbilisi")
    assert place is not None and place.name == "Tbilisi"
    text = "The proposal was rejected by Washington on Friday."
    place = _placed(places, ontology, text, "rejected", "Washington")
    assert place is not None and place.country_code == "US"


def test_a_pronoun_doer_of_a_reported_clause_is_its_speaker(places, ontology):
    text = "Stocks slid on Friday after Beijing said it would fight the latest threats."
    place = _placed(places, ontology, text, "fight", "it")
    assert place is not None and place.name == "Beijing"


def test_a_country_or_a_persons_name_that_is_the_doer_is_no_seat(places, ontology):
    assert _placed(places, ontology, "Russia has denied the allegation.", "denied", "Russia") is None
    text = "The former governor went to the church. Palin apologised to the pastors in case it was linked."
    assert _placed(places, ontology, text, "apologised", "Palin") is None  # a town in Guatemala too
    assert _placed(places, ontology, "Toyota agreed to yield to the union.", "agreed", "Toyota") is None


def test_a_seat_landmark_places_the_act_at_its_capital_when_the_text_names_it(places, ontology):
    text = "Putin met the envoy in Moscow on Friday. The Kremlin denied the report on Saturday."
    place = _placed(places, ontology, text, "denied", "Kremlin")
    assert place is not None and place.name == "Moscow"
    unnamed = "The Kremlin denied the report on Saturday."
    assert _placed(places, ontology, unnamed, "denied", "Kremlin") is None


def test_a_venue_named_by_a_seat_landmark_is_its_capital_when_the_text_names_it(places, ontology):
    text = "Obama spoke in Washington on Monday. He met his aides at the White House on Tuesday."
    place = _placed(places, ontology, text, "met", "He")
    assert place is not None and place.name == "Washington"
    assert _placed(places, ontology, "He met his aides at the White House on Tuesday.", "met", "He") is None


def test_a_party_placed_in_a_named_province_sits_there_not_in_a_clause_of_its_phrase(places, ontology):
    doc, found = places("Government forces shelled rebel-held areas in Idlib province on Monday.")
    seat = party_seat([_at(found, "Idlib")], doc[:], ontology)
    assert seat is not None and seat.country_code == "SY"  # "in Idlib province": the name's phrase
    doc, found = places("The girlfriend of a dealer who hanged himself in a Georgia jail agreed to testify.")
    assert party_seat([_at(found, "Georgia")], doc[:], ontology) is None  # where he hanged himself
