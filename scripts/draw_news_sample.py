"""Draw the real-news gold sample of a split (developers only; run once, its output is committed).

Stratified by source from the pool ``newsevents.eval.news_texts`` reads under the shared eval
folder. ``test`` (the figures we report): 12 ECB+, 12 LGL, 8 GWN and 10 TimeBank articles (42),
batches A/B/C. ``dev`` (what developers tune on): 6 ECB+, 6 LGL, 4 GWN and 5 TimeBank (21), one
batch D, never an article of the test sample. Articles over 12,000 characters are left out so one
annotator can read and annotate each in one sitting. Within a source the eligible ids are sorted
and drawn with ``random.Random(seed)``, so the same pool and seed give the same sample. Batches go
round-robin over the draw, so every batch mixes the sources. The seed and settings are written as
``#`` lines under the TSV header.

    PYTHONPATH=src python scripts/draw_news_sample.py [--split dev] [--eval-dir DIR]
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass
from pathlib import Path

from newsevents.eval.news_gold import SPLITS, read_sample
from newsevents.eval.news_texts import find_eval_dir, news_texts

ROOT = Path(__file__).resolve().parent.parent
MAX_CHARS = 12_000
HEADER = ("article_id", "source", "sha256", "chars", "date", "annotator_batch")


@dataclass(frozen=True)
class Round:
    """One draw: a seed, how many articles per source, the batches they are dealt to."""

    seed: int
    counts: dict[str, int]
    batches: tuple[str, ...]


@dataclass(frozen=True)
class Draw:
    """How one split is drawn: its rounds in order (a split grows by a new round, never by redrawing);
    ``exclude`` names the splits whose articles it must not take."""

    rounds: tuple[Round, ...]
    exclude: tuple[str, ...] = ()


DRAWS = {
    "test": Draw((Round(20261202, {"ecbplus": 12, "lgl": 12, "gwn": 8, "timebank": 10}, ("A", "B", "C")),)),
    "dev": Draw((Round(20261203, {"ecbplus": 6, "lgl": 6, "gwn": 4, "timebank": 5}, ("D",)),
                 Round(20261204, {"ecbplus": 6, "lgl": 6, "gwn": 4, "timebank": 4}, ("E", "F")),
                 Round(20261205, {"ecbplus": 6, "lgl": 6, "gwn": 4, "timebank": 4}, ("G", "H")),
                 Round(20261206, {"ecbplus": 6, "lgl": 6, "gwn": 4, "timebank": 4}, ("I", "J")),
                 Round(20261207, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("K", "L", "M")),
                 Round(20261208, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("N", "O", "P")),
                 Round(20261209, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("Q", "R", "S")),
                 Round(20261210, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("T", "U", "V")),
                 Round(20261211, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("W", "X", "Y")),
                 Round(20261212, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("Z", "AA", "AB")),
                 Round(20261213, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("AC", "AD", "AE")),
                 Round(20261214, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("AF", "AG", "AH")),
                 Round(20261215, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("AI", "AJ", "AK")),
                 Round(20261216, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("AL", "AM", "AN")),
                 Round(20261217, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("AO", "AP", "AQ")),
                 Round(20261218, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("AR", "AS", "AT")),
                 Round(20261219, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("AU", "AV", "AW")),
                 Round(20261220, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("AX", "AY", "AZ")),
                 Round(20261221, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("BA", "BB", "BC")),
                 Round(20261222, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("BD", "BE", "BF")),
                 Round(20261223, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("BG", "BH", "BI")),
                 Round(20261224, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("BJ", "BK", "BL")),
                 Round(20261225, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("BM", "BN", "BO")),
                 Round(20261226, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("BP", "BQ", "BR")),
                 Round(20261227, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("BS", "BT", "BU")),
                 Round(20261228, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("BV", "BW", "BX")),
                 Round(20261229, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("BY", "BZ", "CA")),
                 Round(20261230, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("CB", "CC", "CD")),
                 Round(20261231, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("CE", "CF", "CG")),
                 Round(20270101, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("CH", "CI", "CJ")),
                 Round(20270102, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("CK", "CL", "CM")),
                 Round(20270103, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("CN", "CO", "CP")),
                 Round(20270104, {"ecbplus": 9, "lgl": 9, "gwn": 6, "timebank": 6}, ("CQ", "CR", "CS")),
                 Round(20270105, {"ecbplus": 11, "lgl": 11, "gwn": 2, "timebank": 6}, ("CT", "CU", "CV")),
                 Round(20270106, {"ecbplus": 12, "lgl": 12, "timebank": 6}, ("CW", "CX", "CY")),
                 Round(20270107, {"ecbplus": 12, "lgl": 12, "timebank": 6}, ("CZ", "DA", "DB")),
                 Round(20270108, {"ecbplus": 12, "lgl": 12, "timebank": 6}, ("DC", "DD", "DE")),
                 Round(20270109, {"ecbplus": 12, "lgl": 12, "timebank": 6}, ("DF", "DG", "DH")),
                 Round(20270110, {"ecbplus": 12, "lgl": 12, "timebank": 6}, ("DI", "DJ", "DK")),
                 Round(20270111, {"ecbplus": 12, "lgl": 12, "timebank": 6}, ("DL", "DM", "DN")),
                 Round(20270112, {"ecbplus": 12, "lgl": 12, "timebank": 6}, ("DO", "DP", "DQ")),
                 Round(20270113, {"ecbplus": 12, "lgl": 12, "timebank": 6}, ("DR", "DS", "DT")),
                 Round(20270114, {"ecbplus": 15, "lgl": 14, "timebank": 1}, ("DU", "DV", "DW")),
                 Round(20270115, {"ecbplus": 15, "lgl": 15}, ("DX", "DY", "DZ")),
                 Round(20270116, {"ecbplus": 15, "lgl": 15}, ("EA", "EB", "EC")),
                 Round(20270117, {"ecbplus": 15, "lgl": 15}, ("ED", "EE", "EF")),
                 Round(20270118, {"ecbplus": 15, "lgl": 15}, ("EG", "EH", "EI")),
                 Round(20270119, {"ecbplus": 15, "lgl": 15}, ("EJ", "EK", "EL")),
                 Round(20270120, {"ecbplus": 15, "lgl": 15}, ("EM", "EN", "EO")),
                 Round(20270121, {"ecbplus": 15, "lgl": 15}, ("EP", "EQ", "ER")),
                 Round(20270122, {"ecbplus": 15, "lgl": 15}, ("ES", "ET", "EU")),
                 Round(20270123, {"ecbplus": 15, "lgl": 15}, ("EV", "EW", "EX")),
                 Round(20270124, {"ecbplus": 15, "lgl": 15}, ("EY", "EZ", "FA")),
                 Round(20270125, {"ecbplus": 20, "lgl": 10}, ("FB", "FC", "FD")),
                 Round(20270126, {"ecbplus": 20, "lgl": 10}, ("FE", "FF", "FG")),
                 Round(20270127, {"ecbplus": 30}, ("FH", "FI", "FJ")),
                 Round(20270128, {"ecbplus": 30}, ("FK", "FL", "FM")),
                 Round(20270129, {"ecbplus": 30}, ("FN", "FO", "FP")),
                 Round(20270130, {"ecbplus": 30}, ("FQ", "FR", "FS")),
                 Round(20270131, {"ecbplus": 30}, ("FT", "FU", "FV")),
                 Round(20270132, {"ecbplus": 30}, ("FW", "FX", "FY")),
                 Round(20270133, {"ecbplus": 30}, ("FZ", "GA", "GB")),
                 Round(20270134, {"ecbplus": 30}, ("GC", "GD", "GE")),
                 Round(20270135, {"ecbplus": 30}, ("GF", "GG", "GH")),
                 Round(20270136, {"ecbplus": 30}, ("GI", "GJ", "GK")),
                 Round(20270137, {"ecbplus": 30}, ("GL", "GM", "GN")),
                 Round(20270138, {"ecbplus": 42}, ("GO", "GP", "GQ", "GR"))),
                exclude=("test",)),
}


def draw(eval_dir: Path, how: Draw, taken: frozenset[str] = frozenset()) -> list[tuple[str, ...]]:
    """The rows of every round, in draw order, each with its batch; ids in ``taken`` or drawn by an
    earlier round are never drawn."""
    rows: list[tuple[str, ...]] = []
    for one in how.rounds:
        rows += draw_round(eval_dir, one, taken | {row[0] for row in rows})
    return rows


def draw_round(eval_dir: Path, how: Round, taken: frozenset[str]) -> list[tuple[str, ...]]:
    """One round's rows, in draw order, each with its batch; ids in ``taken`` are never drawn."""
    pool = [item for item in news_texts(eval_dir)
            if len(item.text) <= MAX_CHARS and item.article_id not in taken]
    rng = random.Random(how.seed)
    drawn = []
    for source, count in how.counts.items():
        eligible = sorted((i for i in pool if i.source == source), key=lambda i: i.article_id)
        if len(eligible) < count:
            raise SystemExit(f"only {len(eligible)} {source} articles under {eval_dir}; {count} wanted")
        drawn += rng.sample(eligible, count)
    return [
        (item.article_id, item.source, item.sha256, str(len(item.text)),
         item.date.isoformat() if item.date else "", how.batches[number % len(how.batches)])
        for number, item in enumerate(drawn)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=find_eval_dir(ROOT),
                        help="the shared eval folder (default: the nearest shared/eval above the repo)")
    parser.add_argument("--split", choices=sorted(DRAWS), default="test")
    parser.add_argument("--out", type=Path, help="the sample file (default: the split's)")
    args = parser.parse_args()
    how = DRAWS[args.split]
    out = args.out or SPLITS[args.split].sample
    taken = frozenset(row.article_id for name in how.exclude for row in read_sample(SPLITS[name].sample))
    rows = draw(args.eval_dir, how, taken)
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(HEADER) + "\n")
        excluded = f", excluding the {len(taken)} articles of {'/'.join(how.exclude)}" if how.exclude else ""
        for number, one in enumerate(how.rounds):
            counts = ", ".join(f"{source} {count}" for source, count in one.counts.items())
            earlier = ", and the earlier rounds" if number else ""
            handle.write(f"# drawn by scripts/draw_news_sample.py --split {args.split}: seed {one.seed}, "
                         f"per source {counts}, texts of at most {MAX_CHARS} chars{excluded}{earlier}\n")
        handle.write("# date: the article date the pipeline is given (empty: none); "
                     "sha256 of the UTF-8 text\n")
        csv.writer(handle, delimiter="\t", lineterminator="\n").writerows(rows)
    print(f"{len(rows)} articles -> {out}")


if __name__ == "__main__":
    main()
