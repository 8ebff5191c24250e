"""Grouping: which triggers of one sentence make one event.

A trigger that governs another absorbs it ("threatened to attack" is one THREATEN, "agreed to
a ceasefire" one AGREE); same-type triggers on one clause merge ("used tear gas ... to
disperse" is one act), and a casualty verb gives way to the clash it names ("were injured in
clashes" is the clash). A type that absorbs purposes takes the clause that says what it is for
("began a hunger strike to protest against ...").
An accusation does not absorb the material act it is about ("accused Russia of poisoning the
spy" is an ACCUSE and an ASSAULT): the text asserts that act happened (event_types.yaml
keeps_acts).
An act with participants of its own stays apart: a cause ("in punishment for two killings"), a
with-clause with its own subject, an act spread over days ("through two days of negotiations"),
a noun act owned by its doer ("the rejection of NATO's offer") and a second same-type noun act
with its own "of" object ("expulsions of A ... followed by expulsions of B"); so does what a
bare participle says a person underwent ("a woman charged with fraud was released").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsevents.extract.frames import is_passive
from newsevents.extract.modality import clause_head, infinitive
from newsevents.extract.roles import grammar_of
from newsevents.extract.triggers import Trigger
from newsevents.ontology import Ontology

_ABSORB_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "attr", "oprd", "prt",
                "nsubjpass", "agent", "dative", "advmod", "npadvmod", "compound"}
_MAX_CLIMB = 10


@dataclass(slots=True)
class Group:
    """One event in the making: its main trigger and the triggers merged into it."""

    main: Trigger
    members: list[Trigger] = field(default_factory=list)
    dates: list[Span] = field(default_factory=list)
    announced: bool = False  # an announcement coded by its own type: dated when it was made
    answers: list[Trigger] = field(default_factory=list)  # statements it answers, kept apart
    answered: bool = False  # a statement another event of the sentence answers

    @property
    def tokens(self) -> set[int]:
        return {t.token.i for t in self.members}


def _climb(trigger: Trigger, by_token: dict[int, Trigger], ontology: Ontology) -> Trigger | None:
    """The nearest trigger governing this one through argument links, if any. A cause ("in
    punishment for two killings"), a clause with a subject of its own ("pleaded guilty, with
    Smith being sentenced") and an act spread over a span of time ("refused through two days
    of negotiations") are acts of their own."""
    separate, causes = ontology.words("separate_preps"), ontology.words("cause_nouns")
    tok = trigger.token
    for _ in range(_MAX_CLIMB):
        # "to guarantee", "calling for": clauses that spell out the governing event
        infinitival = tok.dep_ in {"relcl", "advcl"} and infinitive(tok)
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(
            c.dep_ in {"nsubj", "mark"} for c in tok.children
        )
        if (tok.dep_ not in _ABSORB_DEPS and not (infinitival or participle)) or tok.head.i == tok.i:
            return None
        if tok.dep_ == "prep" and (tok.lower_ in separate or _after_cause(tok, causes)):
            return None
        if tok.dep_ == "pcomp" and _party_subject(tok, ontology.sectors):
            return None
        if _reduced_passive(tok, by_token):
            return None
        tok = tok.head
        if tok.i not in by_token and tok.pos_ == "NOUN" and tok.ent_type_ in {"DATE", "TIME"}:
            return None
        if tok.i in by_token:
            # "said China was responsible for the attacks": the attacks stay an event of their own
            return None if by_token[tok.i].sense.pos == "PRED" else by_token[tok.i]
    return None


def group_triggers(triggers: list[Trigger], ontology: Ontology) -> tuple[list[Group], dict[int, Group]]:
    """The sentence's events in the making, and each trigger token's group."""
    by_token = {t.token.i: t for t in triggers}
    casualty = ontology.words("casualty_verbs")
    undergone = grammar_of(ontology).undergone_types  # the frames' reading of of_recipient_types
    parent: dict[int, int] = {}
    answered: dict[int, list[Trigger]] = {}  # governor token -> the statements it answers
    for trig in triggers:
        governor = _climb(trig, by_token, ontology)
        if governor is None or _own_act(trig, governor, undergone) or _two_acts(governor.token, trig.token):
            continue
        if _answered(trig, governor, ontology):
            answered.setdefault(governor.token.i, []).append(trig)
            continue
        if not _kept_apart(trig, governor, ontology):
            parent[trig.token.i] = governor.token.i

    def root(i: int) -> int:
        seen = set()
        while i in parent and i not in seen:
            seen.add(i)
            i = parent[i]
        return i

    groups: dict[int, Group] = {}
    for trig in triggers:
        top = by_token[root(trig.token.i)]
        group = groups.setdefault(top.token.i, Group(main=top))
        group.members.append(trig)
        same_type = trig.sense.event_type == top.sense.event_type
        through = trig.token.head
        if (
            same_type and trig is not top and top.token.lemma_.lower() in casualty
            and trig.token.dep_ == "pobj" and through.dep_ == "prep" and through.head.i == top.token.i
        ):
            group.main = trig  # "injured in clashes": the clash is the event
    merged: dict[tuple[int, str], Group] = {}
    for group in groups.values():
        key = (clause_head(group.main.token).i, group.main.sense.event_type)
        if key in merged and _two_acts(merged[key].main.token, group.main.token):
            key = (group.main.token.i, group.main.sense.event_type)  # its own key: kept apart
        if key in merged:  # "used tear gas ... to disperse": one act, two words
            merged[key].members.extend(group.members)
        else:
            merged[key] = group
    for (clause, event_type), group in list(merged.items()):
        if not ontology.event_types[event_type].absorbs_purpose:
            continue
        # "began a hunger strike to protest against Sweden's decision": the protest's topic
        for (other_clause, other_type), other in list(merged.items()):
            if other is not group and other_clause == clause and _purpose(other.main.token):
                group.members.extend(other.members)
                del merged[(other_clause, other_type)]
    index = {t.token.i: g for g in merged.values() for t in g.members}
    for governor, statements in answered.items():
        index[governor].answers.extend(statements)
        for statement in statements:
            index[statement.token.i].answered = True
    return list(merged.values()), index


def _kept_apart(trig: Trigger, governor: Trigger, ontology: Ontology) -> bool:
    """A material act that its governor (an accusation, an investigation) is about: an event of
    its own. Not the crime a person "was charged with" or "was accused of": the charge is the
    event (docs/annotation.md: private crime is coded by its arrest or charge). Nor what the
    accuser says happened ("prosecutors allege that he shot her", "an allegation that the
    rebels took the town"): that is the allegation's own account; nor its means ("protested by
    recalling its ambassador")."""
    types = ontology.event_types
    if not types[governor.sense.event_type].keeps_acts or types[trig.sense.event_type].verbal:
        return False
    if _charged_crime(trig.token, governor, ontology):
        return False
    means = ontology.words("means_preps")
    tok, told = trig.token, False
    while tok.i != governor.token.i and tok.head.i != tok.i:
        told = told or (tok.dep_ == "prep" and tok.lower_ in means)  # "protested by recalling"
        # "allege that he shot her", "an allegation that the rebels took the town"
        told = told or tok.dep_ == "ccomp" or (
            tok.dep_ == "acl" and any(c.dep_ == "mark" for c in tok.children))
        tok = tok.head
    return not told and not is_passive(governor.token, reduced=True)


def _answered(trig: Trigger, governor: Trigger, ontology: Ontology) -> bool:
    """ "denied accusations made by his brother", "declined his request": the statement a
    rejection answers is another party's act, which the rejection asserts was made
    (event_types.yaml ``answers_acts``). A demand, charge or threat: a refused cooperative act
    ("stalled ratification", "rejected talks") did not happen. Only its direct object: not what
    a clause under it says ("declined to say whether the church had received threats")."""
    types = ontology.event_types
    kind, tok = trig.sense.event_type, trig.token
    return (
        types[governor.sense.event_type].answers_acts and types[kind].quad == "verbal conflict"
        and kind != governor.sense.event_type and tok.pos_ == "NOUN"
        and tok.head.i == governor.token.i and tok.dep_ in {"dobj", "nsubjpass"}
    )


def _charged_crime(crime: Token, governor: Trigger, ontology: Ontology) -> bool:
    """ "his trial for rape", "an indictment for fraud": the crime a charge noun is for is the
    charge's content (modality.yaml ``charge_preps``, ``charge_modes``)."""
    prep = crime.head
    return (governor.token.pos_ == "NOUN" and governor.sense.mode in ontology.words("charge_modes")
            and crime.dep_ == "pobj" and prep.lower_ in ontology.words("charge_preps")
            and prep.head.i == governor.token.i)


def _party_subject(tok: Token, sectors: dict[str, str]) -> bool:
    """ "with Smith being sentenced": a clause whose own subject names a party (not "with
    traffic backing up", which names no one who acts)."""
    named = {"PERSON", "ORG", "NORP", "GPE"}
    return any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and (c.pos_ == "PROPN" or c.ent_type_ in named or c.lemma_.lower() in sectors)
        for c in tok.children
    )


