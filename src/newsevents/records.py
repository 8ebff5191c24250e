"""Typed records that flow one way through the pipeline.

Every stage reads and writes these; ``to_dict`` gives the JSON shape of the
contract (design/event-record.md). A span is ``(start, end)`` in characters of
``Article.text``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from typing_extensions import Self

Span = tuple[int, int]
HOME = "home"  # Actor.country_source of a country taken from the article's setting
PUBLISH_CONFIDENCE = 0.5  # events at or above it, neither negated nor hypothetical, are what we publish

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# The characters of an ISO date ("2023-05-30") that a date precision fixes: two dates agree, or
# one lies after the other, at a precision by these first characters.
DATE_WIDTH: dict[str, int] = {"day": 10, "month": 7, "year": 4}


def _plain(value: Any) -> Any:
    """Records as dicts, tuples as lists, dates as ISO strings, recursively.

    Written out rather than ``dataclasses.asdict``, which deep-copies every value
    and was most of the store's ingest time.
    """
    if isinstance(value, _Record):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


class _Record:
    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready data."""
        return _plain(self)  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """A record back from ``to_dict``: spans become tuples (nested records: see Event, Quote)."""
        return cls(**{k: tuple(v) if k.endswith("span") and v is not None else v for k, v in data.items()})


@dataclass(slots=True)
class Article(_Record):
    """One input article; ``date`` is its publication date, or None if unknown.

    ``masked`` are ranges of ``text`` that are not news (menus, captions, credits,
    sign-ups: see ingest/clean.py); they are parsed as blank space and coded from
    nothing, while the text itself stays whole so every span indexes it.
    """

    id: str
    date: date | None
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = "en"
    masked: list[Span] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """An article back from ``to_dict``: the ISO date becomes a date again, ranges tuples."""
        published = data.get("date")
        return cls(**{
            **data, "date": date.fromisoformat(published) if published else None,
            "masked": [(int(a), int(b)) for a, b in data.get("masked", ())],
        })

    def parsed_text(self) -> str:
        """The text the parser reads: ``masked`` ranges blanked (a paragraph break, then
        spaces), so nothing is read from them and every offset stays the same."""
        if not self.masked:
            return self.text
        pieces, last = [], 0
        for start, end in self.masked:
            pieces.append(self.text[last:start])
            pieces.append(("\n\n" + " " * (end - start))[: end - start])
            last = end
        pieces.append(self.text[last:])
        return "".join(pieces)


@dataclass(slots=True)
class Actor(_Record):
    """An entity taking part in an event, resolved as far as the text allows.

    ``inferred`` marks a doer the event's own clause does not name ("five people
    were arrested"), attributed from the article; ``evidence_span`` is then the
    act's words that led to it. Filter on ``inferred`` to keep only stated actors.
    ``country_source`` says where ``country`` came from when the text does not give it:
    ``"home"`` for a named person or body the text gives no country, placed in the
    country the article is set in (a guess, weighed apart by the confidence); None when
    the country was read from the text or there is none.
    """

    text: str
    span: Span
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    ethnicity: str | None = None
    inferred: bool = False
    evidence_span: Span | None = None
    country_source: str | None = None

    @property
    def own_country(self) -> str | None:
        """The country the text itself gives the party (not the article's home country)."""
        return None if self.country_source == HOME else self.country


@dataclass(slots=True)
class Location(_Record):
    """Where an event happened (filled by the place resolver)."""

    text: str
    span: Span
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    precision: str = "unknown"


EARTH_KM = 6371.0
"""The Earth's mean radius, for great-circle distances and offsets."""


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points (places are compared by it)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_KM * 2 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(slots=True)
class Size(_Record):
    """Casualty and arrest counts tied to one event; ``total`` marks a running or cumulative
    figure ("the death toll rose to 40", "a total of 1,200 people") rather than a count of
    this report alone."""

    span: Span
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    qualifier: str | None = None
    total: bool = False


@dataclass(slots=True)
class TextRef(_Record):
    """A piece of the article: the trigger words of an event."""

    text: str
    span: Span


@dataclass(slots=True)
class SentenceRef(_Record):
    """The sentence an event was read from."""

    index: int
    span: Span


