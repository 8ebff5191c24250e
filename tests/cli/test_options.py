"""The filter options of ``query`` and ``export``: the same set, the API's names, and a bad
value is one line naming the option, exit status 2 (run in this process: no model needed)."""

from __future__ import annotations

import csv
import inspect
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.cli.options import FILTER_OPTIONS
from newsevents.records import Article, CodedArticle, Event, Location, SentenceRef, TextRef, Thread
from newsevents.serve.params import event_filters, paging
from newsevents.store import open_store

TEXT = "Students marched in Abidjan on Monday. Police arrested ten of them."
PAST = "Students first marched in Abidjan in 2011."


def _event(n: int, event_type: str, start: int, word: str, place: Location, mode: str | None = None) -> Event:
    return Event(id=f"ev-cli-{n}", article_id="cli", event_type=event_type, mode=mode,
                 trigger=TextRef(word, (start, start + len(word))), sentence=SentenceRef(n, (0, len(TEXT))),
                 date="2024-06-03", date_precision="day", location=place, confidence=0.9)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "events.duckdb"
    abidjan = Location("Abidjan", (21, 28), name="Abidjan", lat=5.35, lon=-4.0, country_code="CI",
                       admin1="Abidjan", precision="town")
    article = Article("cli", date(2024, 6, 4), TEXT)
    past = Article("past", date(2024, 6, 5), PAST)
    with open_store(path) as store:
        store.add([CodedArticle(article, events=[
            _event(0, "PROTEST", 9, "marched", abidjan),
            _event(1, "COERCE", 46, "arrested", abidjan, "arrest"),
        ]), CodedArticle(past, events=[  # a historical reference, in a thread of its own
            Event(id="ev-past-0", article_id="past", event_type="PROTEST",
                  trigger=TextRef("marched", (15, 22)), sentence=SentenceRef(0, (0, len(PAST))),
                  date="2011-01-01", date_precision="year",
                  location=abidjan, historical=True, confidence=0.9),
        ])])
        store.put_threads([Thread("th-cli", "Abidjan arrests", "2024-06-04", "2024-06-04", articles=1),
                           Thread("th-past", "Abidjan history", "2024-06-05", "2024-06-05", articles=1)],
                          {}, {"cli": "th-cli", "past": "th-past"})
    return path


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--from", "2024-13-01"], "--from"),
        (["--from", "2024-02-01", "--to", "2024-01-01"], "--to"),
        (["--limit", "-1"], "--limit"),
        (["--offset", "-1"], "--offset"),
        (["--bbox", "1,2,3"], "--bbox"),
        (["--type", "FOO"], "--type"),
        (["--actor-sector", "XYZ"], "--actor-sector"),
        (["--quad", "material"], "--quad"),
        (["--mode", "teleport"], "--mode"),
        (["--min-confidence", "2"], "--min-confidence"),
        (["--thread", " "], "--thread"),
    ],
)
@pytest.mark.parametrize("command", ["query", "export"])
def test_a_bad_filter_is_one_line_naming_the_option(db: Path, tmp_path: Path, command: str,
                                                   args: list[str], option: str):
    out = ["-o", str(tmp_path / "x.jsonl")] if command == "export" else []
    result = run(command, "--db", str(db), *out, *args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"error: {option}: E021 ")
    assert not (tmp_path / "x.jsonl").exists()


def test_export_into_a_missing_folder_is_one_line(db: Path, tmp_path: Path):
    result = run("export", "--db", str(db), "-o", str(tmp_path / "no" / "such" / "x.csv"))
    assert result.exit_code == 2 and result.stderr.startswith("error: -o/--output: ")
    assert result.stderr.count("\n") == 1


def test_query_and_export_share_the_filters_and_agree(db: Path, tmp_path: Path):
    out = tmp_path / "events.csv"
    filters = ["--place", "Cote dIvoire", "--text", "marched", "--type", "coerce", "--limit", "5"]
    exported = run("export", "--db", str(db), "--format", "csv", "-o", str(out), *filters)
    assert exported.exit_code == 0, exported.output
    listed = run("query", "--db", str(db), "--format", "csv", *filters)
    with out.open(encoding="utf-8") as handle:
        assert [row["id"] for row in csv.DictReader(handle)] == ["ev-cli-1"]
    assert listed.stdout.splitlines()[1].startswith("ev-cli-1,")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--quad", "Material-Conflict"], {"ev-cli-0", "ev-cli-1"}),
        (["--quad", "verbal conflict"], set()),
        (["--mode", "ARREST"], {"ev-cli-1"}),
        (["--mode", "arrest", "--type", "PROTEST"], set()),
    ],
)
def test_quad_and_mode(db: Path, args: list[str], expected: set[str]):
    result = run("query", "--db", str(db), "--format", "csv", *args)
    assert result.exit_code == 0, result.output
    assert {line.split(",")[0] for line in result.stdout.splitlines()[1:]} == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], {"ev-cli-0", "ev-cli-1"}),  # historical references are left out ...
        (["--include-historical"], {"ev-cli-0", "ev-cli-1", "ev-past-0"}),  # ... unless asked for
        (["--thread", "th-cli"], {"ev-cli-0", "ev-cli-1"}),
        (["--thread", "th-past"], set()),
        (["--thread", "th-past", "--include-historical"], {"ev-past-0"}),
        (["--thread", "th-none"], set()),
    ],
)
def test_thread_and_historical_in_query_and_export(db: Path, tmp_path: Path, args: list[str],
                                                   expected: set[str]):
    listed = run("query", "--db", str(db), "--format", "csv", *args)
    out = tmp_path / "events.csv"
    exported = run("export", "--db", str(db), "--format", "csv", "-o", str(out), *args)
    assert listed.exit_code == exported.exit_code == 0, listed.output + exported.output
    assert {line.split(",")[0] for line in listed.stdout.splitlines()[1:]} == expected
    with out.open(encoding="utf-8") as handle:
        assert {row["id"] for row in csv.DictReader(handle)} == expected


def test_query_pages_with_offset_and_shows_ids_whole(db: Path):
    first = run("query", "--db", str(db), "--limit", "1").stdout.splitlines()
    second = run("query", "--db", str(db), "--limit", "1", "--offset", "1").stdout.splitlines()
    assert first[0] == second[0] == "1 events" and first[1].split()[0] == "id"
    assert {first[2].split()[0], second[2].split()[0]} == {"ev-cli-0", "ev-cli-1"}


def test_the_cli_and_the_api_take_the_same_filters():
    api = set(inspect.signature(event_filters).parameters) | set(inspect.signature(paging).parameters)
    api = {"recipient_country" if name == "recipient" else name for name in api}
    assert api == set(FILTER_OPTIONS)
    for command in ("query", "export"):
        help_text = run(command, "--help").stdout
        assert all(flag in help_text for flag, _ in FILTER_OPTIONS.values()), command


def test_places_and_dates_take_the_coding_options():
    for command in ("places", "dates"):
        help_text = run(command, "--help").stdout
        assert all(flag in help_text for flag in ("--output", "--model", "--ontology")), command


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("newsevents ")