def _reduced_passive(tok: Token, by_token: dict[int, Trigger]) -> bool:
    """ "a woman charged with fraud was released", "vigils for a boy killed by police": a bare
    past participle on a person tells that person's own act (not "a man being shot", a report)."""
    return (
        tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.i not in by_token
        and not any(c.dep_ in {"aux", "auxpass"} for c in tok.children)
    )


def _after_cause(prep: Token, causes: frozenset[str]) -> bool:
    """ "in punishment for", "in response to": the preposition names what the act answers."""
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    return prep.head.lemma_.lower() in causes or before.lemma_.lower() in causes


def _own_act(trig: Trigger, governor: Trigger, undergone: frozenset[str]) -> bool:
    """ "the rejection of NATO's offer": a noun act of another type whose doer is named on it is
    that doer's act, not part of the act done to it. Not an act someone undergoes, whose
    owner may be who undergoes it ("pushed for the party's expulsion")."""
    tok, kind = trig.token, trig.sense.event_type
    if tok.pos_ != "NOUN" or kind == governor.sense.event_type or kind.lower() in undergone:
        return False
    return any(c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"} for c in tok.children)


def _participants(tok: Token) -> set[int]:
    """The words naming who does or undergoes a noun act: its owner and its "of" object."""
    named = {c.i for c in tok.children if c.dep_ == "poss"}
    return named | {
        g.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
        if g.dep_ == "pobj"
    }


def _two_acts(first: Token, second: Token) -> bool:
    """ "the expulsions of British diplomats were followed by expulsions of Russian ones": two
    noun acts of one clause, each with its own participants, are two events."""
    if first.pos_ != "NOUN" or second.pos_ != "NOUN":
        return False
    mine, theirs = _participants(first), _participants(second)
    return bool(mine) and bool(theirs) and not mine & theirs


def _purpose(tok: Token) -> bool:
    """An infinitive or participle clause that says what another act is for."""
    if tok.dep_ not in {"advcl", "xcomp", "acl"}:
        return False
    return tok.tag_ == "VBG" or infinitive(tok)


_OBJECT_PREPS = {"of", "for", "against", "on", "over", "to"}


def acted_on(member: Token, main: Token) -> bool:
    """ "the rejection of NATO's offer", "Israel's strikes were condemned": an act that the
    group's act is done to has a doer of its own, who is not the group's doer."""
    if member.head.i == main.i:
        return member.dep_ in {"dobj", "nsubjpass"}
    prep = member.head
    return (
        member.dep_ == "pobj" and main.pos_ == "NOUN" and prep.dep_ == "prep"
        and prep.head.i == main.i and prep.lower_ in _OBJECT_PREPS
    )
