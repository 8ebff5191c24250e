"""Roles: which words of the parse are an event's actor and recipient.

Dependency frames, in order: the passive ("were injured by X", "X was
arrested"), the active subject and object, the type's recipient prepositions
("met with", "called on"), controlled clauses ("Serbia ordered its army to
advance": the army advances; "Russia is willing to talk": Russia talks; "it is necessary to
talk": nobody does), conjoined verbs sharing a subject (not a reporting verb after a comma:
"Rebels shelled the camp, alleges the group", whose subject stands behind it), and for a
noun trigger the frames of noun_roles.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from spacy.tokens import Token

from newsevents.extract.frames import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    agent_of,
    children,
    headline_undergoer,
    is_passive,
    prep_objects,
    shared_passive,
)
from newsevents.extract.modality import extraposed
from newsevents.ontology import Ontology
from newsevents.ontology.load import NO_EVENT, EventTypeInfo

_CAUSE_MARKS = {"when", "as"}  # clauses that tell how an act came about (``_cause_doers``)
_OBJECT = {"dobj", "dative"}
_OBJECT_CONTROL = {"dobj"}
_VERB_MARKS = {"advmod", "aux", "neg"}  # "Macron has repeatedly criticised"
_NO_ONE = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_PARTY_ENTITIES = {"GPE", "ORG", "NORP", "PERSON"}


@dataclass(frozen=True, slots=True)
class Grammar:
    """Word lists from modality.yaml that the frames need (a field named as a key of it is read
    from it)."""

    object_control: frozenset[str] = frozenset()
    object_doer_preps: frozenset[str] = frozenset()
    allegation_verbs: frozenset[str] = frozenset()
    separate_preps: frozenset[str] = frozenset()
    object_preps: frozenset[str] = frozenset()
    light_objects: frozenset[str] = frozenset()
    observer_verbs: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    undergoing_preps: frozenset[str] = frozenset()
    record_verbs: frozenset[str] = frozenset()
    topic_verbs: frozenset[str] = frozenset()
    dying_verbs: frozenset[str] = frozenset()
    record_states: frozenset[str] = frozenset()
    offence_names: frozenset[str] = frozenset()
    fleeing_verbs: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    speaker_acts: frozenset[str] = frozenset()
    removal_verbs: frozenset[str] = frozenset()
    contact_verbs: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()  # lower-case names and demonyms of countries
    force_modifiers: frozenset[str] = frozenset()
    force_types: frozenset[str] = frozenset()
    force_nouns: frozenset[str] = frozenset()
    doer_of_nouns: frozenset[str] = frozenset()
    owner_undergoes_nouns: frozenset[str] = frozenset()
    perpetration_verbs: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()  # nouns triggers.tsv codes as acts
    event_nouns: frozenset[str] = frozenset()  # those of them with a sense of some event type
    sectorless_acts: frozenset[str] = frozenset()  # event nouns that are no sector word (actors.py)
    quantifiers: frozenset[str] = frozenset()
    undergone_types: frozenset[str] = frozenset()
    force_verbs: frozenset[str] = frozenset()  # verbs triggers.tsv codes as acts of undergone_types

    def undergone(self, info: EventTypeInfo) -> bool:
        """Its act is one someone undergoes ("the arrest of the mayor", "man taken into custody"):
        of_recipient_types, read once here for verbs and nouns alike."""
        return info.name.lower() in self.undergone_types


_GRAMMARS: dict[int, tuple[Ontology, Grammar]] = {}


def grammar_of(ontology: Ontology) -> Grammar:
    """The frames' word lists, built once per ontology (not once per article)."""
    cached = _GRAMMARS.get(id(ontology))
    if cached is None or cached[0] is not ontology:
        event_nouns = frozenset(lemma for (lemma, pos), senses in ontology.triggers.items()
                                if pos == "NOUN" and any(s.event_type != NO_EVENT for s in senses))
        undergone = ontology.words("of_recipient_types")
        named = {f.name: ontology.words(f.name) for f in fields(Grammar) if f.name in ontology.modality}
        grammar = Grammar(**named | dict(  # a list built below wins over a modality.yaml key of its name
            object_preps=ontology.words("object_recipient_preps"),
            reporting_verbs=ontology.words("speech_verbs") | ontology.words("quote_verbs"),
            light_objects=frozenset(
                o for senses in ontology.triggers.values() for sense in senses for o in sense.objects
            ) - frozenset(ontology.sectors),
            countries=frozenset(ontology.country_names) | frozenset(ontology.demonyms),
            force_types=ontology.words("force_modifier_types"),
            force_nouns=ontology.words("force_modifier_nouns"),
            undergone_types=undergone,
            force_verbs=frozenset(lemma for (lemma, pos), senses in ontology.triggers.items() if pos == "VERB"
                                  and any(s.event_type.lower() in undergone for s in senses)),
            quantifiers=ontology.words("quantifier_heads"),
            act_nouns=frozenset(lemma for lemma, pos in ontology.triggers if pos == "NOUN"),
            event_nouns=event_nouns,
            sectorless_acts=event_nouns - frozenset(ontology.sectors),
        ))
        cached = _GRAMMARS[id(ontology)] = (ontology, grammar)
    return cached[1]


