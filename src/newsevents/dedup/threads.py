"""Threads: every article in exactly one thread, a real-world happening and its coverage.

Incremental and greedy like the stories: each article, in arrival order, joins the thread
whose articles' words (summed TF-IDF vectors, where names count more and numbers are terms:
``texts.article_terms``) are most like its own, if that is alike enough (``threshold``), the
dates fit (``window_days``) and no second thread fits about as well (``margin``: two
happenings of one kind, say two earthquakes, must not be joined), or starts a new one.
A thread keeps the id of its first article however it grows, so ids are stable. The greedy
order leaves short reports alone when they arrive before the coverage they belong to: when a
later article is alike to such a young thread and is put in another (joined, or started when it
fitted two about equally), the two become one if their words and their numbers are alike
(``ThreadIndex.moved``), and the older of the two keeps its id.
Candidates are the threads sharing one of the article's rarest heavy words (blocking), so a
stream of N articles costs about N times the size of a block. Settings: dedup.yaml ``threads``.
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from newsevents.dedup.similarity import Vector, cosine, normalise
from newsevents.dedup.texts import NUMBER, BatchTexts, KnownDf
from newsevents.ontology.files import read_mapping
from newsevents.ontology.load import DATA_DIR
from newsevents.records import Article, CodedArticle, Thread

TITLE_CHARS = 100  # an untitled article's thread is named by this much of its first line
ThreadState = dict[str, Any]
"""A thread's matching state as JSON-ready data: see ``_Open.state``."""


@dataclass(frozen=True, slots=True)
class ThreadSettings:
    """How alike an article must be to join a thread (dedup.yaml ``threads``)."""

    threshold: float = 0.3  # least cosine to join a thread
    margin: float = 0.03  # a best thread closer than this to the second best is not joined ...
    sure: float = 0.5  # ... unless its cosine reaches this
    window_days: int = 7  # an article dated further than this from a thread's dates starts another
    move_young: int = 1  # a thread of at most this many articles is moved into another (0: never) ...
    move_link: float = 0.2  # ... when a later article is at least this alike to both ...
    move_threshold: float = 0.28  # ... and the two threads' words are this alike ...
    move_numbers: float = 0.3  # ... and their numbers too (years, ages, tolls tell two of a kind apart)
    centroid_terms: int = 600  # a thread keeps its heaviest words only
    label_terms: int = 5


@functools.cache
def load_settings(path: Path | None = None) -> ThreadSettings:
    data = read_mapping(path or DATA_DIR / "dedup.yaml")
    return ThreadSettings(**(data.get("threads") or {}))


def thread_id(first_article: str) -> str:
    """Stable id: a thread keeps the id of its first article however much it grows."""
    return "th-" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class _Open:
    """A thread being matched: its record and what matching needs."""

    thread: Thread
    word_sum: dict[str, float] = field(default_factory=dict)
    terms: set[str] = field(default_factory=set)  # its articles' rarest heavy words, for blocking
    born: int = field(default_factory=time.time_ns)  # when it started (0: before moves): the older id stays
    changed: bool = False
    gone: bool = False  # moved into another thread
    unit: Vector | None = None  # word_sum normalised, until it next grows (scored by many articles)

    def vector(self) -> Vector:
        if self.unit is None:
            self.unit = normalise(self.word_sum)
        return self.unit

    def state(self) -> ThreadState:
        return {"word_sum": self.word_sum, "terms": sorted(self.terms), "born": self.born}

    @classmethod
    def restore(cls, thread: Thread, state: ThreadState | None) -> _Open:
        state = state or {}
        return cls(thread=thread, word_sum=dict(state.get("word_sum") or {}),
                   terms=set(state.get("terms") or ()), born=int(state.get("born") or 0))

    def fits(self, day: date | None, window: int) -> bool:
        """Whether an article of this day may report the thread's happening."""
        first, last = self.thread.first_seen, self.thread.last_seen
        if day is None or first is None or last is None:
            return True
        return date.fromisoformat(first).toordinal() - window <= day.toordinal() \
            <= date.fromisoformat(last).toordinal() + window


