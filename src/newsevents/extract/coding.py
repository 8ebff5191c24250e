"""Coding: mode, context, intensity, CAMEO/ACLED mapping and confidence of an event."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from newsevents.extract.coref import is_bare_pronoun
from newsevents.ontology import Ontology
from newsevents.ontology.files import read_mapping
from newsevents.ontology.load import DATA_DIR, Mapping
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


@cache
def _weights() -> dict[str, Any]:
    """The confidence weights (confidence.yaml), read once."""
    return read_mapping(DATA_DIR / "confidence.yaml")


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
    cooperative: bool = False  # of PLOVER's cooperation quads

    def score(self, actors: list[Actor], recipients: list[Actor]) -> float:
        return confidence(self, actors, recipients)


def _placed(actors: list[Actor]) -> bool:
    return any(a.country for a in actors)


def confidence(evidence: Evidence, actors: list[Actor], recipients: list[Actor]) -> float:
    """A score in [0, 1]; 0.5 and above is what we would publish (see ``eval news``).

    Evidence adds to the trigger's prior (weights: confidence.yaml); the auxiliary modes scale
    it down so that an event that did not (or not yet) happen stays below 0.5, and so does one
    whose actor is a pronoun we could not resolve to a country. A doer attributed from the
    article (``inferred``) costs less than a missing one.
    """
    weight = _weights()
    score = evidence.prior
    stated = [a for a in actors if not a.inferred]
    if _placed(stated):
        score += weight["actor_country"]
    elif any(a.sector for a in stated):
        score += weight["actor_sector"]
    elif stated:
        score += weight["actor_unplaced"]
    elif actors:
        score += weight["inferred"]
    else:
        score += weight["no_actor_with_recipient"] if recipients else weight["no_actor"]
    if recipients:
        score += weight["recipient"]
    elif evidence.requires_recipient:
        score += weight["missing_required_recipient"]
    if evidence.cooperative and not _placed(actors) and not _placed(recipients):
        score += weight["cooperation_unplaced"]
    flags = {
        "negated": evidence.negated, "hypothetical": evidence.hypothetical,
        "future": evidence.future, "background": evidence.background,
        "unresolved": any(is_bare_pronoun(a) for a in actors),
    }
    for flag, factor in weight["factors"].items():
        if flags[flag]:
            score *= factor
    return round(min(0.99, max(0.01, score)), 3)
