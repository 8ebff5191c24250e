"""Episode dating (extract/episodes.py); article date Tue 2023-05-30."""

import pytest


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # the episode before it: same place and parties, the next sentence
        ("Rebels attacked Kidal on Thursday. Malian troops repelled the rebels and arrested 12 of "
         "them in Kidal.", "arrested", "2023-05-25"),
        # the date of a verb above it that is no event
        ("The Colombian president spoke on Sunday night, accusing Venezuela of sheltering rebels.",
         "accusing", "2023-05-28"),
        # another paragraph, other parties: the article date
        ("Police arrested five protesters in Lagos on Monday.\n\nThe Kenyan army attacked a camp in "
         "Somalia.", "attacked", "2023-05-30"),
        # an announcement is dated when it was made
        ("Rebels seized Menaka on Friday. On Monday, Niger said it would send troops to Menaka.",
         "send", "2023-05-29"),
        # a perfect is an indefinite past: it continues no episode
        ("The court fined Mr. Okafor on Friday. Mr. Okafor has denied the charges.", "denied", "2023-05-30"),
    ],
)
def test_episodes_date_of_an_event_without_its_own(event_on, text, trigger, day):
    assert event_on(text, trigger).date == day


def test_episodes_years_old_event_is_historical(event_on):
    event = event_on("Militants abducted 40 students from a school in Borno three years ago.", "abducted")
    assert event.historical and event.date.startswith("2020")


def test_episodes_running_total_is_historical_not_dated_today(event_on):
    event = event_on("The insurgents have killed 9,000 people in six years.", "killed")
    assert event.historical and event.date is None
