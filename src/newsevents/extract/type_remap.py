"""The type that codes an act as told: announced, refused, conditional or proposed acts take the
PLOVER type event_types.yaml gives them (future_type, negated_type, conditional_type), a
seizure of people or of a craft by armed parties of no state is a hijack (``armed_seizures``),
a suspect's surrender is the custody the authorities take (``surrenders``) and forces deployed for
disaster relief are AID (``relief_deployments``); an event retyped once its doers are read takes the
codes of its new type again (``recode``)."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from newsevents.extract import coding
from newsevents.extract.acled import AcledContexts, AcledEvent, code_acled
from newsevents.extract.grouping import Group
from newsevents.extract.modality import Modality
from newsevents.ontology import Ontology
from newsevents.records import Event

_SEIZED = {"dobj", "nsubjpass"}  # what a seizure takes: "seized a tanker", "a tanker was seized"


def remap(onto: Ontology, event_type: str, modality: Modality, said: bool) -> tuple[str, Modality]:
    """Announced, refused or conditional events become the PLOVER type that codes them.

    "will meet" is AGREE, "will not accept" is REJECT, "will withdraw unless"
    is THREATEN (event_types.yaml: future_type, negated_type, conditional_type). A
    condition on a verbal act ``said`` in the past bears on what was said, not on the
    saying: "had threatened to revoke his parole if the family refused" is a threat made.
    A meeting only on the timetable ("planned to visit") is not coded at all.
    """
    info = onto.event_types[event_type]
    if modality.wished and event_type.lower() in onto.words("intent_types") and not (
        modality.negated or modality.conditional
    ):
        # wanting to cooperate is intent to cooperate (manual: AGREE; REQUEST, ambiguities)
        modality.hypothetical = modality.future = False
        return "AGREE", modality
    if modality.negated:
        if not modality.future or info.negated_type == event_type:
            return event_type, modality
        modality.negated = modality.future = modality.hypothetical = False
        return info.negated_type, modality
    if not (modality.future or modality.conditional):
        return event_type, modality
    timetabled = modality.scheduled and not modality.conditional
    if timetabled and event_type.lower() in onto.words("scheduled_types"):
        modality.hypothetical = True  # a meeting on the timetable is not coded (modality.yaml)
        return event_type, modality
    target = info.conditional_type if modality.conditional else info.future_type
    if target != event_type:
        modality.future = False
        modality.hypothetical = False
    elif modality.conditional and not modality.future and not (said and info.verbal):
        modality.hypothetical = True
    return target, modality

def proposed(onto: Ontology, group: Group) -> str | None:
    """A proposal of an act is coded as the act announced: "proposed to impose tariffs" is
    THREATEN (docs/annotation.md: measures proposed but not in force), "proposed to hold
    talks" stays AGREE (event_types.yaml future_type)."""
    main = group.main
    if main.token.lemma_.lower() not in onto.words("proposal_words"):
        return None
    for member in group.members:
        if member is not main and member.sense.event_type != main.sense.event_type:
            return onto.event_types[member.sense.event_type].future_type
    return None


def armed_seizures(onto: Ontology, events: list[Event], doc: Doc) -> None:
    """A seizure or capture of people or of a craft by armed parties of no state ("pirates
    seized a tanker", "gunmen seized 20 hostages") is a hijack or an abduction, ASSAULT `abduct`,
    not COERCE (modality.yaml ``armed_party_sectors``, ``seizure_modes``, ``craft_words``). Asked
    once the doers are read."""
    armed = {s.upper() for s in onto.words("armed_party_sectors")}
    modes = onto.words("seizure_modes")
    for event in events:
        if (event.event_type == "COERCE" and event.mode in modes and event.actor
                and all(a.sector in armed for a in event.actor)
                and _taken_whole(coding.words_at(doc, event.trigger.span), onto)):
            event.event_type, event.mode = "ASSAULT", "abduct"


@dataclasses.dataclass(frozen=True, slots=True)
class TypeCodes:
    """What an event's type and mode give its record beside them."""

    quad: str
    intensity: float
    cameo_root: str | None
    acled: dict[str, str] | None


def type_codes(acted: AcledEvent, sentence: int, contexts: AcledContexts, onto: Ontology) -> TypeCodes:
    """The quad, intensity, CAMEO root and ACLED type of an event coded ``acted``: read when the
    event is made (events.py) and again when it is retyped (``recode``)."""
    info = onto.event_types[acted.event_type]
    mapping = coding.find_mapping(acted.event_type, acted.mode, acted.actors, acted.recipients, onto)
    return TypeCodes(info.quad, info.mode_intensity.get(acted.mode or "", info.intensity),
                     mapping.cameo_root if mapping else None, code_acled(acted, sentence, contexts, onto))


