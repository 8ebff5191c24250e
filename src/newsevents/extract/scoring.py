"""Confidence: the probability that an event is right in type and actor, learned on real news.

Once an article's events are complete (participants attributed, dated, placed, gated for
relevance), each is described by a few dozen features known at extraction time (``features``)
and scored by a logistic regression whose weights ontology/data/confidence.yaml holds, fitted
by scripts/train_confidence.py on the DEV split of the news gold set (docs/annotation.md).
How often an event of its type and trigger word was right on DEV is one feature
(``trigger_rate``: smoothed log-odds the model file holds, estimated out of fold when fitting),
and so is how likely a learned model of trigger tokens finds the event's type
(``learned_type``: extract/learned_types.py, out of fold when fitting too); the main event of a
sentence is chosen by text order (records.main_event), so it does not hinge on it. Scoring is a
weighted sum and a sigmoid per event.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from newsevents.extract import learned_context, learned_types
from newsevents.extract.coding import Evidence, doc_words
from newsevents.extract.coref import PRONOUNS, is_bare_pronoun
from newsevents.extract.relevance import RelevanceGate
from newsevents.nlp import doc_text
from newsevents.ontology.files import read_mapping
from newsevents.ontology.load import DATA_DIR
from newsevents.records import Actor, Event

_OPENING = {"\u201c": 1, "\u201d": -1}  # curly quotation marks open and close
_CURLY = re.compile("[\u201c\u201d]")
_STRAIGHT = re.compile('"')
_MARKS = "newsevents.marks"
_CLIMB = 4  # heads up from a trigger to the speech verb that reports it


@cache
def model() -> dict[str, Any]:
    """The learned weights (confidence.yaml), read once."""
    return read_mapping(DATA_DIR / "confidence.yaml")


@dataclass(frozen=True, slots=True)
class Marks:
    """The quotation marks and the "according to" of one sentence, found once for all its
    triggers (a pass per trigger would cost the square of a long sentence)."""

    straight: list[int]  # offsets of '"'
    curly: list[int]  # offsets of curly marks
    open_after: list[int]  # how many curly marks are open after each of them
    according: bool


def sentence_marks(sentence: Span) -> Marks:
    """The quotation marks of a sentence and whether it says "according to", found once per
    sentence (events and venues both ask) in its Doc's ``user_data``."""
    found = sentence.doc.user_data.setdefault(_MARKS, {})
    key = (sentence.start, sentence.end)
    if key not in found:
        found[key] = _marks(sentence)
    return found[key]  # type: ignore[no-any-return]


def _marks(sentence: Span) -> Marks:
    start = sentence.start_char
    text = doc_text(sentence.doc)[start:sentence.end_char]  # ``Span.text``, not joined from its tokens
    curly, open_after, depth = [], [], 0
    for mark in _CURLY.finditer(text):
        depth += _OPENING[mark.group()]
        curly.append(start + mark.start())
        open_after.append(depth)
    words = doc_words(sentence.doc)[1][sentence.start:sentence.end]
    according = any(w == "according" and n == "to" for w, n in itertools.pairwise(words))
    return Marks([start + m.start() for m in _STRAIGHT.finditer(text)], curly, open_after, according)


def quoted(trigger: Token, marks: Marks) -> bool:
    """The trigger stands inside quotation marks opened earlier in its sentence."""
    straight = bisect.bisect_left(marks.straight, trigger.idx)
    curly = bisect.bisect_left(marks.curly, trigger.idx)
    return straight % 2 == 1 or (curly > 0 and marks.open_after[curly - 1] > 0)


def reported(trigger: Token, marks: Marks, speech_verbs: frozenset[str]) -> bool:
    """The trigger's clause is what someone said ("police said ... arrested": a speech verb
    a few heads up), or its sentence says "according to"."""
    head = trigger
    for _ in range(_CLIMB):
        if head.head.i == head.i:
            break
        head = head.head
        if head.lemma_.lower() in speech_verbs:
            return True
    return marks.according


def infinitive(trigger: Token) -> bool:
    """The trigger is a to-infinitive ("decided to admit", "left the car to investigate"): what
    the clause aims at or plans, which the gold seldom codes as an act that took place."""
    return any(child.dep_ == "aux" and child.tag_ == "TO" for child in trigger.children)


def shared_country(event: Event) -> bool:
    """Doer and target have a country in common, stated or the article's home (police and a
    suspect, a court and a citizen): a domestic act, weighed apart from an act across borders,
    which the gold codes more often (on DEV about half the candidates of each kind against
    seven in ten; the recipient flags alone weighed both alike)."""
    return bool({a.country for a in event.actor if a.country}
                & {a.country for a in event.recipient if a.country})


