"""Dedup: one record per real-world event, however many articles report it.

Reads from each ``Event``: ``event_type``, ``date``/``date_precision``/``date_text`` (an
event whose date the text did not ground stands for "on or shortly before publication"),
``location`` (geonameid, coordinates, country, admin1, precision), ``actor``/``recipient``
(country, sector, name), ``size``, ``sentence`` span, ``confidence``, ``negated``,
``hypothetical``; from each ``Article``: ``id``, ``date``, ``title``, ``text``.
Puts every article in one ``Thread`` (``threads``). Fills ``Story`` records: every field,
with ``mentions`` (event ids) and ``sources`` (article ids). Events are not changed.
"""

from newsevents.dedup.similarity import Weights, load_relations
from newsevents.dedup.stories import DEFAULT_THRESHOLD, StoryIndex, merge_stories, story_id
from newsevents.dedup.texts import BatchTexts
from newsevents.dedup.threads import ThreadIndex, thread_id
from newsevents.dedup.threads import load_settings as load_thread_settings

__all__ = [
    "DEFAULT_THRESHOLD", "BatchTexts", "StoryIndex", "ThreadIndex", "Weights", "load_relations",
    "load_thread_settings",
    "merge_stories", "story_id", "thread_id",
]
