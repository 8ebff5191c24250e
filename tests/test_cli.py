"""The command line, run as a user runs it: a real process, real files."""

import json
import signal
import subprocess
import sys
import time

import pytest
from conftest import SAMPLES
from ingest.feedserver import STORIES, Route, page_html, publish, rss, serving


def _run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "newsevents.cli", *args],
        input=stdin, capture_output=True, text=True, timeout=600,
    )


def test_cli_extract_samples_writes_valid_events(tmp_path):
    out = tmp_path / "events.jsonl"
    result = _run("extract", str(SAMPLES), "-o", str(out))
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in out.read_text().splitlines()]
    texts = {}
    for path in (SAMPLES / "articles").glob("*.txt"):
        from newsevents.ingest.text import parse_dated_text

        article = parse_dated_text(path.read_text(), article_id=path.stem)
        texts[article.id] = article.text
    for line in (SAMPLES / "articles.jsonl").read_text().splitlines():
        record = json.loads(line)
        texts[record["id"]] = record["text"]
    assert {e["article_id"] for e in events} == set(texts)
    published = {e["event_type"] for e in events if e["confidence"] >= 0.5}
    # the samples tell every type; a refit of the confidence may hold back a type whose
    # candidates are rarely right on DEV (AID: scoring.trigger_rate), not more than two
    assert len(published) >= 14, sorted(published)
    for event in events:
        text = texts[event["article_id"]]
        for ref in [event["trigger"], *event["actor"], *event["recipient"]]:
            assert text[ref["span"][0]:ref["span"][1]] == ref["text"]
        assert 0.0 <= event["confidence"] <= 1.0


def test_cli_bad_inputs_one_line_each_and_others_coded(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(" date 2023-05-30 Police in Lagos arrested five protesters on Monday.")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02garbage")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "date": "2023-01-01", "text": "Troops withdrew."}\n{oops\n'
                   '{"id": "empty", "text": "  "}\n')
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(tmp_path / "missing.txt"), str(binary), str(bad), str(good),
                  "-o", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 4, result.stderr
    assert any("E001" in e for e in errors) and any("E002" in e for e in errors)
    assert any("E003" in e for e in errors) and any("E004" in e for e in errors)
    ids = {json.loads(line)["article_id"] for line in out.read_text().splitlines()}
    assert ids == {"good", "ok"}


def test_cli_stdin_to_stdout():
    result = _run("extract", "-", stdin=" date 2023-05-30 Rebels attacked a convoy on Sunday.")
    assert result.returncode == 0, result.stderr
    event = json.loads(result.stdout.splitlines()[0])
    assert event["event_type"] == "ASSAULT" and event["date"] == "2023-05-28"


def test_cli_no_date_warns_and_still_codes(tmp_path):
    path = tmp_path / "nodate.txt"
    path.write_text("Rebels attacked a convoy on Sunday.")
    result = _run("extract", str(path))
    assert result.returncode == 0
    assert "warning" in result.stderr and "nodate" in result.stderr
    event = json.loads(result.stdout.splitlines()[0])
    assert event["date"] is None and event["date_precision"] == "unknown"


def test_cli_dates_prints_grounded_expressions():
    result = _run("dates", "-", stdin=" date 2023-05-30 Rebels attacked a convoy on Sunday.")
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout.splitlines()[0])
    assert (row["text"], row["value"], row["precision"]) == ("on Sunday", "2023-05-28", "day")


