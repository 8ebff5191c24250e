"""Roles of a noun trigger ("clashes", "talks", "a protest"): its possessor, the names and force
words before it, its "by"/"between" phrases, or the subject of the verb that governs it ("held
talks", "were injured in clashes with Serbs"); failing every frame, the "of" phrase of an act no
one undergoes ("the visit of the French president").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.coding import entity_at
from newsevents.extract.coref import PERSON_PRONOUNS, PLURAL_PRONOUNS
from newsevents.extract.frames import (
    SUBJECT_DEPS,
    agent_of,
    children,
    headline_undergoer,
    is_passive,
    prep_objects,
    sufferers_of,
)
from newsevents.extract.roles import Grammar, Roles, inherited_subject, issuer
from newsevents.ontology.load import EventTypeInfo

_NOUN_ACTOR_DEPS = {"poss", "compound", "amod", "nmod"}
_ACTOR_ENTITIES = {"GPE", "NORP", "ORG", "PERSON"}
_LIGHT_DEPS = {"dobj", "attr", "nsubjpass", "oprd"}
_PLACE_ENTITIES = {"GPE", "LOC", "FAC"}


def _names_place(modifier: Token, info: EventTypeInfo, grammar: Grammar) -> bool:
    """ "the Nairobi bombing", "the NATO Washington summit": a town, region or site named before
    an act is where it happened. A name before an attack is its place or its victim ("the Ben
    Guerdane attack", which the tagger takes for a person; "the Rabin assassination"), and so is
    a country's full name after "the" ("the Tanzania blast", "the Kuwait invasion", "the Kenya
    embassy bombing": an attack the reader knows, by where it was); a short form is used as the
    country's adjective and names the doer ("the U.S. missile attacks"), as does a headline's
    name ("Israel air strikes kill five") and a name before other acts ("the Iran talks")."""
    if modifier.dep_ == "compound" and modifier.ent_type_ == "PERSON" and info.name == "ASSAULT":
        return True
    if modifier.dep_ != "compound" or modifier.ent_type_ not in _PLACE_ENTITIES:
        return False
    entity = entity_at(modifier)
    name = entity.text if entity is not None else modifier.text
    if name.lower().removeprefix("the ") not in grammar.countries:
        return True
    if info.name != "ASSAULT" or name.replace(".", "").isupper():
        return False
    noun = modifier.head
    while noun.dep_ == "compound" and noun.head.i != noun.i:  # "the Kenya embassy bombing"
        noun = noun.head
    return any(c.dep_ == "det" and c.lower_ == "the" and c.i < modifier.i for c in noun.lefts)


def _force_modifiers(noun: Token, info: EventTypeInfo, grammar: Grammar) -> list[Token]:
    """ "a 2008 police raid", "an army offensive", "a law enforcement raid": for acts that forces
    do (force_modifier_types) and for an inquiry ("a police investigation": force_modifier_nouns),
    a force word before the noun is the doer ("files seized during a police raid": of the clause
    too, unless the noun is behind "against")."""
    if info.name.lower() not in grammar.force_types and noun.lemma_.lower() not in grammar.force_nouns:
        return []
    if noun.dep_ == "pobj" and noun.head.lower_ == "against":
        return []  # "protests against a police killing": what is protested, not the clause's doer
    found = []
    for child in noun.lefts:
        lemma = child.lemma_.lower()
        words = {lemma} | {f"{c.lemma_.lower()} {lemma}" for c in child.lefts if c.dep_ == "compound"}
        if child.dep_ in {"compound", "amod"} and words & grammar.force_modifiers:
            found.append(child)
    return found


def noun_roles(
    noun: Token, info: EventTypeInfo, extra_preps: set[str], grammar: Grammar, *, answered: bool = False,
) -> Roles:
    """Actor and recipient of a noun trigger ("clashes", "talks", "a protest"): the "of" phrase of
    an act no one undergoes, else the frames, else a force word before it ("a police raid"). A
    statement another act answers ("Reno denied the request") was not made by the answering
    verb's subject: only the noun itself names its maker ("his request")."""
    roles = _noun_frames(noun, info, extra_preps, grammar, answered)
    frame = noun.head if noun.dep_ == "compound" else noun
    if not roles.recipients and grammar.undergone(info):
        # "the killing of 3 soldiers", "the arrest of the mayor": who undergoes the act (after
        # the frames: "arrested in the killing of a shopkeeper" makes no shopkeeper the doer)
        roles.recipients = prep_objects(frame, {"of"})
    # "the visit of the French president", "the scandal led to the resignation of Nixon": the
    # "of" phrase of an act no one undergoes names its doer, whatever the verb around it
    roles.actors = _stated_doers(noun, grammar) or roles.actors or _force_modifiers(frame, info, grammar)
    return roles


def _own_names(noun: Token, info: EventTypeInfo, grammar: Grammar) -> list[Token]:
    """A noun's possessor and the names before it ("Serbia's offensive", "a Turkish drone
    strike"), also one a place stands between ("the NATO Washington summit", "US Predator
    attacks")."""
    def named(tok: Token) -> bool:  # "US" the tagger missed is still a country's name; "DUI" is a crime
        entity = tok.ent_type_ in _ACTOR_ENTITIES or (tok.pos_ == "PROPN" and tok.lower_ in grammar.countries)
        return entity and tok.lower_ not in grammar.offence_names and not _names_place(tok, info, grammar)

    found = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in _NOUN_ACTOR_DEPS and named(child)):
            found.append(child)
        elif child.dep_ == "compound" and child.i < noun.i:
            found.extend(c for c in child.lefts if c.dep_ == "compound" and named(c))
    return found


