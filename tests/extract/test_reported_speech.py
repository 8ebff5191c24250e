"""Reported speech (extract/reported_speech.py): what was said without quotation marks."""

from __future__ import annotations


def test_indirect_speech(quotes, one):
    text = "Police in Kosovo also said that at least five people were detained following the clashes."
    quote = one(quotes(text), "five people")
    assert quote.text == "at least five people were detained following the clashes"
    assert quote.verb == "said"
    assert quote.speaker.text == "Police in Kosovo"
    assert quote.speaker.country == "XKX"


def test_attribution_after_the_reported_clause(quotes, one):
    text = "Estonia expelled two Russian diplomats on Thursday, the Foreign Ministry in Tallinn said."
    quote = one(quotes(text), "expelled")
    assert quote.text == "Estonia expelled two Russian diplomats on Thursday"
    assert quote.speaker.text == "the Foreign Ministry in Tallinn"
    assert quote.speaker.country == "EST"


def test_according_to(quotes, one):
    quote = one(quotes("According to hospital sources, over 53 civilians were injured."), "civilians")
    assert quote.text == "over 53 civilians were injured"
    assert quote.verb == "According to"
    assert quote.speaker.text == "hospital sources"


def test_reporting_verb_conjoined_to_a_reported_clause(quotes, one):
    found = quotes(
        "The Nigerian regulator said the new rates were necessary and denied that the increase "
        "had been imposed without consultation."
    )
    said = one(found, "rates were necessary")
    assert said.text == "the new rates were necessary"
    denied = one(found, "without consultation")
    assert denied.verb == "denied"
    assert denied.speaker.text == "The Nigerian regulator"
