"""Speakers of quotations (extract/quote_speakers.py), read with the real model."""

from __future__ import annotations


def test_partial_quote_speaker_is_the_speech_verb_subject(quotes, one):
    text = (
        "China on Tuesday put its weight behind Serbia. China \"supports Serbia's efforts to "
        'safeguard its sovereignty," Foreign Ministry spokeswoman Mao Ning said in a regular brief.'
    )
    quote = one(quotes(text), "supports Serbia")
    assert quote.speaker.text == "Foreign Ministry spokeswoman Mao Ning"
    assert quote.speaker.country == "CHN"  # she speaks for the government of the statement
    assert quote.speaker.sector == "GOV"


def test_spokesperson_for_a_ministry_without_country_stays_unknown(quotes, one):
    quote = one(quotes("A spokesman for the interior ministry said the border was closed."), "border")
    assert quote.speaker.text == "A spokesman for the interior ministry"
    assert quote.speaker.sector == "GOV"
    assert quote.speaker.country is None


def test_spokesperson_for_a_named_government(quotes, one):
    quote = one(quotes("A spokeswoman for the Kenyan government said the talks had failed."), "talks")
    assert quote.speaker.country == "KEN"


def test_pronoun_speaker_resolved_from_earlier_mention(quotes, one):
    text = (
        "Kenyan President William Ruto met opposition leaders in Nairobi on Monday. "
        "He said the talks would continue next week."
    )
    quote = one(quotes(text), "talks would continue")
    assert quote.speaker.text == "He"
    assert quote.speaker.country == "KEN"


def test_first_person_inside_a_quote_is_not_the_speaker(quotes, one):
    found = quotes('"I said we would stay," the Serbian president told reporters.')
    quote = one(found, "I said")
    assert quote.speaker.text == "the Serbian president"
    assert quote.speaker.country == "SRB"
    assert all(q.speaker is None or q.speaker.text not in {"I", "we"} for q in found)


def test_surname_speaker_keeps_the_role_of_its_apposition(quotes, one):
    found = quotes(
        "The Kenyan interior minister, Amina Rahal, visited the camp on Monday. "
        "Rahal said the camp would be closed."
    )
    quote = one(found, "camp would be closed")
    assert quote.speaker.text == "Rahal"
    assert (quote.speaker.country, quote.speaker.sector) == ("KEN", "GOV")
