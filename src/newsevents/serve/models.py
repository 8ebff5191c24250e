"""Response shapes of the HTTP API, so /openapi.json tells a client what it gets.

Rows of a listing are typed field by field. Full records (events, quotes, stories)
follow the record contract of docs/event-record.md, which evolves with the coder:
their models name the fields the dashboard relies on and let the rest through
(``extra="allow"``) rather than restate the contract here. Dates are ISO strings;
a missing value is null.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    """A record of the contract: the named fields plus every other field it holds."""

    model_config = ConfigDict(extra="allow")


class ArticleRef(BaseModel):
    id: str
    title: str | None
    date: str | None = Field(description="Publication date (ISO).")
    url: str | None
    source: str | None


class EventRecord(Open):
    """The full event record (docs/event-record.md): spans are [start, end) character
    offsets into the article text (trigger.span, actor[].span, recipient[].span,
    date_span, location.span, size.span, sentence.span)."""

    id: str
    article_id: str
    event_type: str
    story_id: str | None = Field(None, description="The story this event is a mention of.")


class EventDetail(EventRecord):
    article: ArticleRef


class Mention(EventRecord):
    """A story's mention: the event record with its article's title, date, source and thread."""

    title: str | None
    published: str | None
    source: str | None
    thread_id: str | None = Field(None, description="The thread of its article (GET /api/threads/{id}).")


class StoryDetail(Open):
    """The story record with ``mentions`` expanded from event ids to event records."""

    id: str
    event_type: str
    mentions: list[Mention]


class QuoteRecord(Open):
    """The full quote record: speaker (an actor), text, span, verb, verb_span."""

    id: str
    article_id: str
    text: str


class QuoteItem(QuoteRecord):
    title: str | None = Field(description="The article's title.")
    published: str | None = Field(description="The article's publication date.")


class _Coded(BaseModel):
    """The columns events and stories share: type, date, parties, place and counts."""

    id: str
    event_type: str
    date: str | None
    date_precision: str
    actor_names: list[str]
    actor_countries: list[str]
    actor_sectors: list[str]
    recipient_names: list[str]
    recipient_countries: list[str]
    recipient_sectors: list[str]
    location_name: str | None
    location_country_code: str | None
    location_lat: float | None
    location_lon: float | None
    dead: int | None
    injured: int | None
    arrested: int | None


class EventRow(_Coded):
    """One event of a listing: the filterable columns and its article's title, date, url, source."""

    article_id: str
    mode: str | None
    quad: str | None = Field(description="PLOVER quad category.")
    negated: bool
    hypothetical: bool
    future: bool
    historical: bool
    confidence: float
    trigger: str = Field(description="The trigger words.")
    sentence: str = Field(description="The sentence the event was read from.")
    story_id: str | None
    published: str | None = Field(description="The article's publication date.")
    title: str | None
    url: str | None
    source: str | None


class StoryRow(_Coded):
    """One story of a listing: the real-world event and how widely it was reported."""

    n_mentions: int = Field(description="Events (mentions) the story holds.")
    articles: int = Field(description="Articles reporting it.")
    first_seen: str | None
    last_seen: str | None


class ArticleRow(BaseModel):
    id: str
    date: str | None
    title: str | None
    url: str | None
    source: str | None
    language: str | None
    n_events: int
    n_quotes: int
    ingested_at: str


class ArticleDetail(ArticleRow):
    text: str
    thread_id: str | None = Field(None, description="The thread the article is in (GET /api/threads/{id}).")
    events: list[EventRecord]
    quotes: list[QuoteRecord]


class Page(BaseModel):
    total: int = Field(description="Rows matching the filters (all pages).")
    limit: int
    offset: int


class EventPage(Page):
    items: list[EventRow]


class StoryPage(Page):
    items: list[StoryRow]


