"""A meeting noun that only names the occasion of another verb's act, with no other side of its
own, is no CONSULT (modality.occasion, the relevance gate); one that names its sides stays."""

import pytest

from newsevents.extract.relevance import OCCASION


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The governor spoke about child care on Tuesday at a meeting of the state task force.", "meeting"),
        ("The mayor offered him the post in a private meeting at city hall.", "meeting"),
        ("At a summit in Vienna, the bloc announced new members.", "summit"),
        ("The minister announced the plan during talks in Geneva.", "talks"),
    ],
)
def test_meeting_that_is_only_an_occasion_is_no_event(event_on, text, trigger):
    event = event_on(text, trigger)
    assert event.off_topic == OCCASION
    assert not event.is_published()


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("In a meeting with Chinese Foreign Minister Wang Yi last week, President Moon said China was "
         "partly responsible.", "meeting"),
        ("At a meeting of NATO foreign ministers in Brussels, Albright said the alliance would act.",
         "meeting"),
        ("The envoy announced the plan during talks between Israel and the Palestinians.", "talks"),
        ("The two sides are in talks over the disputed border.", "talks"),
    ],
)
def test_meeting_with_its_sides_is_no_occasion(event_on, text, trigger):
    assert event_on(text, trigger).off_topic != OCCASION
