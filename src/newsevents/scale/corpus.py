"""Invented short news articles (~60 words) for scale benchmarks and tests.

One generator for the memory measurement, ``benchmarks/scale.py`` and the tests, so
their figures are about the same kind of text. Articles are made of sentences the
coder reads as events (arrests, attacks, talks, aid, protests), with dates, places,
and countries, so extraction does its usual work; none of it reports anything real.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

_ACTORS = (
    "Police in {place}", "Soldiers", "Rebels", "Protesters in {place}",
    "The interior minister of {country}", "The government of {country}", "Opposition lawmakers",
    "Aid workers", "The prime minister of {country}", "Striking teachers",
)
_DEEDS = (
    "arrested {n} demonstrators", "attacked a military convoy", "met the president of {other}",
    "signed a trade agreement with {other}", "sent food and medicine to {other}",
    "accused {other} of shelling villages", "marched against rising fuel prices",
    "threatened to impose sanctions on {other}", "withdrew troops from the border",
    "called for talks with {other}", "rejected the peace proposal of {other}",
    "fired tear gas at students",
)
_WHEN = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
         "on Sunday", "yesterday", "last week", "earlier this month")
_PLACES = (
    ("Lagos", "Nigeria"), ("Nairobi", "Kenya"), ("Belgrade", "Serbia"), ("Kyiv", "Ukraine"),
    ("Manila", "the Philippines"), ("Bogota", "Colombia"), ("Dhaka", "Bangladesh"),
    ("Lima", "Peru"), ("Khartoum", "Sudan"), ("Tbilisi", "Georgia"), ("Caracas", "Venezuela"),
    ("Bamako", "Mali"),
)
_FILLER = (
    "Witnesses said the streets were calm by the evening.",
    "A spokesman declined to comment on the reports.",
    "Local media gave no further details.",
    "The situation remained tense, residents said.",
)


def invented_articles(
    count: int, *, seed: int = 7, start: date = date(2023, 1, 2), per_day: int = 10
) -> Iterator[dict[str, Any]]:
    """``count`` article objects (the JSONL input shape), the same for the same seed.

    ``per_day`` articles share a publication date, as in a news stream: a larger corpus spans
    more days rather than packing more articles (and story candidates) into each day.
    """
    rng = random.Random(seed)
    for index in range(count):
        place, country = rng.choice(_PLACES)
        other = rng.choice([c for _, c in _PLACES if c != country])
        sentences = []
        for _ in range(4):
            actor = rng.choice(_ACTORS)
            deed = rng.choice(_DEEDS).format(n=rng.randint(2, 60), other=other)
            when = rng.choice(_WHEN)
            sentences.append(f"{actor.format(place=place, country=country)} {deed} in {place} {when}.")
        sentences.insert(2, rng.choice(_FILLER))
        yield {
            "id": f"inv-{seed}-{index}",
            "date": (start + timedelta(days=index // per_day)).isoformat(),
            "title": f"Unrest in {place}",
            "source": "invented",
            "text": " ".join(sentences),
        }


def write_corpus(path: Path, count: int, *, seed: int = 7) -> Path:
    """Write ``count`` invented articles to ``path`` as JSONL (streamed: any size)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for article in invented_articles(count, seed=seed):
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path
