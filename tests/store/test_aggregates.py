"""The network and actor tables, read the fast way, give what each event's own parties say.

A random store (seeded) of events with zero to three actors and recipients: countries with and
without sectors, proper names, pronouns, common nouns, the same name with and without a
country. Each aggregate is compared, filter by filter, with an answer worked out here in
Python from the ``parties`` rows of every filtered event (``test_parties.py`` checks those
against the records), so a shortcut the SQL takes (pairs read from the event's columns,
links chosen before they are typed) cannot change an answer.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from builders import event

from newsevents.records import Actor, Article, CodedArticle, Story
from newsevents.store import Store, aggregates, open_store
from newsevents.store.queries import Filters, event_where, events_from

TYPES = ("CONSULT", "ACCUSE", "ASSAULT", "PROTEST", "AID")
PARTIES = [  # (text, name, country, sector); a name keeps one country and sector, so labels have one mode
    ("the police", None, "NGA", "COP"), ("Police", "Police", "NGA", "COP"), ("soldiers", None, "NGA", "MIL"),
    ("Kyiv", None, "UKR", None), ("the ministry", None, "UKR", "GOV"), ("Moscow", None, "RUS", "GOV"),
    ("he", None, None, None), ("He", "Balogun", None, None), ("people", None, None, "CVL"),
    ("Leaders of the African Union", "Leaders of the African Union", None, "GOV"),
    ("the Police", "the Police", None, None), ("the Police", "the Police", "NGA", "COP"),
]


def coded(seed: int = 5, n_articles: int = 12) -> list[CodedArticle]:
    rng = random.Random(seed)
    out = []
    for i in range(n_articles):
        article = Article(f"a{i}", date(2024, 1, 1) + timedelta(days=rng.randrange(90)), "x" * 400)

        def parties(least: int) -> list[Actor]:
            picked = rng.choices(PARTIES, k=rng.choice((least, 1, 1, 1, 2, 3)))
            return [Actor(text, (0, len(text)), name=name, country=country, sector=sector)
                    for text, name, country, sector in picked]

        events = [
            event(article, n, rng.choice(TYPES), actor=parties(1), recipient=parties(0),
                  date=(article.date - timedelta(days=rng.randrange(3))).isoformat(), date_precision="day",
                  confidence=round(rng.random(), 2))
            for n in range(rng.randrange(3, 30))
        ]
        out.append(CodedArticle(article, events=events))
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    with open_store(Path(tmp_path_factory.mktemp("aggregates")) / "store.duckdb") as opened:
        articles = coded()
        opened.add(articles)
        mentions = [e.id for a in articles for e in a.events][::3]
        opened.put_stories([Story(f"s{k}", "CONSULT", date="2024-02-01", mentions=[m], articles=1)
                            for k, m in enumerate(mentions)])
        yield opened


FILTERS = [
    Filters(), Filters(min_confidence=0.5), Filters(event_type=["ASSAULT", "AID"]),
    Filters(actor_country="NGA"), Filters(recipient_country="UKR"),
    Filters(date_from="2024-01-15", date_to="2024-02-20", min_confidence=0.3),
]


def answer(store: Store, sql: tuple[str, list[Any]]) -> list[tuple]:
    frame = store.sql(*sql)
    return [tuple(None if v is None or v != v else v for v in row) for row in frame.itertuples(index=False)]


def parties_of_filtered(store: Store, filters: Filters) -> dict[str, dict[str, list[tuple]]]:
    """Event id -> role -> its party rows (name, country, sector, resolved), for the filtered events."""
    where = event_where(filters)
    rows = answer(store, (
        f"SELECT p.event_id, p.role, p.name, p.country, p.sector, p.resolved, e.event_type FROM parties p "
        f"JOIN (SELECT e.id, e.event_type FROM {events_from(filters)} WHERE {where.clause()}) e "
        "ON e.id = p.event_id", where.params))
    out: dict[str, dict[str, list[tuple]]] = defaultdict(lambda: defaultdict(list))
    for eid, role, name, country, sector, resolved, event_type in rows:
        out[eid][role].append((name, country, sector, resolved))
        out[eid]["type"] = [event_type]
    return out


def node(kind: str, name: str, country: str | None, sector: str | None) -> tuple[str, str, Any, Any]:
    """(key, label, country, sector) of a node, as ``aggregates.NODE_KINDS`` says."""
    if kind == "actor":
        if country is not None:
            return (country + (f"/{sector}" if sector else ""), " ".join(filter(None, (country, sector))),
                    country, sector)
        return name, name, None, sector
    if kind == "country":
        return (country or name), (country or name), country, None
    return name, name, country, sector


def expected_network(store: Store, filters: Filters, kind: str, limit: int) -> list[tuple]:
    """The network's rows, each node's label, country and sector as the set of those its parties
    give (a node joins parties that differ in them, as "the Police" with and without a country
    in one event, and the SQL shows the commonest, a tie broken anyhow)."""
    pairs: set[tuple] = set()  # (event, source node, target node)
    ends: dict[str, dict] = {}
    types = {}
    for eid, roles in parties_of_filtered(store, filters).items():
        types[eid] = roles["type"][0]
        for a in (p for p in roles["actor"] if p[3]):
            for r in (p for p in roles["recipient"] if p[3]):
                source, target = node(kind, *a[:3]), node(kind, *r[:3])
                pairs.add((eid, source[0], target[0]))
                for end in (source, target):
                    ends.setdefault(end[0], {"ids": set(), "attrs": set()})
                    ends[end[0]]["ids"].add(eid)
                    ends[end[0]]["attrs"].add(end[1:])
    weights = Counter((s, t) for _, s, t in pairs)
    links = sorted(weights, key=lambda k: (-weights[k], k))[:limit]
    typed = Counter((s, t, types[eid]) for eid, s, t in pairs if (s, t) in set(links))
    rows = [(s, t, event_type, n, weights[(s, t)], ends[s]["attrs"], len(ends[s]["ids"]), ends[t]["attrs"],
             len(ends[t]["ids"])) for (s, t, event_type), n in typed.items()]
    return sorted(rows, key=lambda r: (-r[4], r[0], r[1], -r[3], r[2]))


def matches(found: list[tuple], expected: list[tuple]) -> bool:
    """Network rows (``network_sql``) against ``expected_network``'s."""
    return len(found) == len(expected) and all(
        f[:5] == e[:5] and f[5:8] in e[5] and f[8] == e[6] and f[9:12] in e[7] and f[12] == e[8]
        for f, e in zip(found, expected, strict=True)
    )


