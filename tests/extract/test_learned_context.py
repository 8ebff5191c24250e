"""The learned p(right | the sentence's and the article's words) (extract/learned_context.py,
learned_context.npz): the shipped model loads, sees common words only, tells sentences and
articles apart, and reaches the confidence as ``learned_context`` from the words training sees."""

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
    doc = pipeline.nlp("Police in Nairobi arrested 3 protesters on Monday. The crowd had gathered at dawn.")
    words = lc.common_words(next(doc.sents))
    assert words == tuple(sorted(words)) and {"police", "arrested", "protesters", "on"} <= set(words)
    assert "nairobi" not in words and "3" not in words and "crowd" not in words
    article = lc.common_words(doc)
    assert set(words) < set(article) and {"crowd", "dawn"} <= set(article) and "nairobi" not in article


def test_learned_context_features_pair_words_with_the_event_type():
    found = lc.context_features(("match", "police"), ("stadium",), "ASSAULT")
    assert found == ["bias", "w=match", "w=police", "tw=ASSAULT|match", "tw=ASSAULT|police",
                     "a=stadium", "ta=ASSAULT|stadium"]
    assert lc.context_ids(("match",), (), "ASSAULT") != lc.context_ids(("match",), (), "COERCE")
    assert lc.context_ids((), ("match",), "ASSAULT") != lc.context_ids(("match",), (), "ASSAULT")


def _p(pipeline, text, event_type):
    """p_right of the first sentence of ``text``, read as a whole article."""
    doc = pipeline.nlp(text)
    return lc.p_right(lc.common_words(next(doc.sents)), lc.common_words(doc), event_type)


def test_learned_context_tells_a_sports_page_from_a_police_report(pipeline):
    police = _p(pipeline, "Police arrested three protesters after clashes with security forces.", "COERCE")
    sport = _p(pipeline, "The team beat their rivals in the second half of the game at the stadium.",
               "ASSAULT")
    assert 0 < sport < police < 1


def test_learned_context_weighs_the_article_around_the_sentence(pipeline):
    sentence = "They were attacked on Saturday."
    war = _p(pipeline, f"{sentence} Soldiers and rebels fought for the town, and the army shelled "
             "villages; the government condemned the militants.", "ASSAULT")
    sport = _p(pipeline, f"{sentence} The striker scored twice in the second half and the coach praised "
               "the players after the match; the league title is close.", "ASSAULT")
    assert 0 < sport < war < 1


def test_learned_context_log_odds_are_clipped():
    assert lc.log_odds(0.5) == 0.0
    assert lc.log_odds(1.0) == pytest.approx(-lc.log_odds(0.0)) == pytest.approx(math.log(999))


def test_learned_context_reaches_the_confidence_features(pipeline, scored):
    text = "Police in Nairobi arrested three protesters on Monday."
    evidence, _, found = next(s for s in scored(text) if s[1].event_type == "COERCE")
    doc = pipeline.nlp(text)
    assert evidence.words == lc.common_words(next(doc.sents))
    assert evidence.article_words == lc.common_words(doc)
    p = lc.p_right(evidence.words, evidence.article_words, "COERCE")
    assert found["learned_context"] == lc.log_odds(p)
