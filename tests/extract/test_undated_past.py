"""Old acts with no day we can name (extract/episodes.py ``undated_past``); article date Tue 2023-05-30."""

import pytest


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a perfect counted "thus far": its conjoined verb shares the cue and the auxiliary
        ("Thus far, seven men have been tried and convicted of sexual assault.", "convicted"),
        # a party's record
        ("Jones was arrested on Monday. He has prior arrests for trespassing.", "arrests"),
        # a custody or sentence a person carries: theirs, or served
        ("Snell was fired shortly after his arrest in the incident.", "arrest"),
        ("Earle is currently serving his sentence in prison for his convictions.", "convictions"),
        ("Amir is serving a life sentence for the assassination of Rabin.", "sentence"),
    ],
)
def test_undated_past_is_unknown_and_historical(event_on, text, trigger):
    event = event_on(text, trigger)
    assert (event.date, event.date_precision, event.historical) == (None, "unknown", True)


def test_undated_past_an_act_noun_of_today_keeps_the_day(event_on):
    text = "Jones was arrested on Monday. His arrest angered neighbours."
    assert event_on(text, "arrest").date == "2023-05-29"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # what the story's acts led to is its news; a court's sentence is the court's act
        ("The events that culminated in his arrest began in the spring.", "arrest"),
        ("Relatives gasped as the clerk read the jury's sentence.", "sentence"),
    ],
)
def test_undated_past_news_custody_keeps_the_article_day(event_on, text, trigger):
    assert event_on(text, trigger).date == "2023-05-30"
