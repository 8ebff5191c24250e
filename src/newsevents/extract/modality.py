"""Auxiliary modes: was the event negated, hypothetical, announced for the future?

The trigger and the verbs that govern it are read for negation ("did not
attack", "no clashes"), modal and future auxiliaries ("could", "will"),
governing verbs ("failed to", "plans to", "wants to"), and conditions ("if",
"unless"). A "would" inside reported speech is the reported future.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsevents.extract.date_grammar import grammar
from newsevents.ontology import Ontology

_COMPLEMENTS = {"xcomp", "ccomp", "pcomp"}
_CLIMB = {"xcomp", "conj", "dobj", "pobj", "prep", "nsubjpass", "nsubj", "attr", "pcomp", "acomp", "oprd"}


@dataclass(slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    conditional: bool = False  # type_remap.py decides what the condition bears on (``remap``)
    wished: bool = False  # hypothetical only by a wish ("want to reach a truce"): see ``type_remap.remap``
    scheduled: bool = False  # future only by a timetable ("planned to visit"): see ``type_remap.remap``


def governing_chain(trigger: Token, through: frozenset[str] = frozenset()) -> list[Token]:
    """The trigger and the words above it up to (and including) its clause's verb; a
    clause under a verb of ``through`` ("see us fire", "let them attack"), a purpose clause
    ("unlikely to act to block it") and an infinitive with its own subject ("wants the envoys
    to meet") climb on."""
    chain = [trigger]
    tok = trigger
    while (tok.dep_ in _CLIMB or (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in through)
           or _purpose(tok) or _subject_infinitive(tok) or _gerund_clause(tok)) \
            and tok.head.i != tok.i and len(chain) < 6:
        tok = tok.head
        chain.append(tok)
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"xcomp", "conj", "pcomp"}:
            break
    return chain


def _purpose(tok: Token) -> bool:
    """ "to block", "to disperse": an infinitive that says what its verb is for."""
    return tok.dep_ == "advcl" and infinitive(tok)


def _for_clause(tok: Token) -> bool:
    """ "(calling) for the chief to resign", "(eager) for talks to start": an infinitive clause
    with its own subject opened by "for" is the complement of the word that asks, wants or
    expects it, though the parser hangs it as an adverbial clause."""
    return tok.dep_ == "advcl" and infinitive(tok) and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in tok.children)


def _gerund_clause(tok: Token) -> bool:
    """ "(would involve) agencies sharing intelligence": a gerund clause with its own subject has
    no tense of its own, so it takes the modes of the verb it completes."""
    return tok.dep_ == "ccomp" and tok.tag_ == "VBG" and not any(
        c.dep_ in {"aux", "auxpass"} for c in tok.children)


def _subject_infinitive(tok: Token) -> bool:
    """ "(wants) the envoys to meet": an infinitive clause with its own subject, which the
    parser makes a clausal complement of the verb that wants, asks or expects it."""
    return tok.dep_ == "ccomp" and infinitive(tok)


def infinitive(tok: Token) -> bool:
    """A verb with its "to" ("to meet", "to block"): the one test of an infinitive clause."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def clause_head(tok: Token) -> Token:
    """The verb whose clause holds ``tok``; purpose clauses ("to disperse") join their verb."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    while tok.dep_ in {"xcomp", "advcl"} and infinitive(tok):
        tok = tok.head
    return tok


def extraposed(verb: Token) -> bool:
    """ "It is necessary to talk", "it's time to act": a copula whose subject "it" stands for the
    infinitive the parser hung on the copula itself (a controlling adjective takes it: "it is
    ready to talk" hangs it on "ready"). The infinitive has no doer and tells no event."""
    copula = verb.lemma_.lower() == "be" or verb.lower_ == "’s"  # the tagger misses a curly "’s"
    return copula and any(
        c.dep_ in {"nsubj", "csubj"} and c.lower_ == "it" for c in verb.children
    ) and any(c.dep_ in {"acomp", "attr"} for c in verb.children)