def test_cli_quotes_file(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(' date 2023-05-30 "We will not back down," the interior minister said on Monday.')
    quotes = tmp_path / "quotes.jsonl"
    result = _run("extract", str(source), "--quotes", str(quotes), "-o", str(tmp_path / "e.jsonl"))
    assert result.returncode == 0, result.stderr
    quote = json.loads(quotes.read_text().splitlines()[0])
    text = source.read_text().split(" ", 3)[3]
    assert quote["text"] == "We will not back down"
    assert text[quote["span"][0]:quote["span"][1]] == quote["text"]
    assert quote["speaker"]["sector"] == "GOV" and quote["verb"] == "said"


def test_cli_ingest_twice_adds_nothing_and_query_filters(tmp_path):
    db = tmp_path / "events.duckdb"
    first = _run("ingest", str(SAMPLES / "articles.jsonl"), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "6 articles added" in first.stderr
    again = _run("ingest", str(SAMPLES / "articles.jsonl"), "--db", str(db))
    assert again.returncode == 0 and "0 articles added" in again.stderr
    assert "6 already stored" in again.stderr
    rows = _run("query", "--db", str(db), "--type", "ASSAULT", "--format", "jsonl", "--limit", "100")
    events = [json.loads(line) for line in rows.stdout.splitlines()]
    assert events and all(e["event_type"] == "ASSAULT" for e in events)
    stories = _run("query", "--db", str(db), "--stories", "--format", "csv")
    assert stories.returncode == 0 and stories.stdout.startswith("id,")
    threads = [json.loads(line) for line in
               _run("query", "--db", str(db), "--threads", "--format", "jsonl").stdout.splitlines()]
    assert sum(t["n_articles"] for t in threads) == 6 and all(isinstance(t["terms"], list) for t in threads)
    bad = _run("query", "--db", str(db), "--bbox", "1,2,3")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_cli_export_formats(tmp_path):
    db = tmp_path / "events.duckdb"
    assert _run("ingest", str(SAMPLES / "articles.jsonl"), "--db", str(db)).returncode == 0
    geo = tmp_path / "events.geojson"
    result = _run("export", "--db", str(db), "--format", "geojson", "-o", str(geo))
    assert result.returncode == 0, result.stderr
    features = json.loads(geo.read_text())["features"]
    assert features and all(f["geometry"]["type"] == "Point" for f in features)
    acled = tmp_path / "acled.csv"
    assert _run("export", "--db", str(db), "--format", "acled", "-o", str(acled)).returncode == 0
    assert acled.read_text().startswith("event_id_cnty,event_date")
    bad = _run("export", "--db", str(db), "--format", "nope", "-o", str(tmp_path / "x"))
    assert bad.returncode == 2 and "E020" in bad.stderr


@pytest.mark.slow
def test_cli_ingest_feed_twice_adds_nothing_and_saved_files_need_no_server(tmp_path):
    db = tmp_path / "feeds.duckdb"
    with serving() as site:
        url = publish(site, STORIES)
        first = _run("ingest", "--feed", url, "--db", str(db))
        again = _run("ingest", "--feed", url, "--db", str(db))
        page_hits = site.hits("/news/harbour-arrests")
    assert first.returncode == 0, first.stderr
    assert "3 articles added" in first.stderr and "Traceback" not in first.stderr
    assert again.returncode == 0 and "3 already stored, 0 read" in again.stderr, again.stderr
    assert page_hits == 1  # stored entries are skipped before their pages are fetched
    page = tmp_path / "march.html"
    page.write_bytes(page_html({**STORIES[2], "slug": "x", "title": "Second march in the capital"}))
    saved_feed = tmp_path / "saved.xml"
    saved_feed.write_bytes(rss("http://127.0.0.1:9", [{**STORIES[1], "slug": "saved"}], summaries=True))
    saved = _run("ingest", str(page), "--feed", saved_feed.as_uri(), "--entries-only", "--db", str(db))
    assert saved.returncode == 0, saved.stderr
    assert "2 articles added" in saved.stderr
    rows = _run("query", "--db", str(db), "--format", "csv", "--limit", "1000")
    assert rows.returncode == 0 and len(rows.stdout.splitlines()) > 5


@pytest.mark.slow
def test_cli_watch_logs_failing_feeds_and_retries_while_a_good_feed_ingests(tmp_path):
    db = tmp_path / "watch.duckdb"
    with serving() as site:
        good = publish(site, STORIES)
        site.routes["/down.xml"] = Route(b"oops", status=500)
        site.routes["/broken.xml"] = Route(b"<rss><channel><item><title>Br", content_type="text/xml")
        site.routes["/slow.xml"] = Route(rss(site.base, []), delay=2.0)
        feeds = tmp_path / "feeds.txt"
        feeds.write_text("# invented feeds\n" + "\n".join(
            [site.url("/down.xml"), site.url("/broken.xml") + "  # malformed", site.url("/slow.xml"), good]))
        result = _run("watch", str(feeds), "--db", str(db), "--interval", "0.05", "--max-rounds", "3",
                      "--retry-max", "0.1", "--timeout", "0.5")
        hits = {name: site.hits(name) for name in ("/down.xml", "/broken.xml", "/feed.xml")}
        again = _run("watch", str(feeds), "--db", str(db), "--once", "--timeout", "0.5")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    warnings = [line for line in lines if " WARNING " in line]
    assert any("HTTP 500" in line for line in warnings)
    assert any("E006" in line and "broken.xml" in line for line in warnings)
    assert any("timed out" in line and "slow.xml" in line for line in warnings)
    assert all("next try in" in line for line in warnings)
    assert any("feed.xml: 3 entries, 3 new: 3 added" in line for line in lines), result.stderr
    assert sum(line.split(" INFO ")[-1].startswith("round ") for line in lines) == 3
    assert hits["/feed.xml"] == 3 and 2 <= hits["/down.xml"] <= 3 and 2 <= hits["/broken.xml"] <= 3
    assert again.returncode == 1  # --once: a feed failed
    assert "feed.xml: 3 entries, 0 new" in again.stderr


@pytest.mark.slow
def test_cli_watch_stops_cleanly_on_ctrl_c(tmp_path):
    with serving() as site:
        url = publish(site, STORIES)
        process = subprocess.Popen(
            [sys.executable, "-m", "newsevents.cli", "watch", url, "--db", str(tmp_path / "w.duckdb"),
             "--interval", "600"], stderr=subprocess.PIPE, text=True)
        seen = []
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            seen.append(line)
            if " round 1:" in line or not line:
                break
        process.send_signal(signal.SIGINT)
        try:
            rest = process.communicate(timeout=30)[1]
        finally:
            process.kill()
    assert process.returncode == 0, "".join(seen) + rest
    assert "stopped after 1 rounds" in rest and "Traceback" not in rest


def test_cli_too_long_article_reported_and_others_coded(tmp_path):
    path = tmp_path / "mixed.jsonl"
    long = json.dumps({"id": "huge", "date": "2023-05-30", "text": "Rebels attacked. " * 60_000})
    ok = json.dumps({"id": "ok", "date": "2023-05-30", "text": "Rebels attacked a convoy on Sunday."})
    path.write_text(f"{long}\n{ok}\n")
    result = _run("extract", str(path))
    assert result.returncode == 1
    assert "E005" in result.stderr and "huge" in result.stderr and "from 1 articles" in result.stderr
    assert {json.loads(line)["article_id"] for line in result.stdout.splitlines()} == {"ok"}


def test_cli_hostile_inputs_are_one_line_each_and_every_good_article_is_coded(tmp_path):
    missing = tmp_path / ("[/x]missing-" + "n" * 90 + ".txt")  # markup in a name; longer than 80 columns
    feed = tmp_path / "[red]feed.jsonl"
    rows = [{"id": "[/red]x", "date": "2023-05-30", "text": "Police in Lagos arrested five protesters."},
            {"id": "us", "date": "2023-05-30",
             "text": "One of us said we attacked the base. One of us said I left."},
            {"id": "old", "date": "0001-01-01", "text": "Police arrested five men yesterday."},
            {"id": "sep", "date": "2023-05-30", "text": "Rebels attacked a convoy.\u2028Troops fled.\x85"}]
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + '\n{"text": "\\ud800 x"}\n'
                    + "[" * 50_000 + "\n", encoding="utf-8")
    out, quotes = tmp_path / "events.jsonl", tmp_path / "quotes.jsonl"
    result = _run("extract", str(missing), str(feed), "-o", str(out), "--quotes", str(quotes))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert [line for line in lines if line.startswith("error")] == [
        f"error: E001 {missing}: no such file or directory",
        f"error: E003 {feed}:6: not an article (JSON nested too deeply)",
    ], result.stderr
    assert lines[-1].endswith("from 5 articles; 2 inputs or articles failed")
    coded = {json.loads(line)["article_id"] for line in out.read_text().splitlines()}
    assert coded == {"[/red]x", "us", "old", "sep"}
    assert quotes.read_text().count('"article_id": "us"') >= 2


def test_cli_unwritable_output_is_refused_before_coding(tmp_path):
    (tmp_path / "afile").write_text("x")
    article = tmp_path / "a.txt"
    article.write_text(" date 2023-05-30 Police arrested five men.")
    for target, says in ((tmp_path, "is a directory"), (tmp_path / "afile" / "x.jsonl", "is a file")):
        result = _run("extract", str(article), "-o", str(target))
        assert result.returncode == 2 and result.stderr.startswith(f"error: E008 {target}: ")
        assert says in result.stderr and len(result.stderr.splitlines()) == 1


def test_eval_news_refuses_an_unknown_split(tmp_path):
    refused = _run("eval", "news", str(tmp_path), "--split", "train")
    assert refused.returncode == 2 and "--split is one of test, dev" in refused.stderr


def test_eval_news_refuses_a_batch_the_split_never_drew(tmp_path):
    refused = _run("eval", "news", str(tmp_path), "--split", "dev", "--batch", "ZZ")
    assert refused.returncode == 2 and len(refused.stderr.splitlines()) == 1
    assert "batch ZZ" in refused.stderr
