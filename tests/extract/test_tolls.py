"""Tolls (extract/tolls.py): one toll per act, shared by the events that tell it."""

from __future__ import annotations

import pytest

from newsevents.extract.tolls import one_toll_per_act
from newsevents.records import Event, SentenceRef, Size, TextRef


def _event(start: int, size: Size | None, *, sentence: int = 0, event_type: str = "ASSAULT",
           mode: str | None = None, quad: str = "material conflict", negated: bool = False) -> Event:
    return Event(
        id=f"e{start}", article_id="a", event_type=event_type, mode=mode, quad=quad, negated=negated,
        trigger=TextRef(text="x", span=(start, start + 1)), sentence=SentenceRef(sentence, (0, 200)),
        size=size,
    )


@pytest.fixture()
def tolls(pipeline):
    """Each event's (dead, injured, arrested) after one_toll_per_act, in a text with no toll."""

    def run(events):
        return [(e.size.dead, e.size.injured, e.size.arrested) if e.size else None
                for e in one_toll_per_act(events, pipeline.nlp("Nothing to count here."))]

    return run


def test_one_act_shares_every_kind_without_adding(tolls):
    attack = _event(0, Size(span=(10, 30), dead=12, qualifier="at least"))
    wounding = _event(40, Size(span=(35, 60), injured=30))
    clash = _event(70, None)
    assert tolls([attack, wounding, clash]) == [(12, 30, None)] * 3
    assert attack.size.span == (10, 60) and attack.size.qualifier == "at least"


def test_the_same_figure_twice_is_one_figure(tolls):
    assert tolls([_event(0, Size(span=(0, 9), dead=5)), _event(20, Size(span=(15, 30), dead=5))]) == [
        (5, None, None), (5, None, None)]


def test_two_figures_of_one_kind_are_two_acts(tolls):
    """'killed 5 in one village and 3 in another': neither toll is given to the other."""
    assert tolls([_event(0, Size(span=(0, 9), dead=5)), _event(20, Size(span=(15, 30), dead=3)),
                   _event(40, None)]) == [(5, None, None), (3, None, None), None]


def test_acts_stay_within_a_sentence_a_type_and_a_mode(tolls):
    arrest = _event(0, Size(span=(0, 9), arrested=41), event_type="COERCE", mode="arrest")
    curfew = _event(20, None, event_type="COERCE", mode="curfew")
    later = _event(40, None, event_type="COERCE", mode="arrest", sentence=1)
    clash = _event(60, None)
    assert tolls([arrest, curfew, later, clash]) == [(None, None, 41), None, None, None]


def test_statements_and_denials_keep_their_own(tolls):
    said = _event(0, Size(span=(0, 9), dead=4), event_type="ACCUSE", quad="verbal conflict")
    other = _event(20, None, event_type="ACCUSE", quad="verbal conflict")
    denied = _event(40, None, negated=True)
    attack = _event(60, Size(span=(55, 70), dead=2))
    assert tolls([said, other, denied, attack]) == [(4, None, None), None, None, (2, None, None)]


def test_the_pipeline_gives_an_attack_its_dead_and_its_wounded(code):
    events = code("Gunmen attacked an army post, killing at least 12 soldiers and wounding 30 others.")
    sized = {(e.trigger.text, e.size.dead, e.size.injured) for e in events if e.event_type == "ASSAULT"}
    assert ("attacked", 12, 30) in sized
    assert {(dead, injured) for _, dead, injured in sized} == {(12, 30)}


def test_a_running_toll_updates_the_act_it_follows(code):
    text = ("A suicide bomber killed 15 people at a mosque in Kabul on Friday. "
            "The death toll rose to 32 on Saturday, the health ministry said.")
    killed = next(e for e in code(text) if e.trigger.text == "killed")
    assert (killed.size.dead, killed.size.total) == (32, True)  # the latest and largest, never 47
    assert text[killed.size.span[0]:killed.size.span[1]].startswith("killed 15 people")
    assert text[killed.size.span[0]:killed.size.span[1]].endswith("rose to 32")


def test_a_running_toll_of_the_attack_told_again_updates_the_first_telling(code):
    events = code("Gunmen attacked a market in Maiduguri on Monday, killing 12 people. "
                  "By Tuesday the death toll from the attack had risen to 40, officials said.")
    assert [(e.trigger.text, e.size.dead) for e in events if e.size] == [("attacked", 40), ("attack", 40)]


def test_a_smaller_or_unrelated_toll_changes_nothing(code):
    smaller = code("Gunmen killed 15 villagers in Tera on Friday. The death toll rose to 9 elsewhere.")
    assert [e.size.dead for e in smaller if e.size] == [15]
    war = code("A car bomb killed 12 people in Mogadishu on Friday. "
               "The death toll of the insurgency has passed 40,000.")
    assert [e.size.dead for e in war if e.size] == [12]


def test_background_clauses_and_tolls_of_several_acts_take_nothing(code):
    fleeing = code("More than 40 people died when bombs hit a school full of families fleeing the fighting.")
    assert [e.trigger.text for e in fleeing if e.size and e.trigger.text == "fighting"] == []
    claim = code("Israel says those killed are fighters, but its claim that it targets only militants was "
                 "undermined by a tank firing on a house, killing four.")
    assert {e.trigger.text: e.size.dead for e in claim if e.size} == {"firing on": 4, "killing": 4}
    both = code("A bomb killed 10 people in Dar es Salaam on Friday. "
                "That brought the death toll for both bombings to 259.")
    assert 10 in [e.size.dead for e in both if e.size]
