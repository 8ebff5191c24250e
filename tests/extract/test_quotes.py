"""Quotations and their speakers, read with the real model."""

from __future__ import annotations

import pytest

from newsevents.extract.actors import ActorResolver
from newsevents.extract.quotes import extract_quotes, quotation_marks
from newsevents.records import Article


@pytest.fixture()
def quotes(pipeline):
    def run(text: str):
        article = Article(id="t", date=None, text=text)
        doc = pipeline.nlp(text)
        found = extract_quotes(
            doc, article, resolver=ActorResolver(pipeline.ontology, doc), ontology=pipeline.ontology
        )
        for quote in found:  # every span indexes the text exactly
            assert text[quote.span[0]:quote.span[1]] == quote.text
            assert quote.id.startswith("q-")
            if quote.verb_span is not None:
                assert text[quote.verb_span[0]:quote.verb_span[1]] == quote.verb
            if quote.speaker is not None:
                assert text[quote.speaker.span[0]:quote.speaker.span[1]] == quote.speaker.text
        return found

    return run


def _one(found, fragment):
    hits = [q for q in found if fragment in q.text]
    assert hits, [q.text for q in found]
    return hits[0]


def test_quotation_marks_pair_straight_and_curly():
    text = 'He said "we go" and “they stay”.\n\nAn "open mark'
    assert [text[s:e] for s, e in quotation_marks(text)] == ["we go", "they stay"]


def test_direct_quote_before_attribution(quotes):
    text = '"We will not give up," the Interior Minister of Serbia said on Monday.'
    quote = _one(quotes(text), "We will not give up")
    assert quote.text == "We will not give up"
    assert quote.verb == "said"
    assert quote.speaker.text.startswith("the Interior Minister")
    assert quote.speaker.country == "SRB"


def test_direct_quote_after_attribution_with_colon(quotes):
    quote = _one(quotes('Kenyan President William Ruto said: "We will not give up."'), "give up")
    assert quote.verb == "said"
    assert quote.speaker.country == "KEN"


def test_inverted_attribution_and_adding_that(quotes):
    found = quotes(
        '"We are asking for a fair price," said Hernando Pinzon, the union leader, adding that '
        "the strike would continue."
    )
    direct = _one(found, "fair price")
    assert direct.speaker.text.startswith("Hernando Pinzon")
    added = _one(found, "the strike would continue")
    assert added.text == "the strike would continue"
    assert added.verb == "adding"
    assert added.speaker.text.startswith("Hernando Pinzon")


def test_multi_sentence_quote_is_one_quote(quotes):
    found = quotes('"We will not give up. We will fight on," Nigerian police chief Musa Ali said.')
    quote = _one(found, "We will not give up")
    assert quote.text == "We will not give up. We will fight on"
    assert quote.speaker.country == "NGA"


def test_nested_single_quotes_stay_inside(quotes):
    found = quotes("\"They call it 'a special operation' but it is a war,\" the Ukrainian minister said.")
    assert len([q for q in found if "special operation" in q.text]) == 1
    quote = _one(found, "special operation")
    assert quote.text == "They call it 'a special operation' but it is a war"
    assert quote.speaker.country == "UKR"


def test_partial_quote_speaker_is_the_speech_verb_subject(quotes):
    text = (
        "China on Tuesday put its weight behind Serbia. China \"supports Serbia's efforts to "
        'safeguard its sovereignty," Foreign Ministry spokeswoman Mao Ning said in a regular brief.'
    )
    quote = _one(quotes(text), "supports Serbia")
    assert quote.speaker.text == "Foreign Ministry spokeswoman Mao Ning"
    assert quote.speaker.country == "CHN"  # she speaks for the government of the statement
    assert quote.speaker.sector == "GOV"


def test_spokesperson_for_a_ministry_without_country_stays_unknown(quotes):
    quote = _one(quotes("A spokesman for the interior ministry said the border was closed."), "border")
    assert quote.speaker.text == "A spokesman for the interior ministry"
    assert quote.speaker.sector == "GOV"
    assert quote.speaker.country is None


def test_spokesperson_for_a_named_government(quotes):
    quote = _one(quotes("A spokeswoman for the Kenyan government said the talks had failed."), "talks")
    assert quote.speaker.country == "KEN"


def test_scare_quotes_are_not_quotes(quotes):
    found = quotes('He accused Moscow of running a "shadow fleet" of tankers to evade "sanctions".')
    assert not any(q.text in {"shadow fleet", "sanctions"} for q in found)


def test_short_quote_with_a_speech_verb_is_kept(quotes):
    found = quotes('The ambassador said the United States had "ironclad" commitments.')
    assert [q.verb for q in found if q.text == "ironclad"] == ["said"]
    reported = _one(found, "United States")  # the reported clause keeps its quotation marks
    assert reported.text == 'the United States had "ironclad" commitments'


def test_indirect_speech(quotes):
    text = "Police in Kosovo also said that at least five people were detained following the clashes."
    quote = _one(quotes(text), "five people")
    assert quote.text == "at least five people were detained following the clashes"
    assert quote.verb == "said"
    assert quote.speaker.text == "Police in Kosovo"
    assert quote.speaker.country == "XKX"


def test_attribution_after_the_reported_clause(quotes):
    text = "Estonia expelled two Russian diplomats on Thursday, the Foreign Ministry in Tallinn said."
    quote = _one(quotes(text), "expelled")
    assert quote.text == "Estonia expelled two Russian diplomats on Thursday"
    assert quote.speaker.text == "the Foreign Ministry in Tallinn"
    assert quote.speaker.country == "EST"


def test_according_to(quotes):
    quote = _one(quotes("According to hospital sources, over 53 civilians were injured."), "civilians")
    assert quote.text == "over 53 civilians were injured"
    assert quote.verb == "According to"
    assert quote.speaker.text == "hospital sources"


def test_pronoun_speaker_resolved_from_earlier_mention(quotes):
    text = (
        "Kenyan President William Ruto met opposition leaders in Nairobi on Monday. "
        "He said the talks would continue next week."
    )
    quote = _one(quotes(text), "talks would continue")
    assert quote.speaker.text == "He"
    assert quote.speaker.country == "KEN"


def test_first_person_inside_a_quote_is_not_the_speaker(quotes):
    found = quotes('"I said we would stay," the Serbian president told reporters.')
    quote = _one(found, "I said")
    assert quote.speaker.text == "the Serbian president"
    assert quote.speaker.country == "SRB"
    assert all(q.speaker is None or q.speaker.text not in {"I", "we"} for q in found)


def test_quote_continuing_an_attributed_one(quotes):
    found = quotes('"We will fight," the Serbian minister said. "We will never surrender to them."')
    quote = _one(found, "never surrender")
    assert quote.speaker is not None and quote.speaker.country == "SRB"


def test_reporting_verb_conjoined_to_a_reported_clause(quotes):
    found = quotes(
        "The Nigerian regulator said the new rates were necessary and denied that the increase "
        "had been imposed without consultation."
    )
    said = _one(found, "rates were necessary")
    assert said.text == "the new rates were necessary"
    denied = _one(found, "without consultation")
    assert denied.verb == "denied"
    assert denied.speaker.text == "The Nigerian regulator"


def test_surname_speaker_keeps_the_role_of_its_apposition(quotes):
    found = quotes(
        "The Kenyan interior minister, Amina Rahal, visited the camp on Monday. "
        "Rahal said the camp would be closed."
    )
    quote = _one(found, "camp would be closed")
    assert quote.speaker.text == "Rahal"
    assert (quote.speaker.country, quote.speaker.sector) == ("KEN", "GOV")
