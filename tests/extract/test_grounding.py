from datetime import date

import pytest

from newsevents.extract.grounding import GroundedDate, ground, in_present_year

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


@pytest.mark.parametrize("text", ["two days", "four months", "the past three years", "a week long", "41-year",
                                  "a five-year", "the 41-year", "15 - year", "16 - year - old"])
def test_dates_durations_are_not_dates(text):
    assert ground(text, TUESDAY) is None


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        # seasons and parts of a year are written as the year that holds them
        ("this spring", "2023-01-01", "year"),
        ("last summer", "2022-01-01", "year"),
        ("the autumn of 2019", "2019-01-01", "year"),
        ("the third quarter", "2022-01-01", "year"),
        ("the first quarter", "2023-01-01", "year"),
        ("the second quarter of 2020", "2020-01-01", "year"),
        ("last quarter", "2023-01-01", "year"),
        # counting back from the article date
        ("a year ago", "2022-01-01", "year"),
        ("two years earlier", "2021-01-01", "year"),
        ("three weeks ago", "2023-05-08", "week"),
        ("about six months ago", "2022-11-01", "month"),
        ("a week or so ago", "2023-05-22", "week"),
        # this, last and next periods; the stretch that ends today
        ("today", "2023-05-30", "day"),
        ("now", "2023-05-30", "day"),
        ("this year", "2023-01-01", "year"),
        ("the current fiscal year", "2023-01-01", "year"),
        ("the past week", "2023-05-22", "week"),
        ("this week", "2023-05-29", "week"),
        ("next month", "2023-06-01", "month"),
        ("over the weekend", "2023-05-22", "week"),
        # years written alone or with a qualifier
        ("1997", "1997-01-01", "year"),
        ("fiscal 2021", "2021-01-01", "year"),
        ("mid-2018", "2018-01-01", "year"),
        ("the end of the year", "2023-01-01", "year"),
        ("late November", "2022-11-01", "month"),
        ("early 2020", "2020-01-01", "year"),
        # months and days named without a year: a few months ahead at most
        ("last June", "2022-06-01", "month"),
        ("this September", "2023-09-01", "month"),
        ("July", "2023-07-01", "month"),
        ("January", "2023-01-01", "month"),
        ("Nov. 16", "2022-11-16", "day"),
        ("Aug. 2", "2023-08-02", "day"),
        ("the 15th", "2023-05-15", "day"),
        ("the 3rd of June", "2023-06-03", "day"),
        ("March last year", "2022-03-01", "month"),
        # weekdays
        ("next Tuesday", "2023-06-06", "day"),
        ("last Tuesday", "2023-05-23", "day"),
        ("Wednesday", "2023-05-31", "day"),
        ("Thursday", "2023-05-25", "day"),
        ("Sunday night", "2023-05-28", "day"),
        ("Friday's", "2023-05-26", "day"),
        ("this coming Friday", "2023-06-02", "day"),
        ("Thursday, June 1", "2023-06-01", "day"),
        ("the week of May 8", "2023-05-08", "week"),
        # hedges keep the period they hedge
        ("earlier this month", "2023-05-01", "month"),
        ("later this year", "2023-01-01", "year"),
        ("around May 20", "2023-05-20", "day"),
        # holidays
        ("Christmas", "2022-12-25", "day"),
        ("last Thanksgiving", "2022-11-24", "day"),
        ("Memorial Day", "2023-05-29", "day"),
    ],
)
def test_dates_ground_common_shapes(text, value, precision):
    grounded = ground(text, TUESDAY)
    assert grounded is not None
    assert (grounded.value, grounded.precision) == (value, precision)


@pytest.mark.parametrize(
    "text",
    [
        "two days", "several weeks", "the next three months", "daily", "every day", "decades",
        "the 1990s", "the mid-80s", "that day", "the following year", "the same week", "the next day",
        "several years ago", "25", "recent years",
        # ages and scores the tagger may read as dates ("girls aged 15 and 12", "won 20 - 13")
        "15 and 12", "20 - 13", "43-21",
    ],
)
def test_dates_without_a_date_are_not_grounded(text):
    assert ground(text, TUESDAY) is None


def test_dates_window_turns_with_the_article_month():
    december = date(2022, 12, 10)
    assert ground("February", december).value == "2023-02-01"
    assert ground("October", december).value == "2022-10-01"
    assert ground("Jan. 5", december).value == "2023-01-05"
    assert ground("the 20th", date(2023, 3, 5)).value == "2023-02-20"
    assert ground("the 20th", date(2023, 3, 5), future=True).value == "2023-03-20"


