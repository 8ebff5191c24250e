"""Draw the real-news gold sample (developers only; run once, its output is committed).

Stratified by source from the pool ``newsevents.eval.news_texts`` reads under the shared eval
folder: 12 ECB+, 12 LGL, 8 GWN and 10 TimeBank articles (42). Articles over 12,000 characters
are left out so one annotator can read and annotate each in one sitting. Within a source the
eligible ids are sorted and drawn with ``random.Random(SEED)``, so the same pool and seed
give the same sample. Batches A/B/C (14 each) go round-robin over the draw, so every batch
mixes the sources. The seed and settings are written as ``#`` lines under the TSV header.

    PYTHONPATH=src python scripts/draw_news_sample.py [--eval-dir DIR]
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from newsevents.eval.news_texts import find_eval_dir, news_texts

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newsevents" / "eval" / "data" / "news_sample.tsv"
SEED = 20261202
COUNTS = {"ecbplus": 12, "lgl": 12, "gwn": 8, "timebank": 10}
MAX_CHARS = 12_000
BATCHES = ("A", "B", "C")
HEADER = ("article_id", "source", "sha256", "chars", "date", "annotator_batch")


def draw(eval_dir: Path, seed: int = SEED) -> list[tuple[str, ...]]:
    """The sample rows, in draw order, each with its batch."""
    pool = [item for item in news_texts(eval_dir) if len(item.text) <= MAX_CHARS]
    rng = random.Random(seed)
    drawn = []
    for source, count in COUNTS.items():
        eligible = sorted((i for i in pool if i.source == source), key=lambda i: i.article_id)
        if len(eligible) < count:
            raise SystemExit(f"only {len(eligible)} {source} articles under {eval_dir}; {count} wanted")
        drawn += rng.sample(eligible, count)
    return [
        (item.article_id, item.source, item.sha256, str(len(item.text)),
         item.date.isoformat() if item.date else "", BATCHES[number % len(BATCHES)])
        for number, item in enumerate(drawn)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=find_eval_dir(ROOT),
                        help="the shared eval folder (default: the nearest shared/eval above the repo)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    rows = draw(args.eval_dir, args.seed)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(HEADER) + "\n")
        counts = ", ".join(f"{source} {count}" for source, count in COUNTS.items())
        handle.write(f"# drawn by scripts/draw_news_sample.py: seed {args.seed}, per source {counts}, "
                     f"texts of at most {MAX_CHARS} chars\n")
        handle.write("# date: the article date the pipeline is given (empty: none); "
                     "sha256 of the UTF-8 text\n")
        csv.writer(handle, delimiter="\t", lineterminator="\n").writerows(rows)
    print(f"{len(rows)} articles -> {args.out}")


if __name__ == "__main__":
    main()