def test_the_store_has_every_kind_of_event(store: Store):
    kinds = answer(store, ("SELECT parties_in_lists, actor_key IS NOT NULL AND recipient_key IS NOT NULL, "
                           "count(*) FROM events GROUP BY ALL", []))
    # pairs from the events' keys, events of one role only, and pairs from the parties
    assert {k[:2] for k in kinds} == {(True, True), (True, False), (False, False)}


@pytest.mark.parametrize("kind", list(aggregates.NODE_KINDS))
@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_network_is_what_the_parties_say(store: Store, filters: Filters, kind: str):
    for limit in (3, 100):
        expected = expected_network(store, filters, kind, limit)
        assert expected or filters.actor_country  # the filters leave links to compare
        assert matches(answer(store, aggregates.network_sql(filters, kind=kind, limit=limit)), expected)


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_actors_are_what_the_parties_say(store: Store, filters: Filters):
    counts: Counter = Counter()
    for roles in parties_of_filtered(store, filters).values():
        for role in ("actor", "recipient"):
            for name, country, sector, _ in roles[role]:
                counts[(name, country, sector, role)] += 1
    keys = {k[:3] for k in counts}
    rows = [(*k, counts[(*k, "actor")], counts[(*k, "recipient")]) for k in keys]
    expected = sorted(rows, key=lambda r: (-(r[3] + r[4]), r[0], r[1] is None, r[1] or "", r[2] is None,
                                           r[2] or ""))
    assert answer(store, aggregates.actors_sql(filters, limit=1000)) == expected
