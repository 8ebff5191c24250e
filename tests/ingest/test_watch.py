"""The feed watcher against a local server, with a fake clock (no sleeping) and an ingest
that stores articles without coding them (the real pipeline is in test_feed_ingest.py)."""

import functools
import logging

import pytest
from feedserver import STORIES, Route, publish, rss, serving

from newsevents.ingest.fetch import fetch
from newsevents.records import CodedArticle
from newsevents.store import open_store
from newsevents.watch import ENTRY_ATTEMPTS, Watcher


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "w.duckdb") as opened:
        yield opened


def _watcher(feeds, store, clock=None, **kwargs):
    clock = clock or Clock()
    kwargs.setdefault("fetcher", functools.partial(fetch, timeout=2))
    return Watcher(feeds, store, lambda articles: store.add([CodedArticle(a) for a in articles]),
                   interval=10, clock=clock, sleep=clock.sleep, **kwargs)


BROKEN = {
    "500": Route(b"server error", status=500),
    "malformed": Route(b"<rss><channel><item><title>Broken", content_type="application/rss+xml"),
    "timeout": Route(rss("", []), delay=1.0),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_failing_feed_is_logged_and_retried_with_capped_backoff_while_another_ingests(
        kind, store, caplog):
    with serving() as site:
        good = publish(site, STORIES)
        site.routes["/bad.xml"] = BROKEN[kind]
        bad = site.url("/bad.xml")
        watcher = _watcher([bad, good], store, retry_max=40,
                           fetcher=functools.partial(fetch, timeout=0.3))
        with caplog.at_level(logging.INFO, logger="newsevents.watch"):
            rounds = watcher.run(max_rounds=8)  # at t = 0, 10, ..., 70
        bad_hits = site.hits("/bad.xml")
        page_hits = [site.hits(f"/news/{s['slug']}") for s in STORIES]
    # backoff 10, 20, 40, then capped at 40: tried at t = 0, 10, 30, 70
    assert bad_hits == 4
    assert [r.feeds[0].status for r in rounds] == ["failed", "failed", "waiting", "failed",
                                                   "waiting", "waiting", "waiting", "failed"]
    assert [r.feeds[0].retry_in for r in rounds if r.feeds[0].status == "failed"] == [10, 20, 40, 40]
    assert rounds[0].feeds[1].added == 3 and all(r.feeds[1].added == 0 for r in rounds[1:])
    assert page_hits == [1, 1, 1]
    assert store.counts()["articles"] == 3
    failures = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(failures) == 4 and all(bad in r.getMessage() for r in failures)
    assert all("\n" not in r.getMessage() and "next try in" in r.getMessage() for r in failures)
    assert store.feed_state(bad)["failures"] == 4


def test_etag_gives_304_and_only_new_entries_are_fetched_even_after_a_restart(store):
    with serving() as site:
        url = publish(site, STORIES[:2], etag='"v1"')
        first = _watcher([url], store).run(max_rounds=2)
        assert [f.status for r in first for f in r.feeds] == ["ok", "not modified"]
        assert site.requests[-1][1].get("if-none-match") == '"v1"'
        again = _watcher([url], store).run(max_rounds=1)  # a restart: validators from the store
        assert again[0].feeds[0].status == "not modified"
        publish(site, STORIES, etag='"v2"')  # a third story appears
        later = _watcher([url], store).run(max_rounds=1)
        hits = [site.hits(f"/news/{s['slug']}") for s in STORIES]
    assert later[0].feeds[0].new == 1 and later[0].feeds[0].added == 1
    assert hits == [1, 1, 1]
    assert store.counts()["articles"] == 3


def test_without_validators_seen_entries_are_not_fetched_again_after_a_restart(store):
    with serving() as site:
        url = publish(site, STORIES)
        _watcher([url], store).run(max_rounds=1)
        report = _watcher([url], store).run(max_rounds=2)
        hits = [site.hits(f"/news/{s['slug']}") for s in STORIES]
    assert hits == [1, 1, 1]
    assert all(f.new == 0 and f.added == 0 for r in report for f in r.feeds)
    assert len(store.feed_state(url)["seen"]) == 3


def test_a_feed_that_recovers_is_ingested_and_its_failures_reset(store):
    with serving() as site:
        site.routes["/feed.xml"] = Route(b"down", status=503)
        url = site.url("/feed.xml")
        clock = Clock()
        watcher = _watcher([url], store, clock)
        assert watcher.run(max_rounds=1)[0].feeds[0].status == "failed"
        publish(site, STORIES)
        clock.sleep(10)
        report = watcher.run(max_rounds=1)
    assert report[0].feeds[0].added == 3
    assert watcher.health[url].failures == 0 and store.feed_state(url)["failures"] == 0


def test_entry_whose_page_fails_is_retried_then_given_up(store):
    with serving() as site:
        url = publish(site, STORIES[:1], etag='"v1"')
        site.routes["/news/harbour-arrests"] = Route(b"busy", status=502)  # and the teaser is short
        rounds = _watcher([url], store).run(max_rounds=ENTRY_ATTEMPTS + 1)
        hits = site.hits("/news/harbour-arrests")
        conditional = [h.get("if-none-match") for p, h in site.requests if p == "/feed.xml"]
    assert hits == ENTRY_ATTEMPTS
    assert all(len(r.feeds[0].failed) == 1 for r in rounds[:ENTRY_ATTEMPTS])
    assert rounds[-1].feeds[0].status == "not modified"  # given up: the feed is done with
    # the etag is sent only once every entry was handled
    assert conditional == [None] * ENTRY_ATTEMPTS + ['"v1"']
    assert store.counts()["articles"] == 0


def test_stop_ends_the_run_after_the_batch_in_hand(store):
    with serving() as site:
        first = publish(site, STORIES[:1], feed_path="/one.xml")
        second = publish(site, STORIES[1:], feed_path="/two.xml")
        clock = Clock()
        watcher = _watcher([first, second], store, clock)

        def ingest_then_interrupt(articles):
            report = store.add([CodedArticle(a) for a in articles])
            watcher.stop.set()  # Ctrl-C while the first feed's batch is stored
            return report

        watcher.ingest = ingest_then_interrupt
        rounds = watcher.run(max_rounds=5)
        second_hits = site.hits("/two.xml")
    assert len(rounds) == 1 and [f.feed for f in rounds[0].feeds] == [first]
    assert store.counts()["articles"] == 1 and second_hits == 0
