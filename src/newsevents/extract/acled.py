"""ACLED coding: the ACLED event and sub-event type of a PLOVER event (rules in acled.yaml).

ACLED types an event by what was used and against whom: the weapon ("a grenade
was hurled"), whether demonstrators were violent or were dispersed, whether
territory changed hands. Those words are often a sentence away from the
trigger, so an event is read with its context: its own sentence and the
``window`` sentences either side. The first rule that fits decides; a rule
with no ACLED type marks what ACLED does not code (disasters, ordinary crime,
a claim of responsibility for an attack told elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.ontology import Ontology
from newsevents.ontology.acled import AcledRule, AcledTable
from newsevents.records import Actor

Lemmas = tuple[frozenset[str], str]


@dataclass(frozen=True, slots=True)
class AcledEvent:
    """What the rules look at: the PLOVER coding, the trigger's part of speech and the parties."""

    event_type: str
    mode: str | None
    pos: str
    actors: list[Actor]
    recipients: list[Actor]


class AcledContexts:
    """The words of each sentence of one article, and of each sentence with its neighbours."""

    def __init__(self, doc: Doc, window: int) -> None:
        sentences = [
            [t for t in sent if not t.is_space] for sent in doc.sents
        ]
        self._sentences = [self._lemmas(tokens) for tokens in sentences]
        self._windows = [
            self._lemmas([t for s in sentences[max(0, i - window): i + window + 1] for t in s])
            for i in range(len(sentences))
        ]

    @staticmethod
    def _lemmas(tokens: list[Token]) -> Lemmas:
        """Lemmas and words; a phrase may match either ("mass graves" when the lemmatizer errs)."""
        lemmas = [t.lemma_.lower() for t in tokens]
        words = [t.lower_ for t in tokens]
        return frozenset(lemmas) | frozenset(words), f" {' '.join(lemmas)} | {' '.join(words)} "

    def sentence(self, index: int) -> Lemmas:
        return self._sentences[index]

    def window(self, index: int) -> Lemmas:
        return self._windows[index]


def _sectors(actors: list[Actor]) -> set[str]:
    return {a.sector for a in actors if a.sector}


def _fits(rule: AcledRule, event: AcledEvent, table: AcledTable, context: Lemmas) -> bool:
    if event.event_type not in rule.types:
        return False
    if rule.modes is not None and event.mode not in rule.modes:
        return False
    if rule.pos is not None and event.pos not in rule.pos:
        return False
    actor_sectors = _sectors(event.actors)
    if rule.actor_sectors is not None and rule.actor_sectors.isdisjoint(actor_sectors):
        return False
    if rule.recipient_sectors is not None and rule.recipient_sectors.isdisjoint(_sectors(event.recipients)):
        return False
    if rule.state_actor is not None and rule.state_actor == table.state_sectors.isdisjoint(actor_sectors):
        return False
    found = lambda name: table.cues[name].found_in(*context)  # noqa: E731
    return (
        all(found(n) for n in rule.cues)
        and (not rule.any_cues or any(found(n) for n in rule.any_cues))
        and not any(found(n) for n in rule.unless)
    )


def code_acled(
    event: AcledEvent, sentence: int, contexts: AcledContexts, ontology: Ontology
) -> dict[str, str] | None:
    """``{"event_type", "sub_event_type"}`` from the first fitting rule, or None."""
    table = ontology.acled
    for rule in table.rules:
        context = contexts.sentence(sentence) if rule.sentence_only else contexts.window(sentence)
        if _fits(rule, event, table, context):
            if rule.acled is None:
                return None
            return {"event_type": rule.acled[0], "sub_event_type": rule.acled[1]}
    return None
