"""The dateline (extract/datelines.py) and what reads it: places, the story's venue, actor phrases."""

import pytest

from newsevents.extract import datelines
from newsevents.extract.story_places import dateline


@pytest.mark.parametrize(("text", "town", "first"), [
    ("NAIROBI, Kenya (AP) - Police said", "NAIROBI", "Police"),
    ("MEXICO CITY (AP) Mexico's Senate has passed", "MEXICO CITY", "Mexico's"),  # no dash
    ("INDIANAPOLIS (AP) \u0097 The mayor", "INDIANAPOLIS", "The"),  # a Windows-1252 dash read as Latin-1
    ("HAVANA (AP) \ufffd The father", "HAVANA", "The"),  # a character lost
    ("By Ann Lee and Bo Wong, Associated Press WASHINGTON (AP) - The", "WASHINGTON", "The"),
    ("By Nate Raymond. BOSTON (Reuters) - The owner", "BOSTON", "The"),
    ("Mayor wins a third term. DENVER (AP) - The mayor", "DENVER", "The"),  # a headline not in the title
    ("SAN ANTONIO The coach said", "SAN ANTONIO", "The"),
    ("Teachers walk out of local schools. XENIA \u2014 The girlfriend", "XENIA", "The"),
    ("Iraqis fled the war. BEIRUT: The body of an Iraqi", "BEIRUT", "The"),
])
def test_datelines_are_read_whatever_marks_them(text, town, first):
    found = datelines.find(text)
    assert found is not None and text[slice(*found.town)] == town
    assert text[found.end:].lstrip().startswith(first)


@pytest.mark.parametrize("text", [
    "Police said on Monday that protesters had blocked roads.",
    "The mayor said. NATO (North Atlantic Treaty Organization) forces moved in.",
    "Judge sentences Orozco to death\nPOSTED : 05 / 02 / 07 , 9 : 00 AM\nA judge",
    "A Waitrose store was robbed on Friday.",
])
def test_datelines_a_label_or_an_unmarked_name_is_no_dateline(text):
    assert datelines.find(text) is None


def test_datelines_a_byline_before_the_dateline_leaves_its_town_the_venue(places):
    text = "By Nate Raymond. BOSTON (Reuters) - The owner of a restaurant was arrested on Thursday."
    doc, found = places(text)
    venue = dateline(found, doc)
    assert venue is not None and venue.name == "Boston"


def test_datelines_a_capital_run_into_the_first_clause_stays_the_dateline(places):
    text = "MEXICO CITY (AP) Mexico's Senate has passed a law that limits the use of force by police."
    doc, found = places(text)
    venue = dateline(found, doc)
    assert venue is not None and venue.name == "Mexico City"


def test_datelines_the_doer_phrase_stops_at_the_dateline(code):
    text = "MEXICO CITY (AP) Mexico's Senate has condemned the attack on the embassy in Caracas."
    condemned = next(e for e in code(text) if e.trigger.text.startswith("condemned"))
    assert [a.text for a in condemned.actor] == ["Mexico's Senate"]


def test_datelines_a_dateline_read_as_a_second_subject_is_no_doer(code):
    text = "Huckabee backs McDonnell. ROANOKE -- Former Arkansas Gov. Mike Huckabee endorsed Bob McDonnell."
    endorsed = next(e for e in code(text) if e.trigger.text == "endorsed")
    assert [a.text for a in endorsed.actor] == ["Former Arkansas Gov. Mike Huckabee"]
    assert endorsed.location is not None and endorsed.location.name == "Roanoke"


def test_datelines_a_parsed_article_is_read_with_its_title(places):
    title = "BREAKING NEWS: Interstate 64 lanes reopen after accident"
    text = title + ". CHARLESTON, W.Va. -- All lanes of Interstate 64 reopened on Monday."
    doc, found = places(text, title)
    opening = datelines.in_doc(doc)
    assert opening is not None and text[slice(*opening.town)] == "CHARLESTON"
    assert dateline(found, doc).name == "Charleston"
    untitled, _ = places(text)  # without it the headline's capitals open the text
    assert text[slice(*datelines.in_doc(untitled).town)] == "BREAKING NEWS"
