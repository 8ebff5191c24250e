"""newsevents: dated news articles in, PLOVER event records with evidence out.

    >>> from newsevents import Pipeline
    >>> events = Pipeline().extract_text("Police arrested five protesters on Monday.",
    ...                                  date="2023-05-30")
"""

from newsevents.errors import InputError, NewsEventsError
from newsevents.ingest import read_articles
from newsevents.ontology import Ontology, load_ontology
from newsevents.pipeline import Pipeline
from newsevents.records import (
    EVENT_TYPES,
    Actor,
    Article,
    CodedArticle,
    Event,
    Location,
    Quote,
    SentenceRef,
    Size,
    Story,
    TextRef,
)

__all__ = [
    "EVENT_TYPES",
    "Actor",
    "Article",
    "CodedArticle",
    "Event",
    "InputError",
    "Location",
    "NewsEventsError",
    "Ontology",
    "Pipeline",
    "Quote",
    "SentenceRef",
    "Size",
    "Story",
    "TextRef",
    "load_ontology",
    "read_articles",
]
