import pytest
from feedserver import Route, serving

from newsevents.errors import FetchError
from newsevents.ingest.fetch import USER_AGENT, fetch


def test_fetch_sends_user_agent_and_returns_body_and_validators():
    with serving() as site:
        modified = "Tue, 05 Mar 2024 10:00:00 GMT"
        site.routes["/a"] = Route(b"<html>hi</html>", etag='"v1"', last_modified=modified)
        response = fetch(site.url("/a"))
        assert response.status == 200 and response.content == b"<html>hi</html>"
        assert response.etag == '"v1"' and response.last_modified.startswith("Tue, 05 Mar")
        assert response.content_type == "text/html"
        assert site.requests[0][1]["user-agent"] == USER_AGENT


def test_fetch_conditional_request_gives_304_not_an_error():
    with serving() as site:
        site.routes["/a"] = Route(b"<rss/>", etag='"v1"')
        response = fetch(site.url("/a"), etag='"v1"', modified="Tue, 05 Mar 2024 10:00:00 GMT")
        assert response.not_modified and response.content == b""
        assert site.requests[0][1]["if-none-match"] == '"v1"'
        assert site.requests[0][1]["if-modified-since"] == "Tue, 05 Mar 2024 10:00:00 GMT"


@pytest.mark.parametrize(
    ("route", "kwargs", "message"),
    [
        (Route(b"oops", status=500), {}, "HTTP 500"),
        (None, {}, "HTTP 404"),
        (Route(b"x" * 5000), {"max_bytes": 1000}, "at most 1000"),
        (Route(b"slow", delay=1.0), {"timeout": 0.2}, "timed out"),
    ],
)
def test_fetch_failures_are_one_line_fetch_errors(route, kwargs, message):
    with serving() as site:
        if route is not None:
            site.routes["/a"] = route
        with pytest.raises(FetchError, match="E030") as caught:
            fetch(site.url("/a"), **kwargs)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert site.url("/a") in str(caught.value)


def test_fetch_refused_connection_and_bad_scheme():
    with serving() as site:
        closed = site.base
    with pytest.raises(FetchError, match="cannot connect"):
        fetch(closed + "/a", timeout=2)
    with pytest.raises(FetchError, match="not an http"):
        fetch("ftp://example.org/feed")


def test_fetch_file_url_reads_saved_file(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(b"<rss/>")
    response = fetch(path.as_uri())
    assert response.content == b"<rss/>" and response.fetched_on is not None
    with pytest.raises(FetchError, match="no such file"):
        fetch((tmp_path / "missing.xml").as_uri())
