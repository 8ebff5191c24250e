"""A read-only server answers the dashboard's opening questions before its first request."""

from __future__ import annotations

import pytest
from serving import build_store, get, serving

OPENING = [
    "/api/meta", "/api/totals?min_confidence=0.5", "/api/timeline?bucket=month&min_confidence=0.5",
    "/api/map?min_confidence=0.5", "/api/network?min_confidence=0.5",
    "/api/stories?limit=25&min_confidence=0.5",
    "/api/events?limit=25&min_confidence=0.5", "/api/totals", "/api/network", "/api/actors", "/api/events",
    "/api/stories",
]


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("warm") / "store.duckdb")


def test_opening_answers_are_kept_at_start_and_are_the_same_answers(path):
    with serving(path, warm_answers=False) as cold:
        assert len(cold.app.state.store._answers) == 0
        expected = {url: get(cold, url) for url in OPENING}
    with serving(path) as warmed:
        kept = len(warmed.app.state.store._answers)
        assert kept >= 20  # meta's queries, and each panel's for both filters
        assert {url: get(warmed, url) for url in OPENING} == expected
        assert len(warmed.app.state.store._answers) == kept  # every one was answered from memory


def test_a_writable_server_does_not_warm(path):
    with serving(path, token="s3cret-Token_0123456789") as writable:
        assert len(writable.app.state.store._answers) == 0
