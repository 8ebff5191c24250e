"""ACLED sub-event types from PLOVER events and their context (acled.yaml)."""

import pytest

from newsevents.records import main_event


def _sub_types(events):
    best = main_event(events)
    return best.acled["sub_event_type"] if best.acled else None


@pytest.mark.parametrize(("text", "sub_type"), [
    ("Unknown attackers hurled a grenade at a police patrol in the old town, wounding two officers.",
     "Grenade"),
    ("A roadside bomb struck an army truck on the highway north of the capital on Monday.",
     "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at the gate of the ministry, killing six guards.", "Suicide bomb"),
    ("Government warplanes bombed rebel positions in the hills on Tuesday.", "Air/drone strike"),
    ("Rebels shelled the outskirts of the city overnight with mortars and rockets.",
     "Shelling/artillery/missile attack"),
    ("Doctors said dozens of residents were treated for breathing difficulties after chlorine gas "
     "was used in an attack on the district.", "Chemical weapon"),
    ("Police defused two explosive devices found under a bridge on Sunday.", "Disrupted weapons use"),
    ("Soldiers seized a large cache of rifles and ammunition in a raid on a farmhouse.",
     "Disrupted weapons use"),
    ("The army set up a new military base near the border town on Wednesday.",
     "Headquarters or base established"),
    ("Thousands of teachers marched peacefully through the capital to demand higher pay.",
     "Peaceful protest"),
    ("Police fired tear gas to disperse students who had gathered for a protest outside parliament.",
     "Protest with intervention"),
    ("Protesters threw stones at police and set cars on fire during a demonstration against the new tax.",
     "Violent demonstration"),
    ("Security forces opened fire on demonstrators at the rally, killing four protesters.",
     "Excessive force against protesters"),
    ("An angry mob lynched a man accused of stealing a goat in the village.", "Mob violence"),
    ("Government troops recaptured the town of Keran from the rebels on Friday.",
     "Government regains territory"),
    # the background battle may be as likely right as the capture: the main event is told first
    ("Rebel fighters captured the town of Keran after a two-day battle with the army.",
     "Non-state actor overtakes territory"),
    ("Gunmen kidnapped twelve schoolchildren from a village school on Thursday.",
     "Abduction/forced disappearance"),
    ("Soldiers raped several women in the village during the operation, witnesses said.",
     "Sexual violence"),
    # a doer placed in a state: an unplaced one's agreement is rarely right on real news (its
    # confidence stays below the background fighting's, scoring.py)
    ("Sudan's army and the rebels agreed to a ceasefire on Saturday after weeks of fighting.", "Agreement"),
    ("Police arrested the opposition leader at his home on Monday.", "Arrests"),
    ("Army troops clashed with rebel fighters near the border, leaving ten dead.", "Armed clash"),
    ("Gunmen attacked a market and killed eight traders on Sunday.", "Attack"),
])
def test_acled_sub_type_of_the_main_event(code, text, sub_type):
    assert _sub_types(code(text)) == sub_type


@pytest.mark.parametrize("text", [
    "A strong earthquake killed at least 40 people in the mountain province on Sunday.",
    "Twelve workers were injured when a boiler exploded at a chemical factory.",
    "Police arrested three men for smuggling heroin across the border.",
    "The two countries signed a trade agreement to cut tariffs on steel.",
    "The militant group claimed responsibility for the bombing of the embassy.",
])
def test_acled_no_type_for_disasters_crime_diplomacy_and_claims(code, text):
    assert all(e.acled is None for e in code(text))


def test_acled_violence_a_protest_is_about_is_not_violence_at_it(code):
    text = "Hundreds of nurses rallied outside the hospital to mourn colleagues killed in last year's riots."
    assert _sub_types(code(text)) == "Peaceful protest"


def test_acled_a_month_named_march_is_no_demonstration(code):
    text = "A roadside bomb killed three soldiers near Kandahar on 4 March, officials said."
    assert _sub_types(code(text)) == "Remote explosive/landmine/IED"


def test_acled_demonstrators_demand_is_their_demonstration(code):
    text = "Thousands of protesters marched through the city. They demanded the resignation of the mayor."
    demand = next(e for e in code(text) if e.event_type == "REQUEST")
    assert demand.acled == {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
