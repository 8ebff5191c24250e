"""The learned p(right | the sentence's words) (extract/learned_context.py, learned_context.npz):
the shipped model loads, sees common words only, tells sentences apart, and reaches the
confidence as ``learned_context`` from the words training sees."""

import math

import numpy as np
import pytest

from newsevents.extract import learned_context as lc


def test_learned_context_model_file_loads():
    model = lc.model()
    assert model.classes == lc.CLASSES
    assert len(model.used) > 1000 and np.all(np.diff(model.used) > 0)
    assert model.weights.shape == (len(model.used), 2)
    assert lc.MODEL_FILE.stat().st_size < 400_000


def test_learned_context_sees_common_words_not_names(pipeline):
    doc = pipeline.nlp("Police in Nairobi arrested 3 protesters on Monday.")
    words = lc.sentence_words(next(doc.sents))
    assert words == tuple(sorted(words)) and {"police", "arrested", "protesters", "on"} <= set(words)
    assert "nairobi" not in words and "3" not in words


def test_learned_context_features_pair_words_with_the_event_type():
    found = lc.context_features(("match", "police"), "ASSAULT")
    assert found == ["bias", "w=match", "w=police", "tw=ASSAULT|match", "tw=ASSAULT|police"]
    assert lc.context_ids(("match",), "ASSAULT") != lc.context_ids(("match",), "COERCE")


def test_learned_context_tells_a_sports_page_from_a_police_report(pipeline):
    def p(text, event_type):
        return lc.p_right(lc.sentence_words(next(pipeline.nlp(text).sents)), event_type)

    police = p("Police arrested three protesters after clashes with security forces.", "COERCE")
    sport = p("The team beat their rivals in the second half of the game at the stadium.", "ASSAULT")
    assert 0 < sport < police < 1


def test_learned_context_log_odds_are_clipped():
    assert lc.log_odds(0.5) == 0.0
    assert lc.log_odds(1.0) == pytest.approx(-lc.log_odds(0.0)) == pytest.approx(math.log(999))


def test_learned_context_reaches_the_confidence_features(pipeline, scored):
    text = "Police in Nairobi arrested three protesters on Monday."
    evidence, _, found = next(s for s in scored(text) if s[1].event_type == "COERCE")
    assert evidence.words == lc.sentence_words(next(pipeline.nlp(text).sents))
    assert found["learned_context"] == lc.log_odds(lc.p_right(evidence.words, "COERCE"))
