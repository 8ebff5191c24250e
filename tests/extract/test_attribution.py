"""Agentless acts get the doer the article names, or the one the act implies, marked inferred."""

import pytest

from newsevents.records import Actor


def _event(events, trigger):
    return next(e for e in events if e.trigger.text.startswith(trigger))


def test_attribution_arrest_goes_to_the_police_force_named_before(code):
    text = "Riot police in Lagos broke up a march on Friday. Twelve students were arrested."
    event = _event(code(text), "arrested")
    assert event.event_type == "COERCE" and event.mode == "arrest"
    [doer] = event.actor
    assert doer.inferred and doer.sector == "COP"
    assert text[doer.span[0]:doer.span[1]] == doer.text and "police" in doer.text
    assert text[doer.evidence_span[0]:doer.evidence_span[1]] == "arrested"


def test_attribution_arrest_with_no_force_named_has_no_actor(code):
    # annotation protocol: a doer the article never names is `actor: []`, not the word "detained"
    event = _event(code("Nine activists were detained outside the courthouse on Tuesday."), "detained")
    assert event.event_type == "COERCE" and event.actor == []


def test_attribution_arrest_takes_the_police_named_far_from_it(code):
    text = ("Nine activists were detained outside the courthouse on Tuesday. The march had begun at "
            "noon. It crossed the old town. Shops closed early. Traders counted their losses. "
            "Riot police later patrolled the square.")
    [doer] = _event(code(text), "detained").actor
    assert doer.inferred and doer.sector == "COP" and "police" in doer.text
    assert text[doer.evidence_span[0]:doer.evidence_span[1]] == "detained"


def test_attribution_arrest_goes_to_the_authorities_that_report_it(code):
    text = "A suspect has been arrested in the killing of a shopkeeper, authorities said."
    [doer] = _event(code(text), "arrested").actor
    assert doer.inferred and doer.sector == "GOV" and doer.text == "authorities"


def test_attribution_shooting_goes_to_the_armed_group_of_the_article(code):
    text = "Separatist rebels raided the hamlet before dawn. Three farmers were shot dead."
    [doer] = _event(code(text), "shot").actor
    assert doer.inferred and doer.sector == "REB" and "rebels" in doer.text


def test_attribution_shooting_with_no_armed_group_stays_without_actor(code):
    event = _event(code("Three farmers were shot dead near the river on Sunday."), "shot")
    assert event.actor == []


def test_attribution_victims_are_not_their_own_killers(code):
    event = _event(code("Four soldiers were shot dead at a roadblock on Monday."), "shot")
    assert all(a.sector != "MIL" for a in event.actor)


def test_attribution_curfew_goes_to_the_police(code):
    text = "Police fired tear gas at rioters. A dusk-to-dawn curfew was imposed on the port city."
    event = _event(code(text), "curfew")
    assert event.mode == "curfew"
    [doer] = event.actor
    assert doer.inferred and doer.sector == "COP"


def test_attribution_stated_actors_are_not_inferred(code):
    event = _event(code("Soldiers arrested the mayor of the town on Monday."), "arrested")
    assert [a.inferred for a in event.actor] == [False]
    assert event.actor[0].evidence_span is None


def test_attribution_old_records_load_without_the_new_fields():
    actor = Actor.from_dict({"text": "police", "span": [0, 6], "sector": "COP"})
    assert actor.inferred is False and actor.evidence_span is None
    inferred = Actor.from_dict(Actor("police", (0, 6), inferred=True, evidence_span=(10, 18)).to_dict())
    assert inferred.evidence_span == (10, 18)


def test_attribution_police_who_report_a_stabbing_did_not_stab(code):
    text = "A jogger was stabbed on Tuesday morning near the river path, police said."
    event = _event(code(text), "stabbed")
    assert event.event_type == "ASSAULT"
    assert all(a.sector != "COP" for a in event.actor)


def test_attribution_a_spokesman_of_the_force_is_a_source_not_a_doer(code):
    text = "The driver was shot twice outside his home, said a spokesman for the state police."
    assert all(a.sector != "COP" for a in _event(code(text), "shot").actor)


def test_attribution_police_who_report_an_arrest_made_it(code):
    text = "Six men were arrested at the harbour on Friday, police said."
    [doer] = _event(code(text), "arrested").actor
    assert doer.inferred and doer.sector == "COP" and doer.text == "police"


