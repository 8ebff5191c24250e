"""Episode dating (extract/episodes.py); article date Tue 2023-05-30."""


def _event(events, trigger):
    found = [e for e in events if e.trigger.text.startswith(trigger)]
    assert found, f"no event on {trigger!r}"
    return found[0]


def test_episodes_event_continues_the_dated_episode(code):
    events = code("Rebels attacked Kidal on Thursday. Malian troops repelled the rebels and "
                  "arrested 12 of them in Kidal.")
    assert _event(events, "arrested").date == "2023-05-25"


def test_episodes_date_on_a_verb_above_dates_the_event(code):
    events = code("The Colombian president spoke on Sunday night, accusing Venezuela of sheltering rebels.")
    assert _event(events, "accusing").date == "2023-05-28"


def test_episodes_years_old_event_is_historical(code):
    event = _event(code("Militants abducted 40 students from a school in Borno three years ago."), "abducted")
    assert event.historical and event.date.startswith("2020")


def test_episodes_running_total_is_historical_not_dated_today(code):
    event = _event(code("The insurgents have killed 9,000 people in six years."), "killed")
    assert event.historical and event.date is None


def test_episodes_unrelated_paragraph_keeps_the_article_date(code):
    events = code("Police arrested five protesters in Lagos on Monday.\n\nThe Kenyan army attacked "
                  "a camp in Somalia.")
    assert _event(events, "attacked").date == "2023-05-30"


def test_episodes_announcement_is_dated_when_it_was_made(code):
    events = code("Rebels seized Menaka on Friday. On Monday, Niger said it would send troops to Menaka.")
    assert _event(events, "send").date == "2023-05-29"


def test_episodes_perfect_does_not_continue_the_episode(code):
    events = code("The court fined Mr. Okafor on Friday. Mr. Okafor has denied the charges.")
    assert _event(events, "denied").date == "2023-05-30"
