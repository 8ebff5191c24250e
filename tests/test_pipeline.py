import sys
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsevents.errors import ArticleTooLongError, CodingError, InputError
from newsevents.extract.grounding import ground
from newsevents.extract.quotes import QuoteExtractor
from newsevents.ingest.jsonl import article_from_object
from newsevents.records import Article
from newsevents.store import open_store


def test_pipeline_rejects_text_the_parser_would_refuse(pipeline):
    article = Article(id="huge", date=None, text="x " * (pipeline.nlp.max_length // 2 + 1))
    with pytest.raises(ArticleTooLongError, match="E005 huge"):
        pipeline.check(article)


def test_pipeline_keeps_input_order_and_ids(pipeline):
    articles = [
        Article(id=f"a{i}", date=None, text=text)
        for i, text in enumerate(["Police arrested two men.", "Nothing happened.", "Rebels fled."])
    ]
    assert [c.article.id for c in pipeline.extract(articles)] == ["a0", "a1", "a2"]


ARTICLES = [Article(id=f"a{i}", date=None, text=text)
            for i, text in enumerate(["Police left.", "It went boom.\nAgain.", "Rebels fled."])]


def test_pipeline_guard_one_failing_article_is_one_line_and_the_others_go_on(breaking):
    results = list(breaking.code(ARTICLES, batch_size=3))
    assert [type(r).__name__ for r in results] == ["CodedArticle", "CodingError", "CodedArticle"]
    error = results[1]
    assert error.article_id == "a1" and "\n" not in str(error)
    assert str(error) == "E007 a1: could not be coded (RecursionError: maximum recursion depth exceeded)"
    failed = []
    assert [c.article.id for c in breaking.extract(ARTICLES, on_error=failed.append)] == ["a0", "a2"]
    assert failed[0].article_id == "a1"
    with pytest.raises(CodingError, match="E007 a1"):
        list(breaking.extract(ARTICLES))


def test_pipeline_guard_covers_any_step(pipeline):
    results = [r for _, r in pipeline.each(ARTICLES, lambda doc, article: {"Police": 1}[doc[0].text])]
    assert results[0] == 1
    assert [str(r) for r in results[1:]] == [f"E007 a{i}: could not be coded (KeyError: '{word}')"
                                             for i, word in ((1, "It"), (2, "Rebels"))]


def test_pipeline_guard_covers_the_cleaner(pipeline, monkeypatch):
    def clean(article, rules):
        if "boom" in article.text:
            raise ValueError("bad pattern")
        return article

    monkeypatch.setattr("newsevents.pipeline.mark_boilerplate", clean)
    results = list(pipeline.code(ARTICLES, batch_size=3))
    assert [type(r).__name__ for r in results] == ["CodedArticle", "CodingError", "CodedArticle"]
    assert str(results[1]) == "E007 a1: could not be coded (ValueError: bad pattern)"


def test_pipeline_ingest_stores_the_others_and_rejects_the_failed_one(breaking, tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        report = breaking.ingest(ARTICLES, store)
        assert report.added == ["a0", "a2"]
        assert report.rejected == [("a1", "E007 could not be coded (RecursionError: maximum recursion depth "
                                          "exceeded)")]
        assert store.counts()["articles"] == 2
        assert breaking.ingest(ARTICLES, store).rejected[0][0] == "a1"  # not stored: tried again


def _work(pipeline, text: str) -> int:
    """Python calls made coding one article (parse, events, quotes): a count of work that
    does not depend on the machine or its load."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += 1

    next(pipeline.code([_WARM_UP], quotes=True))  # one-time set-up (dateparser's first call)
    ground("12 12", date(2023, 5, 30))  # dateparser's own lazy set-up on a bare day and month (1M calls once)
    _profiled(pipeline, text, count)
    return calls


_WARM_UP = Article("warm", date(2023, 5, 30),
                   'On Monday police said 12 people were killed in Paris last week. "We left," he said.')


def _profiled(pipeline, text: str, hook):
    """One article coded with quotes while ``hook`` sees every Python call."""
    sys.setprofile(hook)
    try:
        result = next(pipeline.code([Article("w", date(2023, 5, 30), text)], quotes=True))
    finally:
        sys.setprofile(None)
    assert not isinstance(result, CodingError), result
    return result


@pytest.mark.parametrize(
    "shape",
    [lambda n: "he said " * n,
     lambda n: "The man " + "who met the woman " * n + "left.",
     lambda n: 'He said "she said \u201c' * (n // 2) + "x"],
    ids=["he-said", "relative-clauses", "nested-quotes"],
)
def test_pipeline_cost_grows_near_linearly_with_length(pipeline, shape):
    _work(pipeline, "Police arrested five men yesterday. \"We left,\" he said.")  # caches warm
    short, double = _work(pipeline, shape(250)), _work(pipeline, shape(500))
    assert double < 2.6 * short  # quadratic work gave 3.7 times as much


NEWS_WORDS = ["Police", "rebels", "the ministry", "Russia", "One of us", "Five of the soldiers", "Serbs",
              "attacked", "arrested", "said", "told", "denied", "met", "shelled", "protested", "agreed",
              "the town", "five men", "a deal", "yesterday", "on Monday", "last week", "in 1997",
              "next year", "who", "which", "that", "and", ",", ".", "according to", "12", "hundreds",
              "1e400", "99999999999999999999"]
PRONOUNS = ["he", "she", "it", "they", "we", "I", "us", "them", "its", "their", "our"]
ODDITIES = ['"', "\u201c", "\u201d", "\u00ab", "'", "<b>", "<!---->", "[/red]", "&amp;", "\x00", "\x1b[31m",
            "\r", "\t", "\x85", "\u2028", "\u200b", "\ufeff", "\ud800", "\udfff", "\n", "\n\n"]
_PIECES = st.lists(
    st.one_of(st.sampled_from(NEWS_WORDS), st.sampled_from(PRONOUNS), st.sampled_from(ODDITIES),
              st.text(max_size=12)),
    min_size=1, max_size=120,
)
_DATES = st.one_of(st.none(), st.sampled_from(["0001-01-01", "9999-12-31"]), st.dates().map(str))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=_PIECES, published=_DATES)
@example(pieces=["agreed", "0\x910"], published=None)  # a C1 character in a recipient (Hypothesis found it)
def test_pipeline_any_text_is_coded_with_spans_that_index_it(pipeline, pieces, published):
    """Whatever an article holds, read as JSON input reads it: coded, no exception, every span
    inside the text and holding its words, and work within a generous ceiling per character.
    The words are those of the coded article, whose C1 characters are repaired one for one
    (ingest/clean.py), so its spans index the input's text too."""
    try:
        obj = {"id": "p", "date": published, "text": " ".join(pieces)}
        article = article_from_object(obj, default_id="p")
    except InputError:
        return  # no text at all: E004, one line
    work = _work(pipeline, article.text)
    assert work < 500_000 + 5_000 * len(article.text)  # about 100 to 200 per character in practice
    coded = next(pipeline.code([article], quotes=True))
    text = coded.article.text
    assert len(text) == len(article.text)
    records = [(e.trigger.span, e.trigger.text) for e in coded.events]
    records += [(a.span, a.text) for e in coded.events for a in e.actor + e.recipient]
    records += [(e.date_span, e.date_text) for e in coded.events if e.date_span]
    records += [(q.span, q.text) for q in coded.quotes]
    records += [(q.speaker.span, q.speaker.text) for q in coded.quotes if q.speaker]
    for (start, end), shown in records:
        assert 0 <= start <= end <= len(text) and text[start:end] == shown


def test_pipeline_finds_an_articles_quotes_once(pipeline):
    """A quoted "we" takes its speaker's side from the same quotations the quote records
    hold: one pass of the quote finder per article, not one for events and one for quotes."""
    passes = 0

    def count(frame, event, arg):
        nonlocal passes
        if event == "call" and frame.f_code is QuoteExtractor.run.__code__:
            passes += 1

    text = 'The Kenyan foreign minister said: "We condemn the attack on the embassy."'
    coded = _profiled(pipeline, text, count)
    we = [a for e in coded.events for a in e.actor if a.text == "We"]
    assert we and we[0].country == "KEN"  # the events asked for the speaker
    assert [q.speaker.country for q in coded.quotes] == ["KEN"]
    assert passes == 1
