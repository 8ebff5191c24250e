from newsevents.dedup.similarity import trigger_stem


def test_trigger_stem_is_the_start_of_the_first_word_in_lower_case():
    assert trigger_stem("Killed", 4) == trigger_stem("killing", 4) == "kill"
    assert trigger_stem("opened fire", 4) == "open"
    assert trigger_stem("'s raid", 4) == "raid"  # leading punctuation is no word
    assert trigger_stem("", 4) == ""


def test_related_types_are_the_given_types_and_their_groups():
    from newsevents.dedup.similarity import TypeRelations

    relations = TypeRelations({"ASSAULT": "ASSAULT+COERCE", "COERCE": "ASSAULT+COERCE"}, 0.6)
    assert relations.related(["ASSAULT", "PROTEST"]) == {"ASSAULT", "COERCE", "PROTEST"}
    assert relations.related(t for t in ["COERCE"]) == {"ASSAULT", "COERCE"}  # any iterable, once
