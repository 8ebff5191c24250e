"""Throughput of `extract` against a bare spaCy parse of the same texts, in one run.

The corpus is the bundled samples repeated to --articles articles; each copy
gets its own publication date so that date grounding cannot coast on a cache.
The bare side is the model exactly as installed (``spacy.load``); the extract
side is newsevents' whole pipeline (its paragraph component, parse, extraction).
Both are warmed up first and timed in alternating rounds; the ratio is extract
rate / parse rate (1.0 = extraction is free).

    python benchmarks/throughput.py --articles 200 --rounds 3
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import spacy

from newsevents.ingest import read_articles
from newsevents.nlp import DEFAULT_MODEL
from newsevents.pipeline import Pipeline
from newsevents.records import Article

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def corpus(size: int) -> list[Article]:
    base = [a for a in read_articles([str(SAMPLES)]) if isinstance(a, Article)]
    return [
        replace(
            base[i % len(base)],
            id=f"{base[i % len(base)].id}-{i}",
            date=base[i % len(base)].date + timedelta(days=i // len(base)),
        )
        for i in range(size)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    pipeline = Pipeline()
    bare = spacy.load(DEFAULT_MODEL)
    articles = corpus(args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    list(pipeline.extract(articles[:20]))  # warm up model, ontology, dateparser
    list(bare.pipe(texts[:20]))
    print(f"corpus: {len(articles)} articles, {words} words; batch size {args.batch_size}")
    ratios = []
    for round_ in range(1, args.rounds + 1):
        start = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=args.batch_size):
            pass
        parse_rate = len(texts) / (time.perf_counter() - start)
        start = time.perf_counter()
        events = sum(len(c.events) for c in pipeline.extract(articles, batch_size=args.batch_size))
        extract_rate = len(articles) / (time.perf_counter() - start)
        ratios.append(extract_rate / parse_rate)
        print(
            f"round {round_}: parse {parse_rate:.2f} articles/s, "
            f"extract {extract_rate:.2f} articles/s ({events} events), "
            f"ratio {ratios[-1]:.3f}"
        )
    print(f"median ratio extract/parse: {statistics.median(ratios):.3f} (target >= 0.77)")


if __name__ == "__main__":
    main()