def _actor_kind(actors: list[Actor]) -> str:
    stated = [a for a in actors if not a.inferred]
    if any(a.own_country for a in stated):
        return "country"
    if any(a.country for a in stated):
        return "home"  # only the article's country, a guess (Actor.country_source)
    if any(a.sector for a in stated):
        return "sector"
    if stated:
        return "unplaced"
    return "inferred" if actors else "none"


def _date_source(evidence: Evidence, event: Event) -> str:
    if evidence.own_date:
        return "own"
    if event.date_span is not None:
        return "episode"
    return "article" if event.date else "none"


def rate_key(event: Event) -> str:
    """What ``trigger_rate`` is kept by: the event type and the trigger's words."""
    return f"{event.event_type} {event.trigger.text.lower()}"


def trigger_rate(key: str, rates: dict[str, Any]) -> float:
    """The smoothed log-odds that an event of this type and trigger is right, less the
    average's: the type's, plus the trigger's own where DEV saw it often enough."""
    return rates["types"].get(key.split(" ", 1)[0], 0.0) + rates["triggers"].get(key, 0.0)


def features(evidence: Evidence, event: Event, repeat: bool, gate: RelevanceGate | None) -> dict[str, float]:
    """What is known of one event at extraction time, as named values (1.0 for a flag).

    ``repeat``: an earlier event of the article has its type; ``gate``: the article's
    relevance judge.
    """
    pronouns = [a for a in event.actor if a.text.lower() in PRONOUNS]
    index = event.sentence.index
    found = {
        "prior": evidence.prior - 0.5,
        f"pos_{evidence.pos}": 1.0,
        "ambiguous_lemma": float(evidence.ambiguous),
        "mode": float(event.mode is not None),
        f"actor_{_actor_kind(event.actor)}": 1.0,
        "actor_pronoun_resolved": float(any(a.own_country for a in pronouns)),
        "actor_pronoun_bare": float(any(not a.country for a in pronouns)),
        "recipient": float(bool(event.recipient)),
        "recipient_placed": float(any(a.own_country for a in event.recipient)),
        "missing_required_recipient": float(evidence.requires_recipient and not event.recipient),
        "cooperation_unplaced": float(evidence.cooperative and not any(
            a.own_country for a in event.actor + event.recipient)),
        "future": float(event.future),
        "background": float(evidence.background),
        "historical": float(event.historical),
        "quoted": float(evidence.quoted),
        "reported": float(evidence.reported),
        "infinitive": float(evidence.infinitive),
        "shared_country": float(shared_country(event)),
        "off_topic": float(event.off_topic is not None),
        "sentence_first": float(index == 0),
        "sentence_late": float(index >= 8),
        "repeat_type": float(repeat),
        f"date_{_date_source(evidence, event)}": 1.0,
        "place": float(event.location is not None),
        "trigger_rate": trigger_rate(rate_key(event), model()["rates"]),
        "learned_type": learned_types.p_type(evidence.type_ids, event.event_type),
        "learned_context": learned_context.log_odds(
            learned_context.p_right(evidence.words, event.event_type)),
    }
    if gate is not None:
        found.update(gate.signals(index))
    return found


def probability(found: dict[str, float], weights: dict[str, Any]) -> float:
    """The logistic model's probability for the features, rounded to three places."""
    coefficients = weights["weights"]
    z = weights["intercept"] + sum(coefficients.get(name, 0.0) * value for name, value in found.items())
    p = 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0
    return round(min(0.999, max(0.001, p)), 3)


def score_events(events: list[Event], evidence: dict[str, Evidence], gate: RelevanceGate | None) -> None:
    """Set every event's confidence: the learned probability, scaled down by the fixed factors
    of ``held_down``."""
    weights = model()
    seen: set[str] = set()
    for event in events:
        found = features(evidence[event.id], event, event.event_type in seen, gate)
        seen.add(event.event_type)
        score = probability(found, weights)
        held = held_down(event)
        for flag, factor in weights["factors"].items():
            if held[flag]:
                score *= factor
        event.confidence = round(score, 3)


def held_down(event: Event) -> dict[str, bool]:
    """The hand rules of what is never published, whatever the learned probability: an act
    negated or hypothetical, a doer that is a pronoun of no country, an off-topic event."""
    return {
        "negated": event.negated, "hypothetical": event.hypothetical,
        "unresolved": any(is_bare_pronoun(a) for a in event.actor),
        "off_topic": event.off_topic is not None,
    }
