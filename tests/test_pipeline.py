import pytest

from newsevents.errors import ArticleTooLongError
from newsevents.records import Article


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
