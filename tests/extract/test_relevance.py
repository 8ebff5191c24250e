"""Political relevance: sports, entertainment, business and disaster text publishes nothing
unless a political actor takes part (sentences written for these tests)."""

from datetime import date

import pytest
from gate_checks import coded as _coded
from gate_checks import published as _published

from newsevents.extract.relevance import INTERNAL, sections
from newsevents.records import Article


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The Tigers beat the Lions 3-1 in the final game of the season, and the coach praised "
         "the players.", "sports"),
        ("The studio released the first trailer for the sequel on Friday, and fans of the film "
         "cheered the actress.", "entertainment"),
        ("The retailer offered customers a lower price on its new smartphone, and shares of the "
         "company rose.", "business"),
        ("A powerful earthquake of magnitude 6.1 killed 12 people when the quake struck the "
         "valley.", "disaster"),
        ("Beijing said on Sunday that a quake in eastern China killed 14 people.", "disaster"),
        ("The Butterball Turkey Talk Line launched in 1981 to help home cooks make turkeys for "
         "Thanksgiving.", "lifestyle"),
        ("For more information about the league, visit The Dublin Singers received a grant for "
         "the chorus and its spring concert at the theater.", "entertainment"),
    ],
)
def test_relevance_non_political_sentence_publishes_nothing(code, text, reason):
    events = code(text)
    assert events, "no event coded: the gate is not tested"
    assert not _published(events)
    assert all(e.off_topic and e.off_topic.startswith(reason) for e in events if e.confidence > 0.2)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Police arrested the actress after the premiere of her new film.", "COERCE"),
        ("The regulator fined the company for misleading customers about the price of its "
         "product.", "SANCTION"),
        ("Egypt accused Ethiopia of violating the agreement.", "ACCUSE"),
        ("Soldiers shelled the village after the earthquake, killing four civilians.", "ASSAULT"),
    ],
)
def test_relevance_political_interaction_is_kept(code, text, event_type):
    # kept by the gate; whether it is published is the confidence's call (scoring.py)
    kept = [e for e in code(text) if e.event_type == event_type]
    assert kept
    assert all(e.off_topic is None for e in kept)


def test_relevance_section_in_url_gates_the_article(pipeline):
    text = "The Hawks attacked the Eagles all afternoon and the Eagles agreed it was their worst day."
    sport = Article(id="s", date=date(2031, 1, 2), text=text, url="https://news.example/sports/hawks")
    events = next(pipeline.extract([sport])).events
    assert events
    assert not _published(events)
    assert {e.off_topic for e in events} == {"sports article"}
    assert events[0].to_dict()["off_topic"] == "sports article"


@pytest.mark.parametrize(
    ("url", "title", "text", "found"),
    [
        ("https://www.example.com/entertainment/2031/a-star", None, "x", ["entertainment"]),
        ("https://sports.example.com/2031/a-game", None, "x", ["sports"]),
        (None, "NFL: Chargers sign a rookie", "x", ["sports"]),
        (None, None, "http : / / example . com / tech / a - phone\nThe phone is new.", ["tech"]),
        ("https://www.example.com/world/2031/talks", "Sport diplomacy: talks resume", "x", []),
    ],
)
def test_relevance_sections_from_url_title_and_url_line(ontology, url, title, text, found):
    article = Article(id="a", date=None, text=text, url=url, title=title)
    assert sections(article, ontology.relevance) == found


def test_relevance_an_administration_managing_its_own_staff_is_internal(code):
    text = ("President Ann Harris called the Mexican leader on Monday. White House chief of staff "
            "Mark Dalton was not on the line. Dalton has tried to curtail Harris's meetings with donors.")
    event = next(e for e in code(text) if e.trigger.text == "curtail")
    assert event.off_topic == "one body's own business"


def test_relevance_an_aide_restricting_a_foreign_president_is_no_internal_business(code):
    text = ("President Ann Harris called the Mexican leader on Monday. White House chief of staff "
            "Mark Dalton was not on the line. Dalton has tried to curtail Russian President Putin's "
            "meetings with donors.")
    event = next(e for e in code(text) if e.trigger.text == "curtail")
    assert event.off_topic is None


def test_relevance_a_legislator_restricting_the_president_is_no_internal_business(code):
    text = ("President Ann Harris called the Mexican leader on Monday. Senator Mark Dalton was "
            "not on the line. Dalton has tried to curtail Harris's meetings with donors.")
    event = next(e for e in code(text) if e.trigger.text == "curtail")
    assert event.off_topic is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a state force takes part
        ("Two officers shot a teenager on a dark street on Saturday night.", "shot"),
        # armed conflict in the lead: pirates are an armed group there
        ("The navy rescued a cargo ship in the gulf after a warship answered its call. "
         "Pirates on a skiff attacked the ship at noon, firing machine guns at the crew.", "attacked"),
        # a people acting as one side
        ("Palestinians demanded an end to the blockade of the city.", "demanded"),
        # nobody named: nothing says the act is private
        ("A bombing at the market killed nine on Sunday.", "bombing"),
        # only victims named, but a weapon of war: a bombing, not a private crime
        ("Two people were killed when a bomb exploded in a market on Tuesday.", "killed"),
        # the victims named of bombings told after the fact: a bombing all the same
        ("The embassy bombings on Friday killed 247 people in the capital.", "bombings"),
    ],
)
def test_relevance_political_violence_and_collective_actors_stay(code, text, trigger):
    events = _coded(code, text, trigger)
    assert all(e.off_topic != "private act" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The council also discussed the new parking rules on Monday.",
        "The resolution began a discussion among city council members at their Monday meeting.",
    ],
)
def test_relevance_a_body_meeting_on_its_own_is_not_published(code, text):
    events = [e for e in code(text) if e.event_type == "CONSULT"]
    assert events, "no event coded: the gate is not tested"
    assert all(not e.is_published() and e.off_topic == "one body's own business" for e in events)


