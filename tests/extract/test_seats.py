"""Where a party's phrase says it sits (extract/seats.py)."""

from newsevents.extract.seats import party_seat


def _at(found, text):
    return next(t for t in found if t.text == text)


def test_an_office_still_held_names_its_seat_a_former_one_does_not(places, ontology):
    doc, found = places("Ohio Gov. Ted Strickland spoke to workers in Toledo on Monday.")
    seat = party_seat([_at(found, "Ohio")], doc[:], ontology)
    assert seat is not None and seat.name == "Ohio"
    doc, found = places("Former Ohio Gov. Ted Strickland spoke to workers in Boise on Monday.")
    assert party_seat([_at(found, "Ohio")], doc[:], ontology) is None
