"""Cues: the words and phrases that signal a label (a mode, a context, a domain, an ACLED rule).

A cue list is written in the ontology's YAML files as plain words and phrases; compiled, it
keeps single words apart from phrases (a phrase is looked for only when its first word is in
the sentence), and ``cue_index`` tells which labels a word can cue, so a sentence is checked
only against the labels of its own words. load.py compiles every list of the ontology here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Cues:
    """Words and phrases (as lower-case lemmas) that signal a label."""

    words: frozenset[str]
    phrases: tuple[tuple[str, str], ...]  # (first word, " the whole phrase ")
    firsts: frozenset[str] = field(init=False)  # the phrases' first words: most sentences have none

    def __post_init__(self) -> None:
        object.__setattr__(self, "firsts", frozenset(first for first, _ in self.phrases))

    def found_in(self, lemmas: frozenset[str], joined: str) -> bool:
        """True if a cue occurs; ``joined`` is the lemmas with spaces around each."""
        return not self.words.isdisjoint(lemmas) or (not self.firsts.isdisjoint(lemmas) and any(
            first in lemmas and phrase in joined for first, phrase in self.phrases
        ))

    def count(self, lemmas: frozenset[str], joined: str) -> int:
        """How many of the cue words and phrases occur (each counted once)."""
        return len(self.words & lemmas) + self.phrase_count(lemmas, joined)

    def phrase_count(self, lemmas: frozenset[str], joined: str) -> int:
        """How many of the cue phrases occur (each counted once)."""
        if self.firsts.isdisjoint(lemmas):
            return 0
        return sum(1 for first, phrase in self.phrases if first in lemmas and phrase in joined)


@dataclass(frozen=True, slots=True)
class CueCounts:
    """Several labels' cues counted in one pass over a sentence's words: each word is looked up
    once for the labels it is a cue word of, not intersected with every label's word set."""

    labelled: dict[str, Cues]
    index: dict[str, tuple[str, ...]] = field(init=False)  # a cue word -> the labels it cues

    def __post_init__(self) -> None:
        index: dict[str, list[str]] = {}
        for label, cues in self.labelled.items():
            for word in cues.words:
                index.setdefault(word, []).append(label)
        object.__setattr__(self, "index", {word: tuple(labels) for word, labels in index.items()})

    def __call__(self, lemmas: frozenset[str], joined: str) -> dict[str, int]:
        """Each label's ``Cues.count``, in the labels' order."""
        counts = {label: cues.phrase_count(lemmas, joined) for label, cues in self.labelled.items()}
        index = self.index
        for word in lemmas:
            for label in index.get(word, ()):
                counts[label] += 1
        return counts


def compile_cues(items: list[Any]) -> Cues:
    """A cue list as written (words and phrases, any case) as ``Cues``."""
    cues = [str(c).lower().strip() for c in items or []]
    return Cues(
        words=frozenset(c for c in cues if " " not in c),
        phrases=tuple((c.split()[0], f" {c} ") for c in cues if " " in c),
    )


def cue_index(labelled: dict[str, Cues]) -> dict[str, frozenset[str]]:
    """The labels each word can cue: a sentence need only be checked against the labels of
    its own words, not against every label's cues."""
    index: dict[str, set[str]] = {}
    for label, cues in labelled.items():
        for word in cues.words | cues.firsts:
            index.setdefault(word, set()).add(label)
    return {word: frozenset(labels) for word, labels in index.items()}