@dataclass(slots=True)
class Roles:
    """Head tokens of actors and recipients (conjuncts not yet expanded)."""

    actors: list[Token] = field(default_factory=list)
    recipients: list[Token] = field(default_factory=list)


def names_party(tok: Token, grammar: Grammar) -> bool:
    """A word of a trigger's own phrase that still names whom the act is done to: "joined NATO",
    "sinking a Thai trawler"; not an act noun or a document ("launched a Russian offensive",
    "signed the Washington Treaty": the act and what it makes, no party)."""
    if tok.lemma_.lower() in grammar.act_nouns | grammar.document_nouns:
        return False
    if tok.ent_type_ in _PARTY_ENTITIES:
        return True
    # "the Moscow Olympics" (an event): a name of no party is not one either
    return not tok.ent_type_ and any(
        c.dep_ in {"compound", "amod"} and c.ent_type_ in _PARTY_ENTITIES - {"PERSON"} for c in tok.lefts)


def inherited_subject(verb: Token, grammar: Grammar, depth: int = 0) -> list[Token]:
    """The subject a verb without one shares with the clause it hangs from.

    Verbs of ``object_control`` ("ordered its army to advance") hand their
    object down; the others their subject ("agreed to withdraw").
    """
    if depth > 4:
        return []
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp" and head.lemma_.lower() in grammar.object_control:
        controller = children(head, _OBJECT_CONTROL)
        if controller:
            return controller
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        head = head.head  # "Russia is willing to negotiate": the parser hangs it on the adjective
    elif verb.dep_ == "xcomp" and extraposed(head):
        return []  # "it is important to negotiate": nobody in particular negotiates
    if _trailing_report(verb, grammar):
        return []
    speaker = _speaker_going_on(verb, grammar)
    if speaker:
        return speaker
    if verb.dep_ == "conj" and not _joined(verb):
        return []
    # "dep": a finite verb the parser could not attach ("officers responding to reports ... shot a
    # man"), its subject that of the verb it hangs from
    dangling = verb.dep_ == "dep" and verb.tag_ in {"VBD", "VBZ", "VBP"}
    if verb.dep_ in {"xcomp", "conj", "advcl", "pcomp"} or dangling:
        if verb.dep_ == "pcomp":  # "by dumping", "after attacking": the prep's verb
            doer_prep = head.lower_ in grammar.object_doer_preps
            head = _clause_of_time_prep(head, grammar)
            # "thanked the army for helping": the object did it, not the subject; "accused Russia
            # of poisoning the spy": no one is known to have, the accused only allegedly
            doers = children(head, _OBJECT_CONTROL) if doer_prep else []
            if doers:
                return [] if head.lemma_.lower() in grammar.allegation_verbs else doers
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and _copular_report(head):
            head = head.head  # "ruled the program was legal, rejecting the claim": the judge rejects
        if head.pos_ in {"VERB", "AUX"}:
            if is_passive(head):
                if _active_conjunct(verb):
                    return children(head, PASSIVE_SUBJECT_DEPS)  # "was arraigned and pleaded not guilty"
                agent = agent_of(head)
                if agent:
                    return agent
                return [] if verb.dep_ == "conj" else children(head, PASSIVE_SUBJECT_DEPS)
            subject = children(head, SUBJECT_DEPS)
            return subject or inherited_subject(head, grammar, depth + 1)
    if verb.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        # "Canada was the first member to ratify it": the predicate names its copula's subject
        named = children(head.head, SUBJECT_DEPS) if head.dep_ == "attr" else []
        return issuer(head, grammar) or named or [head]
    return []


def _clause_of_time_prep(prep: Token, grammar: Grammar) -> Token:
    """The word a gerund's preposition belongs to: "allowed the extension after rejecting the
    order" is the verb's act, though the parser hangs "after" on the verb's object."""
    head = prep.head
    if prep.lower_ in grammar.separate_preps and head.dep_ == "dobj" and head.pos_ == "NOUN":
        return head.head
    return head