def _undergoing_owners(noun: Token, own: list[Token], grammar: Grammar) -> list[Token]:
    """ "his abduction", "Smith's arrest": a person who owns an act done to someone
    (owner_undergoes_nouns) undergoes it, unless an "of" phrase names who did ("Israel's killing
    of 3 Palestinians") or a verb says the subject did it ("committed their murders"); a state
    or body that owns one did it ("the state's execution")."""
    if noun.lemma_.lower() not in grammar.owner_undergoes_nouns or prep_objects(noun, {"of"}):
        return []
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in grammar.perpetration_verbs:
        return []
    return [t for t in own if t.dep_ == "poss" and _a_person(t)]


def _stated_doers(noun: Token, grammar: Grammar) -> list[Token]:
    """ "the resignation of the city manager", "the visit of the French president": for an act
    no one undergoes (doer_of_nouns), "of" names who did it; not for "the killing of 3 soldiers"."""
    if noun.lemma_.lower() not in grammar.doer_of_nouns:
        return []
    return prep_objects(noun, {"of"})


def _conjunct_doers(noun: Token, info: EventTypeInfo, grammar: Grammar) -> list[Token]:
    """ "harassment and threats against him by anti-abortion groups", "Israel's raids and
    shelling": a doer stated once on the first of joined act nouns is the others' too."""
    first = noun.head
    if noun.dep_ != "conj" or first.lemma_.lower() not in grammar.act_nouns:
        return []  # "moving into relatives' homes or changing custody": homes are no act
    own = _own_names(first, info, grammar)
    undergoing = _undergoing_owners(first, own, grammar)  # "his arrest and conviction": he underwent both
    return [t for t in own if t not in undergoing] or prep_objects(first, {"by"})


def _counting_head(noun: Token, grammar: Grammar) -> Token:
    """ "has made dozens of requests", "filed hundreds of complaints", "in a spate of attacks": the
    word that counts the acts holds their place in the verb's frame."""
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" and (
            of.head.lemma_.lower() in grammar.quantifiers or of.head.lower_ in grammar.quantifiers):
        return of.head
    return noun


def _record_verb(noun: Token, grammar: Grammar) -> Token | None:
    """The record verb that takes an act noun as object ("has prior arrests") or through its
    preposition ("serving time on a 2006 conviction", "was on probation for an arrest"), if one
    does."""
    head = noun.head
    if noun.dep_ == "dobj":
        verb = head
    elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ not in grammar.separate_preps:
        verb = head.head
    else:
        return None
    on_record = any(p.lower_ == "on" and any(o.lemma_.lower() in grammar.record_states for o in p.children)
                    for p in verb.children)  # "was on probation for a previous arrest"
    return verb if on_record or verb.lemma_.lower() in grammar.record_verbs else None


def _alleged(noun: Token, grammar: Grammar) -> bool:
    """ "charged him with the murder", "accused Russia of the poisoning": an act named as what an
    accusation says (as the gerund after these verbs in roles.py) has no known doer."""
    prep = noun.head
    return (noun.dep_ == "pobj" and prep.lower_ in grammar.object_doer_preps
            and prep.head.lemma_.lower() in grammar.allegation_verbs)


