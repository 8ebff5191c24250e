"""A call to one's own public is no interaction between sides (extract/relevance.py
``_public_call``; docs/annotation.md batches O, BD, BM, V); sentences written for these tests."""

import pytest

from newsevents.extract.relevance import PUBLIC_CALL


def _request(code, text):
    found = [e for e in code(text) if e.event_type == "REQUEST"]
    assert found, "no REQUEST coded: the gate is not tested"
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "The government urged its people to keep up their demonstrations until the boy returns.",
        "Transportation officials urged motorists to remain alert near the toll plaza.",
        "The mayor urged residents not to jump to conclusions.",
    ],
)
def test_public_calls_are_off_topic(code, text):
    assert _request(code, text).off_topic == PUBLIC_CALL


@pytest.mark.parametrize(
    "text",
    [
        # the police asking the public for help in a case: an appeal for a definite act
        "The police asked the public for help in finding the gunman.",
        # a call on another party
        "The government urged Washington to return the boy.",
    ],
)
def test_public_calls_police_appeals_and_calls_on_others_stay(code, text):
    assert _request(code, text).off_topic is None