@dataclass(slots=True)
class Event(_Record):
    """One coded event, with the evidence span of every field (see the contract)."""

    id: str
    article_id: str
    event_type: str
    trigger: TextRef
    sentence: SentenceRef
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    quad: str | None = None
    intensity: float | None = None
    cameo_root: str | None = None
    acled: dict[str, str] | None = None
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    date: str | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    date_span: Span | None = None
    location: Location | None = None
    size: Size | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    confidence: float = 0.0
    off_topic: str | None = None
    extractor: str = "rules-1"

    def is_published(self, min_confidence: float = PUBLISH_CONFIDENCE) -> bool:
        """What we would publish: a confident mention of something that happened (or will)."""
        return self.confidence >= min_confidence and not self.negated and not self.hypothetical

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        """An event back from ``to_dict`` (shards, stored records), nested records rebuilt."""
        return super(Event, cls).from_dict({
            **data, **_parties_from(data),
            "trigger": TextRef.from_dict(data["trigger"]),
            "sentence": SentenceRef.from_dict(data["sentence"]),
        })


def main_event(events: list[Event]) -> Event | None:
    """The event a sentence or snippet is about (PLOVER GSR, CASE 2021): of the acts neither
    negated nor hypothetical (if any), and of those the ones not historical (if any: "rallied
    to mourn those killed in last year's riots" is about the rally), the first in text order
    of those at least half as confident as the most confident.

    Confidence is the probability of being right, not of being the main act: a true event
    told in the background ("since last month's invasion") can be as likely right as the
    main clause's act, which news tells first. Taking the most confident made the main event
    hinge on what the confidence model learned of background events.
    """
    told = [e for e in events if not e.negated and not e.hypothetical] or events
    told = [e for e in told if not e.historical] or told
    if not told:
        return None
    best = max(e.confidence for e in told)
    return min((e for e in told if e.confidence >= best / 2), key=lambda e: e.trigger.span[0])


@dataclass(slots=True)
class Quote(_Record):
    """A direct or indirect quotation and who said it."""

    id: str
    article_id: str
    speaker: Actor | None
    text: str
    span: Span
    verb: str | None = None
    verb_span: Span | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """A quote back from ``to_dict``, its speaker rebuilt."""
        speaker = data.get("speaker")
        return super(Quote, cls).from_dict({**data, "speaker": Actor.from_dict(speaker) if speaker else None})


@dataclass(slots=True)
class Story(_Record):
    """One real-world event as reported by many articles (after deduplication).

    ``size`` takes the largest figure a trustworthy mention gives, never a sum;
    ``size_reports`` are the figures as each article gave them (``article_id``,
    ``published``, ``dead``, ``injured``, ``arrested``, ``qualifier``), oldest report
    first, so the latest one and the source of the largest are at hand as a toll rises;
    ``mentions`` are event ids, ``sources`` the ids of the articles that report it.
    """

    id: str
    event_type: str
    date: str | None = None
    date_precision: str = "unknown"
    location: Location | None = None
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    size: Size | None = None
    size_reports: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    articles: int = 0
    first_seen: str | None = None
    last_seen: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Story:
        """A story back from ``to_dict`` (the store's ``record``), nested records rebuilt."""
        return cls(**{**data, **_parties_from(data)})


@dataclass(slots=True)
class Thread(_Record):
    """A real-world happening and its coverage over the following days.

    Every article belongs to exactly one thread (the store keeps which); its stories are the
    stories of its articles' events. ``articles`` counts them, ``title`` is the first one's,
    ``terms`` are the thread's heaviest words (a label), the dates span its articles'.
    """

    id: str
    title: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    articles: int = 0
    terms: list[str] = field(default_factory=list)


def _parties_from(data: Mapping[str, Any]) -> dict[str, Any]:
    """The actors, recipients, location and size of an event or story dict, as records."""
    location, size = data.get("location"), data.get("size")
    return {
        "actor": [Actor.from_dict(a) for a in data.get("actor", [])],
        "recipient": [Actor.from_dict(a) for a in data.get("recipient", [])],
        "location": Location.from_dict(location) if location else None,
        "size": Size.from_dict(size) if size else None,
    }


@dataclass(slots=True)
class CodedArticle:
    """One article with everything extraction read from it."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
