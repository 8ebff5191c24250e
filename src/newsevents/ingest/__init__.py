"""Ingest: read articles from files, JSONL, directories, standard input, web pages and
RSS/Atom feeds (``feeds``, ``pages``, ``fetch``; docs/feeds.md).

Fills every ``Article`` field it can; yields an ``InputError`` in place of an
input that cannot be read, so the caller reports it and goes on.
"""

from newsevents.ingest.sources import read_articles

__all__ = ["read_articles"]
