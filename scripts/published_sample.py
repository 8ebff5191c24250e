"""Code a seeded random sample of real news from ../shared/eval and list what we would publish.

Published = confidence >= 0.5, not negated, not hypothetical. The pool is the ECB+
documents, the LGL and GeoWebNews articles and the TimeBank documents; the articles
drawn for the hand-annotated gold set (eval/data/news_sample.tsv, on main or on the
gold-protocol branch) are left out. One JSON line per published event, so two runs
can be compared with ``--compare OLD.jsonl``::

    PYTHONPATH=src python scripts/published_sample.py --n 60 --seed 11 > after.jsonl
    PYTHONPATH=src python scripts/published_sample.py --compare before.jsonl after.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from train_confidence import UNANNOTATED

from newsevents.eval.news_texts import find_eval_dir
from newsevents.records import Article

ROOT = Path(__file__).resolve().parents[1]
GOLD_SAMPLE = "src/newsevents/eval/data/news_sample.tsv"
DEV_SAMPLE = "src/newsevents/eval/data/news_sample_dev.tsv"


def gold_ids(repo: Path) -> set[str]:
    """Ids of the test gold set (first column; from the tree or the gold-protocol branch) and of
    the dev articles held out of every fit (train_confidence.UNANNOTATED: being annotated blind, or
    kept to score a session's code)."""
    path = repo / GOLD_SAMPLE
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if not text:
        shown = subprocess.run(["git", "-C", str(repo), "show", f"gold-protocol:{GOLD_SAMPLE}"],
                               capture_output=True, text=True, check=False)
        text = shown.stdout
    found = {line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")}
    dev = repo / DEV_SAMPLE
    rows = dev.read_text(encoding="utf-8").splitlines() if dev.exists() else []
    return found | {r.split("\t")[0] for r in rows if r.split("\t")[-1].strip() in UNANNOTATED}


def pool(folder: Path) -> list[Article]:
    """Every real news text of the eval folder, as articles with ids like ``lgl:<docid>``."""
    found = []
    for line in (folder / "ecbplus" / "ecbplus_docs.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        found.append(Article(id=f"ecbplus:{row['doc']}", date=None, text=row["text"]))
    for name, attr in (("lgl", "docid"), ("gwn", "file")):
        root = ET.parse(folder / "geo" / ("lgl.xml" if name == "lgl" else "GWN.xml")).getroot()
        for article in root.iter("article"):
            text = article.findtext("text") or ""
            found.append(Article(id=f"{name}:{article.get(attr)}", date=None, text=text))
    for line in (folder / "timebank" / "tbaq_docs.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        found.append(Article(id=f"timebank:{row['doc']}", date=date.fromisoformat(row["dct"][:10]),
                             text=row["text"]))
    return found


def published(event: dict) -> bool:
    return event["confidence"] >= 0.5 and not event["negated"] and not event["hypothetical"]


def row(event: dict, text: str) -> dict:
    start, end = event["sentence"]["span"]
    place = event.get("location") or {}
    return {
        "article": event["article_id"], "type": event["event_type"], "trigger": event["trigger"]["text"],
        "span": event["trigger"]["span"], "confidence": event["confidence"],
        "actor": [[a["text"], a.get("country"), a.get("sector")] for a in event["actor"]],
        "recipient": [[a["text"], a.get("country"), a.get("sector")] for a in event["recipient"]],
        "place": [place.get("text"), place.get("name"), place.get("country_code")] if place else None,
        "date": [event.get("date"), event.get("date_text"), event.get("historical")],
        "published": published(event), "sentence": " ".join(text[start:end].split())[:300],
        "reason": event.get("off_topic"),
    }


def code(args: argparse.Namespace) -> None:
    from newsevents.pipeline import Pipeline

    if args.eval_dir is None:
        raise SystemExit("no shared/eval folder beside the repo or above it: pass --eval-dir")
    skip = gold_ids(ROOT)
    articles = [a for a in pool(args.eval_dir) if a.id not in skip and a.text.strip()]
    sample = random.Random(args.seed).sample(articles, args.n)
    pipeline = Pipeline()
    failed = []
    for article in sample:
        try:
            coded = next(pipeline.extract([article]))
        except RecursionError:  # a known parser-depth bug (issue of the robust helper): note and go on
            failed.append(article.id)
            continue
        for event in coded.events:
            print(json.dumps(row(event.to_dict(), coded.article.text)))
    print(f"{len(sample)} articles ({len(skip)} gold ids left out); failed: {failed}", file=sys.stderr)


def compare(old_path: Path, new_path: Path) -> None:
    """Published events that appear, disappear or change type between two runs."""
    def load(path: Path) -> dict[tuple, dict]:
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        return {(r["article"], tuple(r["span"])): r for r in rows}

    old, new = load(old_path), load(new_path)
    moved = 0
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        was, now = bool(a and a["published"]), bool(b and b["published"])
        if not (was or now):
            continue
        fields = ("type", "actor", "recipient", "place", "date")
        if was and now and all(a.get(f) == b.get(f) for f in fields):
            continue
        moved += 1
        shown = b or a
        print(f"{'-' if was and not now else '+' if now and not was else '~'} {key[0]} "
              f"{shown['type']} '{shown['trigger']}' {shown.get('reason') or ''}")
        if was and now:
            for f in fields:
                if a.get(f) != b.get(f):
                    print(f"    {f}: {a.get(f)} -> {b.get(f)}")
        print(f"    | {shown['sentence']}")
    total_old = sum(r["published"] for r in old.values())
    total_new = sum(r["published"] for r in new.values())
    print(f"published {total_old} -> {total_new}; moved {moved}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--eval-dir", type=Path, default=find_eval_dir(ROOT),
                        help="the shared eval folder (default: the nearest shared/eval above the repo)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
    else:
        code(args)


if __name__ == "__main__":
    main()