def read_modality(trigger: Token, ontology: Ontology) -> Modality:
    """The auxiliary modes of the event whose trigger is ``trigger``."""
    negation = ontology.words("negation")
    modal = ontology.words("hypothetical_aux")
    future_aux = ontology.words("future_aux")
    marks = ontology.words("conditional_marks")
    speech = ontology.words("speech_verbs")
    mode = Modality()
    chain = governing_chain(trigger, ontology.words("bare_infinitive_heads"))
    intended = _intended(trigger, ontology.words("intent_nouns"))
    for depth, tok in enumerate(chain):
        # a governing verb colours only a clause it takes as complement ("failed to reach",
        # "suspected of blowing up"), not a coordinated verb or a noun behind a preposition;
        # so does an adjective ("reluctant to criticise", "unable to capture", "ready to sign")
        governor = depth > 0 and tok.pos_ in {"VERB", "ADJ"} and any(
            link.dep_ in _COMPLEMENTS or _for_clause(link) for link in chain[:depth]
        )
        lemma = tok.lemma_.lower()
        if governor and lemma in ontology.words("negating_governors"):
            mode.negated = True
        if governor and lemma in ontology.words("future_governors"):
            mode.future = True
            mode.scheduled = mode.scheduled or lemma in ontology.words("scheduling_governors")
        if governor and lemma in ontology.words("hypothetical_governors"):
            mode.hypothetical = True
            # the act is the wish's own complement ("want to reach"), not another's ("want to see them")
            own = depth == 1 and trigger.dep_ == "xcomp"
            mode.wished = own and lemma in ontology.words("intent_governors")
        if depth > 0 and chain[depth - 1].dep_ == "xcomp" and extraposed(tok):
            mode.hypothetical = True  # "it is important to negotiate": a judgement, no event
        elif depth > 0 and not intended and _arranged(tok, chain[:depth], ontology):
            mode.future = mode.scheduled = True  # "is to be sentenced": on the timetable
        if depth > 0 and tok.pos_ == "VERB" and lemma in ontology.words("suspicion_verbs"):
            mode.hypothetical = True  # "damages suspected as arson", "police suspect arson"
        asserted = depth > 0 and _asserted_subject(chain[depth - 1], tok, ontology)
        for child in tok.children:
            word = child.lower_
            if (child.dep_ == "neg" and not asserted) or (
                child.dep_ in {"det", "advmod"} and word in negation and depth == 0
            ) or (depth == 0 and _no_one(child, negation)):
                mode.negated = True
            elif child.dep_ in {"aux", "auxpass"}:
                if word in future_aux or child.lemma_.lower() in future_aux:
                    mode.future = True
                elif word in modal:
                    wish = lemma in ontology.words("hypothetical_governors")  # "would like to"
                    # "said it would be a mistake": a judgement of what might be, not a plan
                    judged = depth > 0 and chain[depth - 1].dep_ in {"acomp", "attr"}
                    if word == "would" and _reported(tok, speech) and not (wish or judged):
                        mode.future = True
                    else:
                        mode.hypothetical = True
                        mode.wished = False  # "would want to meet" is no stated wish
            elif child.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in marks for g in child.children
            ):
                mode.conditional = True
            elif child.dep_ == "mark" and word in marks:
                mode.hypothetical = True
    if intended:
        mode.hypothetical = True  # "the Alliance's eagerness to support": an aim, no act
    if _planned(trigger, ontology.words("planning_verbs"), ontology.words("quantity_nouns")):
        mode.future = mode.scheduled = True  # "planned a demonstration": on the timetable
    if _dated_present(clause_head(trigger)):
        mode.future = mode.scheduled = True  # "they meet Monday": on the timetable, not yet done
    if trigger.dep_ == "acl" and _none(trigger.head, negation):  # "no shots fired", "no roads closed"
        mode.negated = True
    if _excluded(trigger):
        mode.negated = True  # "ended without an agreement", "neither approves nor disapproves"
    if _prevented(trigger, ontology.words("preventing_governors")):
        mode.negated = True  # "foiled an attack", "pirate attack foiled": it did not happen
    if _possible(trigger, ontology.words("possibility_nouns")) or _weighed(
            trigger, ontology.words("deliberation_verbs")):
        mode.hypothetical = True  # "the possibility of a meeting": no meeting yet
    if _sought(trigger, ontology.words("tip_nouns")):
        mode.hypothetical = True  # "information leading to the arrest": no arrest yet
    return mode


def _possible(trigger: Token, nouns: frozenset[str]) -> bool:
    """An act noun that is what a possibility is of ("the prospect of arrest")."""
    prep = trigger.head
    return (trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and prep.lower_ == "of"
            and prep.head.lemma_.lower() in nouns)


