"""Political relevance: sports, entertainment, business and disaster text publishes nothing
unless a political actor takes part (sentences written for these tests)."""

from datetime import date

import pytest

from newsevents.extract.relevance import INTERNAL, sections
from newsevents.records import Article


def _published(events):
    return [e for e in events if e.confidence >= 0.5 and not (e.negated or e.hypothetical)]


def _coded(code, text: str, trigger: str) -> list:
    """The events of the trigger; none would leave the gate untested."""
    events = [e for e in code(text) if e.trigger.text.startswith(trigger)]
    assert events, "no event coded: the gate is not tested"
    return events


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


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A woman was stabbed on Tuesday while walking her dog in the park, police said.", "stabbed"),
        ("Three men rammed a van into the jewellery shop and fled with watches.", "rammed"),
        ("Two men were discussing the fire on the porch when the storm began.", "discussing"),
        ("The pastor has been working with the family on the funeral service.", "working"),
        ("Man shot dead outside a bar in the old town.", "shot"),
    ],
)
def test_relevance_acts_between_private_persons_are_not_published(code, text, trigger):
    events = _coded(code, text, trigger)
    assert all(not e.is_published() and e.off_topic == "private act" for e in events)


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


def test_relevance_a_private_person_calling_at_an_office_is_no_meeting(code):
    text = ("Voters gathered in Toledo and Columbus on Friday. "
            "Maria Gonzalez visited the complaints office of the county court every week.")
    event = next(e for e in code(text) if e.trigger.text == "visited")
    assert event.actor[0].country_source == "home"
    assert event.off_topic == "private act"


@pytest.mark.parametrize(
    ("doer", "off_topic"),
    [("A resident", "private act"), ("The Ohio governor", None), ("Protesters", None)],
)
def test_relevance_only_private_people_calling_at_an_officials_office_are_no_meeting(code, doer, off_topic):
    text = f"Voters gathered in Toledo and Columbus on Friday. {doer} visited the mayor's office on Monday."
    event = next(e for e in code(text) if e.trigger.text == "visited")
    assert event.off_topic == off_topic


def test_relevance_a_named_person_meeting_an_official_stays_a_meeting(code):
    text = ("Voters gathered in Toledo and Columbus on Friday. "
            "Maria Gonzalez met with Governor Dan Reyes in Columbus.")
    event = next(e for e in code(text) if e.trigger.text == "met")
    assert event.off_topic is None


def test_relevance_people_placed_only_by_the_home_country_stay_private(code):
    text = ("Fans gathered in Toledo and Columbus on Friday. "
            "Mark Jensen stabbed Paul Ortega outside a bar in Toledo.")
    event = next(e for e in code(text) if e.trigger.text == "stabbed")
    assert event.actor[0].country_source == "home"  # the guess is made, and is no public role
    assert event.off_topic == "private act"


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


def test_relevance_protesters_are_no_private_persons(code):
    events = [e for e in code("Protesters defied the curfew and demanded the release of the students.")
              if e.event_type in {"REJECT", "REQUEST"}]
    assert events and all(e.off_topic != "private act" for e in events)


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


@pytest.mark.parametrize(
    ("text", "trigger", "private"),
    [
        # a suit beside a judge's ruling is a legal proceeding the state takes part in
        ("The Miami relatives filed a federal lawsuit to overturn the decision, but in March a Miami "
         "federal judge ruled against them.", "filed", False),
        # the same suit with no official, legislature or court named beside it stays private
        ("The Miami relatives filed a federal lawsuit to overturn the decision last year.", "filed", True),
        # police beside a private act do not make it public: crime news names them everywhere
        ("Police found the body on Friday. His kidnappers had demanded a ransom of $1 million, "
         "police said.", "demanded", True),
        # a denial answers the state's proceeding wherever the article names the court
        ("A federal judge in Miami ordered the boy returned to his father. The hearing lasted an hour.\n"
         "The family met on Sunday.\nLazaro Gonzalez denied the accusations.", "denied", False),
        ("A federal judge in Miami ordered the boy returned to his father. The hearing lasted an hour.\n"
         "The family met on Sunday.\nLazaro Gonzalez apologized for the remarks.", "apologized", False),
        # a complaint with the court as far away stays private
        ("A federal judge in Miami ordered the boy returned to his father. The hearing lasted an hour.\n"
         "The family met on Sunday.\nLazaro Gonzalez complained about the neighbors.", "complained", True),
    ],
)
def test_relevance_a_dispute_beside_a_court_is_not_private(code, text, trigger, private):
    events = _coded(code, text, trigger)
    assert all((e.off_topic == "private act") == private for e in events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # workers (LAB) shooting a co-worker, a firm's chief executive officer (BUS) shot
        ("Police say a recently laid off employee opened fire shortly after entering the party, "
         "killing one male employee.", "opened fire"),
        ("A just-fired employee of a health products company crashed the office Christmas party, "
         "killing the chief executive officer, police said.", "killing"),
    ],
)
def test_relevance_a_workplace_shooting_is_private(code, text, trigger):
    events = _coded(code, text, trigger)
    assert all(not e.is_published() and e.off_topic == "private act" for e in events)


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
        # a plea and a verdict are made in court: the state takes part however private the crime
        ("In 2003 the man pleaded guilty to the murders of his neighbours.", "pleaded guilty"),
        ("After a month-long trial the man was found not guilty of killing his neighbours.", "found"),
    ],
)
def test_relevance_a_plea_or_verdict_in_court_is_no_private_act(code, text, trigger):
    events = _coded(code, text, trigger)
    assert all(e.off_topic is None for e in events)


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


