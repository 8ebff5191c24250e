"""The dashboard's opening questions, answered once when a read-only server starts.

Every page load asks the same few aggregates over the whole store (totals, timeline, map,
network, the first page of stories and events), at the confidence the dashboard opens on
and with no filter at all; over a million events the first asking of each takes a second
or more (the network and the actor table most). A read-only store cannot change under
the server (``answers.py``), so they are asked here, through the same handlers and so the
same SQL, before the server takes its first request, and every later asking is answered
from memory. Other filters are answered when first asked.
"""

from __future__ import annotations

import logging
import time

from newsevents.records import PUBLISH_CONFIDENCE
from newsevents.serve.db import Reader
from newsevents.serve.params import Paging
from newsevents.serve.routes import aggregates, events, meta, stories
from newsevents.store import Store
from newsevents.store.queries import Filters

log = logging.getLogger(__name__)

OPENING_FILTERS = (Filters(min_confidence=PUBLISH_CONFIDENCE), Filters())
"""What the dashboard opens on (what we would publish), and the whole store as the API gives it."""
PAGES = (Paging(25, 0), Paging(50, 0))
"""The dashboard's first page of a listing, and the API's."""


def warm(store: Store) -> float:
    """Ask the opening questions of ``OPENING_FILTERS`` through the handlers; seconds taken."""
    t0 = time.perf_counter()
    with store.reader() as cursor:
        reader = Reader(store, cursor)
        meta.counts_and_values(reader)
        for filters in OPENING_FILTERS:
            aggregates.totals(reader, filters)
            aggregates.timeline(reader, filters, "month")
            aggregates.story_map(reader, filters, aggregates.DEFAULT_MAP)
            aggregates.network(reader, filters, aggregates.DEFAULT_LINKS, "actor")
            aggregates.actors(reader, filters, PAGES[1])
            for page in PAGES:
                stories.list_stories(reader, filters, page)
                events.list_events(reader, filters, page)
    seconds = time.perf_counter() - t0
    log.info("answered the dashboard's opening questions in %.1f s", seconds)
    return seconds