def _excluded(trigger: Token) -> bool:
    """An act noun behind "without", or an act under "neither ... nor": not done."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "without":
        return True
    first = trigger.head if trigger.dep_ == "conj" else trigger
    return any(c.dep_ == "preconj" and c.lower_ == "neither" for c in first.children) or (
        trigger.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in trigger.head.children))


def _weighed(trigger: Token, verbs: frozenset[str]) -> bool:
    """An act noun a jury or panel deliberates on or over: no decision yet."""
    prep = trigger.head
    return (trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and prep.lower_ in {"on", "over"}
            and prep.head.lemma_.lower() in verbs)


def _sought(trigger: Token, nouns: frozenset[str]) -> bool:
    """An act noun, or one coordinated with it, that information would lead to ("a reward for
    information leading to the arrest and conviction", "information that leads to the arrest");
    not one it led to ("a tip led to the arrest": done)."""
    while trigger.dep_ == "conj" and trigger.head.i != trigger.i:
        trigger = trigger.head
    prep = trigger.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or prep.lower_ != "to":
        return False
    verb = prep.head
    return (verb.lemma_.lower() == "lead" and verb.dep_ in {"acl", "relcl"}
            and verb.tag_ not in {"VBD", "VBN"} and verb.head.lemma_.lower() in nouns)


def _prevented(trigger: Token, verbs: frozenset[str]) -> bool:
    """An act noun a verb of prevention takes as its object ("thwarted a bombing"), as its
    passive subject ("the coup was averted") or as the noun its participle describes ("attack
    foiled"): the act was stopped before it happened."""
    if trigger.pos_ != "NOUN":
        return False
    head = trigger.head
    if trigger.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in verbs:
        return True
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in verbs for c in trigger.children)


def _dated_present(verb: Token) -> bool:
    """ "He and Arafat meet Monday", "is co-hosting a forum on April 20": an act in the present
    tense with a day of its own is on the timetable; news tells an act done in the past tense."""
    present = verb.tag_ in {"VBZ", "VBP"} or (verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in verb.children))
    if not present:
        return False
    days, months = grammar().weekdays, grammar().months
    named = [c for c in verb.children if c.dep_ == "npadvmod"] + [
        w for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"
        for w in c.children if w.dep_ == "pobj"]
    return any(w.lower_ in days or (
        w.lower_ in months and any(c.dep_ == "nummod" for c in w.children)) for w in named)


def _planned(trigger: Token, governors: frozenset[str], quantities: frozenset[str]) -> bool:
    """ "Protesters planned a demonstration", "talks were scheduled": an act noun that is what a
    scheduling verb sets up is on the timetable, as its infinitive is ("planned to march"), also
    through a noun that counts it ("plans a series of protests"); a phrasal verb is another verb
    ("set up a roadblock", "set off expulsions")."""
    noun = trigger
    counter = trigger.head.head
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and counter.lemma_.lower() in quantities:
        noun = counter
    verb = noun.head
    return trigger.pos_ == "NOUN" and noun.dep_ in {"dobj", "nsubjpass"} and (
        verb.lemma_.lower() in governors) and not any(c.dep_ == "prt" for c in verb.children)


def _arranged(copula: Token, below: list[Token], ontology: Ontology) -> bool:
    """ "The envoy is to meet", "he is to be sentenced": a copula with an infinitive complement
    tells what is arranged, like "due to" (modality.yaml: scheduling_copulas); not an aim
    ("its goal is to support": ``_intended``) nor an event behind a preposition ("the road was
    to remain closed due to the explosion")."""
    verb = below[-1]
    return (copula.lemma_.lower() in ontology.words("scheduling_copulas") and verb.dep_ == "xcomp"
            and infinitive(verb) and not any(link.dep_ == "pobj" for link in below))


def _intended(verb: Token, nouns: frozenset[str]) -> bool:
    """A verb that is the content of an aim: "eagerness to support", "the aim of allowing",
    "its purpose was supporting"."""
    if verb.pos_ != "VERB":
        return False
    head = verb.head
    if verb.dep_ == "acl":
        return head.lemma_.lower() in nouns
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        return head.head.lemma_.lower() in nouns
    copula = verb.dep_ in {"attr", "xcomp", "ccomp", "acomp"} and head.lemma_.lower() == "be"
    # "its purpose was supporting" is also parsed as a progressive: an aim is no doer
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in nouns
               for c in (*verb.children, *(head.children if copula else ())))