@pytest.mark.parametrize(
    ("text", "trigger", "off_topic"),
    [
        # a pronoun resolved to no one says nothing of who acts: no private act
        ("He later apologized for the remarks.", "apologized", None),
        # violence by one is still judged private: a pronoun there is mostly a private person
        ("He hit the man with a bottle outside the bar.", "hit", "private act"),
    ],
)
def test_relevance_an_unresolved_pronoun_is_no_private_person(code, text, trigger, off_topic):
    events = _coded(code, text, trigger)
    assert all(e.off_topic == off_topic for e in events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a force as the target of the act, as the agent the roles missed, or met in the act
        ("Youths were seen throwing bottles at police from the rooftops on Monday.", "throwing"),
        ("A British mine removal expert was kidnapped and presumed killed by guerrillas two years "
         "ago.", "kidnapped"),
        ("The boy was shot and killed on Saturday after pointing a gun at two officers who "
         "approached him.", "shot"),
    ],
)
def test_relevance_violence_with_a_force_in_its_clause_is_not_private(code, text, trigger):
    events = _coded(code, text, trigger)
    assert all(e.off_topic != "private act" for e in events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # police only report the act, or act in a clause about a participant
        ("A woman was stabbed on Tuesday while walking her dog in the park, police said.", "stabbed"),
        ("The man fired shots at a mechanic who was using a radio to alert police.", "fired"),
    ],
)
def test_relevance_a_force_outside_the_violent_clause_leaves_it_private(code, text, trigger):
    events = _coded(code, text, trigger)
    assert all(e.off_topic == "private act" for e in events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # one private person's violence with a force or a court only as its victim: private crime
        ("A man shot two police officers at a traffic stop on Saturday.", "shot"),
        ("The man opened fire on two officers outside the station.", "opened fire"),
        ("He shot a police officer in the courtroom.", "shot"),
        ("The man shot and killed a judge in the courtroom on Friday.", "killed"),
        # a lower-case word the tagger took for a name is no name of a people
        ("Oakland officer shot by parolee is taken off life support.", "shot"),
    ],
)
def test_relevance_a_lone_persons_violence_on_a_force_is_private(code, text, trigger):
    events = _coded(code, text, trigger)
    assert all(e.off_topic == "private act" for e in events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a force doing the violence, several doers (a crowd, a gang), or an article on terrorism
        ("A man was shot by police on Friday.", "shot"),
        ("Two men shot a police officer on Friday.", "shot"),
        ("Youths were seen throwing bottles at police from the rooftops on Monday.", "throwing"),
        ("The man who hurled a grenade at two police officers was identified as a suspect in the "
         "terrorist bombing.", "hurled"),
        # the roles' doer is a thing a relative "that" stands for, not one person: what killed
        # was the bombing
        ("He has been on the run since the bombing of an abortion clinic that killed an off-duty "
         "police officer.", "killed"),
    ],
)
def test_relevance_a_force_as_doer_or_a_crowds_target_stays_political(code, text, trigger):
    events = _coded(code, text, trigger)
    assert all(e.off_topic != "private act" for e in events)


def test_relevance_a_headline_retelling_a_private_act_is_that_act(code):
    # the headline names the station barely ("WPXI": a name of no sector); the body's fuller
    # mention of the same suit by the same man is found private, and one act is one event
    text = ("Crafton man suing WPXI over photo mix-up.\n"
            "A Crafton man is suing WPXI-TV over a broadcast story that he claims used his photo.")
    events = _coded(code, text, "suing")
    assert len(events) == 2 and all(e.off_topic == "private act" for e in events)