def _noun_frames(
    noun: Token, info: EventTypeInfo, extra_preps: set[str], grammar: Grammar, answered: bool,
) -> Roles:
    roles = Roles()
    if noun.dep_ == "compound":  # "a mediation effort between X and Y": the frame noun's slots
        noun = noun.head
    between = prep_objects(noun, {"between", "among"})
    if between:  # reciprocal: both sides act
        roles.actors = between
        return roles
    own = _own_names(noun, info, grammar)
    owners = _undergoing_owners(noun, own, grammar)
    roles.actors = (
        [t for t in own if t not in owners] or prep_objects(noun, info.actor_preps | {"by"})
        or _conjunct_doers(noun, info, grammar)
    )
    roles.recipients = prep_objects(noun, info.recipient_preps | extra_preps) or owners
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in grammar.undergoing_preps and head.head.pos_ in {"VERB", "AUX"}:
        # "the mayor is under arrest", "the ship came under attack by pirates": the subject undergoes it
        roles.recipients = roles.recipients or children(head.head, SUBJECT_DEPS) or inherited_subject(
            head.head, grammar)
        roles.actors = roles.actors or prep_objects(head.head, {"by", "from"})
        return roles
    if roles.actors or answered:
        return roles
    noun = _counting_head(noun, grammar)
    head = noun.head
    verb_lemma = head.lemma_.lower()
    if noun.dep_ == "dobj" and verb_lemma in grammar.receiving_verbs:
        # "May received backing from the United States": the giver acts on the receiver
        roles.actors = prep_objects(head, {"from"}) or prep_objects(noun, {"from"})
        roles.recipients = roles.recipients or children(head, SUBJECT_DEPS)
    elif (record := _record_verb(noun, grammar)) is not None and grammar.undergone(info):
        # "he has prior arrests", "returned to prison to serve a life sentence", "serving five
        # years on the heroin conviction": he underwent them; who arrested or sentenced him is
        # not said
        holder = children(record, SUBJECT_DEPS) or inherited_subject(record, grammar)
        roles.recipients = roles.recipients or holder
    elif noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in grammar.document_nouns:
        # "issued a statement of support", "sent a letter of protest": the issuer's act
        roles.actors = issuer(head.head, grammar)
    elif noun.dep_ in _LIGHT_DEPS and verb_lemma in grammar.observer_verbs:
        pass  # "a witness reported the shooting": the witness did not shoot
    elif _alleged(noun, grammar):
        pass  # "charged Kopp with murder": the accuser did not kill, the accused only allegedly
    elif noun.dep_ in _LIGHT_DEPS and head.pos_ in {"VERB", "AUX"}:
        # "held talks", "staged a protest", "launched an attack"
        subject = children(head, SUBJECT_DEPS) or inherited_subject(head, grammar)
        if noun.dep_ == "nsubjpass":
            subject = agent_of(head)
        roles.actors = subject
    elif (
        noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}
        and head.lower_ not in grammar.separate_preps
        and head.head.lemma_.lower() not in grammar.observer_verbs  # "looking into the attacks"
    ):
        verb = head.head
        dying = head.lower_ in {"in", "during"} and _suffering_verb(verb, grammar)
        # "man taken into custody"
        undergoer = headline_undergoer(verb, info.recipient_preps, grammar.undergone(info))
        if dying or undergoer is not None or is_passive(verb, reduced=True):
            # "soldiers were injured in clashes with Serbs": the "with" side acted; "two
            # officers died in a shootout": the dead suffered it
            if dying:
                sufferers = children(verb, SUBJECT_DEPS)
            elif undergoer is not None:
                sufferers = [undergoer]
            else:
                sufferers = sufferers_of(verb)
            counterpart = prep_objects(noun, {"with"})  # "tied to attacks on X": X is no doer
            if counterpart:
                roles.actors, roles.recipients = counterpart, sufferers
            else:
                roles.recipients = sufferers
        else:
            roles.actors = children(verb, SUBJECT_DEPS) or inherited_subject(verb, grammar)
    if owners and roles.actors and all(_a_person(t) for t in roles.actors):
        roles.actors = []  # "Earle is serving time for his convictions": he underwent them, no doer said
    return roles


def _suffering_verb(verb: Token, grammar: Grammar) -> bool:
    """ "died", "lost their lives", "caught fire", "went missing", "were wounded": a verb whose
    subject suffers the act an "in" phrase names (dying_verbs; a verb alone, with no object)."""
    lemma = verb.lemma_.lower()
    rest = [c for c in verb.children if c.dep_ in {"dobj", "acomp", "xcomp", "oprd", "attr", "advcl"}]
    if any({f"{lemma} {c.lemma_.lower()}", f"{lemma} {c.lower_}"} & grammar.dying_verbs for c in rest):
        return True
    return lemma in grammar.dying_verbs and not any(c.dep_ == "dobj" for c in rest)


def _a_person(tok: Token) -> bool:
    """A word naming a person or people: a person's name or a personal pronoun."""
    return tok.ent_type_ == "PERSON" or tok.lower_ in PERSON_PRONOUNS | PLURAL_PRONOUNS