def test_relevance_candidates_backing_a_leader_is_campaigning(code):
    backing = [e for e in code("All candidates have stressed support for the president while campaigning.")
               if e.event_type == "SUPPORT"]
    assert backing and all(not e.is_published() and e.off_topic == "campaigning" for e in backing)
    other = [e for e in code("The opposition candidate condemned the arrests of the students.")
             if e.event_type == "ACCUSE"]
    assert other and all(e.off_topic is None for e in other)


def test_relevance_a_body_meeting_another_party_stays(code):
    events = [e for e in code("The council met with the governor on Monday.") if e.event_type == "CONSULT"]
    assert events and all(e.off_topic is None for e in events)


_BALLGAME = ("The Hawks made a five-year offer to first baseman Tom Reyes at the winter meetings. "
             "The shortstop and the rookie pitcher signed with the club last season. "
             "Reyes hit 30 homers with 100 RBIs in 150 games, a career high for the slugger. ")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # in a sports article a city or a capital is its team
        (_BALLGAME + "Washington and Baltimore have expressed interest in Reyes.", False),
        # elsewhere the capital stands for the state
        ("Washington has expressed interest in the new treaty on fishing rights.", True),
    ],
)
def test_relevance_places_are_teams_in_a_sports_article(code, text, kept):
    events = [e for e in code(text) if e.trigger.text == "expressed interest"]
    assert events, "no event coded: the gate is not tested"
    assert all((e.off_topic is None) == kept for e in events)
    assert kept or not any(e.is_published() for e in events)


def test_relevance_firefighters_attacking_flames_is_no_assault(code):
    text = ("Firefighters launched an initial attack on the flames through the kitchen until the "
            "flames were knocked down.")
    events = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert events, "no event coded: the gate is not tested"
    assert all(not e.is_published() and e.off_topic == "disaster sentence" for e in events)


@pytest.mark.parametrize(
    ("text", "budgeting"),
    [
        # a legislature funding its own state's programme: internal budgeting
        ("Kentucky legislators have funded Support Education Excellence in Kentucky, known as SEEK, "
         "at the highest level it has ever been, Johnson said.", True),
        # funding an armed group abroad is aid
        ("The United States funded the rebels in Syria last year.", False),
    ],
)
def test_relevance_a_state_funding_its_own_is_budgeting(code, text, budgeting):
    events = [e for e in code(text) if e.event_type == "AID"]
    assert events, "no event coded: the gate is not tested"
    assert all((e.off_topic == "one state's own budgeting") == budgeting for e in events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("But board president Becky Jordon and board members Pete Thaw and Robin Rector voted down "
         "the proposal.", "voted down"),
        ("The council has agreed 12 house purchases so far in 2018.", "agreed"),
    ],
)
def test_relevance_local_body_vote_with_no_counterpart_is_internal(event_on, text, trigger):
    """A board's or council's vote on no named party's request is its own business."""
    assert event_on(text, trigger).off_topic == INTERNAL


def test_relevance_legislature_refusal_is_not_internal(event_on):
    assert event_on("The Senate rejected the bill on Tuesday.", "rejected").off_topic is None


def test_relevance_a_vehicle_striking_a_walker_is_no_assault(code):
    text = "A delivery van struck a pedestrian at the intersection, and the driver stopped."
    events = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert events, "no event coded: the gate is not tested"
    assert all(not e.is_published() and e.off_topic == "accident sentence" for e in events)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        # an inquiry into the cause of a crash has no one it is into
        ("The two-car collision on the bypass is under investigation by the county traffic "
         "accident unit.", "accident inquiry"),
        # one into a named party stays an accusation however the crash is told
        ("Police are investigating the driver of the van after the collision at the "
         "intersection.", None),
        # what is looked into is a cause or an accident, whatever else the sentence says
        ("An investigation into the cause of the fire at the warehouse has begun.", "cause inquiry"),
        ("Police in Berlin are investigating the crash.", "cause inquiry"),
        # a crime looked into, or a crash looked into as one, is an accusation
        ("Police in Berlin are investigating the murder of a teenager.", None),
        ("Police in Berlin are investigating the crash as a homicide.", None),
        # the sentence says no crime is suspected: the inquiry accuses no one, whatever it names
        ("Deputies are investigating the death of a hiker, but officials say there is no foul play.",
         "no-crime inquiry"),
        ("Police are still investigating the fall, but no criminal charges are expected.",
         "no-crime inquiry"),
        ("Prison officials opened an investigation into how the inmate was able to commit suicide.",
         "no-crime inquiry"),
        # a death looked into with no such words stays an accusation
        ("Deputies are investigating the death of a hiker found shot near the trail.", None),
    ],
)
def test_relevance_an_inquiry_that_looks_at_no_suspect_is_no_accusation(code, text, why):
    events = [e for e in code(text) if e.event_type == "ACCUSE"]
    assert events, "no event coded: the gate is not tested"
    assert all(e.off_topic == why for e in events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # labour acts are political interactions even in a business story
        ("The company's quarterly profit fell to $41 million from $58 million and its shares dropped, "
         "partly because of a miners' strike.", "miners"),
        ("The steel maker said sales and profit fell after prolonged labor talks with its workers.", "talks"),
    ],
)
def test_relevance_labour_acts_in_a_business_story_are_kept(code, text, trigger):
    events = _coded(code, text, trigger)
    assert all(e.off_topic is None for e in events)


