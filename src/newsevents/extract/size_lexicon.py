"""The words sizes are read with (ontology/data/sizes.yaml), as lookup tables."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from newsevents.ontology.files import read_mapping
from newsevents.ontology.load import DATA_DIR, load_ontology


@dataclass(frozen=True, slots=True)
class SizeLexicon:
    words: dict[str, str]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]
    passive_only: dict[str, str]
    intransitive: frozenset[str]
    tolls: frozenset[str]
    totals: frozenset[str]
    toll_default: dict[str, str]
    toll_modifiers: dict[str, str]
    vague: dict[str, int]
    estimates: frozenset[str]
    multipliers: dict[str, int]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]
    umbrella: frozenset[str]
    persons: frozenset[str]
    people: frozenset[str]
    age_units: frozenset[str]
    age_word: str
    sufferers: frozenset[str]
    toll_quads: frozenset[str]
    toll_reach: int
    largest: int
    id_digits: int
    heads: frozenset[str]
    """Every lemma a count can hang on (a kind's word or phrase head, a passive-only word, a
    toll): a word whose lemma and form are none of these reports no size."""


def _words(items: Any) -> list[str]:
    return [str(w).lower().strip() for w in items or ()]


@functools.lru_cache(maxsize=1)
def lexicon() -> SizeLexicon:
    """sizes.yaml as lookup tables, read once per process."""
    data = read_mapping(DATA_DIR / "sizes.yaml")
    words: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, spec in (data.get("kinds") or {}).items():
        words.update(dict.fromkeys(_words(spec.get("words")), kind))
        for phrase in _words(spec.get("phrases")):
            head, *rest = phrase.split()
            phrases.setdefault(head, []).append((tuple(rest), kind))
    passive_only = {w: kind for kind, ws in (data.get("passive_only") or {}).items() for w in _words(ws)}
    qualifiers = sorted(
        ((tuple(p.split()), norm) for norm, ps in (data.get("qualifiers") or {}).items() for p in _words(ps)),
        key=lambda item: -len(item[0]),
    )
    people = frozenset(_words(data.get("people")))
    persons = frozenset(_words(data.get("persons"))) | people | frozenset(load_ontology().sectors)
    tolls = frozenset(_words(data.get("tolls")))
    return SizeLexicon(
        heads=frozenset(words) | frozenset(phrases) | frozenset(passive_only) | tolls,
        words=words,
        phrases=phrases,
        passive_only=passive_only,
        intransitive=frozenset(_words(data.get("intransitive"))),
        tolls=tolls,
        totals=frozenset(_words(data.get("totals"))),
        toll_default={str(k): str(v) for k, v in (data.get("toll_default") or {}).items()},
        toll_modifiers={str(k): str(v) for k, v in (data.get("toll_modifiers") or {}).items()},
        vague={str(k): int(v) for k, v in (data.get("vague") or {}).items()},
        estimates=frozenset(_words(data.get("vague_estimates"))),
        multipliers={str(k): int(v) for k, v in (data.get("multipliers") or {}).items()},
        qualifiers=tuple(qualifiers),
        umbrella=frozenset(_words(data.get("umbrella"))),
        persons=persons,
        people=people,
        age_units=frozenset(_words(data.get("age_units"))),
        age_word=str(data.get("age_word", "old")).lower(),
        sufferers=frozenset(_words(data.get("sufferers"))),
        toll_quads=frozenset(_words(data.get("toll_quads"))),
        toll_reach=int(data.get("toll_reach", 2)),
        largest=int(data.get("largest", 20_000_000)),
        id_digits=int(data.get("id_digits", 7)),
    )
