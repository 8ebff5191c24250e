"""Private acts: what private persons do to each other is not published; a force, an official or a
court in the act keeps it political (extract/private_acts.py; sentences written for these tests)."""

import pytest
from gate_checks import coded as _coded


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


def test_relevance_protesters_are_no_private_persons(code):
    events = [e for e in code("Protesters defied the curfew and demanded the release of the students.")
              if e.event_type in {"REJECT", "REQUEST"}]
    assert events and all(e.off_topic != "private act" for e in events)


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
