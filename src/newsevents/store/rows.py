"""Records to table rows and back: the column layout of each table in one place.

Rows are built column-wise (``Columns``) so a batch goes to DuckDB as one DataFrame
scan; row-by-row inserts are two orders of magnitude slower.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date, datetime, timezone
from typing import Any

from newsevents.records import Actor, Article, Event, Location, Quote, Size, Story

# Column kinds: how a Python value is carried in the DataFrame and cast in SQL.
STR, INT, FLOAT, BOOL, DATE, LIST, JSON, TIME = "str", "int", "float", "bool", "date", "list", "json", "time"

ARTICLE_COLUMNS: dict[str, str] = {
    "id": STR, "content_hash": STR, "date": DATE, "title": STR, "url": STR, "source": STR,
    "language": STR, "text": STR, "n_events": INT, "n_quotes": INT, "ingested_at": TIME,
}

_PARTIES: dict[str, str] = {
    "actor_names": LIST, "actor_countries": LIST, "actor_sectors": LIST,
    "recipient_names": LIST, "recipient_countries": LIST, "recipient_sectors": LIST,
    "location_name": STR, "location_country_code": STR, "location_admin1": STR,
    "location_lat": FLOAT, "location_lon": FLOAT, "location_geonameid": INT, "location_precision": STR,
    "dead": INT, "injured": INT, "arrested": INT,
}

EVENT_COLUMNS: dict[str, str] = {
    "id": STR, "article_id": STR, "event_type": STR, "mode": STR, "context": LIST, "quad": STR,
    "intensity": FLOAT, "cameo_root": STR, "date": DATE, "date_precision": STR, **_PARTIES,
    "negated": BOOL, "hypothetical": BOOL, "future": BOOL, "historical": BOOL,
    "confidence": FLOAT, "trigger": STR, "sentence": STR, "extractor": STR, "record": JSON,
    "parties_in_lists": BOOL, "actor_key": INT, "recipient_key": INT,
}

PARTY_COLUMNS: dict[str, str] = {
    "event_id": STR, "role": STR, "name": STR, "text": STR, "country": STR, "sector": STR,
}
"""An event's actors and recipients as ingest hands them to ``parties.grouped_parties_sql``."""

QUOTE_COLUMNS: dict[str, str] = {
    "id": STR, "article_id": STR, "speaker_name": STR, "speaker_country": STR,
    "speaker_sector": STR, "text": STR, "verb": STR, "record": JSON,
}

STORY_COLUMNS: dict[str, str] = {
    "id": STR, "event_type": STR, "date": DATE, "date_precision": STR, **_PARTIES,
    "n_mentions": INT, "articles": INT, "first_seen": STR, "last_seen": STR,
    "updated_at": TIME, "record": JSON,
}

Row = dict[str, Any]


def utc_now() -> str:
    """The time now in UTC, as the TIMESTAMP columns keep it."""
    return datetime.now(timezone.utc).replace(tzinfo=None).isoformat(sep=" ")


