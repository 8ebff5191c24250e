"""Extract: code parsed articles into event records.

Needs a spaCy Doc with parser, lemmas and entities, and its ``Article`` (for
the id and the date that relative expressions are grounded on). Fills every
``Event`` field; ``extract_quotes`` reads quotations and their speakers
(``ArticleQuotes`` keeps them, so events and quote records share one pass).
"""

from newsevents.extract.actors import ActorResolver
from newsevents.extract.events import EventExtractor, extract_events
from newsevents.extract.quotes import ArticleQuotes, extract_quotes

__all__ = ["ActorResolver", "ArticleQuotes", "EventExtractor", "extract_events", "extract_quotes"]
