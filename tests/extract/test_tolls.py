"""Tolls (extract/tolls.py): one toll per act, shared by the events that tell it."""

from __future__ import annotations

from newsevents.extract.tolls import one_toll_per_act
from newsevents.records import Event, SentenceRef, Size, TextRef


def _event(start: int, size: Size | None, *, sentence: int = 0, event_type: str = "ASSAULT",
           mode: str | None = None, quad: str = "material conflict", negated: bool = False) -> Event:
    return Event(
        id=f"e{start}", article_id="a", event_type=event_type, mode=mode, quad=quad, negated=negated,
        trigger=TextRef(text="x", span=(start, start + 1)), sentence=SentenceRef(sentence, (0, 200)),
        size=size,
    )


def _tolls(events):
    return [(e.size.dead, e.size.injured, e.size.arrested) if e.size else None
            for e in one_toll_per_act(events)]


def test_one_act_shares_every_kind_without_adding():
    attack = _event(0, Size(span=(10, 30), dead=12, qualifier="at least"))
    wounding = _event(40, Size(span=(35, 60), injured=30))
    clash = _event(70, None)
    assert _tolls([attack, wounding, clash]) == [(12, 30, None)] * 3
    assert attack.size.span == (10, 60) and attack.size.qualifier == "at least"


def test_the_same_figure_twice_is_one_figure():
    assert _tolls([_event(0, Size(span=(0, 9), dead=5)), _event(20, Size(span=(15, 30), dead=5))]) == [
        (5, None, None), (5, None, None)]


def test_two_figures_of_one_kind_are_two_acts():
    """'killed 5 in one village and 3 in another': neither toll is given to the other."""
    assert _tolls([_event(0, Size(span=(0, 9), dead=5)), _event(20, Size(span=(15, 30), dead=3)),
                   _event(40, None)]) == [(5, None, None), (3, None, None), None]


def test_acts_stay_within_a_sentence_a_type_and_a_mode():
    arrest = _event(0, Size(span=(0, 9), arrested=41), event_type="COERCE", mode="arrest")
    curfew = _event(20, None, event_type="COERCE", mode="curfew")
    later = _event(40, None, event_type="COERCE", mode="arrest", sentence=1)
    clash = _event(60, None)
    assert _tolls([arrest, curfew, later, clash]) == [(None, None, 41), None, None, None]


def test_statements_and_denials_keep_their_own():
    said = _event(0, Size(span=(0, 9), dead=4), event_type="ACCUSE", quad="verbal conflict")
    other = _event(20, None, event_type="ACCUSE", quad="verbal conflict")
    denied = _event(40, None, negated=True)
    attack = _event(60, Size(span=(55, 70), dead=2))
    assert _tolls([said, other, denied, attack]) == [(4, None, None), None, None, (2, None, None)]


def test_the_pipeline_gives_an_attack_its_dead_and_its_wounded(code):
    events = code("Gunmen attacked an army post, killing at least 12 soldiers and wounding 30 others.")
    sized = {(e.trigger.text, e.size.dead, e.size.injured) for e in events if e.event_type == "ASSAULT"}
    assert ("attacked", 12, 30) in sized
    assert {(dead, injured) for _, dead, injured in sized} == {(12, 30)}
