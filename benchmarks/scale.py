"""Scale-out and memory, measured in one run on invented articles (newsevents.scale.corpus).

Throughput: ``extract --engine ray`` on the same corpus with each worker count (a local Ray
instance started per run), as articles/second. A run's time includes starting Ray and loading
one spaCy pipeline and gazetteer per worker, so each worker count is also timed on a tiny
corpus; the steady rate is (articles - tiny) / (time - tiny time), and the hours for 100,000
articles are that startup plus 100,000 / steady rate.

Memory: peak RSS (``os.wait4``: the child's own high-water mark) of the single-process
``newsevents ingest`` into a fresh store for each corpus size, to show it stays flat.

    python benchmarks/scale.py --articles 600 --workers 1,2
    python benchmarks/scale.py --no-ray --rss 1000,10000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsevents.scale.corpus import write_corpus

TINY = 8
TARGET = 100_000


def run_ray(corpus: Path, workers: int, out: Path) -> float:
    """Seconds for one ``extract --engine ray`` run (a fresh Ray instance each time)."""
    from newsevents.scale import ray_engine

    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    report = ray_engine.run([str(corpus)], str(out), workers=workers)
    elapsed = time.perf_counter() - start
    if report.errors:
        raise SystemExit(f"errors: {report.errors[:3]}")
    return elapsed


def peak_rss_mb(args: list[str]) -> tuple[float, float]:
    """Peak RSS (MB) and seconds of one child process."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            log.seek(0)
            raise SystemExit(f"{' '.join(args)} failed: {log.read().decode()[-2000:]}")
    return usage.ru_maxrss / 1024, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--workers", default="1,2", help="Worker counts to compare (comma-separated).")
    parser.add_argument("--no-ray", action="store_true", help="Skip the Ray throughput runs.")
    parser.add_argument("--rss", default="", help="Corpus sizes for peak-RSS ingest runs: 1000,10000.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsevents-scale-") as scratch:
        work = Path(scratch)
        if not args.no_ray:
            counts = [int(n) for n in args.workers.split(",")]
            corpus = write_corpus(work / "corpus.jsonl", args.articles)
            tiny = write_corpus(work / "tiny.jsonl", TINY)
            words = sum(len(json.loads(line)["text"].split()) for line in corpus.read_text().splitlines())
            print(f"corpus: {args.articles} invented articles, ~{words // args.articles} words each; "
                  f"{os.cpu_count()} CPUs", flush=True)
            rates: dict[int, float] = {}
            ends: dict[int, float] = {}
            for workers in counts:
                print(f"load average before {workers} worker(s): {os.getloadavg()[0]:.1f}", flush=True)
                startup = run_ray(tiny, workers, work / "out-tiny")
                total = run_ray(corpus, workers, work / "out")
                rate = (args.articles - TINY) / max(total - startup, 1e-9)
                rates[workers] = rate
                ends[workers] = args.articles / total
                hours = (startup + TARGET / rate) / 3600
                print(f"workers {workers}: {args.articles} articles in {total:.1f} s "
                      f"({args.articles / total:.2f} articles/s end to end); startup {startup:.1f} s; "
                      f"steady {rate:.2f} articles/s; {TARGET:,} articles: {hours:.1f} h", flush=True)
            if len(counts) > 1:
                first, last = counts[0], counts[-1]
                print(f"ratio {last} workers / {first} worker(s): {rates[last] / rates[first]:.2f} steady, "
                      f"{ends[last] / ends[first]:.2f} end to end")
        for size in [int(n) for n in args.rss.split(",") if n]:
            corpus = write_corpus(work / f"rss-{size}.jsonl", size)
            db = work / f"rss-{size}.duckdb"
            rss, seconds = peak_rss_mb([sys.executable, "-m", "newsevents.cli", "ingest", str(corpus),
                                        "--db", str(db)])
            print(f"ingest {size:,} articles: peak RSS {rss:.0f} MB, {seconds:.0f} s "
                  f"({size / seconds:.1f} articles/s)", flush=True)


if __name__ == "__main__":
    main()