def test_dates_future_events_look_ahead():
    assert ground("Monday", TUESDAY, future=True).value == "2023-06-05"
    assert ground("December 29", TUESDAY, future=True).value == "2023-12-29"
    assert ground("April", TUESDAY, future=True).value == "2024-04-01"
    assert ground("Christmas", TUESDAY, future=True).value == "2023-12-25"


@pytest.mark.parametrize(
    ("text", "value"),
    [("Tuesday", "2023-05-30"), ("Wednesday", "2023-05-24"), ("September 3", "2022-09-03")],
)
def test_dates_reported_past_event_never_lands_after_the_article(text, value):
    assert ground(text, date(2023, 5, 30), past=True).value == value


@pytest.mark.parametrize(
    ("text", "base"),
    [("yesterday", date(1, 1, 1)), ("last week", date(1, 1, 3)), ("two years ago", date(1, 6, 1)),
     ("tomorrow", date(9999, 12, 31)), ("next year", date(9999, 6, 1)), ("next month", date(9999, 12, 2)),
     ("Sunday", date(1, 1, 1)), ("last June", date(1, 3, 1))],
)
def test_dates_beyond_year_1_or_9999_are_not_grounded(text, base):
    assert ground(text, base) is None


def test_dates_article_of_year_1_is_coded(pipeline):
    events = pipeline.extract_text("Police arrested five men yesterday.", date="0001-01-01")
    assert events and events[0].date == "0001-01-01"


@pytest.mark.parametrize("text", ["(0030 GMT)", "0600 local time", "1430 hrs", "at 2215 UTC", "0045"])
def test_dates_clock_times_are_never_years(text):
    assert ground(text, TUESDAY) is None


@pytest.mark.parametrize("text", ["9:45 a.m.", "at 7:50 p.m.", "11 : 30 p . m .", "10 pm", "noon",
                                  "midnight"])
def test_dates_a_time_of_day_alone_names_no_day(text):
    assert ground(text, TUESDAY) is None


@pytest.mark.parametrize("text", ["Monday at 9:45 a.m.", "3 p.m. Monday", "Monday noon"])
def test_dates_a_time_of_day_with_its_day_keeps_the_day(text):
    assert ground(text, TUESDAY) == ground("Monday", TUESDAY)


@pytest.mark.parametrize("text", ["Monday (0030 GMT)", "0600 GMT Monday", "Monday, 1430 local time"])
def test_dates_clock_time_beside_a_day_keeps_the_day(text):
    assert ground(text, TUESDAY) == ground("Monday", TUESDAY)


@pytest.mark.parametrize("text", ["less than a year before", "more than two years ago", "over a week ago"])
def test_dates_bound_before_a_count_back_names_no_date(text):
    assert ground(text, TUESDAY, past=True) is None


def test_dates_approximate_count_back_keeps_its_year():
    assert ground("about two years ago", TUESDAY) == GroundedDate("2021-01-01", "year")


@pytest.mark.parametrize(("text", "value"), [
    ("nineteen seventy-nine", "1979-01-01"),
    ("in nineteen oh five", "1905-01-01"),
    ("two thousand and one", "2001-01-01"),
])
def test_grounding_a_year_spoken_as_words(text, value):
    assert ground(text, TUESDAY, past=True).value == value


@pytest.mark.parametrize("text", ["nineteen", "two thousand years"])
def test_grounding_spoken_numbers_that_are_no_year(text):
    found = ground(text, TUESDAY, past=True)
    assert found is None or not found.value.startswith(("19", "20"))


def test_grounding_a_bare_season_of_an_act_done_is_the_latest_begun():
    # in March, "went public in the fall" is last fall; "this fall" and a future act stay this year's
    march = date(2023, 3, 20)
    assert ground("in the fall", march, past=True).value == "2022-01-01"
    assert ground("the summer", march, past=True).value == "2022-01-01"
    assert ground("this fall", march, past=True).value == "2023-01-01"
    assert ground("in the fall", march).value == "2023-01-01"


@pytest.mark.parametrize(
    ("text", "value"),
    [("on February 14", "2018-02-14"), ("On 12 February", "2018-02-12"), ("in March", "2018-03-01"),
     ("Friday", None), ("last March", None), ("last month", None)],
)
def test_grounding_a_month_or_day_without_year_falls_in_the_printed_present_year(text, value):
    found = in_present_year(text, 2018)
    assert (found.value if found else None) == value


def test_grounding_an_undated_text_dates_a_day_by_its_copyright_year(code):
    text = ("Zuma resigned on February 14, forced out by his party.\n\n"
            "Copyright 2018 The Associated Press. All rights reserved.")
    event = next(e for e in code(text, None) if e.trigger.text == "resigned")
    assert (event.date, event.date_precision) == ("2018-02-14", "day")
