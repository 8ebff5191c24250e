"""The type that codes an act as told: announced, refused, conditional or proposed acts take the
PLOVER type event_types.yaml gives them (future_type, negated_type, conditional_type)."""

from __future__ import annotations

from newsevents.extract.grouping import Group
from newsevents.extract.modality import Modality
from newsevents.ontology import Ontology
from newsevents.records import Event


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


def armed_seizures(onto: Ontology, events: list[Event]) -> None:
    """A seizure or capture by armed parties of no state ("pirates seized a tanker", "gunmen
    seized 20 hostages") is a hijack or an abduction, ASSAULT `abduct`, not COERCE (modality.yaml
    ``armed_party_sectors``, ``seizure_modes``). Asked once the doers are read."""
    armed = {s.upper() for s in onto.words("armed_party_sectors")}
    modes = onto.words("seizure_modes")
    for event in events:
        if (event.event_type == "COERCE" and event.mode in modes and event.actor
                and all(a.sector in armed for a in event.actor)):
            event.event_type, event.mode = "ASSAULT", "abduct"
