"""Counting helpers shared by the eval sets: precision, recall, F1."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, summed as you go."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add_sets(self, predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> None:
        p, g = set(predicted), set(gold)
        self.tp += len(p & g)
        self.fp += len(p - g)
        self.fn += len(g - p)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def log_loss(scored: Iterable[tuple[float, bool]], clip: float = 1e-6) -> float:
    """Mean negative log-likelihood of (probability, outcome) pairs, each probability kept off 0
    and 1 by ``clip``: how well a confidence says how often it is right (lower is better)."""
    losses = []
    for p, right in scored:
        q = min(max(p, clip), 1.0 - clip)
        losses.append(-math.log(q if right else 1.0 - q))
    return sum(losses) / len(losses) if losses else 0.0