def content_hash(article: Article) -> str:
    """sha256 of the article's date, title and text: the same report sent twice under two ids."""
    published = article.date.isoformat() if article.date else ""
    key = "\x1f".join((published, article.title or "", article.text))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def iso_date(value: str | date | None) -> str | None:
    """The ISO date of a record's date field, or None when it is not one (kept in the JSON)."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def article_row(article: Article, *, n_events: int, n_quotes: int, now: str) -> Row:
    return {
        "id": article.id, "content_hash": content_hash(article), "date": iso_date(article.date),
        "title": article.title, "url": article.url, "source": article.source,
        "language": article.language, "text": article.text, "n_events": n_events,
        "n_quotes": n_quotes, "ingested_at": now,
    }


def event_row(event: Event, *, text: str) -> Row:
    start, end = event.sentence.span
    return {
        "id": event.id, "article_id": event.article_id, "event_type": event.event_type,
        "mode": event.mode, "context": list(event.context), "quad": event.quad,
        "intensity": event.intensity, "cameo_root": event.cameo_root, "date": iso_date(event.date),
        "date_precision": event.date_precision,
        **_parties(event.actor, event.recipient, event.location, event.size),
        "negated": event.negated, "hypothetical": event.hypothetical, "future": event.future,
        "historical": event.historical, "confidence": event.confidence,
        "trigger": event.trigger.text, "sentence": text[start:end], "extractor": event.extractor,
        "record": compact_json(event.to_dict()),
        "parties_in_lists": _in_lists(event.actor) and _in_lists(event.recipient),
        "actor_key": None, "recipient_key": None,  # set by ingest from the parties' keys
    }


def party_rows(event: Event) -> list[Row]:
    """The event's actors and recipients, one row each (``PARTY_COLUMNS``)."""
    return [
        {"event_id": event.id, "role": role, "name": a.name, "text": a.text, "country": a.country,
         "sector": a.sector}
        for role, parties in (("actor", event.actor), ("recipient", event.recipient)) for a in parties
    ]


def _in_lists(parties: list[Actor]) -> bool:
    """One distinct party at most, with no empty field: then the ``parties`` row of that role is
    the first name, country and sector of the event's lists (which leave empty values out)."""
    found = {(a.name if a.name is not None else a.text, a.country, a.sector) for a in parties}
    return len(found) <= 1 and all(v is None or v for party in found for v in party)


def quote_row(quote: Quote) -> Row:
    speaker = quote.speaker
    return {
        "id": quote.id, "article_id": quote.article_id,
        "speaker_name": speaker and (speaker.name or speaker.text),
        "speaker_country": speaker and speaker.country, "speaker_sector": speaker and speaker.sector,
        "text": quote.text, "verb": quote.verb, "record": compact_json(quote.to_dict()),
    }


def story_row(story: Story, *, now: str) -> Row:
    return {
        "id": story.id, "event_type": story.event_type, "date": iso_date(story.date),
        "date_precision": story.date_precision,
        **_parties(story.actor, story.recipient, story.location, story.size),
        "n_mentions": len(story.mentions), "articles": story.articles,
        "first_seen": story.first_seen, "last_seen": story.last_seen, "updated_at": now,
        "record": compact_json(story.to_dict()),
    }


def story_from_json(record: str) -> Story:
    """Rebuild a Story (with its nested records) from the ``record`` column."""
    return Story.from_dict(json.loads(record))


def columns(rows: Iterable[Row], layout: dict[str, str]) -> dict[str, list[Any]]:
    """Rows to one list per column, in the table's column order."""
    out: dict[str, list[Any]] = {name: [] for name in layout}
    for row in rows:
        for name, values in out.items():
            values.append(row[name])
    return out


def _parties(
    actors: list[Actor], recipients: list[Actor], location: Location | None, size: Size | None
) -> Row:
    return {
        "actor_names": _distinct(a.name or a.text for a in actors),
        "actor_countries": _distinct(a.country for a in actors),
        "actor_sectors": _distinct(a.sector for a in actors),
        "recipient_names": _distinct(a.name or a.text for a in recipients),
        "recipient_countries": _distinct(a.country for a in recipients),
        "recipient_sectors": _distinct(a.sector for a in recipients),
        "location_name": location and (location.name or location.text),
        "location_country_code": location and location.country_code,
        "location_admin1": location and location.admin1,
        "location_lat": location and location.lat,
        "location_lon": location and location.lon,
        "location_geonameid": location and location.geonameid,
        "location_precision": location and location.precision,
        "dead": size and size.dead, "injured": size and size.injured, "arrested": size and size.arrested,
    }


def _distinct(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def json_list(values: list[str]) -> str:
    """A list column as JSON text, the way batches carry it to DuckDB."""
    return json.dumps(values, ensure_ascii=False)


def compact_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
