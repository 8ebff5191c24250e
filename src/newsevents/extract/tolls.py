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

A running toll ("The death toll rose to 32 on Saturday") updates the act it follows:
the latest event at most ``toll_reach`` sentences before it that gives a smaller figure
of that kind takes the running figure, marked as a total, with both pieces of evidence
(latest and largest). A toll said to be of something that is not told as an act ("the
death toll in the war"), or of several ("the toll for both bombings"), updates nothing.
An event in a clause that describes a noun ("people fleeing the fighting") is background
and takes no toll from the sentence's act.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

from newsevents.extract.coding import doc_sentences, words_at
from newsevents.extract.size_lexicon import lexicon
from newsevents.extract.sizes import KINDS, SizeMention, find_sizes
from newsevents.records import Event, Size

_NOUN_CLAUSES = {"acl", "relcl", "ccomp"}  # a clause hanging from a noun
_PLURAL = {"NNS", "NNPS"}
_MAX_CLIMB = 12


def one_toll_per_act(events: list[Event], doc: Doc) -> list[Event]:
    """The article's events, each with the toll of the act it tells (see the module docstring)."""
    quads = lexicon().toll_quads
    acts = [e for e in events if e.quad in quads and not (e.negated or e.hypothetical)]
    starts = [s.start_char for s in doc_sentences(doc)]
    for total in _running_totals(doc):
        _update(acts, total, bisect.bisect_right(starts, total.span[0]) - 1)
    told: dict[tuple[int, str], list[Event]] = defaultdict(list)
    for event in acts:
        if event.size is not None or not _aside(event, doc):
            told[(event.sentence.index, event.event_type)].append(event)
    for members in told.values():
        for act in _acts(members):
            sizes = [e.size for e in act if e.size is not None]
            toll = _toll(sizes) if len(act) > 1 and sizes else None
            for event in act if toll is not None else ():
                event.size = toll
    return events


def _aside(event: Event, doc: Doc) -> bool:
    """A trigger in a clause that describes a noun ("people fleeing the fighting", "the
    district where troops invaded on Saturday"): background to the sentence, not its act."""
    span = words_at(doc, event.trigger.span)
    if span is None:
        return False
    tok = span.root
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in tok.children):
        tok = tok.head  # "a tank firing on the building, killing four": the act itself
    for _ in range(_MAX_CLIMB):
        if tok.dep_ in _NOUN_CLAUSES and tok.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


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


def _running_totals(doc: Doc) -> list[SizeMention]:
    """The running tolls and totals of every sentence that has a toll or total word, found
    from the token arrays (most sentences have none)."""
    lex = lexicon()
    strings = doc.vocab.strings
    rows = doc.to_array([LEMMA, LOWER])
    words = numpy.array([strings.add(w) for w in lex.tolls | lex.totals], dtype=rows.dtype)
    hits = numpy.nonzero(numpy.isin(rows, words).any(axis=1))[0]
    sentences = {doc[int(i)].sent.start: doc[int(i)].sent for i in hits}
    return [m for s in sentences.values() for m in find_sizes(s) if m.total]


def _update(acts: list[Event], total: SizeMention, sentence: int) -> None:
    """Give a running figure to the latest act before it that has a smaller one."""
    kind, reach = total.kind, lexicon().toll_reach
    earlier = [
        e for e in acts
        if e.size is not None and (getattr(e.size, kind) or total.value) < total.value and not e.historical
        and sentence - reach <= e.sentence.index <= sentence and e.trigger.span[0] < total.span[0]
    ]
    if not earlier or not _of_an_act(total, acts):
        return
    target = max(earlier, key=lambda e: e.trigger.span[0])
    for event in earlier:
        if event.sentence.index == target.sentence.index and event.event_type == target.event_type:
            old = event.size
            event.size = dataclasses.replace(
                old, span=(min(old.span[0], total.span[0]), max(old.span[1], total.span[1])),
                qualifier=total.qualifier or old.qualifier, total=True, **{kind: total.value},
            )


def _of_an_act(total: SizeMention, acts: list[Event]) -> bool:
    """A toll said to be "of", "from" or "in" something: that something is told as an act."""
    if total.word.lemma_.lower() not in lexicon().tolls:
        return True
    things = [g for c in total.word.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    doc = total.word.doc
    owners = [words_at(doc, e.trigger.span) for e in acts
              if e.size is not None and e.size.span[0] <= total.span[0] < e.size.span[1]]
    if any(t.tag_ in _PLURAL for t in things + [o.root for o in owners if o is not None]):
        return False  # "the toll for both bombings": a sum over acts, not one act's toll
    triggers = [e.trigger.span for e in acts if not e.historical]
    return all(any(s <= t.idx < e for s, e in triggers) for t in things)
