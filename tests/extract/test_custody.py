"""A charge told with the arrest of the same party is that arrest's mention (extract/custody.py)."""

ARREST = "Police arrested John Smith on Monday in Springfield after a string of burglaries."


def _types(events):
    return [(e.event_type, e.trigger.text) for e in events if not (e.negated or e.hypothetical)]


def test_a_charge_of_the_arrested_man_is_the_arrest(code):
    events = code(f"{ARREST} Smith was charged with burglary and theft.")
    assert ("COERCE", "arrested") in _types(events)
    assert not any(t == "ACCUSE" for t, _ in _types(events))


def test_arrested_and_charged_in_one_sentence_is_one_arrest(code):
    events = code("John Smith was arrested on Monday and charged with burglary.")
    assert [t for t, _ in _types(events)] == ["COERCE"]


def test_a_charge_with_no_arrest_or_of_another_party_stays_an_accusation(code):
    alone = code("Smith was charged with burglary and theft on Monday.")
    assert ("ACCUSE", "charged") in _types(alone)
    other = code(f"{ARREST} Mary Jones was charged with fraud.")
    assert ("ACCUSE", "charged") in _types(other)
