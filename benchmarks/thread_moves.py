"""What re-threading (young threads moved into older ones) costs ingest, in one process.

Codes the ECB+ documents once (or reads them from --coded, a pickle this script wrote), then
stores them through the product's ingest path (``pipeline.ingest_coded``: threads and stories
in each batch's transaction, document order), alternating a run with moves off
(``move_young: 0``) and one with the shipped settings, --rounds times. Prints wall and process
CPU time of each run and the ratio of the best runs (on a shared machine read the CPU ratio).

    python benchmarks/thread_moves.py ../shared/eval/ecbplus --coded /tmp/ecb-coded.pkl --rounds 5
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import resource
import tempfile
import time
from pathlib import Path

import newsevents.dedup.threads as threads
from newsevents.eval import ecbplus
from newsevents.pipeline import Pipeline, ingest_coded
from newsevents.records import CodedArticle
from newsevents.store import Store


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def ingest(coded: list[CodedArticle], moves: bool) -> tuple[float, float, int]:
    """(wall s, CPU s, threads) of storing the articles in a new store."""
    shipped = threads.load_settings
    if not moves:
        off = dataclasses.replace(shipped(), move_young=0)
        threads.load_settings = lambda path=None: off  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory(prefix="newsevents-moves-") as tmp, \
                Store(Path(tmp) / "bench.duckdb") as store:
            t0, c0 = time.perf_counter(), cpu()
            ingest_coded(coded, store)
            spent = time.perf_counter() - t0, cpu() - c0
            return *spent, store.counts()["threads"]
    finally:
        threads.load_settings = shipped  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="folder with ecbplus_docs.jsonl")
    parser.add_argument("--coded", type=Path, help="pickle of the coded documents (written if missing)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.coded and args.coded.exists():
        coded = pickle.loads(args.coded.read_bytes())
    else:
        coded = list(Pipeline().extract(ecbplus.articles(ecbplus.load_gold(args.path))))
        if args.coded:
            args.coded.write_bytes(pickle.dumps(coded))
    runs: dict[bool, list[tuple[float, float, int]]] = {False: [], True: []}
    for n in range(args.rounds):
        for moves in (False, True):
            runs[moves].append(ingest(coded, moves))
            wall, spent, found = runs[moves][-1]
            print(f"round {n}, moves {'on' if moves else 'off'}: wall {wall:.2f} s, cpu {spent:.2f} s, "
                  f"{found} threads", flush=True)
    for i, what in ((0, "wall"), (1, "cpu")):
        on, off = min(r[i] for r in runs[True]), min(r[i] for r in runs[False])
        print(f"{len(coded)} documents, best {what}: moves on {on:.2f} s, off {off:.2f} s, "
              f"ratio {on / off:.3f}")


if __name__ == "__main__":
    main()
