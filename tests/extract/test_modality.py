"""Auxiliary modes and the PLOVER types they turn an event into (article date 2023-05-30)."""

import pytest

from newsevents.records import main_event


def _main(events):
    return main_event(events)


@pytest.mark.parametrize(
    ("text", "event_type", "flag"),
    [
        ("Rebels could attack the capital.", "ASSAULT", "hypothetical"),
        ("If the rebels attack the city, the army will respond.", "ASSAULT", "hypothetical"),
        ("No clashes were reported in the city.", "ASSAULT", "negated"),
        ("There were no shots fired during the protest.", "ASSAULT", "negated"),
        ("The government failed to reach an agreement with the unions.", "AGREE", "negated"),
        # an adjective governs its complement like a verb
        ("Voters appeared reluctant to criticise the government.", "ACCUSE", "negated"),
        ("The rebels were unable to capture the town.", "COERCE", "negated"),
        # an act a verb of prevention takes as object or passive subject did not happen
        ("A warship intercepted the boats and foiled an attack on merchant vessels.", "ASSAULT", "negated"),
        ("Somali pirate attack foiled in Gulf of Aden.", "ASSAULT", "negated"),
        ("Police thwarted a bombing at the station on Monday.", "ASSAULT", "negated"),
        ("The gunman was spared the death sentence when the jury deadlocked.", "SANCTION", "negated"),
        # an act behind "without", or under "neither ... nor", was not done
        ("The talks ended without an agreement on the border.", "AGREE", "negated"),
        ("The court neither approves nor disapproves the agency's decision.", "ACCUSE", "negated"),
        # a verdict a jury still deliberates on is not yet given
        ("The jury is still deliberating on the defendant's verdict.", "SANCTION", "hypothetical"),
        ("The army is likely to attack the city.", "ASSAULT", "hypothetical"),
        # "can" says what a party is able to do, not what it did
        ("Cheaper flights mean more pilgrims can visit the shrine.", "CONSULT", "hypothetical"),
        # a gerund clause with its own subject takes its governor's modes
        ("The plan would have involved both navies sharing intelligence on smugglers.",
         "COOPERATE", "hypothetical"),
        # a purpose clause takes the modes of the clause it serves
        ("Congress is unlikely to act to block the sale of the jets.", "REJECT", "hypothetical"),
        # "it is necessary to ...": a judgement, no event
        ("It is necessary to negotiate with Moscow on the treaty.", "CONSULT", "hypothetical"),
        # an act only possible: what a possibility is of
        ("The possibility of a meeting between the two ministers reemerged on Thursday.",
         "CONSULT", "hypothetical"),
        ("The singer faces the prospect of arrest for violating her probation.", "COERCE", "hypothetical"),
        # an act that information would lead to is sought, not done
        ("The reward for information leading to the arrest of the gunman was raised to $5,000.", "COERCE",
         "hypothetical"),
        ("Anyone with information that leads to the arrest of the vandals can call police.", "COERCE",
         "hypothetical"),
    ],
)
def test_modality_flags_set(code, text, event_type, flag):
    events = [e for e in code(text) if event_type is None or e.event_type == event_type]
    assert any(getattr(e, flag) for e in events)
    assert all(e.confidence < 0.5 for e in events if getattr(e, flag))


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The two presidents will meet in Geneva next week.", "AGREE"),
        ("Syria said it will not accept the plan.", "REJECT"),
        ("Nigeria said it would withdraw its troops from Chad unless the rebels disarm.", "THREATEN"),
        ("The army announced it would withdraw from the town.", "CONCEDE"),
        ("The ministry said Israel must halt construction.", "REQUEST"),
    ],
)
def test_modality_announced_and_refused_events_change_type(code, text, event_type):
    assert _main(code(text)).event_type == event_type


def test_modality_announcement_is_dated_when_made(code):
    event = _main(code("The ministers will meet on Saturday."))
    assert (event.event_type, event.date, event.date_text) == ("AGREE", "2023-05-30", None)


def test_modality_historical_by_date(code):
    event = _main(code("Rebels attacked the town in 1999."))
    assert event.historical and event.date == "1999-01-01" and event.date_precision == "year"


def test_modality_wish_through_a_bare_infinitive_is_hypothetical(code):
    events = code('"I would like to see us strike their bases," the Somali senator said.')
    assert all(e.hypothetical for e in events if e.trigger.text.startswith("strike"))


def test_modality_decided_to_is_not_yet_done(code):
    events = [e for e in code("The alliance has decided to admit three new members next spring.")
              if e.trigger.text == "admit"]
    assert events and all(e.future or e.event_type == "AGREE" for e in events)


@pytest.mark.parametrize(
    "text",
    ["Parishioners were in the church when the fire started but no one was injured.",
     "Nobody was arrested after the rally."],
)
def test_modality_no_one_as_subject_negates(code, text):
    assert all(e.negated for e in code(text) if e.event_type in {"ASSAULT", "COERCE"})


def test_modality_a_suspected_act_is_hypothetical(code):
    events = [e for e in code("Police suspect arson in the church fire.") if e.event_type == "ASSAULT"]
    assert events and all(e.hypothetical for e in events)


def test_modality_proposed_measure_is_a_threat(code):
    events = code("The U.S. Trade Representative proposed to impose a tariff on imports from China.")
    assert _main(events).event_type == "THREATEN"


def test_modality_conditional_offer_to_meet_is_agree(code):
    text = "Rebel leaders said they would meet the U.N. mediator if he gave them a veto over any settlement."
    assert _main(code(text)).event_type == "AGREE"


