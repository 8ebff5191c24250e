"""The words of a batch of articles, counted once for stories and threads alike.

IDF counts every article of the batch (and, through ``known_df``, every article stored
before), so weights do not depend on how the input was split into batches.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.dedup.similarity import TermStats, Vector, terms
from newsevents.ontology.files import read_mapping
from newsevents.ontology.load import DATA_DIR
from newsevents.records import Article

ARTICLE_TERMS = 300  # an article is compared by its heaviest terms only
BLOCK_TERMS = 12  # the heaviest rare terms of an article, which find its candidates
BLOCK_SHARE, BLOCK_MIN_DF = 0.05, 50  # a term in more documents than both is too common to block on

_NAME = re.compile(r"(?<=[^\W_,;:] |[,;:] )[A-Z][^\W\d_]{2,}")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")

NUMBER = "#"  # a number's term: "#2008"
KnownDf = Callable[[set[str]], tuple[int, Mapping[str, int]]]


@dataclass(frozen=True, slots=True)
class CueWeights:
    """How many times a name or a number counts (dedup.yaml ``texts``)."""

    name: int = 3  # a capitalised word inside a sentence counts this many times in all
    number: int = 14  # a number ("#2008") counts this many times per occurrence


@functools.cache
def load_cue_weights(path: Path | None = None) -> CueWeights:
    data = read_mapping(path or DATA_DIR / "dedup.yaml")
    return CueWeights(**(data.get("texts") or {}))


@dataclass(slots=True)
class ArticleText:
    counts: Counter[str]
    vector: Vector  # unit TF-IDF vector of its heaviest terms
    top: tuple[str, ...]  # its heaviest rare terms, for blocking (cost stays near-linear)


@dataclass(slots=True)
class BatchTexts:
    """Each article's words and weights, by article id, with the statistics behind them."""

    stats: TermStats = field(default_factory=TermStats)
    by_article: dict[str, ArticleText] = field(default_factory=dict)

    def add(self, articles: Iterable[Article], known_df: KnownDf | None = None) -> None:
        """Count the articles' words (after seeding earlier counts), then weigh them."""
        fresh = [a for a in articles if a.id not in self.by_article]
        if not fresh:
            return
        counted = [(a.id, article_terms(" ".join(filter(None, (a.title, a.text))))) for a in fresh]
        if known_df is not None:
            self.stats.seed(*known_df(set().union(*(c.keys() for _, c in counted))))
        for _, counts in counted:
            self.stats.add(counts)
        for aid, counts in counted:
            vector = self.stats.vector(counts, top=ARTICLE_TERMS)
            common = max(BLOCK_MIN_DF, BLOCK_SHARE * self.stats.docs)
            rare = [t for t in vector if self.stats.df[t] <= common]
            top = tuple(sorted(rare, key=lambda t: -vector[t])[:BLOCK_TERMS])
            self.by_article[aid] = ArticleText(counts, vector, top)

    def __getitem__(self, article_id: str) -> ArticleText:
        return self.by_article[article_id]


def article_terms(text: str, weights: CueWeights | None = None) -> Counter[str]:
    """The words of an article, with the cues that tell one happening from another of its kind
    weighed in: names (capitalised words inside a sentence) count more, and numbers (years,
    tolls, magnitudes, ages) are terms of their own ("#2008") that count more too."""
    weights = weights or load_cue_weights()
    counts = terms(text)
    for name in _NAME.findall(text):
        counts[name.lower()] += weights.name - 1
    for number in _NUMBER.findall(text):
        counts[NUMBER + number] += weights.number
    return counts