def recode(event: Event, onto: Ontology, contexts: AcledContexts, evidence: coding.Evidence,
           lemma: str) -> coding.Evidence:
    """Set the codes an event's type gives (``type_codes``) again, for an event retyped after the
    sentence pass; the evidence returned says the new quad."""
    acted = AcledEvent(event.event_type, event.mode, evidence.pos, event.actor, event.recipient, lemma)
    codes = type_codes(acted, event.sentence.index, contexts, onto)
    event.quad, event.intensity, event.cameo_root, event.acled = (
        codes.quad, codes.intensity, codes.cameo_root, codes.acled)
    return dataclasses.replace(evidence, cooperative="cooperation" in codes.quad)


def surrenders(onto: Ontology, events: list[Event], doc: Doc) -> None:
    """A suspect or a private person who surrenders ("Kirkpatrick surrendered after two hours of
    negotiations", "the pirates surrendered") is taken into custody: COERCE `arrest` of them,
    whose doer attribution reads from the article (docs/annotation.md: a surrender to police is
    the arrest), not a force's RETREAT `disarm`. Parties of a state or an armed movement keep it,
    and so does a surrender of something ("refused to surrender the child"). Asked before the
    doers are read (``custody_surrender_sectors`` in modality.yaml; a party of no sector is a
    person the text names)."""
    sectors = {s.upper() for s in onto.words("custody_surrender_sectors")}
    for event in events:
        if event.event_type == "COERCE" and event.mode == "arrest":
            _to_custody(event, doc)
        if not (event.event_type == "RETREAT" and event.mode == "disarm" and event.actor
                and not event.negated and all(a.sector is None or a.sector in sectors for a in event.actor)):
            continue
        words = coding.words_at(doc, event.trigger.span)
        if words is None or words.root.pos_ != "VERB" or any(
                c.dep_ == "dobj" and c.lemma_.lower() not in _SELVES for c in words.root.children):
            continue
        event.event_type, event.mode = "COERCE", "arrest"
        event.recipient, event.actor = event.actor + event.recipient, []


def _to_custody(event: Event, doc: Doc) -> None:
    """ "surrendered to police" (triggers.tsv: a surrender to the authorities is their arrest):
    the authorities the surrender is made to hold the one who surrenders, so they are the doer and
    the subject the one held, not the other way round as the verb's grammar reads them."""
    words = coding.words_at(doc, event.trigger.span)
    if words is None or words.root.lemma_.lower() != "surrender":
        return
    to = [t for c in words.root.children if c.dep_ == "prep" and c.lower_ == "to" for t in c.subtree]
    held = [r for r in event.recipient if any(r.span[0] <= t.idx < r.span[1] for t in to)]
    if held:
        event.actor, event.recipient = held, event.actor + [r for r in event.recipient if r not in held]


def relief_deployments(onto: Ontology, events: list[Event], doc: Doc) -> None:
    """Forces deployed for disaster relief ("troops were deployed to lead rescue efforts",
    "rescue teams were deployed to the affected area") are AID, not MOBILIZE: the manual codes
    "mobilizing police or military forces for disaster relief" as AID. The relief word must
    stand in the deployment's own clause, outside its trigger (``relief_words``, modality.yaml)."""
    relief = onto.words("relief_words")
    for event in events:
        if event.event_type != "MOBILIZE":
            continue
        words = coding.words_at(doc, event.trigger.span)
        if words is None:
            continue
        inside = {t.i for t in words}
        if any(t.lemma_.lower() in relief and t.i not in inside and _same_clause(t, words.root)
               for t in words.root.subtree):
            event.event_type, event.mode = "AID", None


def _same_clause(word: Token, verb: Token) -> bool:
    """The word hangs on the verb through no other verb ("deployed to lead rescue efforts" counts
    the purpose clause's object as the deployment's own)."""
    node = word.head
    while node.i != verb.i:
        if node.pos_ in {"VERB", "AUX"} and node.dep_ not in {"xcomp", "advcl", "acl"}:
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return True


_SELVES = {"himself", "herself", "themselves", "itself", "oneself"}


def _people(noun: Token) -> bool:
    """A party's word told as people, not a body: plural or counted ("20 hostages", "two
    journalists"), not "the consulate" (a sector word too)."""
    return noun.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "nummod" for c in noun.children)


def _taken_whole(trigger: Span | None, onto: Ontology) -> bool:
    """What the act seizes is people or a craft: its object, its passive subject, its "of" noun
    or the noun it describes, through a quantity ("a number of vessels")."""
    if trigger is None:
        return False
    head = trigger[0]
    taken = [c for c in head.children if c.dep_ in _SEIZED]
    if head.dep_ in {"relcl", "acl"}:  # "a trawler that had been seized", "a ship seized by pirates"
        taken.append(head.head)
    taken += _of_nouns(head)
    crafts = onto.words("craft_words")
    for noun in taken:
        for word in (noun, *_of_nouns(noun)):
            lemma = word.lemma_.lower()
            if lemma in crafts or word.ent_type_ == "PERSON" or (lemma in onto.sectors and _people(word)):
                return True
    return False


def _of_nouns(word: Token) -> list[Token]:
    """The nouns of a word's "of" phrases ("the seizure of a ship", "a number of vessels")."""
    return [g for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            if g.dep_ == "pobj"]
