"""Grouping: one event per act, however many trigger words name it (sentences written here)."""

import pytest

from newsevents.extract.grouping import group_triggers
from newsevents.extract.triggers import find_triggers


def _groups(pipeline, text):
    sentence = next(pipeline.nlp(text).sents)
    groups, _ = group_triggers(find_triggers(sentence, pipeline.ontology), pipeline.ontology)
    return groups


def test_grouping_a_governing_trigger_absorbs_the_one_it_governs(pipeline):
    [group] = _groups(pipeline, "The rebels threatened to attack the garrison.")
    assert group.main.sense.event_type == "THREATEN"
    assert {t.token.lower_ for t in group.members} == {"threatened", "attack"}


def test_grouping_a_casualty_verb_gives_way_to_the_clash(pipeline):
    [group] = _groups(pipeline, "Four soldiers were injured in clashes with the militia.")
    assert group.main.token.lower_ == "clashes"


def test_grouping_separate_acts_stay_apart(pipeline):
    groups = _groups(pipeline, "Police arrested two men after the protesters marched on the palace.")
    assert len(groups) == 2


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("The government accused the rebels of shelling the border town.", "shelling"),
        ("The minister condemned the bombing of the courthouse.", "bombing"),
    ],
)
def test_grouping_an_accusation_keeps_the_act_it_is_about_apart(pipeline, text, act):
    groups = _groups(pipeline, text)
    assert {g.main.sense.event_type for g in groups} == {"ACCUSE", "ASSAULT"}
    assert any(g.main.token.lower_ == act for g in groups)


def test_grouping_an_accusation_still_absorbs_a_verbal_act(pipeline):
    [group] = _groups(pipeline, "The opposition accused the mayor of threatening journalists.")
    assert group.main.sense.event_type == "ACCUSE"


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors allege that the guard shot the courier twice.",
        "The ministry denied the allegation that the army had burned the village.",
    ],
)
def test_grouping_what_an_accuser_says_happened_stays_the_accusation(pipeline, text):
    assert all(g.main.sense.event_type != "ASSAULT" for g in _groups(pipeline, text))


def test_grouping_the_crime_a_trial_is_for_is_the_charge(pipeline):
    [group] = _groups(pipeline, "The clerk went on trial for murder in the county court last May.")
    assert group.main.sense.event_type == "ACCUSE"


def _mains(groups):
    return sorted(g.main.token.text for g in groups)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        # a cause the act answers
        ("The club was banned in retaliation for two assaults blamed on its fans.", "assaults"),
        # a with-clause with a subject of its own
        ("The three men admitted the robberies, with Carter being jailed for six years.", "jailed"),
        # an act spread over a span of time
        ("The council refused to approve the budget through four weeks of talks.", "talks"),
        # a noun act whose own doer is named on it
        ("The minister rejected Germany's proposal.", "proposal"),
        # a bare participle telling what a person underwent
        ("A nurse charged with stealing drugs from the clinic was released on bail.", "charged"),
    ],
)
def test_grouping_an_act_of_its_own_stays_apart(pipeline, text, act):
    assert act in _mains(_groups(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "The arrests of ten students in Lagos were followed by arrests of their teachers in Abuja.",
        "The row brought expulsions of Iranian diplomats from France, followed by expulsions of French ones.",
    ],
)
def test_grouping_same_type_nouns_with_their_own_participants_are_two_acts(pipeline, text):
    mains = _mains(_groups(pipeline, text))
    assert mains.count("arrests") + mains.count("expulsions") == 2


def test_grouping_an_owned_act_someone_undergoes_stays_folded(pipeline):
    [group] = _groups(pipeline, "The opposition called for the mayor's arrest.")
    assert group.main.token.text == "called"


def test_grouping_a_with_clause_naming_no_party_stays_folded(pipeline):
    groups = _groups(pipeline, "The road was closed until dawn, with traffic backing up near Leeds.")
    assert _mains(groups) == ["closed"]


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("The judge declined his request for more time.", "REQUEST"),
        ("The court rejected British objections to the case.", "ACCUSE"),
        ("The minister denied accusations made by the opposition.", "ACCUSE"),
    ],
)
def test_grouping_a_rejection_keeps_the_statement_it_answers_apart(pipeline, text, statement):
    groups = _groups(pipeline, text)
    assert {g.main.sense.event_type for g in groups} == {"REJECT", statement}
    [answered] = [g for g in groups if g.answered]
    assert answered.main.sense.event_type == statement


@pytest.mark.parametrize(
    "text",
    [
        "Russia has stalled ratification of the treaty.",  # a refused cooperative act did not happen
        "The pastor declined to say whether the church had received threats.",
    ],
)
def test_grouping_a_rejection_answers_only_a_stated_demand_or_charge(pipeline, text):
    assert not any(g.answered for g in _groups(pipeline, text))
