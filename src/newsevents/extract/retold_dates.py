"""Retold acts: an event dated by nothing but the article date takes the day another mention gives.

The same act told again takes the date of the mention that gives one; a noun that refers
back ("the shooting") takes the date of the act of its type told before. A statement in the
present or perfect ("denies", "has condemned") takes the day the next sentences give the same
party's statement, and a toll the date of its act in the clause (episodes.py dates each
mention first). An act dated by a year alone takes the month the article gives the one act of its
type that year.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsevents.extract.coding import head_at
from newsevents.extract.date_grammar import grammar
from newsevents.extract.episodes import REACH, Episodes, participants, take_episode, words
from newsevents.extract.trigger_clauses import main_clause, one_clause, perfect
from newsevents.records import Event

_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]{2,}")


def share_dates(episodes: Episodes, events: list[Event], doc: Doc) -> None:
    """The same act told again takes the date of the mention that gives one: an event
    dated only by the article date, told with the same word and type as one dated by its
    own words, naming the same person or body ("Nuiry was arrested Thursday" ... "Nuiry
    was arrested when he went back"), or standing in the lead, which tells first what the
    body dates; or a noun that refers back ("the shooting", "these bombings") to the last
    act of its type told before, dated or too old to date ("less than a year before, a
    detective shot ... Vigils followed that shooting"); or an act of the same type told
    before it in its clause. A standing statement may take the day the next sentences
    give it (``_statements``), and so may a news lead (``_lead``)."""
    def word(event: Event) -> str:
        token = _token(event, doc)
        return token.lemma_.lower() if token is not None else event.trigger.text.lower()

    _statements(events, doc)
    own = [(e, word(e)) for e in events if e.date_span is not None and not e.future]
    told = [e for e in events if not (e.future or e.negated or e.hypothetical)
            and (e.date_span is not None or _undated_past(e))]
    for event in events:
        if not by_article_date(event):
            continue
        lead = episodes.paragraph(event.sentence.span[0]) == 0
        names, lemma = _names(event), word(event)
        same = [e for e, w in own if e.event_type == event.event_type and w == lemma
                and (lead or names & _names(e))]
        before = [e for e in told if e.event_type == event.event_type
                  and e.trigger.span[0] < event.trigger.span[0]]
        if same:
            take_date(event, min(same, key=lambda e: abs(e.sentence.index - event.sentence.index)))
        elif before and _refers_back(_token(event, doc)):
            take_date(event, before[-1])
    _same_sentence(events, doc)
    _lead(episodes, events, doc)
    _finer(events)


def _lead(episodes: Episodes, events: list[Event], doc: Doc) -> None:
    """An act the headline (untensed: no simple past), or the lead in the perfect or present,
    tells before the story names any day ("Police arrest suspect", "a man has been taken into
    custody") is the news the next sentences date: it takes the recent day they give an act of
    its type with a party or place in common ("Agents raided his home on Wednesday"), else the
    day a sentence with no event sets for the same people ("Police found him about 9 p.m.
    Saturday"), else, for a headline, the first day they give an act of its type."""
    named = [e.sentence.index for e in events if e.date_span is not None]
    named += [s for s, days in episodes.days.items() if days]
    first = min(named, default=-1)
    for event in events:
        token = _token(event, doc)
        if not (by_article_date(event) and event.sentence.index < first and token is not None
                and (token.tag_ in {"VBZ", "VBP"} or perfect(token)
                     or (event.sentence.index == 0 and token.tag_ != "VBD"))):
            continue
        index, keys = event.sentence.index, participants(event)
        dated = [e for e in events if e.date_span is not None and e.event_type == event.event_type
                 and not (e.future or e.historical) and 0 < e.sentence.index - index <= REACH]
        told = next((e for e in dated if keys & participants(e)), None)
        if told is not None:
            take_date(event, told)
            continue
        # a statement takes the day its speaker is said to speak ("Sanford rejects aid" ...
        # "Sanford said Friday he won't spend"); another act not the day someone spoke
        scene = next((d for d in episodes.dated if d.scene and not d.historical
                      and (not d.said or _verbal(event))
                      and 0 < d.sentence - index <= REACH and d.keys & words(event)), None)
        if scene is not None:
            take_episode(event, scene)
        elif dated and index == 0:
            # a headline names its parties as headlines do ("Mum denies ...", "Special ed group
            # criticizes ..."): the first act of its type the lead dates is the one it tells
            take_date(event, dated[0])


def _statements(events: list[Event], doc: Doc) -> None:
    """A statement told in the present or perfect with no time ("Sudan denies a link", "the
    White House has condemned the bombing") takes the date of the next sentences when they
    tell the same party's statement made on a day ("In a statement released Nov. 10, the
    White House urged ..."): the one statement, told first as a standing position."""
    for event in events:
        token = _token(event, doc)
        if not (by_article_date(event) and _verbal(event) and token is not None
                and main_clause(token) and (token.tag_ in {"VBZ", "VBP"} or perfect(token))):
            continue
        later = [e for e in events if 0 < e.sentence.index - event.sentence.index <= REACH]
        told = next((e for e in later if e.date_span is not None and not e.future), None)
        if told is not None and _verbal(told) and _speakers(told) & _speakers(event):
            take_date(event, told)


def _same_sentence(events: list[Event], doc: Doc) -> None:
    """An act told again in the clause that dates it takes its date: "The Friday explosions
    killed 110, and the number injured topped 2,200", "these bombings are a tactic used to
    injure and kill"."""
    for event in events:
        token = _token(event, doc)
        if not by_article_date(event) or token is None:
            continue
        peer = next((e for e in events if e.date_span is not None and not e.future
                     and e.sentence.index == event.sentence.index and e.event_type == event.event_type
                     and e.trigger.span[0] < event.trigger.span[0]
                     and one_clause(token, _token(e, doc))), None)
        if peer is not None:
            take_date(event, peer)


def _finer(events: list[Event]) -> None:
    """An act dated by a year alone that the article tells, once, at a finer date ("documents
    seized in a 2008 police raid" ... "Texas authorities raided the compound in April 2008"):
    the one act of its type that year, whose month the other mention gives."""
    for event in events:
        if event.date_precision != "year" or event.date_span is None or event.date is None:
            continue
        finer = {e.date[:7]: e for e in events if e.event_type == event.event_type and e.date_span is not None
                 and e.date is not None and e.date_precision in {"month", "day"} and not e.future
                 and e.date[:4] == event.date[:4]}
        if len(finer) == 1:
            take_date(event, next(iter(finer.values())))


def _verbal(event: Event) -> bool:
    return event.quad.startswith("verbal")


def _speakers(event: Event) -> set[str]:
    """The countries of an event's actors and the capitalised words naming them."""
    return {a.country for a in event.actor if a.country} | _names(event, ("actor",))


def _token(event: Event, doc: Doc) -> Token | None:
    return head_at(doc, event.trigger.span)


def by_article_date(event: Event) -> bool:
    """An event dated by nothing but the article date, which a mention that names a day may fix."""
    return not (event.date is None or event.date_span is not None or event.historical or event.future)


def _undated_past(event: Event) -> bool:
    """An act marked old with no day we can name (episodes: "years ago", a running total)."""
    return event.historical and event.date is None


def _refers_back(token: Token | None) -> bool:
    """A noun behind a determiner that points back: "the shooting", "these bombings"; not
    one whose "of" brings someone new ("the arrest of a 19-year-old": a new act)."""
    if token is None or token.pos_ != "NOUN":
        return False
    referring = grammar().data["referring_determiners"]
    new = any(c.dep_ == "prep" and c.lower_ == "of" and any(
        o.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in o.children)
        for o in c.children) for c in token.children)
    return not new and any(c.dep_ == "det" and c.lower_ in referring for c in token.children)


def take_date(event: Event, told: Event) -> None:
    """The date of the mention that tells when the act happened."""
    event.date, event.date_precision = told.date, told.date_precision
    event.date_text, event.date_span = told.date_text, told.date_span
    event.historical = told.historical


def _names(event: Event, parties: tuple[str, ...] = ("actor", "recipient")) -> set[str]:
    """The capitalised words naming an event's parties ("Nuiry", "Miami", "Herald"); a
    determiner that opens a sentence ("The police") names no one."""
    words = {w.lower() for p in parties for a in getattr(event, p) for w in _NAME_WORD.findall(a.text)}
    return words - set(grammar().data["referring_determiners"])
