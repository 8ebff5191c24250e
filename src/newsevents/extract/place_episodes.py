"""Place episodes: the place of an event whose own words give none.

A material act done by a nation named as such ("Ukraine has expelled 13 diplomats", "Tunisia
worked with the United States") happens in that country (the capital's point, as for any
nationwide act), not at the article's main place. Else an act the text tells without a place
continues the episode told just before it: the last event of the same kind (both statements,
or both material acts) placed by its own words, a sentence or two back in the same paragraph,
with a party in common ("A federal grand jury in Milwaukee has returned an indictment ... The
U.S. Attorney announced the indictment Tuesday"; "At a news conference in Jerusalem, Netanyahu
suggested ... Gore called on Israel"). It takes that place, not the article's main place or
the dateline (docs/annotation.md: the place of an act is that of its own clause, else of the
passage it continues).
"""

from __future__ import annotations

from collections.abc import Callable

from newsevents.extract.gazetteer import capitals
from newsevents.ontology import Ontology
from newsevents.ontology.codes import country_codes
from newsevents.records import Event, Location

REACH = 2  # sentences back an episode carries its place


def own_place(event: Event) -> bool:
    """The event's place is written in its own sentence (not the main place nor the dateline)."""
    place, (start, end) = event.location, event.sentence.span
    return place is not None and start <= place.span[0] and place.span[1] <= end


def _parties(event: Event) -> frozenset[str]:
    return frozenset(k for a in event.actor + event.recipient for k in (a.country, a.name) if k)


def share_places(events: list[Event], ontology: Ontology, paragraph: Callable[[int], int]) -> None:
    """Give each event with no place of its own the place of the episode it continues (see the
    module docstring); ``paragraph``: the index of the paragraph holding a character."""
    def verbal(event: Event) -> bool:
        return ontology.event_types[event.event_type].verbal

    placed: list[Event] = []
    for event in sorted(events, key=lambda e: e.trigger.span[0]):
        if not own_place(event) and not verbal(event):
            event.location = named_nation(event, ontology) or event.location
        if own_place(event):
            placed.append(event)
            continue
        if event.location is not None and verbal(event):
            continue  # the dateline: where the reporter heard it
        index, parties = event.sentence.index, _parties(event)
        here = paragraph(event.sentence.span[0])
        before = [e for e in placed if index - e.sentence.index <= REACH
                  and (index - e.sentence.index <= 1 or paragraph(e.sentence.span[0]) == here)
                  and verbal(e) == verbal(event) and e.historical == event.historical
                  and parties & _parties(e)]
        if before:
            event.location = before[-1].location


def named_nation(event: Event, ontology: Ontology) -> Location | None:
    """The country of an actor named by the country's own name, as a place at its capital."""
    for actor in event.actor:
        key = actor.text.lower().removeprefix("the ")
        code = country_codes().get((ontology.country_names.get(key) or "").lower())
        if code in capitals():
            _, _, lat, lon = capitals()[code]
            return Location(text=actor.text, span=actor.span, name=actor.text, lat=lat, lon=lon,
                            country_code=code, precision="country")
    return None
