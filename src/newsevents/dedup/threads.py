"""Threads: every article in exactly one thread, a real-world happening and its coverage.

Incremental and greedy like the stories: each article, in arrival order, joins the thread
whose articles' words (summed TF-IDF vectors, where names count more and numbers are terms:
``texts.article_terms``) are most like its own, if that is alike enough (``threshold``), the
dates fit (``window_days``) and no second thread fits about as well (``margin``: two
happenings of one kind, say two earthquakes, must not be joined), or starts a new one.
A thread keeps the id of its first article however it grows, so ids are stable.
Candidates are the threads sharing one of the article's rarest heavy words (blocking), so a
stream of N articles costs about N times the size of a block. Settings: dedup.yaml ``threads``.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from newsevents.dedup.similarity import Vector, cosine, normalise
from newsevents.dedup.texts import BatchTexts, KnownDf
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
    centroid_terms: int = 600  # a thread keeps its heaviest words only
    label_terms: int = 5


@functools.cache
def load_settings(path: Path | None = None) -> ThreadSettings:
    data = yaml.safe_load((path or DATA_DIR / "dedup.yaml").read_text(encoding="utf-8")) or {}
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
    changed: bool = False

    def state(self) -> ThreadState:
        return {"word_sum": self.word_sum, "terms": sorted(self.terms)}

    @classmethod
    def restore(cls, thread: Thread, state: ThreadState | None) -> _Open:
        state = state or {}
        return cls(thread=thread, word_sum=dict(state.get("word_sum") or {}),
                   terms=set(state.get("terms") or ()))

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
        return cosine(vector, normalise(item.word_sum)) if item.word_sum else 0.0

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
             if self.open[i].fits(article.date, self.settings.window_days)),
            reverse=True,
        )
        best = scored[0][1] if scored and scored[0][0] >= self.settings.threshold else None
        if best is not None and len(scored) > 1 and scored[0][0] - scored[1][0] < self.settings.margin \
                and scored[0][0] < self.settings.sure:
            best = None  # two threads fit about as well: likely two happenings of one kind
        if best is None:
            best = self._index(_Open(Thread(id=thread_id(article.id), title=_title(article))))
        chosen = self.open[best]
        chosen.changed = True
        thread = chosen.thread
        thread.articles += 1
        if article.date is not None:
            seen = article.date.isoformat()
            thread.first_seen = min(filter(None, (thread.first_seen, seen)))
            thread.last_seen = max(filter(None, (thread.last_seen, seen)))
        for term, weight in text.vector.items():
            chosen.word_sum[term] = chosen.word_sum.get(term, 0.0) + weight
        if len(chosen.word_sum) > self.settings.centroid_terms:
            heaviest = sorted(chosen.word_sum.items(), key=lambda kv: -kv[1])[: self.settings.centroid_terms]
            chosen.word_sum = dict(heaviest)
        new_terms = set(text.top) - chosen.terms
        chosen.terms |= new_terms
        for term in new_terms:
            self._by_term.setdefault(term, set()).add(best)
        thread.terms = sorted(chosen.word_sum, key=lambda t: -chosen.word_sum[t])[: self.settings.label_terms]
        self.thread_of[article.id] = thread.id

    def threads(self, *, changed_only: bool = True) -> list[Thread]:
        return [o.thread for o in self.open if o.changed or not changed_only]

    def states(self, *, changed_only: bool = True) -> dict[str, ThreadState]:
        return {o.thread.id: o.state() for o in self.open if o.changed or not changed_only}



def _title(article: Article) -> str | None:
    """The article's title, or for an untitled one the start of its first line."""
    if article.title:
        return article.title
    first = article.text.strip().split("\n", 1)[0]
    return (first[:TITLE_CHARS].rsplit(" ", 1)[0] + " ...") if len(first) > TITLE_CHARS else first or None
