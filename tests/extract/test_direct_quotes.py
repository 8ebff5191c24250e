"""Direct quotations (extract/direct_quotes.py): quotation marks and the verb that says them."""

from __future__ import annotations

from newsevents.extract.direct_quotes import quotation_marks


def test_quotation_marks_pair_straight_and_curly():
    text = 'He said "we go" and “they stay”.\n\nAn "open mark'
    assert [text[s:e] for s, e in quotation_marks(text)] == ["we go", "they stay"]


def test_direct_quote_before_attribution(quotes, one):
    text = '"We will not give up," the Interior Minister of Serbia said on Monday.'
    quote = one(quotes(text), "We will not give up")
    assert quote.text == "We will not give up"
    assert quote.verb == "said"
    assert quote.speaker.text.startswith("the Interior Minister")
    assert quote.speaker.country == "SRB"


def test_direct_quote_after_attribution_with_colon(quotes, one):
    quote = one(quotes('Kenyan President William Ruto said: "We will not give up."'), "give up")
    assert quote.verb == "said"
    assert quote.speaker.country == "KEN"


def test_inverted_attribution_and_adding_that(quotes, one):
    found = quotes(
        '"We are asking for a fair price," said Hernando Pinzon, the union leader, adding that '
        "the strike would continue."
    )
    direct = one(found, "fair price")
    assert direct.speaker.text.startswith("Hernando Pinzon")
    added = one(found, "the strike would continue")
    assert added.text == "the strike would continue"
    assert added.verb == "adding"
    assert added.speaker.text.startswith("Hernando Pinzon")


def test_multi_sentence_quote_is_one_quote(quotes, one):
    found = quotes('"We will not give up. We will fight on," Nigerian police chief Musa Ali said.')
    quote = one(found, "We will not give up")
    assert quote.text == "We will not give up. We will fight on"
    assert quote.speaker.country == "NGA"


def test_nested_single_quotes_stay_inside(quotes, one):
    found = quotes("\"They call it 'a special operation' but it is a war,\" the Ukrainian minister said.")
    assert len([q for q in found if "special operation" in q.text]) == 1
    quote = one(found, "special operation")
    assert quote.text == "They call it 'a special operation' but it is a war"
    assert quote.speaker.country == "UKR"


def test_scare_quotes_are_not_quotes(quotes):
    found = quotes('He accused Moscow of running a "shadow fleet" of tankers to evade "sanctions".')
    assert not any(q.text in {"shadow fleet", "sanctions"} for q in found)


def test_short_quote_with_a_speech_verb_is_kept(quotes, one):
    found = quotes('The ambassador said the United States had "ironclad" commitments.')
    assert [q.verb for q in found if q.text == "ironclad"] == ["said"]
    reported = one(found, "United States")  # the reported clause keeps its quotation marks
    assert reported.text == 'the United States had "ironclad" commitments'


def test_quote_continuing_an_attributedone(quotes, one):
    found = quotes('"We will fight," the Serbian minister said. "We will never surrender to them."')
    quote = one(found, "never surrender")
    assert quote.speaker is not None and quote.speaker.country == "SRB"


def test_speaker_hung_by_apposition_from_the_quotation_end(pipeline):
    """'"... those who help them," aid director Jane Mwangi said' parsed with "those" as the
    subject of "said" and the speaker in apposition to it: the speaker is the name after."""
    from spacy.tokens import Doc

    from newsevents.extract.actors import ActorResolver
    from newsevents.extract.quotes import extract_quotes
    from newsevents.records import Article

    text = '"Protect the farmers and those who help them," aid director Jane Mwangi of Kenya said.'
    parsed = pipeline.nlp(text)
    heads = [t.head.i for t in parsed]
    deps = [t.dep_ for t in parsed]
    those, director, name, said = (next(t.i for t in parsed if t.text == w)
                                   for w in ("those", "director", "Mwangi", "said"))
    heads[those], deps[those] = said, "nsubj"  # the parse this rule is for
    heads[director], deps[director] = those, "appos"
    heads[name], deps[name] = director, "appos"
    doc = Doc(parsed.vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed],
              heads=heads, deps=deps, pos=[t.pos_ for t in parsed], tags=[t.tag_ for t in parsed],
              lemmas=[t.lemma_ for t in parsed],
              ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in parsed])
    found = extract_quotes(doc, Article(id="t", date=None, text=text),
                           resolver=ActorResolver(pipeline.ontology, doc), ontology=pipeline.ontology)
    quote = next(q for q in found if "Protect" in q.text)
    assert quote.speaker is not None and "director" in quote.speaker.text
