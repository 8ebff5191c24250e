"""Quotes (extract/quotes.py): every quotation of an article, found once and kept."""

from __future__ import annotations

from newsevents.extract.quotes import ArticleQuotes
from newsevents.records import Article


def test_article_quotes_hold_direct_and_reported_speech_in_text_order(pipeline):
    text = 'Police said that five men were held overnight. "We acted within the law," the chief said.'
    found = ArticleQuotes(pipeline.nlp(text), Article("t", None, text), pipeline.ontology)
    first = found()
    assert [q.text for q in first] == ["five men were held overnight", "We acted within the law"]
    assert found() is first  # the second asker gets the same quotations, not a second pass
