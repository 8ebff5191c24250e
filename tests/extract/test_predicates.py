"""Statements coded by what they say of a party (extract/predicates.py, triggers.tsv PRED rows)."""


def _typed(events, event_type):
    return [e for e in events if e.event_type == event_type]


def test_said_responsible_is_the_speakers_accusation(code):
    events = code("South Korean President Moon Jae-in said China was partially responsible for "
                  "South Korea's pollution problem.")
    accuse = _typed(events, "ACCUSE")
    assert len(accuse) == 1 and accuse[0].mode == "allege" and accuse[0].is_published()
    assert [a.country for a in accuse[0].actor] == ["KOR"]
    assert [a.country for a in accuse[0].recipient] == ["CHN"]


def test_responsible_for_a_duty_is_no_accusation(code):
    events = code("State prison officials said the parole officer was responsible for 70 parolees.")
    assert not _typed(events, "ACCUSE")


def test_unstated_judgement_is_no_statement(code):
    assert not _typed(code("In Canada, polygamy is illegal."), "ACCUSE")


def test_called_it_unacceptable_is_disapproval(code):
    events = code("The bombing has drawn condemnation, with the European Union calling it "
                  "completely unacceptable.")
    accuse = [e for e in _typed(events, "ACCUSE") if e.trigger.text == "unacceptable"]
    assert accuse and accuse[0].mode == "disapprove" and accuse[0].actor[0].text == "the European Union"


def test_denied_responsibility_is_negated(code):
    events = code("The Russian Foreign Ministry said Russia was not responsible for the attack.")
    assert all(e.negated for e in _typed(events, "ACCUSE"))


def test_would_be_illegal_is_hypothetical(code):
    events = code("China said any such move would be illegal.")
    assert all(e.hypothetical for e in _typed(events, "ACCUSE"))


def test_said_claims_were_baseless_is_a_denial(code):
    events = code("The Russian Foreign Ministry said the claims were baseless.")
    reject = _typed(events, "REJECT")
    assert reject and reject[0].actor[0].country == "RUS"


def test_feeling_about_a_named_party_is_disapproval(code):
    events = code("Russia is outraged by the United States' attempts to prolong the occupation.")
    accuse = _typed(events, "ACCUSE")
    assert accuse and [a.country for a in accuse[0].actor] == ["RUS"]
    assert [a.text for a in accuse[0].recipient] == ["the United States"]


def test_feeling_about_a_thing_is_no_event(code):
    assert not _typed(code("Residents of the town said they were worried about flooding."), "ACCUSE")


def test_the_act_judged_stays_an_event_of_its_own(code):
    events = code("Unionist leaders say IRA commanders are responsible for the recent bomb attacks.")
    assert _typed(events, "ACCUSE") and _typed(events, "ASSAULT")


def test_an_act_in_the_perfect_is_no_judgement(code):
    events = code("The Nigerian woman insisted she had not fabricated a story about her daughter.")
    assert not [e for e in events if e.trigger.text == "fabricated"]


def test_called_a_pillar_is_praise(code):
    events = code("United Nations Secretary General Antonio Guterres, who called China a pillar of "
                  "the multilateral system, said trade wars are always bad.")
    support = _typed(events, "SUPPORT")
    assert support and [a.country for a in support[0].recipient] == ["CHN"]


def test_grateful_to_a_party_is_backing(code):
    support = _typed(code("The minister said he was grateful to the United States for its help."), "SUPPORT")
    assert support and [a.country for a in support[0].recipient] == ["USA"]
    assert not _typed(code("He was grateful for the rain."), "SUPPORT")


def test_satisfied_with_a_party_is_approval(code):
    support = _typed(code("The French minister said he was satisfied with Germany's response."), "SUPPORT")
    assert support and [a.country for a in support[0].recipient] == ["DEU"]
    assert [a.country for a in support[0].actor] == ["FRA"]
    assert not _typed(code("She was happy with the weather on Sunday."), "SUPPORT")
