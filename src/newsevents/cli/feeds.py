"""Feeds: ``watch`` (polling on an interval) and the feed helpers ``ingest --feed`` uses."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsevents.cli.common import Db, ExtraOntology, Model, Threshold, err, error
from newsevents.dedup import DEFAULT_THRESHOLD
from newsevents.errors import NewsEventsError
from newsevents.nlp import DEFAULT_MODEL
from newsevents.records import Article

if TYPE_CHECKING:
    from newsevents.store import Store


FeedOption = Annotated[
    list[str] | None,
    typer.Option("--feed", help="RSS/Atom feed: URL, file:// URL or saved file (repeatable; docs/feeds.md)."),
]
EntriesOnly = Annotated[
    bool, typer.Option("--entries-only", help="Use feed entries' own text; fetch no pages.")
]
Timeout = Annotated[float, typer.Option(help="Seconds allowed for each HTTP fetch.")]


def _collect_feeds(
    feeds: list[str], store: Store, *, entries_only: bool, timeout: float
) -> tuple[list[Article], int]:
    """The articles of the feeds' entries the store lacks (their pages fetched); bad feeds
    and entries are reported on one line each and counted."""
    import functools

    from newsevents.ingest.feeds import feed_articles, fetch_feed
    from newsevents.ingest.fetch import fetch

    fetcher = functools.partial(fetch, timeout=timeout)
    articles, failures = [], 0
    for source in feeds:
        try:
            found = fetch_feed(source, fetcher=fetcher)
        except NewsEventsError as exc:
            error(exc)
            failures += 1
            continue
        stored = store.known(e.article_id for e in found.entries if e.article_id)
        todo = [e for e in found.entries if e.article_id not in stored]
        read = 0
        for _, item in feed_articles(found, todo, fetcher=fetcher, entries_only=entries_only):
            if isinstance(item, Article):
                articles.append(item)
                read += 1
            else:
                error(item)
                failures += 1
        err.print(f"{source}: {len(found.entries)} entries, {len(found.entries) - len(todo)} "
                  f"already stored, {read} read")
    return articles, failures


def watch(
    feeds: Annotated[list[str], typer.Argument(
        help="Feed URLs or saved feeds, or text files listing them (one a line, # comments).")],
    db: Db = None,
    interval: Annotated[float, typer.Option(help="Seconds between rounds.")] = 900.0,
    once: Annotated[bool, typer.Option("--once", help="One round, then exit (1 if a feed failed).")] = False,
    max_rounds: Annotated[int | None, typer.Option(help="Stop after this many rounds.")] = None,
    retry_max: Annotated[float, typer.Option(
        help="Longest wait before a failing feed is tried again (the first is one interval).")] = 3600.0,
    timeout: Timeout = 20.0,
    entries_only: EntriesOnly = False,
    model: Model = DEFAULT_MODEL,
    ontology: ExtraOntology = None,
    threshold: Threshold = DEFAULT_THRESHOLD,
) -> None:
    """Poll feeds on an interval and ingest their new entries; Ctrl-C stops after the
    current batch. What was seen is kept in the store, so a restart goes on where it was."""
    import functools
    import logging
    import signal
    import threading

    from newsevents.ingest.fetch import fetch
    from newsevents.pipeline import Pipeline
    from newsevents.store import open_store
    from newsevents.watch import Watcher

    sources = _feed_sources(feeds)
    if interval < 0 or (max_rounds is not None and max_rounds < 1):
        error("--interval must be 0 or more and --max-rounds 1 or more")
        raise typer.Exit(2)
    logger = logging.getLogger("newsevents")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%d %H:%M:%S"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    try:
        pipeline = Pipeline(model=model, extra_ontology=tuple(ontology or ()))
        store = open_store(db)
    except (OSError, NewsEventsError) as exc:
        error(exc)
        raise typer.Exit(2) from None
    stop = threading.Event()

    def interrupt(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        logger.warning("interrupted: stopping after the current batch (Ctrl-C again to abort)")

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        with store:
            watcher = Watcher(
                sources, store, lambda articles: pipeline.ingest(articles, store, threshold=threshold),
                interval=interval, retry_max=retry_max, fetcher=functools.partial(fetch, timeout=timeout),
                check=pipeline.check, entries_only=entries_only, stop=stop,
            )
            logger.info("watching %d feeds every %g s (store %s)", len(sources), interval, store.path)
            rounds = watcher.run(max_rounds=1 if once else max_rounds)
    finally:
        signal.signal(signal.SIGINT, previous)
    logger.info("stopped after %d rounds", len(rounds))
    if once and rounds and rounds[-1].failing:
        raise typer.Exit(1)


def _feed_sources(items: list[str]) -> list[str]:
    """URLs and saved feeds as given; a text file that is not a feed lists them, one a line."""
    from newsevents.ingest.fetch import is_url

    sources: list[str] = []
    for item in items:
        path = Path(item)
        if is_url(item) or not path.is_file():
            if not is_url(item):
                error(f"{item}: no such file (give a URL, a feed or a list of feeds)")
                raise typer.Exit(2)
            sources.append(item)
            continue
        text = path.read_text("utf-8", errors="replace")
        if text.lstrip("\ufeff \t\r\n").startswith("<"):
            sources.append(item)  # a saved feed
            continue
        for line in text.splitlines():
            line = line.split(" #", 1)[0].strip()  # a URL may hold '#'; a comment starts a line or ' #'
            if line and not line.startswith("#"):
                sources.append(line)
    if not sources:
        error("no feeds to watch")
        raise typer.Exit(2)
    return sources

