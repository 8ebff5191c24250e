"""Grouping: one event per act, however many trigger words name it (sentences written here)."""

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
