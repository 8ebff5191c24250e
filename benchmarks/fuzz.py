"""Fuzz `extract` and `ingest`: generated hostile articles and every labelled document.

Generated articles mix news words, pronouns, quotations (straight, curly, nested, unclosed),
relative clauses, numbers, dates, markup, control characters and lone surrogates, at
lengths from a few words to 20 KB, with publication dates that include year 1, year 9999
and none. They go through the readers (as one JSONL file, with ``\\uXXXX`` escapes, and
as dated text files) and then, one article at a time, through ``Pipeline.code`` with
quotes; the coded articles are stored with ``ingest_coded`` in a fresh DuckDB store. The
documents of ../shared/eval (ECB+, LGL, GeoWebNews, TimeBank, CASE 2021, PLOVER GSR; each
skipped when absent) go through the same steps.

A crash is an exception that escapes a reader, the coder or the store, or an article the
guard had to turn into a CodingError (E007: a stage failed on it). A bad span is a
record whose span does not hold its text. Input errors (E00x) on garbage are expected
and only counted. It prints crashes, bad spans, the cost in seconds per KB (wall clock and
this process's CPU time), the articles of up to 20 KB (by characters or bytes) that took
over 2 s of CPU, and the slowest articles by CPU time, overall and of up to 20 KB.

    python benchmarks/fuzz.py --articles 10000 --seed 1
    python benchmarks/fuzz.py --articles 0            # the labelled documents only
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from newsevents.errors import CodingError, InputError
from newsevents.ingest import read_articles
from newsevents.pipeline import Pipeline, ingest_coded
from newsevents.records import Article, CodedArticle
from newsevents.store import open_store

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"

ACTORS = ["Police", "The army", "Rebels", "Protesters", "The ministry", "Russia", "Ukraine", "the UN",
          "Hamas", "President Ruto", "Mr. Balogun", "the Foreign Ministry spokeswoman Mao Ning",
          "One of us", "Some of them", "Five of the soldiers", "Serbs", "Nigerian troops", "China's navy"]
PRONOUNS = ["he", "she", "it", "they", "we", "I", "us", "them", "him", "her", "its", "their", "our", "my"]
VERBS = ["attacked", "arrested", "said", "told", "denied", "accused", "met", "shelled", "protested",
         "agreed", "threatened", "killed", "injured", "rejected", "demanded", "fled", "signed", "warned"]
OBJECTS = ["the town", "five men", "the convoy", "a deal", "the embassy", "dozens of people",
           "the border", "three journalists", "the ceasefire", "its army", "their leaders"]
DATES = ["yesterday", "on Monday", "last week", "next year", "in January", "three weeks ago",
         "on March 5", "in 1997", "this morning", "last June", "the third quarter", "on Christmas",
         "two years ago", "tomorrow", "last month", "in the 1990s", "on 31 February", "9999 years ago"]
NUMBERS = ["5", "12", "hundreds", "at least 40", "1,000,000", "99999999999999999999", "-3", "3.5",
           "dozens", "0", "1e400", "two", "a dozen"]
MARKUP = ["<b>", "</b>", "<!---->", "[/red]", "[bold]", "&amp;", "<script>", "{", "}", "\\", "``", "''",
          "# ", "* ", "|", "http://x.org/a?b=c", "@user", "#tag"]
CONTROL = ["\x00", "\x07", "\x1b[31m", "\r", "\t", "\x0c", "\x85", "\u2028", "\u2029", "\u200b", "\ufeff",
           "\ud800", "\udfff", "\U0001f600", "\u202e", "\n", "\n\n"]
QUOTES = ['"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "'"]
SPEECH = ["said", "told reporters", "added", "claimed", "denied", "warned"]
EXTREME_DATES = [date(1, 1, 1), date(1, 1, 3), date(9999, 12, 31), date(9999, 12, 25), None]


@dataclass
class Tally:
    articles: int = 0
    coded: int = 0
    input_errors: int = 0
    chars: int = 0
    seconds: float = 0.0
    cpu: float = 0.0
    crashes: list[str] = field(default_factory=list)
    bad_spans: list[str] = field(default_factory=list)
    slowest: list[tuple[float, float, int, str]] = field(default_factory=list)  # cpu, wall, chars, id
    slowest_small: list[tuple[float, float, int, str]] = field(default_factory=list)  # those up to 20 KB
    over_2s: list[str] = field(default_factory=list)


SMALL = 20 * 1024  # "up to 20 KB": 20,480 characters or bytes


def up_to_20kb(text: str) -> bool:
    """At most 20 KB by characters or by UTF-8 bytes, the reading that counts the most articles.
    A text never has fewer bytes than characters, so this is the character count."""
    return len(text) <= SMALL


def keep_slowest(slowest: list[tuple[float, float, int, str]], item: tuple[float, float, int, str]) \
        -> list[tuple[float, float, int, str]]:
    """The ten slowest by CPU time, slowest first."""
    return sorted([*slowest, item], reverse=True)[:10]


def sentence(rng: random.Random) -> str:
    """One sentence-like piece: a clause, a quotation, a relative clause, or noise."""
    kind = rng.random()
    actor = rng.choice(ACTORS + PRONOUNS)
    clause = f"{actor} {rng.choice(VERBS)} {rng.choice(OBJECTS + PRONOUNS)} {rng.choice(DATES)}"
    if kind < 0.25:
        return clause + rng.choice([".", ".", "!", "?", ";", ""])
    if kind < 0.45:
        open_, close = rng.choice(QUOTES), rng.choice(QUOTES)
        return f'{open_}{clause},{close} {rng.choice(PRONOUNS + ACTORS)} {rng.choice(SPEECH)}.'
    if kind < 0.55:
        chain = " ".join(f"who {rng.choice(VERBS)} {rng.choice(OBJECTS)}" for _ in range(rng.randint(1, 30)))
        return f"The man {chain} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
    if kind < 0.62:
        said = " ".join(f"{rng.choice(PRONOUNS)} said" for _ in range(rng.randint(1, 60)))
        return f"{said} {clause}."
    if kind < 0.68:
        depth = rng.randint(1, 20)
        return "".join(f'{rng.choice(ACTORS)} said {rng.choice(QUOTES)}' for _ in range(depth)) + clause
    if kind < 0.75:
        return f"{rng.choice(NUMBERS)} {rng.choice(['people', 'were killed', 'arrested', 'percent'])} " \
               f"{rng.choice(DATES)}, according to {rng.choice(ACTORS)}."
    if kind < 0.85:
        return "".join(rng.choice(MARKUP + CONTROL + [" ", clause]) for _ in range(rng.randint(1, 12)))
    if kind < 0.92:
        return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 80)))
    return f"{clause} and {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(DATES)}, {actor} said."


def generate(rng: random.Random, number: int) -> Article:
    """One article of a length drawn from short (80%), medium (17%) and long (3%, to 20 KB)."""
    roll = rng.random()
    target = rng.randint(40, 1000) if roll < 0.8 else rng.randint(1000, 5000) if roll < 0.97 \
        else rng.randint(5000, 20000)
    parts: list[str] = []
    size = 0
    repeat = rng.random() < 0.05  # one shape over and over ("he said he said ...")
    piece = sentence(rng)
    while size < target:
        text = piece if repeat else sentence(rng)
        parts.append(text)
        size += len(text) + 1
    text = rng.choice([" ", "\n", "\n\n", " "]).join(parts)[:20000] or "x"
    published = rng.choice(EXTREME_DATES) if rng.random() < 0.1 else \
        date(2020, 1, 1) + timedelta(days=rng.randint(0, 2000))
    return Article(id=f"gen-{number}", date=published, text=text)


def labelled(folder: Path) -> Iterator[Article]:
    """Every document of the labelled sets that is there, as an article."""
    for name in ("ecbplus/ecbplus_docs.jsonl", "timebank/tbaq_docs.jsonl"):
        path = folder / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                dct = row.get("dct")
                yield Article(id=f"{path.parent.name}-{row['doc']}",
                              date=date.fromisoformat(str(dct)[:10]) if dct else date(2015, 1, 1),
                              text=row["text"])
    geo = folder / "geo"
    if geo.exists():
        from newsevents.eval.geo import load_gold as load_geo

        for corpus, docs in load_geo(geo).items():
            for doc in docs:
                if doc.text.strip():
                    yield Article(id=f"{corpus}-{doc.id}", date=date(2015, 1, 1), text=doc.text)
    case = folder / "case2021" / "case2021_task2_dev.tsv"
    if case.exists():
        with case.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                yield Article(id=f"case2021-{row['id']}", date=None, text=row["EventSnippet"])
    gsr = folder / "plover_gsr"
    if gsr.exists():
        from newsevents.eval.plover_gsr import load_gold as load_gsr

        for record in load_gsr(gsr):
            yield Article(id=f"gsr-{record.id}", date=date(2020, 1, 1), text=record.text)


def through_readers(articles: list[Article], folder: Path, tally: Tally) -> list[Article]:
    """The articles as ``newsevents ingest`` reads them: one JSONL file (``\\uXXXX`` escapes, so
    lone surrogates reach the reader) and every tenth one also as a dated text file."""
    jsonl = folder / "articles.jsonl"
    with jsonl.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article.to_dict()) + "\n")
    for article in articles[::10]:
        header = f" date {article.date.isoformat()} " if article.date else ""
        raw = (header + article.text).encode("utf-8", "surrogatepass")  # invalid UTF-8: an E002
        (folder / f"{article.id}.txt").write_bytes(raw)
    read: list[Article] = []
    try:
        for item in read_articles([str(folder)]):
            if isinstance(item, InputError):
                tally.input_errors += 1
            else:
                read.append(item)
    except Exception as exc:
        tally.crashes.append(f"readers: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
    return [a for a in read if a.id in {b.id for b in articles}]


def check_spans(coded: CodedArticle) -> list[str]:
    """Records whose span does not hold their text (or lies outside the article)."""
    text, bad = coded.article.text, []

    def inside(span: tuple[int, int] | None, shown: str | None, what: str) -> None:
        if span is None:
            return
        start, end = span
        if not 0 <= start <= end <= len(text) or (shown is not None and text[start:end] != shown):
            bad.append(f"{coded.article.id}: {what} {span} {shown!r:.60}")

    for event in coded.events:
        inside(event.trigger.span, event.trigger.text, "trigger")
        inside(event.sentence.span, None, "sentence")
        inside(event.date_span, event.date_text, "date")
        for actor in event.actor + event.recipient:
            inside(actor.span, actor.text, "actor")
        if event.location is not None:
            inside(event.location.span, event.location.text, "location")
        if event.size is not None:
            inside(event.size.span, None, "size")
    for quote in coded.quotes:
        inside(quote.span, quote.text, "quote")
        inside(quote.verb_span, quote.verb, "verb")
        if quote.speaker is not None:
            inside(quote.speaker.span, quote.speaker.text, "speaker")
    return bad


def run(articles: list[Article], pipeline: Pipeline, store_path: Path, tally: Tally, label: str) -> None:
    """Read, code one at a time (timed), check spans, store."""
    with tempfile.TemporaryDirectory() as folder:
        read = through_readers(articles, Path(folder), tally)
    coded_ok: list[CodedArticle] = []
    for article in read:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            result = next(pipeline.code([article], quotes=True))
        except Exception as exc:
            tally.crashes.append(f"{article.id}: escaped the guard: {type(exc).__name__}: {exc}")
            continue
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        tally.articles += 1
        tally.chars += len(article.text)
        tally.seconds += wall
        tally.cpu += cpu
        timing = (cpu, wall, len(article.text), article.id)
        tally.slowest = keep_slowest(tally.slowest, timing)
        if up_to_20kb(article.text):
            tally.slowest_small = keep_slowest(tally.slowest_small, timing)
        if up_to_20kb(article.text) and cpu > 2.0:
            tally.over_2s.append(f"{article.id}: {len(article.text)} chars, {cpu:.2f} s CPU, "
                                 f"{wall:.2f} s wall")
        if isinstance(result, CodingError):
            tally.crashes.append(str(result))
            continue
        tally.coded += 1
        tally.bad_spans += check_spans(result)
        coded_ok.append(result)
        if tally.articles % 500 == 0:
            print(f"  {label}: {tally.articles} articles, {len(tally.crashes)} crashes, "
                  f"{tally.cpu / max(tally.chars / 1000, 1e-9):.3f} s CPU/KB", flush=True)
    try:
        with open_store(store_path) as store:
            report = ingest_coded(coded_ok, store)
        if report.rejected:
            tally.crashes += [f"store rejected {i}: {r}" for i, r in report.rejected]
    except Exception as exc:
        tally.crashes.append(f"store: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")


def show(label: str, tally: Tally) -> None:
    kb = max(tally.chars / 1000, 1e-9)
    print(f"\n== {label}: {tally.articles} articles ({tally.chars / 1e6:.2f} MB), {tally.coded} coded, "
          f"{tally.input_errors} input errors (E00x), {len(tally.crashes)} crashes, "
          f"{len(tally.bad_spans)} bad spans")
    print(f"   cost: {tally.seconds / kb:.3f} s/KB wall, {tally.cpu / kb:.3f} s/KB CPU; "
          f"articles of up to 20 KB over 2 s CPU: {len(tally.over_2s)}")
    for line in tally.crashes[:20] + tally.bad_spans[:20] + tally.over_2s[:20]:
        print("   !", line)
    for title, slowest in (("slowest", tally.slowest), ("slowest of up to 20 KB", tally.slowest_small)):
        print(f"   {title} (CPU s, wall s, chars, id):")
        for cpu, wall, chars, ident in slowest[:5]:
            print(f"     {cpu:6.2f} {wall:6.2f} {chars:7d} {ident}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles (0: none)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=500, help="articles read and stored at a time")
    parser.add_argument("--eval", type=Path, default=EVAL, help="the labelled sets (default ../shared/eval)")
    parser.add_argument("--no-eval", action="store_true", help="skip the labelled documents")
    parser.add_argument("--part", default="1/1", help="K/N: only every N-th labelled document from the K-th "
                        "(run the N parts in parallel)")
    parser.add_argument("--minutes", type=float, default=None,
                        help="stop generating after this long and report what was reached")
    args = parser.parse_args()
    pipeline = Pipeline()
    pipeline.gazetteer  # noqa: B018 (load it before timing)
    rng = random.Random(args.seed)
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        if args.articles:
            tally = Tally()
            stop = time.monotonic() + 60 * args.minutes if args.minutes else None
            for start in range(0, args.articles, args.chunk):
                if stop is not None and time.monotonic() > stop:
                    print(f"  stopped after {args.minutes:g} minutes", flush=True)
                    break
                batch = [generate(rng, n) for n in range(start, min(start + args.chunk, args.articles))]
                run(batch, pipeline, Path(folder) / "generated.duckdb", tally, "generated")
            show(f"generated (seed {args.seed})", tally)
            failed |= bool(tally.crashes or tally.bad_spans)
        if not args.no_eval:
            tally = Tally()
            part, parts = (int(n) for n in args.part.split("/"))
            documents = list(labelled(args.eval))[part - 1::parts]
            for start in range(0, len(documents), args.chunk):
                chunk = documents[start:start + args.chunk]
                run(chunk, pipeline, Path(folder) / "eval.duckdb", tally, "eval")
            show(f"documents of {args.eval} (part {args.part})", tally)
            failed |= bool(tally.crashes or tally.bad_spans)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
