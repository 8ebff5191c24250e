"""Load on ``newsevents serve``: requests/s and latency of the main endpoints on a big store.

Builds a store of --events generated events with benchmarks/store.py's generator (or
reuses --db if that file exists), starts ``newsevents serve`` on it as a subprocess on
a free loopback port, then from this process fires requests at one endpoint at a time
from --clients threads (each with its own keep-alive connection) for --seconds, with
parameters varied per request (types, countries, months, article ids drawn from the
store). Latency is wall-clock time per request as the client sees it (HTTP, JSON and
all); p50/p95 over every request of the endpoint, after one warm-up request whose time
is shown apart ("first"). A request is "cold" when its URL had not been asked since the
server started (the warm-up is one): the server's memory of answers cannot help it, so
it is what a user changing a filter waits for; "cold" columns are over those alone (an
endpoint with one URL, such as the whole-store network, has one cold request: its first).
Before the load, --cold URLs of each endpoint are asked one at a time (or --together at a
time, from as many client threads), and the server's CPU time per request is read from
/proc with the wall time: on a machine shared with other work the wall time follows the
load, the CPU time much less.

    python benchmarks/serve_load.py --events 200000
    python benchmarks/serve_load.py --db /tmp/big.duckdb --keep   # build once, rerun later
    python benchmarks/serve_load.py --db /tmp/big.duckdb --only network --only actors
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import store as bench  # benchmarks/store.py: the generated corpus

from newsevents.store.duckdb import Store

Url = Callable[[random.Random], str]


def build(path: Path, events: int, n_stories: int) -> None:
    gen = bench.Generator()
    t0 = time.perf_counter()
    with Store(path) as store:
        report = store.add(gen.articles(events))
        seconds = time.perf_counter() - t0
        print(f"built: {report.events} events, {len(report.added)} articles in {seconds:.0f}s", flush=True)
        if n_stories:
            written, seconds = bench.stories(store, n_stories, random.Random(11))
            print(f"built: {written} stories in {seconds:.0f}s", flush=True)


def sample(path: Path) -> dict[str, list[str]]:
    """Values to vary the requests with, read from the store (then closed for the server)."""
    with Store(path, read_only=True) as store:
        articles = store.sql("SELECT id FROM articles USING SAMPLE 500 ROWS (reservoir, 3)")["id"].tolist()
        countries = store.sql(
            "SELECT c FROM (SELECT unnest(actor_countries) AS c FROM events) GROUP BY c "
            "ORDER BY count(*) DESC LIMIT 20")["c"].tolist()
        bounds = store.sql("SELECT min(date)::VARCHAR AS lo, max(date)::VARCHAR AS hi FROM events")
    first, last = date.fromisoformat(bounds["lo"][0]), date.fromisoformat(bounds["hi"][0])
    months = []
    day = first.replace(day=1)
    while day <= last:
        months.append(day.isoformat())
        day = (day + timedelta(days=32)).replace(day=1)
    return {"articles": articles, "countries": countries, "months": months}


def endpoints(values: dict[str, list[str]]) -> list[tuple[str, Url]]:
    kinds = ("CONSULT", "ACCUSE", "ASSAULT", "PROTEST", "SUPPORT", "AGREE", "REQUEST", "COERCE")  # common

    def month(rng: random.Random) -> str:
        start = date.fromisoformat(rng.choice(values["months"]))
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return f"from={start}&to={end}"

    def country(rng: random.Random) -> str:
        return f"actor_country={rng.choice(values['countries'])}"

    def page(rng: random.Random) -> str:  # the dashboard's pages of 25
        return f"limit=25&offset={rng.randrange(0, 200) * 25}"

    published = "min_confidence=0.5"  # what the dashboard opens on
    return [
        ("events type", lambda r: f"/api/events?type={r.choice(kinds)}"),
        ("events country+month", lambda r: f"/api/events?{country(r)}&{month(r)}"),
        ("events published", lambda r: f"/api/events?{published}&{page(r)}"),
        ("stories", lambda r: f"/api/stories?offset={r.randrange(0, 200) * 50}"),
        ("stories published", lambda r: f"/api/stories?{published}&{page(r)}"),
        ("stories country", lambda r: f"/api/stories?{country(r)}&limit=25"),
        ("timeline month", lambda r: "/api/timeline?bucket=month"),
        ("timeline published", lambda r: f"/api/timeline?bucket=month&{published}"),
        ("timeline type, week", lambda r: f"/api/timeline?bucket=week&type={r.choice(kinds)}"),
        ("timeline country", lambda r: f"/api/timeline?bucket=month&{country(r)}&{published}"),
        ("map", lambda r: "/api/map"),
        ("map published", lambda r: f"/api/map?{published}"),
        ("map country", lambda r: f"/api/map?{country(r)}&{published}"),
        ("network", lambda r: "/api/network"),
        ("network published", lambda r: f"/api/network?{published}"),
        ("network type", lambda r: f"/api/network?type={r.choice(kinds)}"),
        ("network country", lambda r: f"/api/network?{country(r)}"),
        ("network country+month", lambda r: f"/api/network?{country(r)}&{month(r)}&{published}"),
        ("actors", lambda r: "/api/actors"),
        ("actors type", lambda r: f"/api/actors?type={r.choice(kinds)}"),
        ("actors country", lambda r: f"/api/actors?{country(r)}&{published}"),
        ("totals", lambda r: "/api/totals"),
        ("totals published", lambda r: f"/api/totals?{published}"),
        ("totals type+month", lambda r: f"/api/totals?type={r.choice(kinds)}&{month(r)}"),
        ("totals country+month", lambda r: f"/api/totals?{country(r)}&{month(r)}&{published}"),
        ("threads", lambda r: f"/api/threads?offset={r.randrange(0, 100) * 50}"),
        ("threads month", lambda r: f"/api/threads?{month(r)}"),
        ("article by id", lambda r: f"/api/articles/{r.choice(values['articles'])}"),
        ("meta", lambda r: "/api/meta"),
    ]


def select(named: list[tuple[str, Url]], only: list[str]) -> list[tuple[str, Url]]:
    """The endpoints whose name starts with one of ``only`` (all when it is empty)."""
    return [(name, url) for name, url in named if not only or any(name.startswith(w) for w in only)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(path: Path, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "newsevents.cli", "serve", "--db", str(path), "--port", str(port),
         "--log-level", "warning"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=5).raise_for_status()
            return process
        except httpx.HTTPError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the server did not answer within 120 s")


def load(
    base: str, url: Url, clients: int, seconds: float, asked: set[str]
) -> tuple[list[tuple[float, bool]], int]:
    """Latency (s) of every request and whether it was cold (its URL not in ``asked``,
    which collects the URLs asked), and the number of failed requests."""
    latencies: list[tuple[float, bool]] = []
    failed = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(seed: int) -> None:
        nonlocal failed
        rng = random.Random(seed)
        mine: list[tuple[float, bool]] = []
        bad = 0
        with httpx.Client(base_url=base, timeout=120) as http:
            while time.monotonic() < stop:
                path = url(rng)
                with lock:
                    cold = path not in asked
                    asked.add(path)
                t0 = time.perf_counter()
                response = http.get(path)
                response.read()
                mine.append((time.perf_counter() - t0, cold))
                bad += response.status_code != 200
        with lock:
            latencies.extend(mine)
            failed += bad

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, failed


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux /proc), all its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cold_phase(
    base: str, pid: int, url: Url, n: int, asked: set[str], together: int = 1
) -> list[tuple[float, float]]:
    """Up to ``n`` URLs not asked before, ``together`` at a time (one client thread each): (wall s,
    server CPU s) of each, the CPU of a group shared evenly among its requests. The CPU the server
    spent on a request hardly depends on what else the machine runs, unlike its wall time on a
    shared machine; with ``together`` > 1 the wall times show how much cold requests asked at the
    same moment hold each other up."""
    rng = random.Random(1)
    paths: list[str] = []
    for _ in range(20 * n):
        if len(paths) == n:
            break
        path = url(rng)
        if path not in asked:
            asked.add(path)
            paths.append(path)
    out: list[tuple[float, float]] = []
    with httpx.Client(base_url=base, timeout=300) as http:
        for start in range(0, len(paths), together):
            group = paths[start:start + together]
            walls: list[float] = []

            def ask(path: str, walls: list[float]) -> None:
                t0 = time.perf_counter()
                http.get(path).raise_for_status()
                walls.append(time.perf_counter() - t0)

            threads = [threading.Thread(target=ask, args=(p, walls)) for p in group]
            c0 = cpu_seconds(pid)
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            spent = (cpu_seconds(pid) - c0) / len(group)
            if len(walls) != len(group):
                raise SystemExit(f"a cold request failed: {group}")
            out += [(w, spent) for w in walls]
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--stories", type=int, default=None, help="Stories to write (default: events / 10).")
    parser.add_argument("--db", type=Path, default=None, help="Store to reuse, or to build if missing.")
    parser.add_argument("--keep", action="store_true", help="Keep a store built in a temp dir.")
    parser.add_argument("--clients", type=int, default=4, help="Concurrent client threads.")
    parser.add_argument("--seconds", type=float, default=10.0, help="Load time per endpoint.")
    parser.add_argument("--cold", type=int, default=8,
                        help="Cold requests per endpoint asked one at a time first (fewer when the "
                             "endpoint has fewer distinct URLs).")
    parser.add_argument("--together", type=int, default=1,
                        help="Cold requests asked at once (2: two users changing filters together).")
    parser.add_argument("--only", action="append", default=[], metavar="WORDS",
                        help="Run the endpoints whose name starts with WORDS (\"network type\"); repeatable.")
    args = parser.parse_args()
    if not select(endpoints({"articles": [], "countries": [], "months": []}), args.only):
        parser.error(f"--only matches no endpoint: {', '.join(args.only)}")

    tmp = None
    if args.db is None:
        tmp = Path(tempfile.mkdtemp(prefix="newsevents-serve-"))
        args.db = tmp / "bench.duckdb"
    try:
        if args.db.exists():
            print(f"reusing {args.db}", flush=True)
        else:
            stories = args.events // 10 if args.stories is None else args.stories
            build(args.db, args.events, stories)
        values = sample(args.db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(args.db, port)
        try:
            counts = httpx.get(f"{base}/api/meta", timeout=60).json()["counts"]
            print(f"serving {counts}; {args.clients} clients, {args.seconds:.0f}s per endpoint", flush=True)
            asked: set[str] = set()
            colds = {}
            for name, url in select(endpoints(values), args.only):
                colds[name] = cold_phase(base, server.pid, url, args.cold, asked, args.together)
                walls = [w * 1000 for w, _ in colds[name]]
                cpus = [c * 1000 for _, c in colds[name]]
                print(f"{name}: {len(walls)} cold, {args.together} at a time: "
                      f"wall p50 {statistics.median(walls):.0f} p95 {p95(walls):.0f} ms, "
                      f"server CPU p50 {statistics.median(cpus):.0f} p95 {p95(cpus):.0f} ms", flush=True)
            results = []
            for name, url in select(endpoints(values), args.only):
                path = url(random.Random(0))
                asked.add(path)
                t0 = time.perf_counter()
                httpx.get(base + path, timeout=300).raise_for_status()  # warm-up
                first = time.perf_counter() - t0
                timed, failed = load(base, url, args.clients, args.seconds, asked)
                every = [t for t, _ in timed]
                cold = [first] + [t for t, c in timed if c]
                row = (name, len(every), len(every) / args.seconds, statistics.median(every) * 1000,
                       p95(every) * 1000, first * 1000, len(cold), statistics.median(cold) * 1000,
                       p95(cold) * 1000, failed)
                results.append(row)
                print(f"{name}: {row[1]} requests, {row[2]:.1f}/s, p50 {row[3]:.0f} ms, p95 {row[4]:.0f} ms, "
                      f"first {row[5]:.0f} ms, {row[6]} cold: p50 {row[7]:.0f} ms, p95 {row[8]:.0f} ms, "
                      f"{failed} failed", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=60)
        print()
        print(f"store: {counts['events']} events, {counts['articles']} articles, "
              f"{counts['stories']} stories; {args.clients} concurrent clients")
        print(f"{'endpoint':<24} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'first ms':>9} "
              f"{'cold':>6} {'cold p50':>9} {'cold p95':>9} {'failed':>7}")
        for name, n, rate, p50, p95_, first, n_cold, cold50, cold95, failed in results:
            print(f"{name:<24} {n:>9} {rate:>8.1f} {p50:>8.0f} {p95_:>8.0f} {first:>9.0f} "
                  f"{n_cold:>6} {cold50:>9.0f} {cold95:>9.0f} {failed:>7}")
        print()
        print(f"cold requests {args.together} at a time (URLs not asked before), {args.cold} per endpoint")
        print(f"{'endpoint':<24} {'n':>4} {'wall p50':>9} {'wall p95':>9} {'cpu p50':>8} {'cpu p95':>8}")
        for name, timed in colds.items():
            walls, cpus = [w * 1000 for w, _ in timed], [c * 1000 for _, c in timed]
            print(f"{name:<24} {len(walls):>4} {statistics.median(walls):>9.0f} {p95(walls):>9.0f} "
                  f"{statistics.median(cpus):>8.0f} {p95(cpus):>8.0f}")
    finally:
        if args.keep:
            print(f"kept {args.db}")
        elif tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
