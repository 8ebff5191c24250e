"""Sittings: the acts of one meeting of a body take the day the report gives the meeting.

A report of a council, board or court sitting dates the sitting once ("The Henderson County
Commissioners Court lifted the burn ban Tuesday") and tells the body's other acts of it later,
often many sentences on and with no day ("In other action, commissioners voted 3-2 to deny a
request"). Gold dates them all on the sitting's day (docs/annotation.md). So an act dated by
nothing but the article date whose doer is a sitting body (ontology ``sitting_bodies``) takes
the date of the last act told before it that the same body did on a day its own words name;
past episodes (historical acts) and acts to come lend no day, and a body only inferred as the
doer (extract/attribution.py: "was convicted" by some jury) is not known to be the one sitting.
"""

from __future__ import annotations

from newsevents.extract.retold_dates import by_article_date, take_date
from newsevents.records import Event

_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})


def share_sittings(events: list[Event], bodies: frozenset[str]) -> None:
    """Give each undated act of a sitting body the day of the body's last dated act before it."""
    dated: list[tuple[Event, set[tuple[str, ...]]]] = []
    for event in sorted(events, key=lambda e: e.trigger.span[0]):
        sitting = _bodies(event, bodies)
        if not sitting:
            continue
        if by_article_date(event):
            told = next((e for e, who in reversed(dated) if _meet(who, sitting)), None)
            if told is not None:
                take_date(event, told)
        elif event.date_span is not None and not (event.historical or event.future):
            dated.append((event, sitting))


def _bodies(event: Event, bodies: frozenset[str]) -> set[tuple[str, ...]]:
    """The sitting bodies among an event's actors, each as the words of its phrase without
    determiners, its head made singular ("county commissioners": county, commissioner)."""
    found = set()
    for actor in event.actor:
        if actor.inferred:  # a doer read from context ("was convicted": a jury) may sit another day
            continue
        words = [w for w in actor.text.lower().split() if w not in _DETERMINERS]
        if words and words[-1].endswith("s") and words[-1][:-1] in bodies:
            words[-1] = words[-1][:-1]
        if words and words[-1] in bodies:
            found.add(tuple(words))
    return found


def _meet(one: set[tuple[str, ...]], other: set[tuple[str, ...]]) -> bool:
    """The same body: one phrase ends the other ("commissioners", "the county commissioners"),
    so the "school board" and the "county board" stay apart."""
    return any(a[-len(b):] == b or b[-len(a):] == a for a in one for b in other)
