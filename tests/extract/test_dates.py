from datetime import date

import pytest

from newsevents.extract.dates import ground

TUESDAY = date(2023, 5, 30)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Monday", "2023-05-29", "day"),
        ("Tuesday", "2023-05-30", "day"),
        ("Saturday", "2023-05-27", "day"),
        ("yesterday", "2023-05-29", "day"),
        ("two days ago", "2023-05-28", "day"),
        ("last month", "2023-04-01", "month"),
        ("earlier this week", "2023-05-29", "week"),
        ("last week", "2023-05-22", "week"),
        ("last year", "2022-01-01", "year"),
        ("May 29", "2023-05-29", "day"),
        ("December 29", "2022-12-29", "day"),
        ("March 3, 2021", "2021-03-03", "day"),
        ("1999", "1999-01-01", "year"),
    ],
)
def test_dates_ground_relative_to_article(text, value, precision):
    grounded = ground(text, TUESDAY)
    assert grounded is not None
    assert (grounded.value, grounded.precision) == (value, precision)


def test_dates_future_event_keeps_forward_date():
    assert ground("Saturday", TUESDAY, future=True).value == "2023-06-03"
    assert ground("next week", TUESDAY).value == "2023-06-05"


@pytest.mark.parametrize("text", ["two days", "four months", "the past three years", "a week long"])
def test_dates_durations_are_not_dates(text):
    assert ground(text, TUESDAY) is None