def test_attribution_a_doer_from_the_article_raises_the_act_s_confidence(code):
    told = "Eleven villagers were killed in an offensive on the hamlet."
    event = _event(code("Government troops moved into the northern valley on Monday. " + told), "offensive")
    assert event.actor and event.actor[0].inferred and event.actor[0].sector == "MIL"
    assert event.confidence > _event(code(told), "offensive").confidence + 0.25


def test_attribution_a_noun_mention_of_the_sentence_act_gets_no_second_doer(code):
    text = "First came the shooting: an unarmed student killed by two soldiers at the gate."
    events = [e for e in code(text) if e.event_type == "ASSAULT" and e.actor]
    assert [e.trigger.text for e in events] == ["killed"]


def test_attribution_a_vehicle_the_victim_rode_in_is_no_doer(code):
    text = "The deputy was shot in the head. He was flown in a helicopter to the hospital."
    assert not _event(code(text), "shot").actor


def test_attribution_a_sentence_goes_to_the_court_of_the_article(code):
    text = "A court in Cairo heard the case. The former minister was sentenced to ten years in prison."
    event = _event(code(text), "sentenced")
    [doer] = event.actor
    assert doer.inferred and doer.sector == "JUD" and event.is_published()


def test_attribution_a_court_the_conviction_is_told_in_is_its_doer(code):
    """A court named as where ("convicted in federal court") convicts; elsewhere in the article it
    is only a venue ("appeared in district court"), and no doer of an arrest."""
    event = _event(code("Martin was convicted in federal court of wire fraud on Monday."), "convicted")
    assert [(a.sector, a.inferred) for a in event.actor] == [("JUD", True)]
    text = "Gomes appeared in district court on Monday. He was arrested on Sunday."
    assert not any(a.sector == "JUD" for a in _event(code(text), "arrested").actor)


def test_attribution_unplaced_force_of_another_paragraph_is_no_doer(code):
    # "terrorists" of a quoted pledge two paragraphs up is a kind, not the group that bombed
    text = ('"We will pursue terrorists until justice is done," the president said.\n\n'
            "Three farmers were shot dead near the river on Sunday.")
    assert _event(code(text), "shot").actor == []


def test_attribution_unplaced_force_of_the_same_paragraph_may_come_after_the_act(code):
    text = "Three farmers were shot dead near the river on Sunday. The gunmen fled into the hills."
    [doer] = _event(code(text), "shot").actor
    assert doer.inferred and doer.text == "The gunmen"


def test_attribution_protest_goes_to_the_protesters_named_before(code):
    text = ("Thousands of Greek protesters marched through Athens on Saturday. "
            "A second protest followed the next night.")
    event = _event(code(text), "protest")
    assert event.event_type == "PROTEST"
    [doer] = event.actor
    assert doer.inferred and "protesters" in doer.text


def test_attribution_protest_does_not_go_to_the_victim(code):
    text = "Police shot dead a 15-year-old Greek boy in Athens. Candlelit vigils were held on Monday."
    event = _event(code(text), "vigils")
    assert event.event_type == "PROTEST" and event.actor == []


def test_attribution_prosecutors_convict_no_one(code):
    text = ("The jury deliberated for two days. Prosecutors had played a recording in court on Monday. "
            "The pastor was convicted of fraud on Wednesday.")
    [doer] = _event(code(text), "convicted").actor
    assert doer.inferred and "jury" in doer.text


def test_attribution_investigators_are_not_the_killers(code):
    text = ("Kenyan investigators arrived at the embassy on Friday. "
            "Eleven Americans were killed in the bombing of the embassy.")
    event = next(e for e in code(text) if e.event_type == "ASSAULT")
    assert all("nvestigators" not in a.text for a in event.actor)


def test_attribution_police_who_are_told_of_a_shooting_or_identify_its_victim_did_not_shoot(code):
    told = "A man was shot on Main Street on Friday, his brother told police."
    identified = "Police have identified a man who was killed in a shooting early Saturday."
    for text, trigger in ((told, "shot"), (identified, "shooting")):
        event = _event(code(text), trigger)
        assert all("olice" not in a.text for a in event.actor), text


def test_attribution_police_called_to_a_shooting_did_not_shoot(code):
    """The police answering a shooting (called, searching) respond to it; they are no doer."""
    events = code("One person is dead and another is injured from a shooting this afternoon in a "
                  "residential neighborhood. Richmond police were called around 2:20 p.m. to the block, "
                  "where they found a man with gunshot wounds.")
    shooting = next(e for e in events if e.trigger.text == "shooting")
    assert not shooting.actor
    assert not shooting.is_published()


