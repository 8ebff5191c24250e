"""Sizes: how many were killed, injured or arrested in one event, as counts that can be summed.

The counts of a sentence are found by size_mentions.py (``find_sizes``); ``size_for`` gives
each event the counts that belong to it.

Figures are never added across sentences. Inside one event, two figures of one
kind are added only when they count clearly distinct groups: coordinated victims
of one word ("killed three soldiers and two civilians" = 5) or coordinated clauses
about different, non-generic groups ("30 soldiers were injured and 53 civilians
were also injured" = 83). Otherwise the largest figure stands ("12 people were
killed ... the death toll rose to 40" = 40): repeating a count is not a new count.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from newsevents.extract.modality import clause_head
from newsevents.extract.size_lexicon import SizeLexicon, lexicon
from newsevents.extract.size_mentions import SizeMention, casualty_kind, find_sizes
from newsevents.records import Size

__all__ = ["KINDS", "SizeMention", "find_sizes", "size_for"]

KINDS = ("dead", "injured", "arrested")
_LOWER_BOUNDS = {None, "at least", "more than"}


def _distance(a: Token, b: Token) -> int | None:
    """Links between two words when one governs the other or they share a clause, else None."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    if b in up_a:
        return up_a.index(b)
    if a in up_b:
        return up_b.index(a)
    if clause_head(a) != clause_head(b):
        return None
    common = next(t for t in up_a if t in up_b)
    return up_a.index(common) + up_b.index(common)


def _summable(a: SizeMention, b: SizeMention, lex: SizeLexicon) -> bool:
    """Clearly distinct groups of one event (see the module docstring)."""
    if a.word == b.word:
        return a.noun is not None and b.noun is not None and b.noun in a.noun.conjuncts
    if b.word not in a.word.conjuncts or a.group is None or b.group is None:
        return False
    ga, gb = a.noun.lemma_.lower() if a.noun else "", b.noun.lemma_.lower() if b.noun else ""
    return ga != gb and ga not in lex.umbrella and gb not in lex.umbrella


def _combine(mentions: list[SizeMention], lex: SizeLexicon) -> list[SizeMention]:
    """The mentions that give one kind's figure: the largest sum of summable groups."""
    best: list[SizeMention] = []
    for seed in mentions:
        cluster = [seed]
        for other in mentions:
            if other not in cluster and all(_summable(m, other, lex) for m in cluster):
                cluster.append(other)
        if sum(m.value for m in cluster) > sum(m.value for m in best):
            best = cluster
    return best


def _joint_qualifier(parts: list[SizeMention]) -> str | None:
    qualifiers = {m.qualifier for m in parts}
    if len(qualifiers) == 1:
        return qualifiers.pop()
    return "at least" if qualifiers <= _LOWER_BOUNDS else "about"


def size_for(
    trigger: Token, mentions: list[SizeMention], others: Iterable[Token] = ()
) -> Size | None:
    """The counts of the event whose trigger is ``trigger``, or None if it has none.

    A count belongs to the event when its casualty word is the trigger, governs it,
    is governed by it, or shares its clause ("30 soldiers were injured in clashes":
    the clash). ``others`` are the triggers of the sentence's other events; a count
    then goes only to the nearest of them in the parse, so one figure is not given
    to two events. A trigger that is itself a casualty or arrest word takes counts of
    its own kind only, unless no other trigger can have them ("killing 12 and wounding
    30": the wounding has the 30, an arrest does not have the injured of a clash). The
    span is the smallest one covering every count used; the qualifier is that of the
    first count in the text that has one.
    """
    lex = lexicon()
    rivals = [t for t in others if t != trigger]
    kinds = {t.i: casualty_kind(t) for t in (trigger, *rivals)}
    own: list[SizeMention] = []
    for mention in mentions:
        distance = _distance(trigger, mention.word)
        if distance is None:
            continue
        linked = {t.i: d for t in (trigger, *rivals) if (d := _distance(t, mention.word)) is not None}
        fitting = {i: d for i, d in linked.items() if kinds[i] in {None, mention.kind}} or linked
        if trigger.i in fitting and distance <= min(fitting.values()):
            own.append(mention)
    if not own:
        return None
    figures: dict[str, int] = {}
    used: list[SizeMention] = []
    qualified: list[tuple[tuple[int, int], str]] = []
    for kind in KINDS:
        parts = _combine([m for m in own if m.kind == kind], lex)
        if parts:
            figures[kind] = sum(m.value for m in parts)
            used += parts
            qualifier = _joint_qualifier(parts)
            if qualifier is not None:
                qualified.append((min(m.span for m in parts), qualifier))
    span = (min(m.span[0] for m in used), max(m.span[1] for m in used))
    return Size(span=span, qualifier=min(qualified)[1] if qualified else None,
                total=any(m.total for m in used), **figures)
