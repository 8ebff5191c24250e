"""Tolls: one toll per act, whichever of its words an event was read from.

A sentence often tells one act with several triggers of one type: "gunmen attacked
the post, killing 12 soldiers and wounding 30", "one worker was killed and 27 were
injured in clashes". Each trigger is an event and each count went to the nearest
one (sizes.py), so the attack had the dead, the wounding the injured, the clash
nothing. Here the events of one type and mode in one sentence take one toll, for the
types that report casualties (sizes.yaml: toll_quads): each kind's figure from
whichever event has it, with the evidence of every figure used. Figures are never
added. Two different figures of one kind in a sentence are two acts ("killed 5 in
Tera and 3 in Dori"), and their events are left as they are.
"""

from __future__ import annotations

from collections import defaultdict

from newsevents.extract.size_lexicon import lexicon
from newsevents.extract.sizes import KINDS
from newsevents.records import Event, Size


def one_toll_per_act(events: list[Event]) -> list[Event]:
    """The events, each sharing the toll of the act it tells (see the module docstring)."""
    quads = lexicon().toll_quads
    told: dict[tuple[int, str], list[Event]] = defaultdict(list)
    for event in events:
        if event.quad in quads and not (event.negated or event.hypothetical):
            told[(event.sentence.index, event.event_type)].append(event)
    for members in told.values():
        for act in _acts(members):
            sizes = [e.size for e in act if e.size is not None]
            toll = _toll(sizes) if len(act) > 1 and sizes else None
            for event in act if toll is not None else ():
                event.size = toll
    return events


def _acts(members: list[Event]) -> list[list[Event]]:
    """One sentence's events of one type, as acts: an arrest and a raid are two acts of
    COERCE, so events of different modes are apart (those without a mode then join none)."""
    modes = {e.mode for e in members} - {None}
    if len(modes) <= 1:
        return [members]
    return [[e for e in members if e.mode == mode] for mode in sorted(modes)]


def _toll(sizes: list[Size]) -> Size | None:
    """One Size with every kind the sizes give, or None when two give one kind differently."""
    figures: dict[str, int] = {}
    used: list[Size] = []
    for kind in KINDS:
        given = [s for s in sizes if getattr(s, kind) is not None]
        if len({getattr(s, kind) for s in given}) > 1:
            return None
        if given:
            figures[kind] = getattr(given[0], kind)
            used += [s for s in given if s not in used]
    qualified = sorted((s.span, s.qualifier) for s in used if s.qualifier is not None)
    return Size(
        span=(min(s.span[0] for s in used), max(s.span[1] for s in used)),
        qualifier=qualified[0][1] if qualified else None,
        total=any(s.total for s in used),
        **figures,
    )
