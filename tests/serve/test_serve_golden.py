"""Every dashboard endpoint, under several filters, answers exactly what it answered before the
store's read paths were last sped up.

``tests/serve/golden_answers.json`` holds the JSON of each URL below, written by the code
before a change to the SQL or the schema (``python tests/serve/test_serve_golden.py`` writes it
again; do that only when an answer is meant to change). The store is the random one of
``tests/store/test_aggregates.py`` (zero to three parties per role, pronouns, names with and
without countries) with the hand-built one of ``serving.py`` on top, so the shortcuts of the
network and actor tables meet every kind of event.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / "store")]  # as under pytest
from serving import STORIES, coded, serving  # noqa: E402
from store.test_aggregates import coded as random_coded  # noqa: E402

from newsevents.store import open_store  # noqa: E402

GOLDEN = HERE / "golden_answers.json"

FILTERS = (
    "", "min_confidence=0.5", "type=ASSAULT&type=AID", "type=CONSULT&min_confidence=0.3",
    "actor_country=NGA", "actor_country=UKR&from=2024-01-10&to=2024-02-20", "recipient=RUS",
    "quad=material%20conflict", "from=2024-01-15&to=2024-02-20&min_confidence=0.3",
    "actor_sector=GOV&include_historical=true", "place=Lagos", "text=protesters",
)
PATHS = (
    "/api/events?limit=20&offset=5&", "/api/stories?limit=1000&", "/api/timeline?bucket=week&", "/api/map?",
    "/api/network?", "/api/network?by=country&", "/api/network?by=name&limit=5&", "/api/actors?limit=1000&",
    "/api/actors?limit=3&offset=2&", "/api/totals?", "/api/event_threads?",
)


def build(path: Path) -> Path:
    with open_store(path) as store:
        store.add(random_coded())
        store.add(coded())
        store.put_stories(STORIES)
    return path


def answers(path: Path) -> dict[str, object]:
    """The JSON body of every URL (path and filters), by URL."""
    out: dict[str, object] = {}
    with serving(path) as client:
        for prefix in PATHS:
            for query in FILTERS:
                url = prefix + query
                response = client.get(url)
                assert response.status_code == 200, (url, response.text)
                out[url] = response.json()
    return out


@pytest.mark.skipif(not GOLDEN.exists(), reason="no golden answers written")
def test_every_endpoint_answers_as_before(tmp_path: Path):
    expected = json.loads(GOLDEN.read_text("utf-8"))
    found = answers(build(tmp_path / "golden.duckdb"))
    assert sorted(found) == sorted(expected)
    differ = [url for url in expected if found[url] != expected[url]]
    assert not differ, differ


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        written = answers(build(Path(folder) / "golden.duckdb"))
    lines = (f"{json.dumps(url)}: {json.dumps(body, sort_keys=True, ensure_ascii=False)}"
             for url, body in sorted(written.items()))  # one URL a line: a changed answer shows in a diff
    GOLDEN.write_text("{\n" + ",\n".join(lines) + "\n}\n", "utf-8")
    print(f"wrote {len(written)} answers to {GOLDEN}")
