"""Merge event mentions from many articles into stories, one per real-world event.

Greedy and incremental: each mention, in input order, joins the best-scoring story it may
belong to (see ``similarity``) or starts a new one. Candidates come from blocks (the type
group and the weeks a date may fall in; for undated mentions, stories sharing one of the
article's rarest words; the stories of the mention's thread whatever their date), so
merging N mentions costs about N times the size of a block, not N squared.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsevents.dedup.similarity import (
    Interval,
    TermStats,
    TypeRelations,
    Vector,
    Weights,
    actor_keys,
    actor_score,
    combine,
    cosine,
    date_score,
    interval,
    load_relations,
    load_weights,
    normalise,
    place_rank,
    place_score,
    terms,
    trigger_stem,
)
from newsevents.dedup.story_fields import largest_size, most_precise, union_actors
from newsevents.dedup.texts import BatchTexts, KnownDf
from newsevents.records import Article, CodedArticle, Event, Location, Size, Story

# ECB+ story B3 F1 over the matched mentions: 0.675 at 0.3, 0.717 at 0.4, 0.730 at 0.5 (docs/store.md)
DEFAULT_THRESHOLD = 0.4
_DATE_RANK = {"day": 5, "week": 3, "month": 2, "year": 1}

ClusterState = dict[str, Any]
"""A story's matching state as JSON-ready data: see ``_Cluster.state``."""


def story_id(first_mention: str) -> str:
    """Stable id: a story keeps the id of its first mention however much it grows."""
    return "st-" + hashlib.sha1(first_mention.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class _Mention:
    event: Event
    article: Article
    interval: Interval | None
    actors: set[str]
    sentence: Vector
    text: Vector  # the article's vector, shared by its mentions
    top: tuple[str, ...]  # the article's rarest terms, for blocking
    thread: str | None = None  # the article's thread, when threads are kept
    stem: str = ""  # the stem of its trigger word
    trusted: bool = True  # published; a mention below publishing groups but does not define

    @property
    def kind(self) -> str:
        return f"{self.event.event_type}:{self.event.mode}"


@dataclass(slots=True)
class _Cluster:
    story: Story
    interval: Interval | None
    actors: set[str]
    changed: bool = False
    articles: set[str] = field(default_factory=set)
    article_sum: dict[str, float] = field(default_factory=dict)
    sentence_sum: dict[str, float] = field(default_factory=dict)
    dates: list[tuple[int, str, str]] = field(default_factory=list)  # (rank, date, precision)
    places: list[Location] = field(default_factory=list)
    sizes: list[Size] = field(default_factory=list)
    weeks: set[int] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)  # its articles' rarest terms, for blocking
    threads: set[str] = field(default_factory=set)  # its articles' threads
    stems: set[str] = field(default_factory=set)  # the stems of its mentions' trigger words
    kinds: set[str] = field(default_factory=set)  # its mentions' "TYPE:mode"
    trusted: bool = False  # a published mention has joined: only published ones give its fields

    def state(self) -> ClusterState:
        """What matching needs beyond the Story record, as JSON-ready data (kept by a store)."""
        return {
            "articles": sorted(self.articles), "actors": sorted(self.actors),
            "article_sum": self.article_sum, "sentence_sum": self.sentence_sum,
            "dates": [list(d) for d in self.dates], "places": [p.to_dict() for p in self.places],
            "sizes": [z.to_dict() for z in self.sizes], "terms": sorted(self.terms),
            "threads": sorted(self.threads), "stems": sorted(self.stems), "kinds": sorted(self.kinds),
            "trusted": self.trusted,
        }

    @classmethod
    def restore(cls, story: Story, state: ClusterState | None) -> _Cluster:
        """A stored story as a cluster; with its state it matches as if never stored."""
        if state is None:  # a story stored without state: type, date, place and actors only
            cluster = cls(
                story=story, interval=None, actors=actor_keys([*story.actor, *story.recipient]),
                articles=set(story.sources), places=[story.location] if story.location else [],
                sizes=[story.size] if story.size else [], trusted=True,
            )
            if story.date and story.date_precision in _DATE_RANK:
                cluster.dates.append((_DATE_RANK[story.date_precision], story.date, story.date_precision))
        else:
            cluster = cls(
                story=story, interval=None, actors=set(state["actors"]), articles=set(state["articles"]),
                article_sum=dict(state["article_sum"]), sentence_sum=dict(state["sentence_sum"]),
                dates=[(int(r), d, p) for r, d, p in state["dates"]],
                places=[Location.from_dict(p) for p in state["places"]],
                sizes=[Size.from_dict(z) for z in state["sizes"]], terms=set(state["terms"]),
                threads=set(state.get("threads", ())), stems=set(state.get("stems", ())),
                kinds=set(state.get("kinds", ())), trusted=state.get("trusted", True),
            )
        cluster.interval = cluster.date_interval()
        return cluster

    def date_interval(self) -> Interval | None:
        """The days the story's date may stand for (wider when only publication dates date it)."""
        if not self.dates:
            return interval(self.story.date, self.story.date_precision)
        fallback = max(r for r, _, _ in self.dates) == _DATE_RANK["day"] - 1
        return interval(self.story.date, self.story.date_precision, grounded=not fallback)


