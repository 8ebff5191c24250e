"""The ``parties`` table: written with the events, it says what their records say."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from builders import event

from newsevents.records import Actor, Article, CodedArticle
from newsevents.store import Store, open_store

TEXT = "He said people and the Police met Balogun and Leaders of the African Union in Abuja today."


def actors() -> dict[str, tuple[list[Actor], list[Actor]]]:
    """Events by id: (actors, recipients), with parties of each kind the network tells apart."""
    he = Actor("He", (0, 2))
    balogun = Actor("He", (0, 2), name="Balogun")  # resolved from a pronoun
    people = Actor("people", (8, 14), sector="CVL")
    police = Actor("Police", (23, 29), name="Police", sector="COP")  # a common noun opening a sentence
    union = Actor("Leaders of the African Union", (46, 74), name="Leaders of the African Union", sector="GOV")
    unnamed = Actor("Abuja", (78, 83))  # the resolver gave it no name
    nga = Actor("the Police", (19, 29), country="NGA", sector="COP")
    return {
        "ev-a-0": ([he, nga], [people]),
        "ev-a-1": ([balogun, nga, Actor("the Police", (19, 29), country="NGA")], [union, police]),
        "ev-a-2": ([nga], []),
        "ev-a-3": ([unnamed], []),
        "ev-a-4": ([nga, nga], [Actor("Balogun", (34, 41), name="Balogun", country="NGA")]),
    }


@pytest.fixture()
def store(tmp_path: Path):
    article = Article("a", date(2024, 3, 4), TEXT)
    events = [event(article, int(eid[-1]), "CONSULT", actor=a, recipient=r)
              for eid, (a, r) in actors().items()]
    with open_store(tmp_path / "parties.duckdb") as opened:
        opened.add([CodedArticle(article, events=events)])
        yield opened


def parties(store: Store) -> set[tuple]:
    frame = store.sql("SELECT event_id, role, name, country, sector, resolved FROM parties")
    return {tuple(None if v is None or v != v else v for v in row) for row in frame.itertuples(index=False)}


def test_parties_agree_with_the_records(store: Store):
    from_records = set()
    for eid, record in store.sql("SELECT id, record FROM events").itertuples(index=False):
        for role in ("actor", "recipient"):
            for p in json.loads(record)[role]:
                from_records.add((eid, role, p.get("name") or p["text"], p.get("country"), p.get("sector")))
    assert {row[:5] for row in parties(store)} == from_records
    assert len(parties(store)) == len(from_records)  # one row per distinct party of an event


def test_only_resolved_parties_may_be_drawn(store: Store):
    resolved = {(name, country, sector) for _, _, name, country, sector, ok in parties(store) if ok}
    unresolved = {(name, country, sector) for _, _, name, country, sector, ok in parties(store) if not ok}
    assert resolved == {("the Police", "NGA", "COP"), ("the Police", "NGA", None), ("Balogun", None, None),
                        ("Leaders of the African Union", None, "GOV"), ("Balogun", "NGA", None)}
    assert unresolved == {("He", None, None), ("people", None, "CVL"), ("Police", None, "COP"),
                          ("Abuja", None, None)}


def _reopened_as(store: Store, version: int, *undo: str) -> Store:
    """The store taken back to an older schema (``undo`` removes what later versions added),
    closed and opened again for writing, which upgrades it."""
    for sql in undo:
        store.sql(sql)
    store.sql(f"UPDATE meta SET value = '{version}' WHERE key = 'schema_version'")
    store.close()
    return open_store(store.path)


def test_a_version_3_store_gets_its_parties_on_opening_for_writes(store: Store):
    written = parties(store)
    with _reopened_as(store, 3, "DELETE FROM parties") as upgraded:
        assert parties(upgraded) == written


def test_a_version_4_store_gets_parties_in_lists_on_opening_for_writes(store: Store):
    flags = "SELECT id, parties_in_lists FROM events ORDER BY id"
    written = store.sql(flags)
    assert set(written["parties_in_lists"]) == {True, False}
    with _reopened_as(store, 4, "UPDATE events SET parties_in_lists = NULL") as upgraded:
        assert upgraded.sql(flags).equals(written)


KEYED = (  # what the keys say, by their parties rather than their numbers
    "SELECT e.id, e.parties_in_lists, a.name, a.country, a.sector, a.resolved, r.name, r.country, r.sector, "
    "r.resolved FROM events e LEFT JOIN party_keys a ON a.key = e.actor_key "
    "LEFT JOIN party_keys r ON r.key = e.recipient_key ORDER BY e.id"
)
PARTY_KEYS = (
    "SELECT p.event_id, p.role, p.name, p.country, p.sector, p.resolved, k.name, k.country, k.sector, "
    "k.resolved FROM parties p LEFT JOIN party_keys k ON k.key = p.key ORDER BY ALL"
)


def test_every_party_and_every_event_in_lists_has_its_key(store: Store):
    keyed = store.sql(KEYED)
    assert keyed["parties_in_lists"].sum() == 3  # ev-a-2, ev-a-3 (one actor each), ev-a-4 (one of each)
    in_lists = keyed[keyed["parties_in_lists"]]
    assert list(in_lists["id"]) == ["ev-a-2", "ev-a-3", "ev-a-4"]
    assert in_lists.iloc[2, 2:].tolist() == ["the Police", "NGA", "COP", True, "Balogun", "NGA", None, True]
    assert keyed[~keyed["parties_in_lists"]].iloc[:, 2:].isna().all().all()
    for row in store.sql(PARTY_KEYS).itertuples(index=False):
        assert row[2:6] == row[6:10]
    numbered = store.sql("SELECT count(*) - count(DISTINCT (name, country, sector, resolved)) AS n "
                         "FROM party_keys")
    assert numbered["n"][0] == 0  # each party numbered once


def test_a_version_5_store_gets_its_keys_on_opening_for_writes(store: Store):
    written, parties_keyed = store.sql(KEYED), store.sql(PARTY_KEYS)
    undo = ("UPDATE events SET actor_key = NULL, recipient_key = NULL", "UPDATE parties SET key = NULL",
            "DELETE FROM party_keys")
    with _reopened_as(store, 5, *undo) as upgraded:
        assert upgraded.sql(KEYED).equals(written)
        assert upgraded.sql(PARTY_KEYS).equals(parties_keyed)