def test_attribution_a_soldier_the_attack_harmed_did_not_attack(code):
    text = ("This is the first picture of the hero soldier who was killed by a buried bomb in Syria. "
            "The SAS soldier had been embedded with US Special Forces in Manbij when the bomb exploded.")
    events = [e for e in code(text) if e.trigger.text == "bomb"]
    assert events and all(e.actor == [] for e in events)


def test_attribution_police_who_come_after_a_bomb_did_not_plant_it(code):
    text = ("A car bomb exploded outside the embassy on Friday, killing 12 people. Police later "
            "raided two homes in the city.")
    event = _event(code(text), "bomb")
    assert event.mode == "explosives" and event.actor == []


def test_attribution_police_searching_for_a_suspect_did_not_shoot(code):
    text = "A man was shot dead outside a bar on Friday. Police are searching for a suspect."
    event = _event(code(text), "shot")
    assert all(a.sector != "COP" for a in event.actor)


def test_attribution_a_surname_keeps_the_title_of_its_fuller_mention(event_on):
    # "Hargrove" takes the coroner's sector (JUD) from "coroner Gary Hargrove"; a coroner
    # convicts no one, under his surname too
    text = ("Fred LaRue died in a Biloxi, Miss., motel room. Harrison County coroner Gary Hargrove "
            "said he believed the death occurred July 24. LaRue had a history of heart problems, "
            "Hargrove said. He was the first administration official to plead guilty and was the "
            "last to be sentenced.")
    assert event_on(text, "sentenced").actor == []


def test_attribution_an_investigation_goes_to_the_police_named_before(code):
    text = ("State police were called to the warehouse on Monday night. "
            "An investigation into the fire is under way.")
    [doer] = _event(code(text), "investigation").actor
    assert doer.inferred and doer.sector == "COP" and "police" in doer.text


def test_attribution_a_charge_goes_to_the_prosecutors_of_the_article(code):
    text = ("Prosecutors in Denver said on Friday that the evidence was strong. "
            "The pastor was charged with fraud and bribery.")
    event = _event(code(text), "charged")
    assert event.event_type == "ACCUSE"
    [doer] = event.actor
    assert doer.inferred and "Prosecutors" in doer.text


def test_attribution_a_judge_is_not_who_accused(code):
    text = "The judge said he was a good man. He was accused of lying to the council last year."
    event = _event(code(text), "accused")
    assert event.event_type == "ACCUSE" and event.actor == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A former spy was poisoned with a nerve agent in a quiet English town. "
         "A probe into the poisoning was launched on Monday.", "probe"),
        ("A federal judge dismissed the lawsuit on Friday. The raid followed a long investigation "
         "into the fraud.", "investigation"),
    ],
)
def test_attribution_a_spy_or_a_judge_does_not_lead_an_investigation(code, text, trigger):
    event = _event(code(text), trigger)
    assert event.event_type == "ACCUSE" and event.actor == []


@pytest.mark.parametrize(
    ("text", "not_doer"),
    [
        # the judge of the article is the one convicted ("he" is Turner): no doer, not himself
        ("County Judge Harold Turner spoke to reporters in Dover. Turner has been in the news before, "
         "most recently in 2007 when he was accused of pointing a gun at a driver. "
         "He was convicted of reckless driving.", "Turner"),
        # a grand jury indicts; it convicts no one
        ("On Monday, an Alexandria grand jury indicted Rodney Smith on a murder charge. "
         "Smith was arrested and convicted of a relatively minor charge in another state, "
         "according to the Commonwealth's Attorney.", "grand jury"),
    ],
)
def test_attribution_who_did_not_convict_is_no_doer_of_a_conviction(code, text, not_doer):
    event = _event(code(text), "convicted")
    assert event.event_type == "SANCTION"
    assert all(not_doer not in a.text for a in event.actor)


def test_attribution_a_force_s_building_is_no_doer(code):
    """ "attacked a police station": the station is where the police sit; the arrests that
    follow are theirs only if the article names them."""
    events = code("Rioters attacked a police station in the old town on Sunday night. "
                  "More than forty people were arrested.")
    arrest = _event(events, "arrested")
    assert all("station" not in a.text for a in arrest.actor)


@pytest.mark.parametrize(
    "text",
    [
        "A man was shot dead outside a bar on Friday. Detectives from the state police arrested "
        "two men on Saturday.",
        "A guard was stabbed at the depot on Friday. Officers of the city police charged two "
        "men on Sunday.",
    ],
)
def test_attribution_force_hunting_the_attackers_did_not_attack(code, text):
    attacks = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert attacks, "no attack coded: the rule is not tested"
    assert all(not a.inferred for e in attacks for a in e.actor)


