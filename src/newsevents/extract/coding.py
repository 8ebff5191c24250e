"""Coding: mode, context, intensity and CAMEO mapping of an event, and the evidence its
confidence weighs (scored in scoring.py)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsevents.ontology import Ontology
from newsevents.ontology.load import Mapping
from newsevents.records import Actor

MAX_CONTEXTS = 3


def sentence_lemmas(sentence: Span) -> tuple[frozenset[str], str]:
    """The sentence's lower-case lemmas as a set and as a space-padded string."""
    lemmas = [t.lemma_.lower() for t in sentence if not t.is_space]
    texts = [t.lower_ for t in sentence if not t.is_space]
    return frozenset(lemmas) | frozenset(texts), f" {' '.join(lemmas)} "


def scope_lemmas(trigger: Token) -> tuple[frozenset[str], str]:
    """Lemmas of the trigger's own clause (without coordinated clauses), for mode cues."""
    head = trigger
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    skip = {t.i for c in head.children if c.dep_ == "conj" for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in skip and not t.is_space]
    lemmas = [t.lemma_.lower() for t in tokens]
    return frozenset(lemmas) | frozenset(t.lower_ for t in tokens), f" {' '.join(lemmas)} "


def infer_mode(
    event_type: str, lemmas: frozenset[str], joined: str, ontology: Ontology
) -> str | None:
    """The first mode of the type whose cue occurs in the sentence."""
    for mode, cues in ontology.mode_cues.get(event_type, ()):
        if cues.found_in(lemmas, joined):
            return mode
    return None


def cued_contexts(lemmas: frozenset[str], joined: str, ontology: Ontology) -> list[str]:
    """The contexts whose cues occur in a sentence, in the order contexts.yaml lists them."""
    return [context for context, cues in ontology.context_cues.items() if cues.found_in(lemmas, joined)]


def event_contexts(fixed: str | None, cued: list[str]) -> list[str]:
    """The trigger's own context first, then the sentence's, at most ``MAX_CONTEXTS``."""
    ordered = [fixed] if fixed else []
    ordered += [c for c in cued if c != fixed]
    return ordered[:MAX_CONTEXTS]


def _sectors(actors: list[Actor]) -> set[str]:
    return {a.sector for a in actors if a.sector}


def _fits(allowed: frozenset[str] | None, present: set[str]) -> bool:
    return allowed is None or not allowed.isdisjoint(present)


def find_mapping(
    event_type: str, mode: str | None, actors: list[Actor], recipients: list[Actor],
    ontology: Ontology,
) -> Mapping | None:
    """The first mappings.tsv row that fits the event."""
    modes = {mode} if mode else set()
    actor_sectors, recipient_sectors = _sectors(actors), _sectors(recipients)
    for row in ontology.mappings:
        if (
            row.event_type == event_type
            and _fits(row.mode, modes)
            and _fits(row.actor_sector, actor_sectors)
            and _fits(row.recipient_sector, recipient_sectors)
        ):
            return row
    return None


@dataclass(frozen=True, slots=True)
class Evidence:
    """What an event's confidence weighs (scoring.py) that its record does not say: the
    trigger sense and where the trigger stands, taken while its sentence is coded."""

    prior: float
    requires_recipient: bool
    pos: str = "VERB"  # of the trigger sense: VERB, NOUN or AUX
    ambiguous: bool = False  # the word has senses of several event types
    quoted: bool = False  # inside quotation marks
    reported: bool = False  # what someone said ("police said ... arrested")
    own_date: bool = False  # dated by its own clause, not by the episode or the article
    background: bool = False
    cooperative: bool = False  # of PLOVER's cooperation quads
