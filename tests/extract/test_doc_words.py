"""The per-Doc word lists (coding.doc_words) and sentence lemmas read them as the tokens say;
a record's character span finds its words (coding.words_at), a token its entity (coding.entity_at);
the per-Doc entities and sentences are the Doc's own (coding.doc_entities, coding.doc_sentences)."""

from spacy.tokens import Doc

from newsevents.extract.actor_phrases import phrase_tokens
from newsevents.extract.coding import (
    doc_entities,
    doc_sentences,
    doc_words,
    entity_at,
    head_at,
    sentence_lemmas,
    words_at,
)
from newsevents.nlp import load_pipeline


def test_doc_words_match_the_tokens() -> None:
    doc = load_pipeline()("Police arrested 12 protesters in Nairobi.\n\nThe ministry said “calm” returned.")
    lemmas, texts, spaces = doc_words(doc)
    assert lemmas == [t.lemma_.lower() for t in doc]
    assert texts == [t.lower_ for t in doc]
    assert spaces == [t.is_space for t in doc]
    assert doc_words(doc) is doc_words(doc)  # read once
    for sentence in doc.sents:
        words = [t for t in sentence if not t.is_space]
        expected = [t.lemma_.lower() for t in words]
        found, joined = sentence_lemmas(sentence)
        assert found == frozenset(expected) | frozenset(t.lower_ for t in words)
        assert joined == f" {' '.join(expected)} "


def test_words_at_widens_a_span_to_whole_tokens_and_finds_none_in_white_space() -> None:
    doc = load_pipeline()("Police arrested 12 protesters in Nairobi.")
    assert words_at(doc, (2, 10)).text == "Police arrested"  # "lice arre" widened
    assert words_at(doc, (6, 7)) is None  # the space between two words covers none


def test_words_at_and_head_at_are_found_once_per_span() -> None:
    doc = load_pipeline()("Kenyan riot police arrested 12 protesters in Nairobi.")
    words = words_at(doc, (0, 18))
    assert words is words_at(doc, (0, 18))  # read once
    assert head_at(doc, (0, 18)).text == words.root.text == "police"
    assert head_at(doc, (18, 19)) is None  # the space after "police" covers no word


def test_entity_at_is_the_entity_the_token_belongs_to() -> None:
    doc = load_pipeline()("The Henderson County Sheriff's Office said Mary Ann Smith was arrested.")
    entities = {i: e for e in doc.ents for i in range(e.start, e.end)}
    assert entities  # the model tags some
    for tok in doc:
        found, expected = entity_at(tok), entities.get(tok.i)
        assert (found is None) == (expected is None)
        if found is not None:
            assert (found.start, found.end, found.label_) == (expected.start, expected.end, expected.label_)


def test_doc_entities_and_sentences_are_the_docs_own_read_once() -> None:
    doc = load_pipeline()("Kenyan police held Mary Smith in Nairobi.\n\nThe ministry spoke on Monday.")
    def spans(entities):
        return [(e.start, e.end, e.label_) for e in entities]
    assert spans(doc_entities(doc)) == spans(doc.ents)
    assert [(s.start, s.end) for s in doc_sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert doc_entities(doc) is doc_entities(doc) and doc_sentences(doc) is doc_sentences(doc)


def test_phrase_tokens_stop_at_the_line_of_the_head() -> None:
    doc = load_pipeline()("Flood Warning For River Town\nRegional police officers closed the bridge.")
    officers = next(t for t in doc if t.text == "officers")
    words = [t.text for t in phrase_tokens(officers)]
    assert "Town" not in words and words[-1] == "officers"


def test_phrase_tokens_of_a_subject_stop_at_its_verb() -> None:
    """A right child the parser hangs on a subject past the subject's own verb ("Judge Suarez of
    the court found two men guilty of killing Garcia, 36", Garcia an apposition of Suarez) is no part
    of the subject's phrase."""
    words = ["Judge", "Suarez", "of", "the", "court", "259", "found", "them", "guilty", "Garcia", "."]
    heads = [1, 6, 1, 4, 2, 1, 6, 8, 6, 1, 6]
    deps = ["compound", "nsubj", "prep", "det", "pobj", "appos", "ROOT", "nsubj", "ccomp", "appos", "punct"]
    pos = ["PROPN", "PROPN", "ADP", "DET", "NOUN", "NUM", "VERB", "PRON", "ADJ", "PROPN", "PUNCT"]
    doc = Doc(load_pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in phrase_tokens(doc[1])] == ["Judge", "Suarez", "of", "the", "court", "259"]
