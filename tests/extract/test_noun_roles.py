"""Roles of noun triggers (extract/noun_roles.py), on sentences written for these tests."""

import pytest


def _event(events, trigger):
    return next(e for e in events if e.trigger.text.startswith(trigger))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police announced his arrest on Monday.", "arrest"),
        ("Britain is pushing to resolve the case as the anniversary of his abduction nears.", "abduction"),
        ("The judge imposed his sentence on Friday after a two-week trial.", "sentence"),
    ],
)
def test_noun_roles_a_person_who_owns_an_act_done_to_someone_undergoes_it(code, text, trigger):
    event = _event(code(text), trigger)
    assert [r.text for r in event.recipient] == ["his"]
    assert all(a.text != "his" for a in event.actor)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Earle is serving a sentence of five years in prison for his convictions.", "convictions"),
        ("While he spent time in the county jail for his arrests, Jones avoided prison.", "arrests"),
    ],
)
def test_noun_roles_who_underwent_an_act_is_not_its_doer_by_the_verb_around_it(code, text, trigger):
    event = _event(code(text), trigger)
    assert [r.text for r in event.recipient] == ["his"]
    assert event.actor == []


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("Israel's killing of three Palestinians drew protests.", "killing", "Israel"),
        ("The two brothers committed their murders in July.", "committed", "The two brothers"),
    ],
)
def test_noun_roles_an_owner_named_as_doer_stays_the_doer(code, text, trigger, doer):
    event = _event(code(text), trigger)
    assert [a.text for a in event.actor] == [doer]
    assert all(r.text != "their" for r in event.recipient)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Since the Nairobi attack in March, security forces gained the upper hand.", "attack"),
    ("The accession will be held at the NATO Washington summit on April 24.", "summit"),
])
def test_roles_a_town_before_an_act_is_where_not_who(code, text, trigger):
    event = _event(code(text), trigger)
    assert not any(a.text in {"Nairobi", "NATO Washington"} for a in event.actor)


def test_roles_a_country_before_the_site_of_a_known_attack_is_where_not_who(code):
    event = _event(code("Twelve aid workers were killed in the Uganda embassy bombing."), "bombing")
    assert all(a.country != "UGA" for a in event.actor)


def test_roles_a_country_before_an_attack_is_its_doer(code):
    event = _event(code("U.S. missile attacks on Sudan drew protests."), "attacks")
    assert [a.country for a in event.actor] == ["USA"]


@pytest.mark.parametrize(("text", "trigger", "sector"), [
    ("Files were seized during a 2008 police raid at the compound.", "raid", "COP"),
    ("A government crackdown on dissent followed the elections.", "crackdown", "GOV"),
    ("Despite a long police investigation, the forger was never caught.", "investigation", "COP"),
])
def test_roles_a_force_word_before_a_noun_act_is_its_doer(code, text, trigger, sector):
    events = [e for e in code(text) if trigger in e.trigger.text or e.trigger.text == "seized"]
    assert events and all([a.sector for a in e.actor] == [sector] for e in events)



def test_roles_a_name_before_an_attack_is_no_doer(code):
    text = "Since the Ben Guerdane attack in March 2016, security forces gained the upper hand."
    event = _event(code(text), "attack")
    assert all("Guerdane" not in a.text for a in event.actor)


@pytest.mark.parametrize(("text", "trigger", "doer", "country"), [
    ("The accession will be held at the NATO Washington summit on April 24.", "summit", "NATO", "IGO"),
    ("Recent US Predator attacks have killed eight al-Qaeda leaders since July.", "attacks", "US", "USA"),
])
def test_roles_a_name_behind_a_place_or_a_weapon_is_the_doer(code, text, trigger, doer, country):
    event = _event(code(text), trigger)
    assert [(a.text, a.country) for a in event.actor] == [(doer, country)]


def test_roles_a_force_word_before_an_act_protested_is_not_the_protesters(code):
    text = "Violent protests against a police killing continued in Athens for the seventh day."
    event = _event(code(text), "protests")
    assert all(a.sector != "COP" for a in event.actor)


def test_roles_of_names_who_underwent_an_attack(code):
    """ "the killing of three Kenyan soldiers": the soldiers suffered it (recipients), and are
    no inferred doer either."""
    event = _event(code("The killing of three Kenyan soldiers near Mandera angered Nairobi on Monday."),
                   "killing")
    assert all(not a.text.endswith("soldiers") for a in event.actor)
    assert [r.country for r in event.recipient] == ["KEN"]


def test_roles_of_names_who_resigned(code):
    """ "the resignation of X": an act no one undergoes, its "of" phrase is the doer."""
    event = _event(code("Officials met on Tuesday after the resignation of the Kenyan finance minister "
                        "on Monday."), "resignation")
    assert [a.country for a in event.actor] == ["KEN"]
    assert not event.actor[0].inferred


