"""Background acts with no time word of their own (extract/background_dates.py, episodes.py);
article date Tue 2023-05-30."""

import pytest


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # an act inside an aside about a party, below the aside's own verb
        ("Timothy died on March 5 after being looked after by Brooks, who was the boy's main carer "
         "after his mother was arrested on drugs charges.", "arrested"),
        # the main clause's day is not the aside's
        ("Libya, which brought the case to the court, hailed the ruling on Friday.", "brought"),
        # a perfect counted "thus far": its conjoined verb shares it
        ("Thus far, seven men have been tried and convicted of sexual assault.", "convicted"),
        # a party's record
        ("Jones was arrested on Monday. He has prior arrests for trespassing.", "arrests"),
    ],
)
def test_background_dates_undated_and_historical(event_on, text, trigger):
    event = event_on(text, trigger)
    assert (event.date, event.date_precision, event.historical) == (None, "unknown", True)


def test_background_dates_an_aside_dated_by_its_own_words_keeps_them(event_on):
    text = "Libya, which brought the case to the court in 1992, hailed the ruling on Friday."
    event = event_on(text, "brought")
    assert (event.date, event.date_precision) == ("1992-01-01", "year")


def test_background_dates_a_restrictive_relative_clause_is_the_news(event_on):
    assert event_on("Police arrested a man who shot two officers in Lagos.", "shot").date == "2023-05-30"
