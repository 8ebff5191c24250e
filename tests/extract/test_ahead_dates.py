"""Acts dated after the article are on the timetable, not news (extract/ahead_dates.py); article
date Tue 2023-05-30."""

import pytest


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # no future verb: the day alone puts the talks ahead
        ("Russian officials have arranged emergency talks between the two sides for tomorrow.", "talks"),
        ("The council will hold a public hearing on the application on Thursday.", "hearing"),
        # a month ahead of the article's, at the month's precision
        ("The council delayed the hearing until next month.", "hearing"),
    ],
)
def test_an_act_dated_after_the_article_is_not_published(event_on, text, trigger):
    event = event_on(text, trigger)
    assert event.date is not None and event.date > "2023-05-30"
    assert event.hypothetical and not event.is_published()


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police arrested two men on Friday.", "arrested"),  # the Friday before
        ("Police arrested two men in May.", "arrested"),  # the article's own month
        ("Police arrested two men today.", "arrested"),
    ],
)
def test_an_act_dated_up_to_the_article_is_news(event_on, text, trigger):
    assert not event_on(text, trigger).hypothetical
