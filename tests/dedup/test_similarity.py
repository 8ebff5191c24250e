from newsevents.dedup.similarity import trigger_stem


def test_trigger_stem_is_the_start_of_the_first_word_in_lower_case():
    assert trigger_stem("Killed", 4) == trigger_stem("killing", 4) == "kill"
    assert trigger_stem("opened fire", 4) == "open"
    assert trigger_stem("'s raid", 4) == "raid"  # leading punctuation is no word
    assert trigger_stem("", 4) == ""