def _copular_report(clause: Token) -> bool:
    """A reported state ("said the plan was dead"): a participle set off after it ("..., blaming
    the rebels") is the reporter's act, a state does none."""
    return (clause.dep_ == "ccomp" and clause.lemma_ == "be"
            and any(c.dep_ in {"acomp", "attr"} for c in clause.children))


def issuer(document: Token, grammar: Grammar) -> list[Token]:
    """ "The union wrote an open letter calling for his censure": what a letter, petition or
    statement demands or backs is the act of whoever issued it, the subject of the verb it is
    the object of (not of one who receives it: "the mayor received a letter calling for")."""
    if document.lemma_.lower() not in grammar.document_nouns or document.dep_ != "dobj":
        return []
    verb = document.head
    if verb.lemma_.lower() in grammar.receiving_verbs | grammar.observer_verbs:
        return []
    return children(verb, SUBJECT_DEPS) or inherited_subject(verb, grammar)


def _cause_doers(verb: Token, grammar: Grammar) -> list[Token]:
    """ "three Gazans were killed when Israeli forces attacked the school", "three killed as
    rioters bomb a bank": the named subject of the active clause that tells how a passive act
    done to someone came about did it, when that clause tells an act of force on something (not
    "were killed when two helicopters crashed", "were hurt when a tank exploded") and not by a
    pronoun ("was shot when he reached for a gun")."""
    for clause in children(verb, {"advcl"}):
        told_how = any(m.dep_ in {"mark", "advmod"} and m.lower_ in _CAUSE_MARKS for m in clause.children)
        acted_on = any(c.dep_ == "dobj" for c in clause.children)  # not "when a tank exploded"
        force = clause.lemma_.lower() in grammar.force_verbs and not is_passive(clause)
        if not (force and told_how and acted_on):
            continue
        subjects = [s for s in children(clause, {"nsubj"}) if s.pos_ != "PRON"]
        if subjects:
            return subjects
    return []


def _appealing_party(verb: Token, grammar: Grammar) -> list[Token]:
    """ "Anyone with information is asked to call police": whom the public is asked to call
    made the appeal (its doer is named nowhere else in such a sentence)."""
    for comp in children(verb, {"xcomp"}):
        if comp.lemma_.lower() in grammar.contact_verbs:
            return children(comp, _OBJECT)
    return []


def _active_conjunct(verb: Token) -> bool:
    """A finite active verb coordinated with a passive one: its doer is the passive's subject
    ("the driver was arraigned and pleaded not guilty"), not the passive's agent; a bare
    participle shares the passive ("was arrested and charged")."""
    return verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBZ", "VBP"} and not is_passive(verb)


def _joined(verb: Token) -> bool:
    """A verb the parser coordinated with the one before it, and the text joins to it: "and",
    "or", "but" or a comma between them. Without one the parser has mistaken a participle for
    a second verb ("denounced the murder of three workers killed when ...": killed is no act
    of the denouncer), and it shares no subject."""
    return any(t.dep_ == "cc" or t.text in {",", ";"} for t in verb.doc[verb.head.i + 1:verb.i])


def _trailing_report(verb: Token, grammar: Grammar) -> bool:
    """ "Rebels shelled the camp, alleges the group": a reporting verb after a comma that the
    parser coordinated with the clause it reports; it shares no subject with that clause."""
    edge = verb.left_edge
    return (
        verb.dep_ in {"conj", "parataxis"} and verb.head.i < verb.i
        and verb.lemma_.lower() in grammar.reporting_verbs
        and not any(c.dep_ == "cc" for c in verb.children)
        and (edge.text == "," or (edge.i > 0 and verb.doc[edge.i - 1].text == ","))
    )


def _speaker_going_on(verb: Token, grammar: Grammar) -> list[Token]:
    """ "Moon said China was responsible and called for talks": an act of speaking coordinated
    with the clause a speaker reports is the speaker's (the parser hangs it on that clause)."""
    head = verb.head
    lemma = verb.lemma_.lower()
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or head.head.lemma_.lower() not in grammar.speech_verbs:
        return []
    if lemma not in grammar.speaker_acts and lemma not in grammar.reporting_verbs:
        return []
    return children(head.head, SUBJECT_DEPS)


def _inverted(verb: Token, grammar: Grammar) -> bool:
    """ "The army shelled the camp, alleges the organization": a verb after the clause it
    reports, with its subject behind it, which the parser took for its object."""
    return not children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) and (
        any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) or _trailing_report(verb, grammar)
    ) and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)


