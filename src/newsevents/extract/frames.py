"""Frames: the dependency shapes a role is read from, whatever the trigger: subjects, the objects
of prepositions, and the passive in its forms ("X was arrested", "the 84 people killed", a headline's
"Father arrested ...", a participle sharing a passive: "were arrested and charged"). roles.py and
noun_roles.py read actors and recipients through them.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}


def children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    """Objects of the given prepositions under ``tok``; "on Saturday" is a time, not a role. A
    preposition the parser made the mark of a clause names the clause's subject ("called for the
    minister to resign": the minister)."""
    found = []
    for child in tok.children:
        if child.dep_ in {"prep", "prt", "agent"} and child.lower_ in preps:
            found.extend(
                c for c in child.children
                if c.dep_ == "pobj" and c.ent_type_ not in {"DATE", "TIME"}
            )
        elif child.dep_ in {"advcl", "acl"} and any(
            m.dep_ == "mark" and m.lower_ in preps and m.i == tok.i + 1 for m in child.children
        ):
            found.extend(c for c in child.children if c.dep_ == "nsubj")
    return found


def _reduced_passive(verb: Token) -> bool:
    """ "the 84 people killed in the attack": a past participle on a noun that has a role of
    its own (a noun left as the sentence's root is a misparsed subject: "Rebels attacked ...")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ != "ROOT" and not any(
        c.dep_ == "conj" and c.tag_ in {"VBD", "VBZ", "VBP"} for c in verb.children
    )  # "groups donated and delivered": a finite verb beside it says it is the main verb


def is_passive(verb: Token, *, reduced: bool = False) -> bool:
    """A passive verb; with ``reduced``, also a participle on a noun (the trigger's own
    frame only: a clause under it still shares its noun as subject)."""
    if reduced and _reduced_passive(verb):
        return True
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def headline_undergoer(
    verb: Token, recipient_preps: frozenset[str] | set[str], undergone: bool
) -> Token | None:
    """Who undergoes a passive whose auxiliary a headline or a gapped clause dropped: "Father
    arrested after ...", "Two protest leaders detained in Harare", "stores were looted and 50
    people arrested". A past participle with a subject and no auxiliary is one, whatever its
    subject, when its act is one someone undergoes (``undergone``: the tagger also gives
    "Peruvians protested" a participle); a past-tense form of such an act, or any participle
    ("Man accused of ..."), only when the subject is a bare singular noun (no determiner, no
    name: prose would say "a woman") and it has no recipient phrase ("Police cracked down on").
    A verb of such an act with an object's predicate and no object ("found guilty") is one too.
    None when the verb has an object or an auxiliary."""
    if verb.tag_ not in {"VBD", "VBN"}:
        return None
    # "guilty" in "found guilty", which the parser may also take for the object
    predicate = [c for c in verb.children if c.dep_ == "oprd" or (c.dep_ == "dobj" and c.pos_ == "ADJ")]
    if any(
        c.dep_ in {"aux", "auxpass", "dobj", "dative", "nsubjpass", "ccomp"} and c not in predicate
        for c in verb.children
    ):
        return None
    subjects = children(verb, SUBJECT_DEPS)
    if predicate and len(subjects) == 1 and undergone:
        # "LaRue found guilty", "Smith declared dead": these need an object; not "LaRue pleaded
        # guilty", whose predicate is the subject's own
        return subjects[0]
    if verb.tag_ == "VBN" and undergone:
        return subjects[0] if len(subjects) == 1 else _headline_subject(verb)
    if prep_objects(verb, recipient_preps) or not (undergone or verb.tag_ == "VBN"):
        return None  # "Gray resigned": a past tense of an act no one undergoes drops no passive
    subject = _headline_subject(verb)
    bare = subject is not None and (
        subject.tag_ in {"NN", "NNP"} and not subject.ent_type_ and subject.i == verb.sent.start
        and not any(c.dep_ in {"det", "poss", "nummod", "compound", "conj"} for c in subject.children)
    )
    return subject if bare else None


def _headline_subject(verb: Token) -> Token | None:
    """The noun a headline verb is about: its one subject, or the root noun it was parsed onto.
    The verb is the root, or the clause a source follows ("Father arrested ..., reports say")."""
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT":
        return verb.head
    subjects = children(verb, SUBJECT_DEPS)
    main = verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.i < verb.head.i)
    return subjects[0] if main and len(subjects) == 1 else None


def shared_passive(verb: Token) -> list[Token]:
    """ "were arrested in Ohio, charged with fraud", "were arrested and charged": a participle
    with no auxiliary and no subject hanging from a passive shares its passive, so the head's
    subject underwent it too (not did it). Empty when the verb is no such participle."""
    head = verb.head
    if verb.tag_ != "VBN" or verb.dep_ not in {"advcl", "conj"} or head.pos_ not in {"VERB", "AUX"}:
        return []
    if any(c.dep_ in {"aux", "auxpass", "dobj", "dative"} | SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
           for c in verb.children):
        return []
    return children(head, PASSIVE_SUBJECT_DEPS) if is_passive(head) else []


def sufferers_of(verb: Token) -> list[Token]:
    """Who undergoes a passive verb: its subject, or the noun a participle describes."""
    if _reduced_passive(verb) and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return [verb.head]
    return children(verb, PASSIVE_SUBJECT_DEPS)


def agent_of(verb: Token) -> list[Token]:
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
