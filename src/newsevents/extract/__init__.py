"""Extract: code parsed articles into event records.

Needs a spaCy Doc with parser, lemmas and entities, and its ``Article`` (for
the id and the date that relative expressions are grounded on). Fills every
``Event`` field except ``location`` and ``size``.
"""

from newsevents.extract.events import EventExtractor, extract_events

__all__ = ["EventExtractor", "extract_events"]
