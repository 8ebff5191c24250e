"""How often events are right by confidence band on the DEV news gold set (developers only).

``newsevents eval news`` grades what is published (confidence >= 0.5); this grades every event
that is neither negated nor hypothetical, whatever its confidence, with the same matching and
field rules (newsevents.eval.news), and prints per band how many there are, how many match a
gold event, and the share right in type and in actor. The weights of
ontology/data/confidence.yaml are fitted by scripts/train_confidence.py (the probability of
right in type and actor); this shows how that reads by band. DEV only: TEST is for reported
figures, never for setting weights.

    PYTHONPATH=src python scripts/confidence_bands.py [--eval-dir DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsevents.eval import news
from newsevents.eval.news_gold import SPLITS
from newsevents.eval.news_texts import eval_dir_or_exit
from newsevents.pipeline import Pipeline

BANDS = ((0.0, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def graded_events(folder: Path) -> list[tuple[float, dict[str, bool | None], bool]]:
    """(confidence, field grades, matched) for every DEV event that did not fail to happen."""
    articles = news.load_gold(folder, SPLITS["dev"].gold_dir)
    found = []
    for item, events in news._coded(articles, Pipeline()):
        for event in events:
            if event.negated or event.hypothetical:
                continue
            gold = news.match(event, item.gold["events"])
            found.append((event.confidence, news.grade(event, gold), gold is not None))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=None, help="the shared eval folder")
    args = parser.parse_args()
    folder = eval_dir_or_exit(args.eval_dir)
    found = graded_events(folder)
    print(f"{'band':>12} {'events':>7} {'matched':>8} {'type':>6} {'actor':>6}")
    for low, high in BANDS:
        band = [(right, matched) for confidence, right, matched in found if low <= confidence < high]
        if not band:
            continue
        share = {name: sum(bool(r[name]) for r, _ in band) / len(band) for name in ("type", "actor")}
        print(f"[{low:.1f}, {min(high, 1.0):.1f}) {len(band):7d} {sum(m for _, m in band):8d} "
              f"{share['type']:6.3f} {share['actor']:6.3f}")


if __name__ == "__main__":
    main()