class ThreadRow(BaseModel):
    """One thread of a listing: a happening and how widely it was reported."""

    id: str
    title: str | None
    first_seen: str | None = Field(description="Earliest publication date of its articles.")
    last_seen: str | None
    n_articles: int
    n_stories: int = Field(description="Stories its articles' events belong to.")
    n_sources: int
    terms: list[str] = Field(description="Its heaviest words, a label.")


class ThreadArticle(BaseModel):
    id: str
    date: str | None
    title: str | None
    url: str | None
    source: str | None
    n_events: int


class ThreadDetail(ThreadRow):
    articles: list[ThreadArticle] = Field(description="Its articles by source, then date.")
    stories: list[StoryRow] = Field(description="The stories its articles report.")


class ThreadPage(Page):
    items: list[ThreadRow]


class EventThreadRow(ThreadRow):
    n_events: int = Field(description="Filtered events in its articles.")


class EventThreadPage(Page):
    items: list[EventThreadRow]


class ArticlePage(Page):
    items: list[ArticleRow]


class QuotePage(Page):
    items: list[QuoteItem]


class ActorRow(BaseModel):
    name: str
    country: str | None
    sector: str | None
    as_actor: int = Field(description="Filtered events it is an actor of.")
    as_recipient: int = Field(description="Filtered events it is a recipient of.")


class TimelineItem(BaseModel):
    date: str = Field(description="First day of the bucket.")
    quad: str | None
    event_type: str
    n: int


class Timeline(BaseModel):
    bucket: str
    items: list[TimelineItem]


class Node(BaseModel):
    id: str
    label: str
    country: str | None
    sector: str | None
    weight: int = Field(description="Events (with an actor and a recipient) it takes part in.")


class Link(BaseModel):
    source: str = Field(description="Actor node id.")
    target: str = Field(description="Recipient node id.")
    weight: int = Field(description="Events on the link.")
    types: dict[str, int] = Field(description="Events on the link per event type.")


class Network(BaseModel):
    nodes: list[Node]
    links: list[Link]


class MapItem(BaseModel):
    id: str = Field(description="Story id.")
    event_type: str
    lat: float
    lon: float
    location_name: str | None
    country_code: str | None
    n_mentions: int
    articles: int
    date: str | None


class MapResult(BaseModel):
    total: int = Field(description="Stories with coordinates matching the filters.")
    limit: int
    items: list[MapItem]


class Totals(BaseModel):
    events: int = Field(description="Events matching the filters.")
    stories: int = Field(description="Stories matching the filters.")
    dead: int = Field(description="Killed, summed over the stories (each real-world event once).")
    injured: int
    arrested: int


class Range(BaseModel):
    min: str | None
    max: str | None


class Count(BaseModel):
    value: str
    n: int


class Place(BaseModel):
    country: str = Field(description="ISO2 code of the events' location.")
    admin1: str | None = Field(description="First-level division (None: the country's events without one).")
    n: int


class Meta(BaseModel):
    counts: dict[str, int] = Field(description="Rows per table: articles, events, quotes, stories, threads.")
    event_types: list[str] = Field(description="The 16 PLOVER event types.")
    event_type_counts: dict[str, int]
    quads: list[Count]
    modes: list[Count] = Field(description="Event modes with their counts, commonest first.")
    event_dates: Range
    article_dates: Range
    actor_countries: list[Count]
    actor_sectors: list[Count]
    places: list[Place] = Field(description="Event locations by country and admin1, the 2000 commonest; "
                                "each is a value of the ``place`` filter.")
    sources: list[Count] = Field(description="The 500 most frequent article sources.")
    ingest: bool = Field(description="Whether POST /api/articles is enabled (a token is set).")
    read_only: bool


class Rejected(BaseModel):
    id: str
    reason: str


class IngestResult(BaseModel):
    added: list[str]
    skipped: list[str] = Field(description="Already stored (same id or same content).")
    rejected: list[Rejected]
    events: int
    quotes: int
    warnings: list[str]
    summary: str

