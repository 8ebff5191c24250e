"""Throughput of `extract` against a bare spaCy parse of the same texts, in one run.

The corpus is the bundled samples repeated to --articles articles; each copy
gets its own publication date so that date grounding cannot coast on a cache.
The bare side is the model exactly as installed (``spacy.load``); the extract
side is newsevents' whole pipeline (its paragraph component, parse, extraction).
Both are warmed up first and timed in alternating rounds; the ratio is extract
rate / parse rate (1.0 = extraction is free), from wall-clock time and from
this process's CPU time (steadier when other work shares the machine).

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
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--quotes", action="store_true", help="Also extract quotations.")
    args = parser.parse_args()

    pipeline = Pipeline()
    bare = spacy.load(DEFAULT_MODEL)
    articles = corpus(args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    list(pipeline.extract(articles[:20], quotes=args.quotes))  # warm up model, gazetteer, dateparser
    list(bare.pipe(texts[:20]))
    print(f"corpus: {len(articles)} articles, {words} words; batch size {args.batch_size}; "
          f"quotes {'on' if args.quotes else 'off'}")
    ratios, cpu_ratios = [], []
    for round_ in range(1, args.rounds + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in bare.pipe(texts, batch_size=args.batch_size):
            pass
        parse_wall, parse_cpu = time.perf_counter() - wall, time.process_time() - cpu
        wall, cpu = time.perf_counter(), time.process_time()
        coded = pipeline.extract(articles, batch_size=args.batch_size, quotes=args.quotes)
        events = sum(len(c.events) for c in coded)
        extract_wall, extract_cpu = time.perf_counter() - wall, time.process_time() - cpu
        ratios.append(parse_wall / extract_wall)
        cpu_ratios.append(parse_cpu / extract_cpu)
        print(
            f"round {round_}: parse {len(texts) / parse_wall:.2f} articles/s, "
            f"extract {len(articles) / extract_wall:.2f} articles/s ({events} events); "
            f"ratio wall {ratios[-1]:.3f}, cpu {cpu_ratios[-1]:.3f}"
        )
    print(
        f"median ratio extract/parse: wall {statistics.median(ratios):.3f}, "
        f"cpu {statistics.median(cpu_ratios):.3f} (issue 11 asks >= 0.75)"
    )


if __name__ == "__main__":
    main()
