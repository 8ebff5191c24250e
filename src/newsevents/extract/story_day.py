"""The day of a one-day story: the acts it tells in the simple past happened on the one day it names.

A local story filed a day or two after what it reports ("Off-duty officers were called in early
Saturday to break up a brawl ... One man was arrested") names the day once or twice and tells the
rest in the simple past: those acts happened that day, not on the article date
(docs/annotation.md: the date of an act is that of the passage it continues). The episode rule
(episodes.py) carries a day a sentence or two and between shared parties only; here, when every
recent day the article gives an act or a scene is one day before the story's own, told in the past,
an act dated by nothing but the story's day, told in the simple past after that day is named and
with no other time named since, takes that day.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from spacy.tokens import Doc, Token

from newsevents.extract.coding import words_at
from newsevents.extract.episodes import Dated, Episodes, take_episode
from newsevents.extract.retold_dates import by_article_date
from newsevents.extract.trigger_clauses import clause_verb
from newsevents.ontology.codes import iso3_codes
from newsevents.records import Event

_PAST_AUX = {"was", "were"}


def one_day(episodes: Episodes, events: list[Event], doc: Doc, day: date | None) -> None:
    """Date the simple-past acts of a story whose recent acts all fall on one earlier day."""
    told = _the_day(episodes, events, doc, day)
    if told is None or told.span is None or day is None:
        return
    times = _times(episodes, events, day.isoformat())
    story = {c for d in episodes.dated if d.date == told.date and d.event is not None
             for c in _countries(d.event)}
    for event in events:
        words = words_at(doc, event.trigger.span)
        if not (by_article_date(event) and event.date == day.isoformat() and words is not None
                and simple_past(words.root) and event.trigger.span[0] > told.span[0]):
            continue
        last = max((s for s in times if s <= event.sentence.index), default=None)
        elsewhere = bool(story and _countries(event)) and not story & _countries(event)  # another story
        if last is not None and times[last] == {told.date} and not elsewhere:
            take_episode(event, told)


def _the_day(episodes: Episodes, events: list[Event], doc: Doc, day: date | None) -> Dated | None:
    """The one recent day before the story's that the article gives its past acts and scenes,
    if no act is dated by its own words on the story's day or after it."""
    if day is None:
        return None
    story = day.isoformat()
    own = [e for e in events if e.date_span is not None and not e.future and e.date is not None]
    if any(e.date_precision == "day" and e.date >= story for e in own):
        return None
    recent = [d for d in episodes.dated
              if d.precision == "day" and not (d.historical or d.said) and d.date < story]
    if len({d.date for d in recent}) != 1:
        return None
    past = [d for d in recent if d.scene or (d.event is not None and _told_past(d.event, doc))]
    return min(past, key=lambda d: d.span or (0, 0)) if past else None


def _told_past(event: Event, doc: Doc) -> bool:
    """An act told as done, in the past ("were called in early Saturday"), not one to come
    ("would meet on Tuesday") or one in the present ("meet separately Monday")."""
    words = words_at(doc, event.trigger.span)
    return not (event.future or event.hypothetical or words is None) \
        and clause_verb(words.root).tag_ not in {"VBZ", "VBP", "MD"}


def _countries(event: Event) -> set[str]:
    """The countries of an event's parties and place: a one-day story is told in one of them."""
    found = {a.country for a in event.actor + event.recipient if a.country}
    code = event.location.country_code if event.location is not None else None
    if code in iso3_codes():
        found.add(iso3_codes()[code])
    return found


def _times(episodes: Episodes, events: list[Event], story: str) -> dict[int, set[str]]:
    """Sentence -> the dates other than the story's day that it names (its acts' own dates and
    the dates no act took)."""
    times: dict[int, set[str]] = defaultdict(set)
    for event in events:
        if event.date_span is not None and event.date is not None and not event.future:
            times[event.sentence.index].add(event.date)
    for sentence, days in episodes.days.items():
        times[sentence] |= days
    return {s: found - {story} for s, found in times.items() if found - {story}}


def simple_past(trigger: Token) -> bool:
    """The trigger's clause is told in the simple past ("arrested", "was arrested"), not in the
    present, the perfect or with a modal ("could have been charged")."""
    verb = clause_verb(trigger)
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ == "VBD":
        return not auxes
    return verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].lower_ in _PAST_AUX
