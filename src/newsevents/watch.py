"""Watch feeds: poll them on an interval and ingest only what is new (``newsevents watch``).

Each round visits every feed in turn. A feed is fetched with the ``ETag`` and
``Last-Modified`` of its last good answer (a 304 costs nothing); its entries not seen
before, and not stored already, have their pages fetched and are ingested as one
batch; then what was handled is remembered in the store (``Store.put_feed_state``),
so a restart does not fetch old pages again. A feed that fails (down, an error
status, a timeout, not a feed) is logged on one line and skipped until its retry
time: ``retry_base * 2 ** (failures - 1)`` seconds after the failure, at most
``retry_max``; the other feeds go on. An entry whose page cannot be fetched (and
whose own text is too short) is tried again in later rounds, ``ENTRY_ATTEMPTS`` times
in all. See docs/feeds.md.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from newsevents.errors import FetchError, NewsEventsError
from newsevents.ingest.feeds import MIN_ENTRY_WORDS, Feed, FeedEntry, Fetcher, feed_articles, fetch_feed
from newsevents.records import Article
from newsevents.store import IngestReport, Store

log = logging.getLogger("newsevents.watch")

SEEN_KEPT = 5000
"""Entry keys remembered per feed (the newest); a feed lists far fewer at a time."""
ENTRY_ATTEMPTS = 3
"""Rounds in which an entry whose page cannot be fetched is tried before it is given up."""


@dataclass(slots=True)
class FeedReport:
    """What one feed did in one round; ``status`` is ok, not modified, failed or waiting."""

    feed: str
    status: str
    entries: int = 0
    new: int = 0
    added: int = 0
    events: int = 0
    stored: int = 0  # already in the store
    failed: list[str] = field(default_factory=list)  # entry errors, one line each
    error: str | None = None
    retry_in: float | None = None
    failures: int = 0  # failures in a row, this one included

    def line(self) -> str:
        """One line for the log."""
        if self.status == "failed":
            error = self.error if self.feed in (self.error or "") else f"{self.feed}: {self.error}"
            return f"{error} (failure {self.failures}; next try in {_seconds(self.retry_in)})"
        if self.status == "waiting":
            return f"{self.feed}: failing; next try in {_seconds(self.retry_in)}"
        if self.status == "not modified":
            return f"{self.feed}: not modified"
        return (f"{self.feed}: {self.entries} entries, {self.new} new: {self.added} added "
                f"({self.events} events), {self.stored} already stored, {len(self.failed)} failed")


@dataclass(slots=True)
class RoundReport:
    number: int
    feeds: list[FeedReport] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(f.added for f in self.feeds)

    @property
    def events(self) -> int:
        return sum(f.events for f in self.feeds)

    @property
    def failing(self) -> int:
        return sum(f.status in ("failed", "waiting") for f in self.feeds)

    def line(self) -> str:
        return (f"round {self.number}: {len(self.feeds)} feeds, {self.added} articles added "
                f"({self.events} events), {self.failing} failing")


@dataclass(slots=True)
class _Health:
    failures: int = 0
    next_try: float = 0.0


class Watcher:
    """Polls ``feeds``; ``ingest`` codes and stores a list of articles (``Pipeline.ingest``).

    ``clock``, ``sleep`` and ``fetcher`` are there for tests; ``stop`` (set on Ctrl-C)
    ends the run after the batch in hand: pages not fetched yet wait for the next run.
    """

    def __init__(
        self,
        feeds: Iterable[str],
        store: Store,
        ingest: Callable[[list[Article]], IngestReport],
        *,
        interval: float = 900.0,
        retry_base: float | None = None,
        retry_max: float = 3600.0,
        fetcher: Fetcher | None = None,
        check: Callable[[Article], None] | None = None,
        entries_only: bool = False,
        min_words: int = MIN_ENTRY_WORDS,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Any] | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.feeds = list(dict.fromkeys(feeds))
        self.store = store
        self.ingest = ingest
        self.interval = interval
        self.retry_base = interval if retry_base is None else retry_base
        self.retry_max = retry_max
        self.fetcher = fetcher
        self.check = check
        self.entries_only = entries_only
        self.min_words = min_words
        self.clock = clock
        self.stop = stop or threading.Event()
        self.sleep = sleep or self._wait
        self.health = {feed: _Health() for feed in self.feeds}

    def backoff(self, failures: int) -> float:
        """Seconds to wait after the ``failures``-th failure in a row."""
        return float(min(self.retry_max, self.retry_base * 2 ** max(0, failures - 1)))

    def run(self, *, max_rounds: int | None = None,
            on_round: Callable[[RoundReport], None] | None = None) -> list[RoundReport]:
        """Poll round after round until ``max_rounds`` or ``stop``; the rounds' reports."""
        rounds: list[RoundReport] = []
        while not self.stop.is_set():
            report = self.poll(len(rounds) + 1)
            rounds.append(report)
            log.info(report.line())
            if on_round is not None:
                on_round(report)
            if max_rounds is not None and len(rounds) >= max_rounds:
                break
            if not self.stop.is_set():
                self.sleep(self.interval)
        return rounds

    def poll(self, number: int = 1) -> RoundReport:
        """One round: every feed that is due, in order."""
        report = RoundReport(number)
        for feed in self.feeds:
            if self.stop.is_set():
                break
            result = self.poll_feed(feed)
            report.feeds.append(result)
            if result.status == "failed":
                log.warning(result.line())
            else:
                log.info(result.line())
        return report

    def poll_feed(self, feed: str) -> FeedReport:
        """Fetch one feed (unless it waits for its retry time) and ingest its new entries."""
        health = self.health.setdefault(feed, _Health())
        now = self.clock()
        if now < health.next_try:
            return FeedReport(feed, "waiting", retry_in=health.next_try - now)
        state = self.store.feed_state(feed) or {}
        try:
            fetched = fetch_feed(feed, etag=state.get("etag"), modified=state.get("modified"),
                                 fetcher=self.fetcher)
            if fetched.not_modified:
                result = FeedReport(feed, "not modified")
            else:
                result = self._ingest(feed, fetched, state)
        except NewsEventsError as exc:
            health.failures += 1
            delay = self.backoff(health.failures)
            health.next_try = now + delay
            self.store.put_feed_state(feed, {**state, "failures": health.failures, "last_error": str(exc)})
            return FeedReport(feed, "failed", error=str(exc), retry_in=delay, failures=health.failures)
        if health.failures or state.get("failures"):
            self.store.put_feed_state(feed, {**(self.store.feed_state(feed) or state),
                                             "failures": 0, "last_error": None})
        health.failures, health.next_try = 0, 0.0
        return result

    def _ingest(self, feed: str, fetched: Feed, state: dict[str, Any]) -> FeedReport:
        seen = list(state.get("seen") or [])
        known_keys = set(seen)
        attempts: dict[str, int] = dict(state.get("attempts") or {})
        fresh = [e for e in fetched.entries if _key(e, feed) not in known_keys]
        stored = self.store.known(e.article_id for e in fresh if e.article_id)
        todo = [e for e in fresh if e.article_id not in stored]
        report = FeedReport(feed, "ok", entries=len(fetched.entries), new=len(fresh),
                            stored=len(fresh) - len(todo))
        done = [_key(e, feed) for e in fresh if e.article_id in stored]
        retry_later = False
        articles: list[tuple[str, Article]] = []
        handled = 0
        for entry, item in feed_articles(fetched, todo, fetcher=self.fetcher, entries_only=self.entries_only,
                                         min_words=self.min_words, stop=self.stop.is_set):
            handled += 1
            key = _key(entry, feed)
            if isinstance(item, Article) and self.check is not None:
                try:
                    self.check(item)
                except NewsEventsError as exc:
                    item = exc
            if isinstance(item, Article):
                articles.append((key, item))
                continue
            if isinstance(item, FetchError) and attempts.get(key, 0) + 1 < ENTRY_ATTEMPTS:
                attempts[key] = attempts.get(key, 0) + 1
                retry_later = True
                message = f"{item} (tried {attempts[key]} of {ENTRY_ATTEMPTS} times)"
            else:
                attempts.pop(key, None)
                done.append(key)
                message = str(item)
            report.failed.append(message)
            log.warning("%s: %s", feed, message)
        if articles:
            outcome = self.ingest([a for _, a in articles])
            report.added, report.events = len(outcome.added), outcome.events
            report.stored += len(outcome.skipped)
            for article_id, reason in outcome.rejected:
                report.failed.append(f"{article_id}: {reason}")
                log.warning("%s: %s: %s", feed, article_id, reason)
            for key, _ in articles:
                attempts.pop(key, None)
                done.append(key)
        complete = handled == len(todo) and not retry_later
        new_state = {
            **state,
            "seen": (seen + [k for k in dict.fromkeys(done) if k not in known_keys])[-SEEN_KEPT:],
            "attempts": attempts,
            # Validators only once every entry is handled: else the next round must see them all again.
            "etag": fetched.etag if complete else state.get("etag"),
            "modified": fetched.modified if complete else state.get("modified"),
        }
        self.store.put_feed_state(feed, new_state)
        return report

    def _wait(self, seconds: float) -> None:
        """Sleep ``seconds``, waking at once when ``stop`` is set."""
        deadline = time.monotonic() + seconds
        while not self.stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self.stop.wait(min(left, 0.5))


def _key(entry: FeedEntry, feed: str) -> str:
    """What names an entry in the feed's state (a page read as a feed: the feed itself)."""
    return entry.key or feed


def _seconds(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:.3g} s" if value < 120 else f"{value / 60:.3g} min"