def _add(total: dict[str, float], vector: Vector) -> None:
    for t, v in vector.items():
        total[t] = total.get(t, 0.0) + v


class StoryIndex:
    """The stories so far, with what is needed to match new mentions against them.

    Stories passed in from elsewhere (a store) carry no text: they are matched on type,
    date, place and actors only until a new mention with text joins them.
    """

    def __init__(
        self,
        existing: Sequence[Story] = (),
        *,
        threshold: float = DEFAULT_THRESHOLD,
        weights: Weights | None = None,
        relations: TypeRelations | None = None,
        states: Mapping[str, ClusterState] | None = None,
        texts: BatchTexts | None = None,
    ) -> None:
        self.threshold = threshold
        self.weights = weights or load_weights()
        self.relations = relations or load_relations()
        self.texts = texts or BatchTexts()
        self.clusters: list[_Cluster] = []
        self._by_week: dict[tuple[str, int], set[int]] = {}
        self._by_term: dict[tuple[str, str], set[int]] = {}
        self._undated: dict[str, set[int]] = {}
        for story in existing:
            self.clusters.append(_Cluster.restore(story, (states or {}).get(story.id)))
            i = len(self.clusters) - 1
            self._index_date(i)
            self._index_terms(i, self.clusters[i].terms)
            self._index_terms(i, self.clusters[i].threads)

    @property
    def stats(self) -> TermStats:
        return self.texts.stats

    # --- blocking ------------------------------------------------------------------------

    def _weeks(self, span: Interval) -> range:
        gap = self.weights.max_gap_days
        return range((span[0] - gap) // 7, (span[1] + gap) // 7 + 1)

    def _index_date(self, i: int) -> None:
        cluster = self.clusters[i]
        group = self.relations.group(cluster.story.event_type)
        for week in cluster.weeks:
            self._by_week[(group, week)].discard(i)
        self._undated.setdefault(group, set()).discard(i)
        if cluster.interval is None:
            cluster.weeks = set()
            self._undated[group].add(i)
        else:
            cluster.weeks = set(self._weeks(cluster.interval))
            for week in cluster.weeks:
                self._by_week.setdefault((group, week), set()).add(i)

    def _candidates(self, mention: _Mention) -> set[int]:
        group = self.relations.group(mention.event.event_type)
        by_term: set[int] = set()
        for term in mention.top:
            by_term |= self._by_term.get((group, term), set())
        in_thread = self._by_term.get((group, mention.thread), set()) if mention.thread else set()
        if mention.interval is None:
            return by_term | in_thread
        found = (by_term & self._undated.get(group, set())) | in_thread  # a thread outweighs a date
        for week in self._weeks(mention.interval):
            found |= self._by_week.get((group, week), set())
        return found

    # --- scoring -------------------------------------------------------------------------

    def score(self, mention: _Mention, cluster: _Cluster) -> float | None:
        """The evidence that the mention reports the cluster's event; None if it cannot."""
        story = cluster.story
        kinds = {mention.kind, *cluster.kinds}
        kind = self.relations.score(mention.event.event_type, story.event_type, kinds)
        if kind is None:
            return None
        when = date_score(mention.interval, cluster.interval, self.weights)
        where = place_score(mention.event.location, story.location, self.weights)
        thread = mention.thread
        same_thread = thread is not None and cluster.threads == {thread}  # one happening's story
        if (when == 0.0) + (where == 0.0) > (self.weights.thread_gates if same_thread else 0):
            return None
        article = sentence = None
        if cluster.article_sum and mention.article.id not in cluster.articles:
            article = cosine(mention.text, normalise(cluster.article_sum))
        if cluster.sentence_sum:
            sentence = cosine(mention.sentence, normalise(cluster.sentence_sum))
        features = {
            "article": article, "sentence": sentence, "date": when, "place": where,
            "actors": actor_score(mention.actors, cluster.actors),
            "thread": float(thread in cluster.threads) if thread and cluster.threads else None,
            "trigger": float(mention.stem in cluster.stems) if cluster.stems else None,
        }
        return kind * combine(features, self.weights)

    # --- growing -------------------------------------------------------------------------

    def _index_terms(self, i: int, found: Iterable[str]) -> None:
        group = self.relations.group(self.clusters[i].story.event_type)
        for term in found:
            self._by_term.setdefault((group, term), set()).add(i)

    def add(
        self,
        coded: Iterable[CodedArticle],
        *,
        min_confidence: float = 0.5,
        known_df: KnownDf | None = None,
        thread_of: Mapping[str, str] | None = None,
    ) -> None:
        """Merge the events of the articles that are neither negated nor hypothetical (IDF
        counts all of them first). Every such report joins a story, but a story's type, parties,
        date, place and toll come from its published ones (``min_confidence``) once it has one.

        ``known_df`` gives earlier document counts for a set of words (from a store), so
        that weights do not depend on how the articles were split into batches. Articles
        whose words ``texts`` (shared with a thread index) counted already are not recounted;
        ``thread_of`` gives each article's thread (a mention in a thread of the story is
        evidence that it reports the same event).
        """
        batch = list(coded)
        self.texts.add([c.article for c in batch], known_df)
        for item in batch:
            events = [e for e in item.events if e.is_published(0.0)]
            if not events:
                continue
            text = self.texts[item.article.id]
            for event in events:
                start, end = event.sentence.span
                mention = _Mention(
                    event=event, article=item.article,
                    interval=interval(event.date, event.date_precision, grounded=event.date_text is not None),
                    actors=actor_keys([*event.actor, *event.recipient]),
                    sentence=self.stats.vector(terms(item.article.text[start:end])),
                    text=text.vector, top=text.top, thread=(thread_of or {}).get(item.article.id),
                    stem=trigger_stem(event.trigger.text, self.weights.trigger_stem),
                    trusted=event.confidence >= min_confidence,
                )
                self._place(mention)

    def _place(self, mention: _Mention) -> None:
        best, best_score = None, self.threshold
        for i in self._candidates(mention):
            score = self.score(mention, self.clusters[i])
            if score is not None and score >= best_score:
                best, best_score = i, score
        if best is None:
            event = mention.event
            self.clusters.append(_Cluster(
                story=Story(id=story_id(event.id), event_type=event.event_type), interval=None, actors=set(),
            ))
            best = len(self.clusters) - 1
            self._undated.setdefault(self.relations.group(event.event_type), set()).add(best)
        self._join(best, mention)

    def _join(self, i: int, mention: _Mention) -> None:
        cluster, event, article = self.clusters[i], mention.event, mention.article
        story = cluster.story
        cluster.changed = True
        story.mentions.append(event.id)
        if article.id not in cluster.articles:
            cluster.articles.add(article.id)
            _add(cluster.article_sum, mention.text)
            cluster.terms.update(mention.top)
            self._index_terms(i, mention.top)
        if article.id not in story.sources:
            story.sources.append(article.id)
        story.articles = len(story.sources)
        if mention.thread is not None and mention.thread not in cluster.threads:
            cluster.threads.add(mention.thread)
            self._index_terms(i, [mention.thread])
        _add(cluster.sentence_sum, mention.sentence)
        cluster.stems.add(mention.stem)
        cluster.kinds.add(mention.kind)
        cluster.actors |= mention.actors
        if article.date is not None:
            seen = article.date.isoformat()
            story.first_seen = min(filter(None, (story.first_seen, seen)))
            story.last_seen = max(filter(None, (story.last_seen, seen)))
        if mention.trusted and not cluster.trusted:
            self._trust(i, event)
        elif cluster.trusted and not mention.trusted:
            return  # a doubtful reading (a wrong actor, a stray toll) does not change the record
        union_actors(story.actor, event.actor)
        union_actors(story.recipient, event.recipient)
        if event.size is not None:
            cluster.sizes.append(event.size)
            story.size = largest_size(cluster.sizes)
            story.size_reports.append({
                "article_id": article.id, "published": article.date.isoformat() if article.date else None,
                "dead": event.size.dead, "injured": event.size.injured, "arrested": event.size.arrested,
                "qualifier": event.size.qualifier,
            })
            story.size_reports.sort(key=lambda r: (r["published"] or "", r["article_id"]))
        if place_rank(event.location):
            cluster.places.append(event.location)
            story.location = most_precise(cluster.places)
        if event.date and event.date_precision in _DATE_RANK:
            rank = _DATE_RANK[event.date_precision] - (event.date_text is None)
            cluster.dates.append((rank, event.date, event.date_precision))
            top_rank = max(r for r, _, _ in cluster.dates)
            votes = Counter((d, p) for r, d, p in cluster.dates if r == top_rank)
            (story.date, story.date_precision), _ = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
            new = cluster.date_interval()
            if new != cluster.interval:
                cluster.interval = new
                self._index_date(i)

    def _trust(self, i: int, event: Event) -> None:
        """The first published report of a story: the fields its doubtful reports gave are
        dropped, and it and the published reports after it give them anew."""
        cluster = self.clusters[i]
        story = cluster.story
        cluster.trusted = True
        story.event_type = event.event_type  # of the story's type group, as it matched
        story.actor, story.recipient, story.size, story.size_reports = [], [], None, []
        story.location, story.date, story.date_precision = None, None, "unknown"
        cluster.sizes, cluster.places, cluster.dates = [], [], []
        cluster.interval = cluster.date_interval()
        self._index_date(i)

    def stories(self, *, changed_only: bool = True) -> list[Story]:
        return [c.story for c in self.clusters if c.changed or not changed_only]

    def states(self, *, changed_only: bool = True) -> dict[str, ClusterState]:
        """Each story's matching state by story id, to store beside the story."""
        return {c.story.id: c.state() for c in self.clusters if c.changed or not changed_only}


def merge_stories(
    coded: Iterable[CodedArticle],
    *,
    existing: Sequence[Story] = (),
    threshold: float = DEFAULT_THRESHOLD,
    min_confidence: float = 0.5,
    weights: Weights | None = None,
) -> list[Story]:
    """Merge the articles' events into ``existing`` stories or new ones.

    Returns the stories that grew (same ids as before) and the new ones; ``existing`` stories
    are updated in place. Every event that is neither negated nor hypothetical takes part;
    a story's fields come from its events with ``confidence >= min_confidence`` once it has one.
    """
    index = StoryIndex(existing, threshold=threshold, weights=weights)
    index.add(coded, min_confidence=min_confidence)
    return index.stories()
