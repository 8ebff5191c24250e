"""Roles of noun triggers (extract/noun_roles.py), on sentences written for these tests."""

import pytest


def _event(events, trigger):
    return next(e for e in events if e.trigger.text.startswith(trigger))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police announced his arrest on Monday.", "arrest"),
        ("Britain is pushing to resolve the case as the anniversary of his abduction nears.", "abduction"),
    ],
)
def test_noun_roles_a_person_who_owns_an_act_done_to_someone_undergoes_it(code, text, trigger):
    event = _event(code(text), trigger)
    assert [r.text for r in event.recipient] == ["his"]
    assert all(a.text != "his" for a in event.actor)


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("Israel's killing of three Palestinians drew protests.", "killing", "Israel"),
        ("The two brothers committed their murders in July.", "committed", "The two brothers"),
    ],
)
def test_noun_roles_an_owner_named_as_doer_stays_the_doer(code, text, trigger, doer):
    event = _event(code(text), trigger)
    assert [a.text for a in event.actor] == [doer]
    assert all(r.text != "their" for r in event.recipient)
