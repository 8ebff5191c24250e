"""Coding: mode, context, intensity, CAMEO/ACLED mapping and confidence of an event."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsevents.extract.coref import is_bare_pronoun
from newsevents.ontology import Ontology
from newsevents.ontology.load import Mapping
from newsevents.records import Actor

MAX_CONTEXTS = 3
INFERRED_COST = 0.1
"""What an actor attributed from the article, not stated in the clause, takes off the score."""


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
    """What an event's confidence weighs besides its participants, kept so the score can be
    taken again once a doer is attributed from the article (attribution.py)."""

    prior: float
    requires_recipient: bool
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    background: bool = False

    def score(self, actors: list[Actor], recipients: list[Actor]) -> float:
        return confidence(
            prior=self.prior, actors=actors, recipients=recipients,
            requires_recipient=self.requires_recipient, negated=self.negated,
            hypothetical=self.hypothetical, future=self.future, background=self.background,
            unresolved=any(is_bare_pronoun(a) for a in actors),
        )


def confidence(
    *, prior: float, actors: list[Actor], recipients: list[Actor], requires_recipient: bool,
    negated: bool, hypothetical: bool, future: bool, background: bool = False,
    unresolved: bool = False,
) -> float:
    """A score in [0, 1]; 0.5 and above is what we would publish (see ``eval``).

    Evidence adds to the trigger's prior; the auxiliary modes scale it down so
    that an event that did not (or not yet) happen stays below 0.5, and so does
    one whose actor is a pronoun we could not resolve to a country (``unresolved``).
    A doer attributed from the article (``inferred``) costs less than a missing one.
    """
    score = prior
    stated = [a for a in actors if not a.inferred]
    if any(a.country or a.sector for a in stated):
        score += 0.15
    elif not actors:
        score -= 0.25 if recipients else 0.35
    elif not stated:
        score -= INFERRED_COST
    if recipients:
        score += 0.05
    elif requires_recipient:
        score -= 0.1
    for flag, factor in (
        (negated, 0.2), (hypothetical, 0.45), (future, 0.8), (background, 0.55),
        (unresolved, 0.45),
    ):
        if flag:
            score *= factor
    return round(min(0.99, max(0.01, score)), 3)
