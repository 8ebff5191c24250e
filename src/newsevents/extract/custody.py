"""Custody: a charge told with the arrest of the person charged is a mention of that arrest.

The annotators code "X was arrested ... and charged with ..." as one COERCE `arrest` with the
charge among its mentions, and a charge with no custody of that person told as ACCUSE `allege`
(docs/annotation.md, first round: charge and arrest reported together; manual, ACCUSE modes).
Which one a charge is depends on the discourse, not on its clause: whether the article also tells
a coded arrest (COERCE of a mode in modality.yaml ``custody_modes``) of the same party. The
same party: the same name, a surname repeating a full name ("Bassett", "Gino D. Bassett"), a
pronoun the article resolved to that name, the same words; a common head noun ("a man") only
within the episode (``REACH`` sentences), where it still names one person. An arrest and a
charge in one sentence with no party of their own read ("was arrested and charged") are one
act too. Such a charge is dropped as a record: the arrest is the event, published once.
"""

from __future__ import annotations

from collections.abc import Callable

from newsevents.extract.episodes import REACH
from newsevents.records import Actor, Event


def fold_charges(events: list[Event], lemma: Callable[[Event], str], charges: frozenset[str],
                 custody: frozenset[str]) -> list[Event]:
    """The events without the charges that mention an arrest of the same party; ``lemma``:
    the lemma of an event's trigger head, ``charges``: the charge words, ``custody``: the
    COERCE modes that hold a person."""
    arrests = [e for e in events if e.event_type == "COERCE" and e.mode in custody
               and not (e.negated or e.hypothetical or e.future)]
    if not arrests:
        return events
    return [e for e in events if not (
        e.event_type == "ACCUSE" and not e.negated and lemma(e) in charges
        and any(_same_party(e, arrest) for arrest in arrests))]


def _same_party(charge: Event, arrest: Event) -> bool:
    """Whether the arrest holds the party the charge is brought against (module docstring)."""
    apart = abs(charge.sentence.index - arrest.sentence.index)
    if apart == 0 and not (charge.recipient and arrest.recipient):
        return True
    return any(_same(one, other, apart <= REACH) for one in charge.recipient for other in arrest.recipient)


def _same(one: Actor, other: Actor, near: bool) -> bool:
    """One party: overlapping words, or the same last word of the name, which must be a
    name (capitalised) unless the two are told near each other."""
    if one.span[0] < other.span[1] and other.span[0] < one.span[1]:
        return True
    mine, theirs = _head(one), _head(other)
    return bool(mine) and mine.lower() == theirs.lower() and (near or (mine.istitle() and theirs.istitle()))


def _head(actor: Actor) -> str:
    """The last word of the party's resolved name ("Gino D. Bassett": Bassett)."""
    words = (actor.name or actor.text).split()
    return words[-1] if words else ""