def test_attribution_force_that_also_attacks_in_its_sentence_stays_the_doer(code):
    text = ("Riot police fired tear gas and arrested 30 protesters on Sunday. A student was shot "
            "dead during the clashes.")
    [doer] = _event(code(text), "shot").actor
    assert doer.inferred and "police" in doer.text


def test_attribution_a_suspect_is_not_the_attacker(code):
    # only alleged to have done it (annotation: `actor: []` when no attacker is named)
    text = ("A shopkeeper was stabbed to death in the market on Monday. A suspect in the stabbing "
            "fled on a motorbike.")
    attacks = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert attacks, "no attack coded: the rule is not tested"
    assert all(e.actor == [] for e in attacks)



def test_attribution_the_fire_chief_who_reports_an_investigation_leads_it(code):
    # the fire service looks into a fire's cause, as the police do a crime's
    text = "A blaze gutted the town hall on Friday. The fire chief has said an investigation is underway."
    event = _event(code(text), "investigation")
    assert [a.text for a in event.actor] == ["The fire chief"]


def test_attribution_a_fire_chief_is_no_attacker(code):
    # of the COP sector as firefighters are, and no more a killer
    text = "The fire chief inspected the hamlet before dawn. Three farmers were shot dead."
    assert _event(code(text), "shot").actor == []


def test_attribution_an_act_told_as_background_gets_no_doer_from_the_story(code):
    # the police of the story investigate now; who arrested him in 2004 the text does not say
    text = ("Police in Dayton questioned a local activist on Monday about the fire. "
            "The activist had been arrested in 2004 during a protest.")
    event = _event(code(text), "arrested")
    assert event.historical and event.actor == []


@pytest.mark.parametrize(("victims", "doer"), [("Americans", None), ("Afghans", "US troops")])
def test_attribution_an_army_did_not_kill_its_own_country_s_people(code, victims, doer):
    text = (f"US troops patrolled the valley near Kandahar on Sunday. Two {victims} were shot dead "
            "near the base on Monday.")
    event = _event(code(text), "shot")
    assert [a.text for a in event.actor] == ([doer] if doer else [])


@pytest.mark.parametrize(("sentence", "trigger", "inferred"), [
    ("Gray had previously been arrested four times on charges of theft.", "arrested", False),
    ("Gray was arrested on charges of theft.", "arrested", True),
    ("Gray has prior arrests for theft and trespassing.", "arrests", False),
])
def test_attribution_a_record_of_acts_counted_in_times_has_no_one_doer(code, sentence, trigger, inferred):
    event = _event(code(f"Police patrolled the square on Friday. {sentence}"), trigger)
    assert bool(event.actor) == inferred


def test_attribution_the_blows_of_one_attack_are_no_record(code):
    text = "Rebels raided the village on Friday. A farmer had been shot seven times."
    assert _event(code(text), "shot").actor


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        # police charge suspects (annotation: a charge by the police the article names)
        ("Police in Roswell said the man took two televisions from the store. "
         "He will be charged with theft by shoplifting.", "Police"),
        ("Authorities in Beijing detained the lawyer's wife last week. "
         "Wang has since been charged with subversion.", "Authorities"),
        # a grand jury indicts
        ("A federal grand jury in Atlanta heard the evidence on Tuesday. "
         "An aide to the mayor was indicted on bribery counts.", "grand jury"),
    ],
)
def test_attribution_a_charge_goes_to_the_police_the_authorities_or_a_grand_jury(code, text, doer):
    event = _event(code(text), "charged" if "charged" in text else "indicted")
    assert event.event_type == "ACCUSE"
    [found] = event.actor
    assert found.inferred and doer in found.text


def test_attribution_the_victims_of_an_attack_in_another_sentence_did_not_attack(code):
    text = "Two shops were damaged in attacks on Sunday. Three soldiers were injured in the clashes."
    event = _event(code(text), "attacks")
    assert all("soldiers" not in a.text for a in event.actor)


def test_attribution_an_officer_wounded_in_another_sentence_may_still_arrest(code):
    text = "A drug dealer was arrested near the airport on Friday. A policeman was wounded in the shootout."
    [doer] = _event(code(text), "arrested").actor
    assert doer.inferred and doer.text == "A policeman"


def test_attribution_whom_an_act_noun_was_done_to_is_no_doer(code):
    text = ("Two gang members are under arrest for the murder of a sheriff's deputy outside his house, "
            "authorities said.")
    [doer] = _event(code(text), "arrest").actor
    assert doer.inferred and doer.text == "authorities"
