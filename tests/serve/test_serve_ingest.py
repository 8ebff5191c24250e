"""Writing over HTTP: off without a token, guarded by it, checked, idempotent."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st
from serving import N_EVENTS, TOKEN, build_store, serving

from newsevents.errors import StoreError
from newsevents.serve import create_app
from newsevents.serve.auth import token_matches

ARTICLE = {"id": "new-1", "date": "2024-02-01", "text": "Police arrested ten protesters in Lagos on Monday."}


@pytest.fixture()
def path(tmp_path):
    return build_store(tmp_path / "store.duckdb")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_read_only_by_default_and_post_is_disabled(path):
    with serving(path) as client:
        assert client.app.state.store.read_only
        response = client.post("/api/articles", json=ARTICLE, headers=bearer(TOKEN))
        assert response.status_code == 403
        assert "ingest over HTTP is disabled" in response.json()["detail"]
        # another process can read the file while the server holds it (no write lock taken)
        count = subprocess.run(
            [sys.executable, "-c", "import duckdb, sys; print(duckdb.connect(sys.argv[1], read_only=True)"
             ".execute('SELECT count(*) FROM events').fetchone()[0])", str(path)],
            capture_output=True, text=True, timeout=120,
        )
        assert count.returncode == 0 and count.stdout.strip() == str(N_EVENTS), count.stderr
        assert client.get("/api/meta").json()["ingest"] is False


@pytest.mark.parametrize(
    "headers",
    [{}, bearer("wrong"), bearer(TOKEN[:-1]), {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN}],
    ids=["none", "wrong", "prefix", "basic", "no-scheme"],
)
def test_post_needs_the_token(path, headers):
    with serving(path, token=TOKEN) as client:
        response = client.post("/api/articles", json=ARTICLE, headers=headers)
        assert response.status_code == 401, response.text
        assert response.headers["www-authenticate"] == "Bearer"
        assert client.get("/api/meta").json()["counts"]["articles"] == 4


def test_auth_is_checked_before_the_body(path):
    with serving(path, token=TOKEN) as client:
        assert client.post("/api/articles", content=b"not json",
                           headers={"Content-Type": "application/json"}).status_code == 401


def test_token_comparison():
    assert token_matches(TOKEN, TOKEN) and not token_matches(TOKEN, TOKEN + "x")
    assert not token_matches("", TOKEN) and not token_matches("tøken", TOKEN)


@pytest.mark.parametrize(
    ("body", "where", "says"),
    [
        ({"id": "x", "date": "2024-01-01"}, "body", "E004 x: the article has no text"),
        ({"id": "x", "text": "   "}, "body", "has no text"),
        ([ARTICLE, {"id": "bad", "text": 5}], "body[1]", "E004 bad: the article has no text"),
        ([ARTICLE, "just text"], "body[1]", "expected a JSON object, got str"),
        ([], "body", "holds no article"),
        ("text", "body", ""),
        (None, "body", ""),
    ],
)
def test_bad_bodies_are_422_and_nothing_is_stored(path, body, where, says):
    with serving(path, token=TOKEN) as client:
        response = client.post("/api/articles", json=body, headers=bearer(TOKEN))
        assert response.status_code == 422, response.text
        assert says in response.json()["message"] and response.json()["message"].startswith(where)
        assert client.get("/api/meta").json()["counts"]["articles"] == 4


def test_not_json_and_too_many_articles_are_422(path):
    with serving(path, token=TOKEN) as client:
        broken = client.post("/api/articles", content=b'{"text": ', headers={
            **bearer(TOKEN), "Content-Type": "application/json"})
        assert broken.status_code == 422 and broken.json()["message"].startswith("body: not valid JSON")
        many = client.post("/api/articles", json=[ARTICLE] * 1001, headers=bearer(TOKEN))
        assert many.status_code == 422
        assert "1001 articles in one request; at most 1000" in many.json()["message"]
        assert client.get("/api/meta").json()["counts"]["articles"] == 4


def test_create_app_refuses_a_missing_store_and_a_bad_token(tmp_path, path):
    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "missing.duckdb")
    assert not (tmp_path / "missing.duckdb").exists()
    with pytest.raises(ValueError, match="empty"):
        create_app(path, token=" ")
    with pytest.raises(ValueError, match="printable ASCII"):
        create_app(path, token="tøken")


@pytest.mark.slow
def test_post_ingests_with_the_token_and_is_idempotent(path, pipeline):
    lines = (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:2]
    articles = [json.loads(line) for line in lines]
    with serving(path, token=TOKEN, pipeline=pipeline) as client:
        assert not client.app.state.store.read_only and client.get("/api/meta").json()["ingest"]
        first = client.post("/api/articles", json=articles, headers=bearer(TOKEN))
        assert first.status_code == 200, first.text
        report = first.json()
        assert report["added"] == [a["id"] for a in articles] and report["skipped"] == []
        assert report["events"] > 0 and report["rejected"] == [] and "2 articles added" in report["summary"]

        again = client.post("/api/articles", json=articles[0], headers=bearer(TOKEN)).json()
        assert again["added"] == [] and again["skipped"] == [articles[0]["id"]] and again["events"] == 0

        counts = client.get("/api/meta").json()["counts"]
        assert counts["articles"] == 6 and counts["events"] == N_EVENTS + report["events"]
        assert counts["stories"] > 3
        stored = client.get(f"/api/articles/{articles[0]['id']}").json()
        assert stored["text"] == articles[0]["text"] and stored["events"]
        for record in stored["events"]:
            start, end = record["trigger"]["span"]
            assert stored["text"][start:end] == record["trigger"]["text"]
        assert any(record["story_id"] for record in stored["events"])

        no_id = {"date": "2024-02-01", "text": "Police arrested ten protesters in Lagos on Monday."}
        made = client.post("/api/articles", json=no_id, headers=bearer(TOKEN)).json()
        assert len(made["added"]) == 1 and made["added"][0].startswith("http-")
        resent = client.post("/api/articles", json=no_id, headers=bearer(TOKEN)).json()
        assert resent["skipped"] == made["added"]
        undated = client.post("/api/articles", json={"id": "undated", "text": "Talks resumed."},
                              headers=bearer(TOKEN)).json()
        assert undated["added"] == ["undated"] and "no usable date" in undated["warnings"][0]


@pytest.mark.parametrize(
    ("content", "says"),
    [(b"[" * 100_000, "body: not an article (JSON nested too deeply)"),
     (b'{"id": "\\ud800", "text": 5, "x": NaN, "y": [[[["deep"]]]]}',
      "body: E004 \ufffd: the article has no text"),
     (b'[{"id": "a", "text": "\\udfff"}, 7]', "body[1]: E003 body[1]: expected a JSON object, got int"),
     (b'{"text": "", "title": "' + b"x" * 5000 + b'", "date": 5}', "body: E004 body[0]: the article has no"),
     (b"\xff\xfe{}", "body: not valid JSON")],
    ids=["nested", "nan-and-surrogate", "surrogate-text", "long-title", "not-utf8"],
)
def test_hostile_bodies_are_422_never_a_5xx(path, content, says):
    with serving(path, token=TOKEN) as client:
        response = client.post("/api/articles", content=content,
                               headers={**bearer(TOKEN), "Content-Type": "application/json"})
        assert response.status_code == 422, response.text
        assert response.json()["message"].startswith(says) and len(response.text) < 5000
        assert client.get("/api/meta").json()["counts"]["articles"] == 4


def test_an_article_that_cannot_be_coded_is_422_and_nothing_is_stored(path, breaking):
    articles = [ARTICLE, {"id": "bad", "date": "2024-02-01", "text": "It went boom."}]
    with serving(path, token=TOKEN, pipeline=breaking) as client:
        response = client.post("/api/articles", json=articles, headers=bearer(TOKEN))
        assert response.status_code == 422, response.text
        assert response.json()["message"] == ("body[1]: E007 bad: could not be coded (RecursionError: "
                                              "maximum recursion depth exceeded)")
        assert client.get("/api/meta").json()["counts"]["articles"] == 4
        assert client.post("/api/articles", json=ARTICLE, headers=bearer(TOKEN)).status_code == 200


def test_a_short_token_is_refused(path):
    with pytest.raises(ValueError, match="at least 16"):
        create_app(path, token="x")


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "date", "text", "title", "url", "source", "x"]) | st.text(max_size=5),
        inner, max_size=6),
    max_leaves=12,
)


def test_no_body_is_a_5xx(path, breaking):
    """Any JSON value, any bytes: 200 or 4xx, and the answer is JSON."""
    with serving(path, token=TOKEN, pipeline=breaking) as client:

        @settings(max_examples=40, deadline=None)
        # a JSON value is sent encoded; raw bytes as they are (a generated str is JSON, not bytes)
        @given(content=_JSON.map(lambda value: json.dumps(value).encode()) | st.binary(max_size=60))
        def post(content):
            response = client.post("/api/articles", content=content,
                                   headers={**bearer(TOKEN), "Content-Type": "application/json"})
            assert response.status_code < 500, (content, response.text)
            assert isinstance(response.json(), dict)

        post()