def standing(trigger: Token, ontology: Ontology) -> bool:
    """The trigger tells a standing state, not an act (modality.yaml: stance_verbs,
    habitual_adverbs, standing_measures, held_states): a position held, a habit, a measure in
    force, someone held "in custody"."""
    lemma = trigger.lemma_.lower()
    if any(c.dep_ == "advmod" and c.lower_ in ontology.words("habitual_adverbs") for c in trigger.children):
        return True
    if trigger.pos_ == "VERB" and lemma in ontology.words("stance_verbs"):
        present = trigger.tag_ in {"VBZ", "VBP"} and not _reported(trigger, ontology.words("speech_verbs"))
        described = trigger.tag_ == "VBN" and trigger.dep_ in {"acl", "amod"}
        return present or described
    if trigger.pos_ == "NOUN" and lemma in ontology.words("held_states"):
        prep = trigger.head
        # the parser may hang "in custody" on the verb's object ("placed the children in custody")
        head = prep.head.head if prep.head.dep_ == "dobj" else prep.head
        said_of = head.pos_ in {"NOUN", "PROPN", "PRON"} or head.lemma_.lower() == "be"
        return trigger.dep_ == "pobj" and prep.lower_ == "in" and said_of
    if trigger.pos_ == "NOUN" and lemma in ontology.words("standing_measures"):
        topic = trigger.dep_ == "pobj" and trigger.head.lower_ in ontology.words("topic_preps")
        acting = any(c.dep_ == "relcl" and any(
            g.dep_ == "nsubj" and g.lower_ in {"which", "that"} for g in c.children
        ) for c in trigger.children)
        return trigger.dep_ in {"nsubj", "poss"} or topic or acting
    return False


def occasion(trigger: Token, ontology: Ontology) -> bool:
    """The trigger is a meeting noun that only names where or when another verb's act happened
    ("spoke at a meeting", "in a one-on-one meeting", "at a summit, the alliance announced")
    and names no other side of its own (modality.yaml: occasion_preps, counterpart_preps): it
    tells no interaction, "a meeting with Yang" or "a meeting of ministers" does."""
    prep = trigger.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    if prep.lower_ not in ontology.words("occasion_preps"):
        return False
    sides = any(c.dep_ == "prep" and (c.lower_ in ontology.words("counterpart_preps") or (
        c.lower_ == "of" and any(_several(o) for o in c.children if o.dep_ == "pobj")))
        for c in trigger.children)
    # the parser may hang it on the verb's object ("offered the post in a meeting"); a copula's
    # "are in talks" tells the talks themselves
    head = prep.head.head if prep.head.dep_ == "dobj" else prep.head
    return head.pos_ == "VERB" and not sides


def member_denies(main: Token, member: Token, ontology: Ontology) -> bool:
    """A negated word of the event's group denies the event ("no talks were held"), unless it is
    a verb that denies something of the event's noun, its subject ("the attack did not kill")."""
    return read_modality(member, ontology).negated and not _asserted_subject(main, member, ontology)


def _asserted_subject(noun: Token, verb: Token, ontology: Ontology) -> bool:
    """ "The investigation never went anywhere", "the attack did not kill anyone": an act noun
    that is a verb's subject happened, whatever is denied of it, unless the verb says whether it
    happened ("the talks did not take place"; occurrence_verbs)."""
    if noun.dep_ != "nsubj" or noun.pos_ != "NOUN" or noun.head != verb:
        return False
    lemma = verb.lemma_.lower()
    words = {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in {"dobj", "prt", "advmod"}}
    return not words & ontology.words("occurrence_verbs")


def _several(noun: Token) -> bool:
    """ "ministers", "the US and China": a plural or coordinated party, the sides of a meeting."""
    return noun.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in noun.children)


def _reported(verb: Token, speech: frozenset[str]) -> bool:
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in speech


def _no_one(child: Token, negation: frozenset[str]) -> bool:
    """A subject that is no one: "no one was injured", "nobody was arrested", "neither side fired"."""
    return child.dep_ in {"nsubj", "nsubjpass"} and _none(child, negation)


def _none(noun: Token, negation: frozenset[str]) -> bool:
    """ "nobody", "no roads", "neither side": a noun that names no one and nothing."""
    return noun.lower_ in negation or any(d.dep_ == "det" and d.lower_ in negation for d in noun.children)
