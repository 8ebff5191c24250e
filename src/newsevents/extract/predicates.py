"""Predicates of judgement and feeling: statements coded by what they say of a party.

"Moon said China was partially responsible for the pollution" is Moon's accusation of
China; "the EU called the attack illegal" the EU's disapproval; "they said they were angry
with Younis" their disapproval of Younis (PLOVER ACCUSE: express disapproval, accuse
informally). The word that judges is the trigger (triggers.tsv rows of pos PRED). A judging
word counts only where someone says it: in a clause a speech verb reports, or as what a
naming verb calls its object. A feeling word counts only where its cause is a named party
or a party's act ("troubled by Trump's plan"), not a thing ("worried about flooding").
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from newsevents.extract.roles import Roles

_PARTY_ENTITIES = {"GPE", "NORP", "ORG", "PERSON"}
_CAUSE_PREPS = {"with", "by", "at", "over", "about", "to", "for"}  # "grateful to Japan for its help"
_COPULA_DEPS = {"acomp", "attr"}


def predicate_key(tok: Token) -> str:
    """How triggers.tsv names a predicate word: adjectives and participles by their form
    ("troubled"), nouns and verbs by their lemma ("crime", "lie")."""
    if tok.pos_ == "ADJ" or tok.tag_ == "VBN":
        return tok.lower_
    return tok.lemma_.lower()


def _first_conjunct(tok: Token) -> Token:
    """ "called the attack illegal and unacceptable": the second word shares the first's frame."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ == tok.pos_:
        tok = tok.head
    return tok


def _clause(tok: Token) -> Token:
    """The verb whose clause the predicate word makes: the copula of "was responsible"."""
    return tok.head if tok.dep_ in _COPULA_DEPS else tok


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]


def judging_verb(tok: Token, speech: Collection[str], naming: Collection[str]) -> Token | None:
    """The verb by which someone says the judgement: "said (China was responsible)",
    "called (the attack) illegal"; None when the text states it in its own voice."""
    tok = _first_conjunct(tok)
    if tok.dep_ == "oprd" and tok.head.lemma_.lower() in naming:
        return tok.head
    clause = _clause(tok)
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in speech and clause.head.pos_ == "VERB":
        return clause.head
    return None


def _party(tok: Token, sectors: Collection[str]) -> bool:
    return tok.ent_type_ in _PARTY_ENTITIES or tok.lemma_.lower() in sectors


def _named_party(noun: Token, sectors: Collection[str]) -> Token | None:
    """The party a noun names or whose act it names ("Younis", "Trump's plan")."""
    if _party(noun, sectors):
        return noun
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ != "PRON" and _party(owner, sectors):
        return owner
    return None


def feeling_causes(tok: Token, sectors: Collection[str]) -> list[Token]:
    """The named parties a feeling is about: "angry with Younis", "troubled by Trump's plan"."""
    found = []
    for prep in tok.children:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in _CAUSE_PREPS:
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                for item in (noun, *noun.conjuncts):
                    party = _named_party(item, sectors)
                    if party is not None and party not in found:
                        found.append(party)
    return found


def predicate_roles(
    tok: Token, feeling: bool, speech: Collection[str], naming: Collection[str], sectors: Collection[str]
) -> Roles:
    """A feeling's actor is who feels it, its recipient the party it is about; a judgement's
    actor is who says it, its recipient the party it is said of (or whose act it is)."""
    tok = _first_conjunct(tok)
    if feeling:
        return Roles(actors=_subjects(_clause(tok)), recipients=feeling_causes(tok, sectors))
    verb = judging_verb(tok, speech, naming)
    if verb is None:
        return Roles()
    judged = (
        [c for c in verb.children if c.dep_ == "dobj"] if tok.dep_ == "oprd" else _subjects(_clause(tok))
    )
    recipients = [_named_party(n, sectors) or n for n in judged]
    return Roles(actors=_subjects(verb), recipients=recipients)
