"""Feeds through the real pipeline (spaCy model) into a store."""

import pytest
from feedserver import STORIES, publish, serving

from newsevents.ingest.feeds import feed_articles, fetch_feed
from newsevents.records import Article
from newsevents.store import open_store
from newsevents.watch import Watcher

pytestmark = pytest.mark.slow


def test_feed_of_three_items_ingests_three_articles_with_events_and_again_nothing(pipeline, tmp_path):
    with serving() as site, open_store(tmp_path / "f.duckdb") as store:
        url = publish(site, STORIES)
        articles = [a for _, a in feed_articles(fetch_feed(url))]
        assert all(isinstance(a, Article) for a in articles)
        report = pipeline.ingest(articles, store)
        assert len(report.added) == 3
        per_article = store.sql("SELECT id, n_events, date, title, source FROM articles ORDER BY date")
        assert list(per_article["title"]) == [s["title"] for s in STORIES]
        assert (per_article["n_events"] > 0).all(), per_article
        events = store.query_events(limit=None)
        found = {(t, str(d)[:10]) for t, d in zip(events["event_type"], events["date"], strict=True)}
        # "on Monday" in a page dated Tuesday 2024-03-05 is 2024-03-04: the page's date grounds them
        assert {("COERCE", "2024-03-04"), ("CONSULT", "2024-03-05"), ("PROTEST", "2024-03-06")} <= found
        again = pipeline.ingest([a for _, a in feed_articles(fetch_feed(url))], store)
        assert again.added == [] and store.counts()["articles"] == 3


def test_watch_with_the_real_pipeline_ingests_new_items_only(pipeline, tmp_path):
    with serving() as site, open_store(tmp_path / "w.duckdb") as store:
        url = publish(site, STORIES[:2])
        watcher = Watcher([url], store, lambda articles: pipeline.ingest(articles, store),
                          interval=0, check=pipeline.check)
        first = watcher.run(max_rounds=1)[0].feeds[0]
        publish(site, STORIES)
        second = watcher.run(max_rounds=1)[0].feeds[0]
    assert (first.added, second.new, second.added) == (2, 1, 1)
    assert first.events > 0 and second.events > 0
