"""What the ``parties`` table costs ingest: ``Store.add`` with and without it, in one process.

Generates the corpus once (benchmarks/store.py's generator), then ingests it into fresh
stores, alternating a run with the parties and a run with their rows and insert left out,
--rounds times. Prints wall and process CPU time (all threads) of each run, and the ratio
of the best runs. On a machine shared with other work the wall time of identical runs
varies severalfold; the CPU time much less, so its ratio is the one to read.

    python benchmarks/ingest_parties.py --events 10000 --rounds 5
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import store as bench  # benchmarks/store.py: the generated corpus

from newsevents.records import CodedArticle
from newsevents.store import Store, rows
from newsevents.store import ingest as write_path  # where Store.add builds the parties

NO_OP = "CREATE OR REPLACE TEMP VIEW _no_parties AS SELECT 1"


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def ingest(articles: list[CodedArticle], with_parties: bool) -> tuple[float, float]:
    """(wall s, CPU s) of storing the articles in a new store."""
    real_sql, real_rows = write_path.insert_parties_sql, rows.party_rows
    if not with_parties:
        write_path.insert_parties_sql = lambda *args, **kwargs: NO_OP  # type: ignore[assignment]
        rows.party_rows = lambda event: []  # type: ignore[assignment]
    folder = Path(tempfile.mkdtemp(prefix="newsevents-parties-"))
    try:
        with Store(folder / "bench.duckdb") as store:
            t0, c0 = time.perf_counter(), cpu()
            store.add(articles)
            return time.perf_counter() - t0, cpu() - c0
    finally:
        write_path.insert_parties_sql, rows.party_rows = real_sql, real_rows
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    articles = list(bench.Generator().articles(args.events))
    runs: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    for n in range(args.rounds):
        for with_parties in (False, True):
            wall, spent = ingest(articles, with_parties)
            runs[with_parties].append((wall, spent))
            shown = "in" if with_parties else "out"
            print(f"round {n}, parties {shown}: wall {wall:.2f} s, cpu {spent:.2f} s", flush=True)
    for i, what in ((0, "wall"), (1, "cpu")):
        kept, left = min(r[i] for r in runs[True]), min(r[i] for r in runs[False])
        print(f"{args.events} events, best {what}: with parties {kept:.2f} s, without {left:.2f} s, "
              f"ratio {kept / left:.3f}")


if __name__ == "__main__":
    main()