def fronted_subject(verb: Token) -> list[Token]:
    """ "In a visit to Tunis on 1 February Macron criticised", "On May 4, on behalf of Canada,
    its envoy, Ann Lee, signed": the parser hangs a subject that follows a fronted phrase into
    that phrase, leaving a finite verb with none. The noun right before the verb (past commas
    and its adverbs), closing a phrase that hangs from the verb before it, is the subject."""
    finite = verb.tag_ in {"VBD", "VBZ", "VBP"} or any(
        c.dep_ == "aux" and c.tag_ != "TO" for c in verb.children)
    if not finite:
        return []  # an infinitive has no subject of its own to lose
    if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"expl"} for c in verb.children):
        return []
    before = verb.i - 1
    while before >= verb.sent.start and (
        verb.doc[before].is_punct or (verb.doc[before].head == verb and verb.doc[before].dep_ in _VERB_MARKS)
    ):
        before -= 1
    if before < verb.sent.start:
        return []
    noun = verb.doc[before]
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.ent_type_ in _NO_ONE or noun.head.i > noun.i:
        return []
    phrase = next((a for a in noun.ancestors if a.head == verb), None)
    return [noun] if phrase is not None and phrase.dep_ in {"prep", "npadvmod"} and phrase.i < noun.i else []


def verb_roles(verb: Token, info: EventTypeInfo, extra_preps: set[str], grammar: Grammar) -> Roles:
    """Actor and recipient of a verb trigger."""
    roles = Roles()
    recipient_preps = info.recipient_preps | extra_preps
    undergoer = headline_undergoer(verb, recipient_preps, grammar.undergone(info))
    shared = [] if undergoer is not None else shared_passive(verb)
    if undergoer is not None:
        roles.recipients = [undergoer]
    elif shared:
        roles.actors = agent_of(verb.head)  # "detained by police, accused of inciting unrest"
        roles.recipients = shared
    elif is_passive(verb, reduced=True):
        roles.actors = agent_of(verb)
        roles.recipients = children(verb, PASSIVE_SUBJECT_DEPS)
        act = verb.head.lemma_.lower() in grammar.act_nouns
        if verb.dep_ in {"relcl", "acl"} and (not roles.actors or not act):
            # "a teenager killed by police officers": the noun it describes underwent it, with
            # its doer named or not (not "the attack carried out by rebels": an act undergoes none)
            roles.recipients = roles.recipients or [verb.head]
        if not roles.actors and verb.lemma_.lower() in grammar.removal_verbs:
            roles.actors = prep_objects(verb, {"from"})  # "expelled from the United States"
        if not roles.actors:
            roles.actors = _appealing_party(verb, grammar)
        if not roles.actors and grammar.undergone(info):
            roles.actors = _cause_doers(verb, grammar)
    elif _inverted(verb, grammar):
        roles.actors = children(verb, _OBJECT)
    elif verb.lemma_.lower() in grammar.fleeing_verbs:  # "refugees fled": driven out, by no one named
        roles.recipients = children(verb, SUBJECT_DEPS) or inherited_subject(verb, grammar)
    else:
        roles.actors = children(verb, SUBJECT_DEPS)
        talked_of = verb.lemma_.lower() in grammar.topic_verbs  # "discussed the issue": no party
        objects = [] if talked_of else children(verb, _OBJECT)
        roles.recipients = objects or prep_objects(verb, recipient_preps)
        if not roles.actors:
            roles.actors = inherited_subject(verb, grammar) or fronted_subject(verb)
    if roles.recipients and any(r.pos_ == "VERB" for r in roles.recipients):
        roles.recipients = [r for r in roles.recipients if r.pos_ != "VERB"]
    if not roles.recipients and roles.actors:
        roles.recipients = [
            r for r in prep_objects(verb, recipient_preps) if r not in roles.actors
        ]
    if not roles.recipients:  # "wants Tehran to halt enrichment": the party to act
        roles.recipients = [s for c in children(verb, {"ccomp"}) if any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for s in children(c, {"nsubj"})]
    if not roles.recipients or all(r.lemma_.lower() in grammar.light_objects for r in roles.recipients):
        # "halted aid to Serbia", "imposed sanctions on Iran": the object's own phrase names them
        for obj in children(verb, _OBJECT):
            found = prep_objects(obj, recipient_preps | grammar.object_preps)
            if found:
                roles.recipients = found
                break
    return roles



def obligation_roles(aux: Token) -> Roles:
    """ "X said Y must do Z": X demands it of Y."""
    verb = aux.head
    return Roles(
        actors=children(verb.head, SUBJECT_DEPS),
        recipients=children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS),
    )
