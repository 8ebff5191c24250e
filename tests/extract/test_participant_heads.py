"""Which word of a phrase names its participant (extract/participant_heads.py), on a sentence
written for these tests."""

from __future__ import annotations

from newsevents.extract.participant_heads import ParticipantHeads


def test_participant_heads_effective_head_is_read_once_per_word(pipeline):
    """The participant's word (through "dozens of", a possessor) is kept per word: asked again,
    the same answer, without reading the parse again."""
    doc = pipeline.nlp("Serbia's efforts angered dozens of protesters and rebels, who fled.")
    heads = ParticipantHeads(pipeline.ontology)
    words = {t.text: t for t in doc}
    for word, named in (("dozens", "protesters"), ("efforts", "Serbia"), ("rebels", "rebels")):
        assert heads.effective_head(words[word]).text == named
    heads._through_quantifier = None  # type: ignore[assignment,method-assign]  # reading again would fail
    assert heads.effective_head(words["dozens"]).text == "protesters"