def test_modality_condition_of_a_threat_made_is_its_content(code):
    text = ("If the family refused, the Immigration and Naturalization Service had threatened to "
            "revoke the boy's parole.")
    threats = [e for e in code(text) if e.event_type == "THREATEN"]
    assert threats and not threats[0].hypothetical


def test_modality_condition_of_a_present_apology_stays_hypothetical(code):
    events = code("The president apologizes if anyone was offended.")
    events = [e for e in events if e.event_type == "CONCEDE"]
    assert events and events[0].hypothetical


def test_modality_wish_to_reach_a_truce_is_intent_to_cooperate(code):
    # manual AGREE (intent to cooperate); REQUEST, Potential ambiguities
    events = code("Abbas stressed that the Palestinians want to reach an effective truce with Israel.")
    agree = [e for e in events if e.event_type == "AGREE"]
    assert agree and not agree[0].hypothetical and agree[0].actor[0].country == "PSE"


def test_modality_wish_for_others_to_talk_stays_hypothetical(code):
    events = code("It seems that the US wants to see Arabs and Palestinians negotiating with Israel.")
    assert all(e.hypothetical for e in events if e.event_type in {"CONSULT", "AGREE"})


@pytest.mark.parametrize(
    "text",
    ["The Kenyan president plans to meet Ugandan President Museveni in Kampala next week.",
     "Chinese Premier Li Qiang is scheduled to visit Germany on Monday.",
     # "be to": an arrangement, like "due to"
     "The rebel leader is to meet the Egyptian foreign minister in Cairo."],
)
def test_modality_a_meeting_on_the_timetable_is_not_coded(code, text):
    events = [e for e in code(text) if e.event_type in {"AGREE", "CONSULT"}]
    assert not [e for e in events if e.is_published()]


def test_modality_a_sentencing_to_come_is_not_done(code):
    events = [e for e in code("The former governor is to be sentenced by the judge at noon on Friday.")
              if e.trigger.text == "sentenced"]
    assert events and all(e.future or e.event_type != "SANCTION" for e in events)


def test_modality_an_arrangement_leaves_the_event_behind_a_preposition(code):
    text = "The bridge was to remain closed most of the week due to the bombing, police said."
    events = [e for e in code(text) if e.trigger.text == "bombing"]
    assert events and all(e.event_type == "ASSAULT" and not e.future for e in events)


def test_modality_wish_that_others_act_is_hypothetical(code):
    # "wants X to meet": the parser makes the infinitive with its own subject a ccomp; the wish is
    # the minister's REQUEST of the envoys (triggers.tsv "someone to *"), the meeting no fact
    events = code("The minister wants Iranian envoys based in Geneva to meet the hostages.")
    assert any(e.trigger.text == "wants" and e.event_type == "REQUEST" for e in events)
    assert all(e.hypothetical for e in events if e.trigger.text == "meet")


def test_modality_a_promised_meeting_stays_agree(code):
    assert _main(code("The rebel commander pledged to meet the mediators in Juba.")).event_type == "AGREE"


def test_modality_a_present_act_with_its_own_day_is_on_the_timetable(code):
    [event] = [e for e in code("The two envoys meet Thursday in Oslo with the mediator.")
               if e.event_type == "CONSULT"]
    assert event.future and not event.is_published()
    [done] = [e for e in code("The two envoys met Thursday in Oslo with the mediator.")
              if e.event_type == "CONSULT"]
    assert not done.future


def test_modality_an_act_planned_in_a_for_to_clause_is_announced(code):
    # "planned for X to withdraw": the parser hangs the "for ... to" clause as an adverbial
    # clause; it is the complement of the verb that plans, asks or wants it
    events = [e for e in code("The ministry had planned for the troops to withdraw from the valley by June.")
              if e.trigger.text == "withdraw"]
    assert events and all(e.event_type == "CONCEDE" for e in events)


def test_modality_a_rally_planned_as_an_object_is_not_coded(code):
    # an announced rally is no act on a party and no threat (docs/annotation.md batch U)
    events = [e for e in code("Striking teachers planned a large march through the capital on Friday.")
              if e.trigger.text == "march"]
    assert events and all(e.event_type == "PROTEST" and e.hypothetical for e in events)


def test_modality_a_rally_planned_through_a_noun_that_counts_it_is_not_coded(code):
    events = [e for e in code("The opposition plans a series of protests beginning on April 9.")
              if e.trigger.text == "protests"]
    assert events and all(e.hypothetical for e in events)


def test_modality_a_phrasal_verb_sets_up_no_timetable(code):
    # "set up a checkpoint" is no scheduling "set"
    events = [e for e in code("Soldiers set up a checkpoint outside the border town on Sunday.")
              if e.trigger.text.endswith("checkpoint")]
    assert all(not e.future and not e.hypothetical for e in events)


def test_modality_an_act_a_tip_led_to_was_done(code):
    events = [e for e in code("Police said a tip from a neighbour led to the arrest of the gunman.")
              if e.event_type == "COERCE"]
    assert events and not any(e.hypothetical for e in events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The investigation never went anywhere, officials said on Monday.", "investigation"),
        ("The financial assistance from the World Bank is not helping.", "assistance"),
        ("The attack did not kill anyone, police said on Monday.", "attack"),
    ],
)
def test_modality_what_is_denied_of_an_act_does_not_deny_the_act(code, text, trigger):
    event = next(e for e in code(text) if e.trigger.text == trigger)
    assert not event.negated


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The talks did not take place on Monday.", "talks"),
        ("The strike never materialized.", "strike"),
    ],
)
def test_modality_an_act_said_not_to_have_happened_is_negated(code, text, trigger):
    assert next(e for e in code(text) if e.trigger.text == trigger).negated