def test_roles_of_names_who_resigned_whatever_the_verb_around_it(code):
    """ "The scandal led to the resignation of X": the verb's subject did not resign."""
    event = _event(code("The scandal led to the resignation of President Richard Nixon."), "resignation")
    assert [a.text for a in event.actor] == ["President Richard Nixon"]


def test_noun_roles_a_person_who_owns_joined_acts_done_to_him_undergoes_both(code):
    text = "He has been held in prison since his arrest and eventual conviction on two charges."
    event = _event(code(text), "conviction")
    assert all(a.text != "his" for a in event.actor)


def test_roles_joined_act_nouns_share_their_doer(code):
    """ "threats and attacks by Hamas militants": the doer stated once is both acts'."""
    event = _event(code("The threats and attacks by Hamas militants on Israeli towns continued on Monday."),
                   "attacks")
    assert [(a.text, a.inferred) for a in event.actor] == [("Hamas militants", False)]


@pytest.mark.parametrize(("text", "trigger", "holder"), [
    ("The suspect has prior arrests for burglary and fraud.", "arrests", "The suspect"),
    ("The driver had two convictions for assault.", "convictions", "The driver"),
    ("He served a reduced sentence of four months in federal prison.", "sentence", "He"),
    ("Comeaux returned to prison in June 1999 to serve a life sentence.", "sentence", "Comeaux"),
    ("The man faces deportation to Mexico.", "deportation", "The man"),
    ("After serving five years on the heroin conviction, Gigante resumed his life of crime.", "conviction",
     "Gigante"),
])
def test_noun_roles_who_has_an_act_undergone_on_record_underwent_it(code, text, trigger, holder):
    event = _event(code(text), trigger)
    assert all(a.text != holder for a in event.actor)
    assert [r.text for r in event.recipient] == [holder]


@pytest.mark.parametrize(
    ("text", "trigger", "victims"),
    [
        ("Three soldiers lost their lives in the attack on Monday.", "attack", "Three soldiers"),
        ("Two other buildings, one used by tax officials, caught fire in other firebomb attacks.", "attacks",
         "Two other buildings"),
        ("Four villagers went missing in the raids on Monday.", "raids", "Four villagers"),
        ("Five people were missing in the attack on Monday.", "attack", "Five people"),
    ],
)
def test_noun_roles_who_suffered_an_act_a_phrase_names_did_not_do_it(code, text, trigger, victims):
    event = _event(code(text), trigger)
    assert all(a.text != victims for a in event.actor)


def test_noun_roles_a_verb_of_suffering_with_an_object_keeps_its_doer(code):
    event = _event(code("The rebels lost two fighters in the attack on Monday."), "attack")
    assert [a.text for a in event.actor] == ["The rebels"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("He has a prior DWI conviction in Minnetonka from 1992.", "conviction"),
        ("LaSalle has three prior DUI convictions.", "convictions"),
    ],
)
def test_noun_roles_an_offence_named_before_an_act_does_not_do_it(code, text, trigger):
    event = _event(code(text), trigger)
    assert all(a.text not in {"DWI", "DUI"} for a in event.actor)


def test_noun_roles_an_offence_before_an_act_leaves_the_doer_to_the_verb(code):
    event = _event(code("Deputies also made 13 DUI arrests on Saturday."), "arrests")
    assert [a.text for a in event.actor] == ["Deputies"]


@pytest.mark.parametrize("state", ["probation", "parole"])
def test_noun_roles_who_is_on_probation_for_an_act_underwent_it(code, state):
    event = _event(code(f"Jackson was on {state} for a previous arrest, the police said."), "arrest")
    assert all(a.text != "Jackson" for a in event.actor)
    assert [r.text for r in event.recipient] == ["Jackson"]


@pytest.mark.parametrize(
    ("text", "trigger", "actors", "recipients"),
    [
        ("The mayor is under arrest.", "arrest", [], ["The mayor"]),
        ("A narcotics officer remains under investigation by the state police.", "investigation",
         ["the state police"], ["A narcotics officer"]),
    ],
)
def test_noun_roles_the_subject_of_an_act_it_is_under_undergoes_it(code, text, trigger, actors, recipients):
    event = _event(code(text), trigger)
    assert [r.text for r in event.recipient] == recipients
    assert [a.text for a in event.actor if not a.inferred] == actors  # the mayor arrested no one


@pytest.mark.parametrize(
    "text",
    [
        "A federal grand jury has been addressing the slaying of the doctor.",
        "For the first time, authorities have named a suspect in the slaying of the doctor.",
    ],
)
def test_noun_roles_who_handles_a_killing_did_not_kill(code, text):
    event = _event(code(text), "slaying")  # a killing's noun, as "murder" and "killing"
    assert event.event_type == "ASSAULT"
    assert not [a for a in event.actor if not a.inferred]