class ThreadIndex:
    """The threads so far; ``add`` puts each new article in one (``thread_of``)."""

    def __init__(
        self,
        existing: Sequence[Thread] = (),
        *,
        states: Mapping[str, ThreadState] | None = None,
        settings: ThreadSettings | None = None,
        texts: BatchTexts | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self.texts = texts or BatchTexts()
        self.open: list[_Open] = []
        self.thread_of: dict[str, str] = {}  # article id -> thread id, for the articles added here
        self.moved: dict[str, str] = {}  # id of a thread moved into another -> the other's id
        self._by_term: dict[str, set[int]] = {}
        for thread in existing:
            self._index(_Open.restore(thread, (states or {}).get(thread.id)))

    def _index(self, item: _Open, *, at: int | None = None) -> int:
        if at is None:
            self.open.append(item)
            at = len(self.open) - 1
        for term in item.terms:
            self._by_term.setdefault(term, set()).add(at)
        return at

    def score(self, vector: Vector, item: _Open) -> float:
        """Cosine of the article's words and the thread's summed words."""
        return cosine(vector, item.vector()) if item.word_sum else 0.0

    def add(self, coded: Iterable[CodedArticle], *, known_df: KnownDf | None = None) -> None:
        """Put each article in the thread it best fits, or a new one, in input order."""
        batch = list(coded)
        self.texts.add([c.article for c in batch], known_df)
        for item in batch:
            self._place(item)

    def _place(self, item: CodedArticle) -> None:
        article, text = item.article, self.texts[item.article.id]
        found = {i for term in text.top for i in self._by_term.get(term, ())}
        scored = sorted(
            ((self.score(text.vector, self.open[i]), i) for i in found
             if not self.open[i].gone and self.open[i].fits(article.date, self.settings.window_days)),
            reverse=True,
        )
        best = scored[0][1] if scored and scored[0][0] >= self.settings.threshold else None
        if best is not None and len(scored) > 1 and scored[0][0] - scored[1][0] < self.settings.margin \
                and scored[0][0] < self.settings.sure:
            best = None  # two threads fit about as well: likely two happenings of one kind
        if best is None:
            best = self._index(_Open(Thread(id=thread_id(article.id), title=_title(article))))
        seen = article.date.isoformat() if article.date is not None else None
        self._grow(best, text.vector, set(text.top), 1, seen, seen)
        self.thread_of[article.id] = self.open[best].thread.id
        self._move_young(best, [i for s, i in scored if s >= self.settings.move_link and i != best])

    def _grow(self, at: int, word_sum: Mapping[str, float], terms: set[str], articles: int,
              first: str | None, last: str | None) -> None:
        """Add an article's (or a moved thread's) words, terms, count and dates to thread ``at``."""
        chosen = self.open[at]
        chosen.changed, chosen.unit = True, None
        thread = chosen.thread
        thread.articles += articles
        thread.first_seen = min(filter(None, (thread.first_seen, first)), default=None)
        thread.last_seen = max(filter(None, (thread.last_seen, last)), default=None)
        for term, weight in word_sum.items():
            chosen.word_sum[term] = chosen.word_sum.get(term, 0.0) + weight
        if len(chosen.word_sum) > self.settings.centroid_terms:
            heaviest = sorted(chosen.word_sum.items(), key=lambda kv: -kv[1])[: self.settings.centroid_terms]
            chosen.word_sum = dict(heaviest)
        new_terms = terms - chosen.terms
        chosen.terms |= new_terms
        for term in new_terms:
            self._by_term.setdefault(term, set()).add(at)
        thread.terms = sorted(chosen.word_sum, key=lambda t: -chosen.word_sum[t])[: self.settings.label_terms]

    def _move_young(self, joined: int, linked: list[int]) -> None:
        """Re-thread: the article just put in thread ``joined`` is alike to the threads
        ``linked`` too. When one of the two is young (``move_young`` articles at most: a short
        report that arrived before the coverage it belongs to), and their summed words and their
        numbers are both alike enough, they become one thread under the older one's id. Only
        the threads one article links are compared, so the cost stays that of its block."""
        for i in linked:
            here, there = self.open[joined], self.open[i]
            if there.gone or min(here.thread.articles, there.thread.articles) > self.settings.move_young \
                    or not _overlap(here.thread, there.thread, self.settings.window_days):
                continue
            if _alike(here, there) >= self.settings.move_threshold \
                    and _alike(here, there, numbers=True) >= self.settings.move_numbers:
                joined = self._merge(joined, i)

    def _merge(self, a: int, b: int) -> int:
        """Move the younger of threads ``a`` and ``b`` into the older; returns the older."""
        keep, drop = (a, b) if (self.open[a].born, self.open[a].thread.id) <= \
            (self.open[b].born, self.open[b].thread.id) else (b, a)
        gone = self.open[drop]
        self._grow(keep, gone.word_sum, gone.terms, gone.thread.articles, gone.thread.first_seen,
                   gone.thread.last_seen)
        gone.gone = True
        for term in gone.terms:
            self._by_term.get(term, set()).discard(drop)
        old, new = gone.thread.id, self.open[keep].thread.id
        self.moved = {k: (new if v == old else v) for k, v in self.moved.items()}
        self.moved[old] = new
        self.thread_of = {k: (new if v == old else v) for k, v in self.thread_of.items()}
        return keep

    def threads(self, *, changed_only: bool = True) -> list[Thread]:
        return [o.thread for o in self.open if not o.gone and (o.changed or not changed_only)]

    def states(self, *, changed_only: bool = True) -> dict[str, ThreadState]:
        return {o.thread.id: o.state() for o in self.open if not o.gone and (o.changed or not changed_only)}


def _alike(a: _Open, b: _Open, *, numbers: bool = False) -> float:
    """Cosine of two threads' summed words (or of their numbers only)."""
    if not numbers:
        return cosine(a.vector(), b.vector()) if a.word_sum and b.word_sum else 0.0
    x, y = ({k: v for k, v in o.word_sum.items() if k.startswith(NUMBER)} for o in (a, b))
    return cosine(normalise(x), normalise(y)) if x and y else 0.0


def _overlap(a: Thread, b: Thread, window: int) -> bool:
    """Whether the two threads' dates come within ``window`` days of each other (undated: yes)."""
    days = [a.first_seen, a.last_seen, b.first_seen, b.last_seen]
    if any(d is None for d in days):
        return True
    a0, a1, b0, b1 = (date.fromisoformat(str(d)).toordinal() for d in days)
    return a0 - window <= b1 and b0 - window <= a1


def _title(article: Article) -> str | None:
    """The article's title, or for an untitled one the start of its first line."""
    if article.title:
        return article.title
    first = article.text.strip().split("\n", 1)[0]
    return (first[:TITLE_CHARS].rsplit(" ", 1)[0] + " ...") if len(first) > TITLE_CHARS else first or None
