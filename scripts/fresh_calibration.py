"""Recalibrate the confidence for news the code has never seen (developers only).

train_confidence.py fits the confidence on the DEV rounds, which also shaped the rules and the
trigger lexicon, so on DEV it is surer than it has reason to be on a new article. Each DEV round
was drawn before it was annotated: the commit that drew it is code that never saw its gold. This
script codes each round of ``FIRST_SEEN`` with its draw commit (a detached git worktree, that
commit's own pipeline in a subprocess), grades every candidate that is neither negated nor
hypothetical against today's gold with ``newsevents eval news``'s rules, and fits
``p' = sigmoid(scale * logit(p) + shift)`` on the pooled candidates of the newest ``FIT`` rounds:
how often events were really right in type and actor when the confidence said p, on news first
seen. scoring.score_events applies it to every confidence; ontology/data/fresh_calibration.yaml
holds it. Held out by round over every round of ``FIRST_SEEN`` (each scored by a map fitted on
the ``FIT`` newest others), it prints the log loss and the events published at 0.5 with and
without the map. The coded candidates are kept in ``CANDIDATES`` (spans and labels, no text);
``--recode`` codes the rounds again (about a minute a round).

    PYTHONPATH=src python scripts/fresh_calibration.py [--eval-dir DIR] [--recode] [--dry-run]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from newsevents.eval.news_gold import SPLITS, gold_path, read_sample
from newsevents.eval.news_texts import eval_dir_or_exit
from newsevents.extract.scoring import CALIBRATION_FILE, first_seen

sys.path.insert(0, str(Path(__file__).parent))
from train_confidence import ROUNDS

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = Path(__file__).with_name("first_seen_candidates.tsv")
# Each DEV round (train_confidence.ROUNDS) with the commit that drew it, before its gold existed.
FIRST_SEEN = (("Z-AB", "b63e5b3"), ("AC-AE", "2c1fed2"), ("AF-AH", "f92f783"), ("AI-AK", "0713f62"),
              ("AL-AN", "8f36f6c"), ("AO-AQ", "b8a6fa7"), ("AR-AT", "cd8dcea"), ("AU-AW", "8723033"),
              ("AX-AZ", "a3f8c44"), ("BA-BC", "30b3725"), ("BD-BF", "9cde7e0"), ("BG-BI", "aa9b865"),
              ("BJ-BL", "da09e7e"))
FIT = 4  # the newest rounds the map is fitted on: code close to today's (chosen in advance)
COLUMNS = ("round", "article_id", "start", "end", "event_type", "confidence", "type_right", "actor_right")
# Run by the old commit's Python: only what every commit of FIRST_SEEN has (eval/news.py's
# load_gold, _coded, match, grade).
_CODE = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from newsevents.eval import news
    from newsevents.pipeline import Pipeline
    for item, events in news._coded(news.load_gold(Path(sys.argv[1]), Path(sys.argv[2])), Pipeline()):
        for e in events:
            if not (e.negated or e.hypothetical):
                right = news.grade(e, news.match(e, item.gold["events"]))
                print(json.dumps([item.text.article_id, *e.trigger.span, e.event_type, e.confidence,
                                  bool(right["type"]), bool(right["type"] and right["actor"])]))
""")


@dataclass(frozen=True, slots=True)
class Candidate:
    round: str
    confidence: float
    right: bool  # in type and in actor: the confidence's label


def _round_ids(label: str) -> list[str]:
    """The article ids of a DEV round, by its batches in the sample (train_confidence.ROUNDS)."""
    return [row.article_id for row in read_sample(SPLITS["dev"].sample)
            if ROUNDS.get(row.batch) == label]


def code_round(label: str, commit: str, eval_dir: Path) -> list[list[str]]:
    """The round's graded candidates as coded by ``commit``: its gold files are copied to a
    folder of their own, the commit is checked out beside this one and its pipeline run."""
    with tempfile.TemporaryDirectory() as tmp:
        gold, tree = Path(tmp) / "gold", Path(tmp) / "tree"
        gold.mkdir()
        for article_id in _round_ids(label):
            if (path := gold_path(article_id, SPLITS["dev"].gold_dir)).exists():
                shutil.copy(path, gold / path.name)
        git = ["git", "-C", str(ROOT), "worktree"]
        subprocess.run([*git, "add", "-q", "--detach", str(tree), commit], check=True)
        try:
            done = subprocess.run([sys.executable, "-c", _CODE, str(eval_dir), str(gold)], check=True,
                                  capture_output=True, text=True,
                                  env=os.environ | {"PYTHONPATH": str(tree / "src")})
        finally:
            subprocess.run([*git, "remove", "--force", str(tree)], check=True)
    return [[label, *map(str, json.loads(line))] for line in done.stdout.splitlines()]


