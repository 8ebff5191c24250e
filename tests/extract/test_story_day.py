"""The day of a one-day story (extract/story_day.py); article date Tue 2023-05-30."""


def _on(events, trigger):
    return next(e for e in events if e.trigger.text.startswith(trigger))


STORY = ("Deputies were sent to the Riverside Tavern early Sunday to stop a fight among dozens of "
         "patrons.\n\nThe crowd spilled into the street and several cars were damaged.\n\n"
         "Witnesses described broken bottles and shouting.\n\n"
         "The owner said the tavern would stay closed this week.\n\n"
         "Two men were arrested, the sheriff's office said.")


def test_story_day_simple_past_act_takes_the_one_day_named(code):
    assert _on(code(STORY), "arrested").date == "2023-05-28"


def test_story_day_not_when_the_story_names_its_own_day_for_an_act(code):
    text = STORY.replace("Witnesses described",
                         "Neighbors protested outside the tavern on Tuesday. Witnesses described")
    assert _on(code(text), "arrested").date == "2023-05-30"


def test_story_day_not_after_another_time_is_named(code):
    text = STORY.replace("Two men were arrested", "In March, a bartender told the council that two men "
                         "were arrested")
    assert _on(code(text), "arrested").date != "2023-05-28"


def test_story_day_not_for_a_present_or_perfect_act(code):
    text = STORY.replace("Two men were arrested", "Two men have been arrested")
    assert _on(code(text), "arrested").date == "2023-05-30"


def test_story_day_read_from_an_act_told_in_a_clause_on_the_day(code):
    # "Sunday, when ...": the clause tells the day's act, not a noun's, so the story's acts go on
    text = ("The hunt began about 10:30 a.m. Sunday, when a gunman shot a man near Grand Avenue in San "
            "Pedro, according to police. The victim later died at a hospital. SWAT officers soon "
            "surrounded the home. Several people inside the home were detained, police said.")
    assert _on(code(text), "detained").date == "2023-05-28"