def read_candidates(path: Path = CANDIDATES) -> list[Candidate]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [Candidate(row["round"], float(row["confidence"]), row["actor_right"] == "True")
                for row in csv.DictReader(handle, delimiter="\t")]


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-3, 1 - 1e-3)  # as scoring.first_seen: confidences are rounded to three places
    return np.log(p / (1 - p))


def fit(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """``scale`` and ``shift`` of the logistic map from logit(p) to y: Newton's method from the
    identity, no penalty (two parameters, hundreds of candidates)."""
    z, theta = logit(p), np.array([1.0, 0.0])
    x = np.column_stack([z, np.ones_like(z)])
    for _ in range(50):
        q = 1 / (1 + np.exp(-x @ theta))
        step = np.linalg.solve(x.T @ (x * (q * (1 - q))[:, None]), x.T @ (q - y))
        theta -= step
        if np.abs(step).max() < 1e-10:
            break
    return float(theta[0]), float(theta[1])


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())


def held_out(candidates: list[Candidate], order: list[str]) -> None:
    """Each round scored by the map fitted on the ``FIT`` newest other rounds: log loss, and the
    events at 0.5 and the share right in type and actor, raw and recalibrated."""
    p = np.array([c.confidence for c in candidates])
    y = np.array([c.right for c in candidates], dtype=float)
    rounds = np.array([c.round for c in candidates])
    totals = np.zeros(6)
    print(f"{'round':7} {'log loss':>15} {'published':>10} {'right':>13}")
    for label in order:
        test = rounds == label
        train = np.isin(rounds, [r for r in order if r != label][-FIT:])
        scale, shift = fit(p[train], y[train])
        mapped = np.array([first_seen(x, {"scale": scale, "shift": shift}) for x in p[test]])
        raw_pub, new_pub = p[test] >= 0.5, mapped >= 0.5
        row = (log_loss(p[test], y[test]) * test.sum(), log_loss(mapped, y[test]) * test.sum(),
               raw_pub.sum(), new_pub.sum(), y[test][raw_pub].sum(), y[test][new_pub].sum())
        totals += row
        _line(label, row, test.sum())
    _line("pooled", totals, len(y))


def _line(label: str, row: tuple[float, ...] | np.ndarray, count: int) -> None:
    print(f"{label:7} {row[0] / count:.3f} -> {row[1] / count:.3f} {row[2]:4.0f} -> {row[3]:3.0f}"
          f" {row[4] / max(row[2], 1):.3f} -> {row[5] / max(row[3], 1):.3f}")


def write(scale: float, shift: float, fitted_on: list[str], count: int) -> None:
    header = textwrap.dedent(f"""\
        # Confidence on news first seen (extract/scoring.py): the probability the confidence model
        # gives (confidence.yaml, after its factors) becomes sigmoid(scale * logit(p) + shift).
        # The model is fitted on DEV rounds that also shaped the rules and the lexicon, and on new
        # articles it was surer than it was right. Written by scripts/fresh_calibration.py: fitted on
        # {count} candidate events (neither negated nor hypothetical) of the DEV rounds
        # {", ".join(fitted_on)}, each coded by the commit that drew it, before its gold existed, and
        # graded right in type and actor by `newsevents eval news`'s rules. Do not edit by hand.
        """)
    body = {"scale": round(scale, 4), "shift": round(shift, 4), "rounds": fitted_on}
    CALIBRATION_FILE.write_text(header + yaml.safe_dump(body, sort_keys=False), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, help="the shared eval folder (default: the nearest)")
    parser.add_argument("--recode", action="store_true", help="code the rounds again with their commits")
    parser.add_argument("--dry-run", action="store_true", help="do not write fresh_calibration.yaml")
    args = parser.parse_args()
    if args.recode or not CANDIDATES.exists():
        eval_dir = eval_dir_or_exit(args.eval_dir)
        rows = []
        for label, commit in FIRST_SEEN:
            rows += code_round(label, commit, eval_dir)
            print(f"{label}: coded by {commit}", file=sys.stderr)
        with CANDIDATES.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter="\t", lineterminator="\n").writerows([COLUMNS, *rows])
    candidates = read_candidates()
    order = [label for label, _ in FIRST_SEEN]
    held_out(candidates, order)
    fitted_on = order[-FIT:]
    chosen = [c for c in candidates if c.round in fitted_on]
    scale, shift = fit(np.array([c.confidence for c in chosen]), np.array([c.right for c in chosen], float))
    print(f"fitted on {', '.join(fitted_on)} ({len(chosen)} candidates): scale {scale:.4f} shift {shift:.4f}")
    if not args.dry_run:
        write(scale, shift, fitted_on, len(chosen))


if __name__ == "__main__":
    main()
