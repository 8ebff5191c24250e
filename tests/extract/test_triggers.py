import pytest

from newsevents.extract.triggers import find_triggers


@pytest.fixture()
def triggers(pipeline):
    def run(text):
        doc = pipeline.nlp(text)
        return [
            (t.token.text, t.sense.event_type)
            for s in doc.sents for t in find_triggers(s, pipeline.ontology)
        ]

    return run


def test_triggers_particle_sense(triggers):
    assert ("called", "REQUEST") in triggers("The opposition called for new elections.")


def test_triggers_for_before_an_infinitive_with_its_own_subject_is_the_particle(code):
    # "called for the minister to resign": "for" is parsed as the mark of the infinitive clause
    events = code("The farmers' unions called for the agriculture minister to resign.")
    assert [e.trigger.text for e in events if e.event_type == "REQUEST"] == ["called for"]


def test_triggers_particle_is_not_a_date_preposition(triggers):
    found = triggers("Kosovo Serbs on Saturday called the decision illegal.")
    assert ("called", "REQUEST") not in found


def test_triggers_a_date_is_no_object(triggers):
    """ "join ... on March 12" is no joining of a march (a protest)."""
    assert ("join", "PROTEST") not in triggers("Hungary will officially join NATO on March 12.")
    assert ("joined", "PROTEST") in triggers("Thousands of workers joined the march on Monday.")


def test_triggers_object_restricted_sense(triggers):
    assert ("imposed", "SANCTION") in triggers("The EU imposed sanctions on Belarus.")
    assert ("imposed", "COERCE") in triggers("The army imposed a curfew on the city.")


def test_triggers_object_through_a_noun_of_quantity(triggers):
    # "a series of sanctions" is sanctions: the object column reads what the quantity counts
    assert ("imposed", "SANCTION") in triggers("The EU imposed a series of sanctions on Belarus.")


def test_triggers_object_with_modifier_sense(triggers):
    assert ("fired", "THREATEN") in triggers("The warship fired warning shots at the pirates.")
    assert ("fired", "ASSAULT") in triggers("The warship fired shots at the pirates.")


def test_triggers_forces_roadblock_and_alert_senses(triggers):
    assert ("roadblock", "COERCE") in triggers("Officers in riot gear set up a roadblock on the avenue.")
    assert ("roadblock", "PROTEST") in triggers("Protesters set up a roadblock on the highway.")
    assert ("alert", "MOBILIZE") in triggers("Israeli troops remained on alert in the West Bank.")
    assert not triggers("The government issued an alert over fine dust levels.")


def test_triggers_modal_only_in_reported_speech(triggers):
    assert ("must", "REQUEST") in triggers("Washington said Beijing must release the activists.")
    assert ("must", "REQUEST") not in triggers("We must leave now.")


def test_triggers_modifiers_are_not_events(triggers):
    assert triggers("The protest leaders were arrested.") == [("arrested", "COERCE")]


def test_triggers_where_a_verb_acts_is_not_its_object(code):
    # "establish ... camp" is a MOBILIZE sense; here the camp is only where it happened
    events = code("The conductor established a youth orchestra in the refugee camp in 2010.")
    assert all(e.event_type != "MOBILIZE" for e in events)


def test_triggers_a_verb_object_still_selects_its_sense(code):
    events = code("The army established a checkpoint at the crossing on Monday.")
    assert any(e.event_type == "MOBILIZE" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry sent a list of questions, asking what level of training the officers had.",
        "The senator asked whether the army had been told of the plan.",
    ],
)
def test_triggers_asking_a_question_is_no_request(code, text):
    assert all(e.event_type != "REQUEST" for e in code(text))


def test_triggers_asking_for_an_act_is_still_a_request(code):
    events = code("The minister asked the army to withdraw from the town.")
    assert any(e.event_type == "REQUEST" and e.trigger.text == "asked" for e in events)


def test_triggers_dispersing_without_a_weapon_is_coercion(code):
    [event] = [e for e in code("Police dispersed the protesters outside the court on Sunday.")
               if e.trigger.text.startswith("dispersed")]
    assert (event.event_type, event.mode) == ("COERCE", "restrict")


def test_triggers_dispersing_with_tear_gas_is_crowd_control(code):
    events = code("Riot police dispersed the protesters with tear gas on Sunday.")
    assert any(e.event_type == "ASSAULT" and e.mode == "crowd-control" for e in events)


@pytest.mark.parametrize("text", [
    "Police responded with barrages of tear gas on Sunday.",
    "Police turned water cannons on the crowd on Sunday.",
])
def test_triggers_the_weapon_named_as_the_act_is_crowd_control(code, text):
    """No verb of firing: the weapon itself is the act (manual ASSAULT, mode crowd-control)."""
    assert [(e.event_type, e.mode) for e in code(text) if e.event_type == "ASSAULT"] == [
        ("ASSAULT", "crowd-control")]


@pytest.mark.parametrize(("text", "word", "event_type"), [
    ("The State Department lifted its travel warning for Kenya on Friday.", "lifted", "CONCEDE"),
    ("The court lifted the deadline to give the family time to appeal.", "lifted", "CONCEDE"),
    ("The prime minister expressed shock at the deaths in the capital.", "expressed", "ACCUSE"),
    ("The minister expressed irritation that the delegation was refused visas.", "expressed", "ACCUSE"),
    ("The regulator sought the revocation of the company's licence.", "sought", "REQUEST"),
    ("A jury found the former governor guilty of bribery on Friday.", "found", "SANCTION"),
    ("The court found him not guilty of the charges.", "found", "CONCEDE"),
    ("The activist was being held on charges of illegal weapons purchase.", "held", "COERCE"),
    ("Police said they had recovered 80 percent of the haul.", "recovered", "COERCE"),
    ("The aide discounted rumors that he was the source.", "discounted", "REJECT"),
    ("The official served a prison term for his role in the cover-up.", "term", "SANCTION"),
    ("The FBI offered a $35,000 reward for information leading to an arrest.", "offered", "REQUEST"),
    ("As part of the plea deal, prosecutors agreed to drop two charges against him.", "agreed", "CONCEDE"),
    ("The governor released a statement and offered an apology to the pastor.", "offered", "CONCEDE"),
])
def test_triggers_a_light_verb_takes_the_sense_its_object_names(triggers, text, word, event_type):
    # a warning lifted, dismay expressed, a measure sought, a verdict ("found him guilty": the
    # adjective parsed as a clause of its own), a detention on charges, a share of a haul recovered,
    # rumours discounted, a prison term served, a reward offered (an appeal to the public), a
    # concession promised, an apology offered
    assert (word, event_type) in triggers(text)


def test_triggers_searching_a_plane_is_coercion(code):
    events = code("Customs officers searched the cargo plane at the airport on Friday.")
    assert any(e.event_type == "COERCE" and e.mode == "seize" for e in events)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A Western diplomat, who requested anonymity, said the vote was a farce.", "requested"),
        ("A camp official who pleaded anonymity said four people had died.", "pleaded"),
        ("A port official, who refused to identify himself, said the ship had sunk.", "refused"),
        ("The guard declined to identify herself to the reporters at the gate.", "declined"),
        ("So far police have refused to discuss what prompted the fatal beating.", "refused"),
        ("A spokesman for the ministry declined to comment on the lawsuit.", "declined"),
        ("The city council offered the manager a position as its city engineer.", "offered"),
        ("The president condemned the bombings and offered condolences to the victims.", "offered"),
        ("The government expressed its deepest sympathy to the families of the dead.", "expressed"),
        ("The county commissioners lifted the five-week-old burn ban on Tuesday.", "lifted"),
        ("The county commissioners lifted the five-week-old burn ban on Tuesday.", "ban"),
        ("The university is one of 83 schools in the nation that have met the criteria.", "met"),
        ("The district met the state's deadline for the new school calendar.", "met"),
        ("Deputies stopped a pickup, occupied by two teenagers, near the mall.", "occupied"),
        ("The former mayor has been battling cancer for two years.", "battling"),
        ("Crews from three towns battled the blaze through the night.", "battled"),
        ("Volunteers are fighting the wildfire north of the village.", "fighting"),
        ("The board discussed the budget at its weekend retreat in the mountains.", "retreat"),
        ("The singer was visiting her grandmother in Leeds when the storm hit.", "visiting"),
        ("The senator visited a restaurant in the old town on Sunday.", "visited"),
        ("The first deputies at the bar called for backup because of the crowd.", "called"),
        ("Firefighters advised nearby residents to keep their windows closed.", "advised"),
        ("The young actress captured the imagination of a whole generation.", "captured"),
        ("The veteran boxer captured the heavyweight title in Las Vegas.", "captured"),
        ("The mayor held a news conference on Monday to unveil the new budget.", "held"),
        ("The rocket blasted off from the launch pad at dawn.", "blasted"),
        ("The driver went into cardiac arrest and died at the scene.", "arrest"),
        ("The club fired its head coach on Saturday.", "fired"),
        ("The accountant was fired from his job last week.", "fired"),
        ("Musharraf fired him in 2007.", "fired"),
        # the request names why the act was done: no event of its own
        ("The judge sealed the courtroom at the request of prosecutors.", "request"),
    ],
)
def test_triggers_a_sense_that_is_no_event(triggers, text, word):
    assert not [found for found in triggers(text) if found[0] == word]


def test_triggers_no_event_sense_leaves_the_others(triggers):
    assert ("lifted", "CONCEDE") in triggers("The army lifted the curfew on Tuesday.")
    assert ("requested", "REQUEST") in triggers("Iraq requested aid from the United Nations.")
    assert ("occupied", "COERCE") in triggers("Rebel troops occupied the town on Monday.")
    assert ("captured", "COERCE") in triggers("Rebel troops captured the town on Monday.")
    assert ("battled", "ASSAULT") in triggers("Government troops battled rebels near the border.")
    assert ("retreat", "RETREAT") in triggers("The army's retreat from the city began on Monday.")
    assert ("visited", "CONSULT") in triggers("The Chinese premier visited Germany last week.")
    assert ("called", "REQUEST") in triggers("The governor called for federal aid after the floods.")
    assert ("sought", "REQUEST") in triggers("The dissident sought asylum at the embassy.")
    assert ("advised", "REQUEST") in triggers("The minister advised the king to dissolve parliament.")
    assert ("held", "CONSULT") in triggers("The two foreign ministers held talks in Vienna.")
    assert ("blasted", "ACCUSE") in triggers("The senator blasted the governor over the budget.")
    assert ("fired", "ASSAULT") in triggers("The gunman fired at the guards.")
    assert ("fired", "ASSAULT") in triggers("Helicopter gunships fired on the militant positions.")



def test_triggers_a_relative_clause_verb_takes_its_noun_as_object(triggers):
    # "the agreement the tribe signed": the object of "signed" is the noun the clause describes
    text = "Lawmakers must approve the agreement the tribe signed with the governor last year."
    assert ("signed", "SUPPORT") in triggers(text)
    assert ("signed", "SUPPORT") not in triggers("The man who signed with the governor left.")


def test_triggers_a_regulation_imposed_is_no_martial_law(triggers):
    assert ("imposed", "COERCE") in triggers("The army imposed martial law on Monday.")
    assert ("imposed", "COERCE") not in triggers("The agency weakened a rule imposed by the last government.")


def test_triggers_appealing_a_ruling_is_rejecting_it(triggers):
    text = "The ruling, which the government appealed last week, was upheld."
    assert ("appealed", "REJECT") in triggers(text)
    assert ("appealed", "REQUEST") in triggers("Police appealed to the public for help.")


def test_triggers_a_finding_of_guilt_is_a_conviction(triggers):
    assert ("found", "SANCTION") in triggers("The former mayor was found guilty of bribery on Tuesday.")
    assert ("found", "CONCEDE") in triggers("The former mayor was found not guilty of bribery.")
    assert ("awarded", "SANCTION") in triggers("The court awarded damages to the family.")
    assert ("handed", "SANCTION") in triggers("The judge handed down a ten-year sentence on Monday.")


def test_triggers_ruling_against_deadline_and_human_chain(triggers):
    # docs/annotation.md, fourth dev round: a ruling against a party's suit is REJECT, extending
    # a demand's deadline CONCEDE, a human chain PROTEST; an objection is ACCUSE (manual ACCUSE)
    assert ("ruled", "REJECT") in triggers("In March a Miami federal judge ruled against them.")
    assert ("extended", "CONCEDE") in triggers("The agency extended its deadline until Tuesday.")
    assert ("chain", "PROTEST") in triggers("About 100 exiles formed a human chain outside the home.")
    assert ("objections", "ACCUSE") in triggers("The model was adopted over bitter objections.")


def test_triggers_plea_is_no_request_and_appeal_to_a_court_rejects(triggers):
    # a plea admits or denies the charge (CONCEDE / REJECT), no REQUEST; an appeal to a higher
    # court rejects the ruling (docs/annotation.md); an appeal to the public stays REQUEST
    assert ("pleaded", "CONCEDE") in triggers("The former aide pleaded guilty to one charge.")
    assert ("pleads", "REJECT") in triggers("The mother pleads not guilty.")
    assert ("appealed", "REJECT") in triggers("The relatives appealed to the 11th Circuit Court of Appeals.")
    assert ("appealed", "REQUEST") in triggers("The mayor appealed to residents to stay calm.")


def test_triggers_vowed_act_selects_threat_or_promise(triggers):
    # "a promise to act is AGREE, a vow of force is THREATEN" (docs/annotation.md)
    assert ("vowed", "THREATEN") in triggers(
        "President Clinton vowed to hunt down those responsible for the bombings.")
    assert ("vowed", "THREATEN") in triggers("The rebels vowed they would attack the capital.")
    assert ("vowed", "THREATEN") in triggers(
        "The prime minister vowed that those responsible for the deaths would be found and punished.")
    assert ("vowed", "THREATEN") in triggers("China vowed on Friday to fight the U.S. at any cost.")
    assert ("vowed", "AGREE") in triggers("The minister vowed to continue the reforms.")


def test_triggers_joining_an_alliance_or_treaty(triggers):
    assert ("joined", "SUPPORT") in triggers("Poland and Hungary formally joined NATO on Friday.")
    assert ("joined", "SUPPORT") not in triggers("She joined the company in 2010.")


def test_triggers_security_and_troop_increases(triggers):
    assert ("tighten", "MOBILIZE") in triggers(
        "Embassies were ordered to tighten security systems around the world.")
    assert ("heightened", "MOBILIZE") in triggers("Police heightened security at the airport.")
    assert ("expand", "MOBILIZE") in triggers(
        "Western countries expand the military contingent on our western borders.")


def test_triggers_police_lockdown_and_surrender(triggers):
    assert ("locked", "COERCE") in triggers("Police locked down the busy neighbourhood for three hours.")
    assert ("surrendered", "COERCE") in triggers("A 61-year-old man surrendered to police on Tuesday.")
    assert ("surrendered", "RETREAT") in triggers("The rebels surrendered on Tuesday.")


def test_triggers_dispatched_aid_and_criticism(triggers):
    assert ("dispatched", "AID") in triggers("The government dispatched aid to the flooded province.")
    assert ("dispatched", "MOBILIZE") in triggers("The government dispatched troops to the province.")
    assert ("assailed", "ACCUSE") in triggers("The senator assailed the president's plan on Monday.")



def test_triggers_put_into_a_police_car_is_custody(triggers):
    assert ("put", "COERCE") in triggers(
        "His sister tried to cross the street and was put into a police car.")
    assert ("put", "COERCE") not in triggers("She put the books into a car.")


def test_triggers_pledges_of_force_and_stepped_up_security(triggers):
    assert ("pledged", "THREATEN") in triggers("The general pledged to crush the rebellion.")
    assert ("pledged", "AGREE") in triggers("The donors pledged to rebuild the schools.")
    assert ("stepped", "MOBILIZE") in triggers("Police stepped up security measures at the border.")
    assert ("increased", "MOBILIZE") in triggers("The army increased its troop contingent in the north.")
    assert ("excoriated", "ACCUSE") in triggers("The senator excoriated the agency on Monday.")


def test_triggers_signing_papers_of_accession_or_a_plan(triggers):
    """ "papers of accession" is an "accession paper": an of-phrase names what an object is."""
    assert ("signed", "SUPPORT") in triggers("Both prime ministers signed the papers of accession on Monday.")
    assert ("signed", "SUPPORT") in triggers("The two foreign ministers signed a peace plan in Oslo.")
    assert ("signing", "SUPPORT") in triggers("Envoys attended the signing of the border treaty.")
    assert ("signed", "SUPPORT") not in triggers("The actor signed papers for his fans after the show.")


def test_triggers_entering_or_joining_a_partnership(triggers):
    assert ("entered", "SUPPORT") in triggers("Georgia entered a partnership programme with the alliance.")
    assert ("joined", "SUPPORT") in triggers("Morocco joined the bloc's partnership programme last year.")
    assert ("entered", "SUPPORT") not in triggers("The soldiers entered the building at dawn.")


def test_triggers_police_looking_for_suspects_investigate(triggers):
    assert ("searching", "ACCUSE") in triggers("Detectives are searching for the gunman who robbed the bank.")
    assert ("looking", "ACCUSE") in triggers("State troopers are looking for leads in the hit-and-run.")
    assert ("manhunt", "ACCUSE") in triggers("A manhunt was under way in the northern suburbs.")
    assert ("searching", "ACCUSE") not in triggers("Rescuers are searching for survivors in the rubble.")


def test_triggers_a_search_for_offenders_as_a_noun_investigates(triggers):
    assert ("search", "ACCUSE") in triggers("The navy launched a further search for the pirates who fled.")
    assert ("hunt", "ACCUSE") in triggers("The hunt for the rapist went on through the night.")
    assert ("search", "ACCUSE") not in triggers("The search for survivors went on through the night.")


def test_triggers_police_surrounding_a_building_custody_on_bail_and_a_most_wanted_list(triggers):
    assert ("surrounded", "COERCE") in triggers("Police quickly responded and surrounded the building.")
    assert ("surrounding", "COERCE") not in triggers("The circumstances surrounding the death are unclear.")
    assert ("held", "COERCE") in triggers("He is being held on a $200,000 bond.")
    assert ("held", "COERCE") not in triggers("The ministers held talks on Monday.")
    assert ("List", "THREATEN") in triggers("Bin Laden is on the FBI's 10 Most Wanted List.")
    assert ("list", "THREATEN") not in triggers("The party published its list of candidates.")


def test_triggers_an_adjective_after_as_is_the_object(triggers):
    # the parser hangs "suspicious" on "as" as amod, where a noun would be its pobj
    assert ("treated", "ACCUSE") in triggers("The fire is being treated as suspicious, police said.")
    assert ("treated", "ACCUSE") not in triggers("The Bible is treated as a publication for internal use.")


def test_triggers_relinquishing_and_preventing_protesters(triggers):
    assert ("relinquished", "CONCEDE") in triggers("The ministry relinquished its veto over the merger.")
    assert ("prevented", "COERCE") in triggers("Police prevented the demonstrators from marching.")
    assert ("prevented", "COERCE") not in triggers("The new dam prevented floods in the valley.")


def test_triggers_releasing_information_is_no_release(triggers):
    """Publishing details is no release of anyone; the act they are about stays its own event."""
    found = triggers("Prosecutors released new details of the inquiry on Tuesday.")
    assert ("released", "RETREAT") not in found
    assert ("inquiry", "ACCUSE") in found
    assert ("released", "RETREAT") in triggers("The militia released two aid workers on Tuesday.")


def test_triggers_idioms_of_a_light_verb_take_their_own_type(triggers):
    """A phone call made is a call between parties (not "made a call for"), and taking someone
    to task is a rebuke (not taking to the streets)."""
    found = triggers("The Kenyan president made a congratulatory phone call to the winner.")
    assert ("made", "CONSULT") in found and ("made", "REQUEST") not in found
    found = triggers("Opposition senators took the interior minister to task over the riots.")
    assert ("took", "ACCUSE") in found and ("took", "PROTEST") not in found
    assert ("made", "REQUEST") in triggers("The bishop made a call for calm after the riots.")


def test_triggers_a_conjoined_object_selects_the_sense(triggers):
    # "threw rubbish and stones": the second object is as much the object as the first
    assert ("threw", "ASSAULT") in triggers("Youths threw rubbish and stones at the town hall.")
    assert ("threw", "ASSAULT") not in triggers("Youths threw rubbish and leaves into the river.")


def test_triggers_fleeing_violence_is_an_expulsion(triggers):
    # manual, SANCTION: people fleeing a place are coded SANCTION 'expel'
    assert ("fled", "SANCTION") in triggers("Thousands of farmers fled the shelling last week.")
    assert ("fled", "SANCTION") in triggers("Families fled from their villages after the raids.")
    assert ("fled", "SANCTION") not in triggers("The driver fled the scene of the crash.")


def test_triggers_particle_opening_a_clause(triggers):
    """ "called for the army to withdraw": the parser makes "for" the mark of "withdraw"."""
    assert ("called", "REQUEST") in triggers("The opposition called for the minister to resign.")
    assert ("calls", "REQUEST") in triggers("The envoy repeated calls for both sides to stop the fighting.")


def test_triggers_any_infinitive_complement(triggers):
    """ "to *" is any infinitive complement: "told them to leave" orders, "told them it would fail"
    reports."""
    assert ("told", "REQUEST") in triggers("The governor told the crowd to go home.")
    assert ("told", "REQUEST") not in triggers("The governor told reporters the plan would fail.")


def test_triggers_infinitive_with_its_own_subject(triggers):
    """ "someone to *": "wants Tehran to halt" is a demand of Tehran, "wants to run" an aim."""
    assert ("wants", "REQUEST") in triggers("Washington wants Tehran to halt the enrichment.")
    assert ("wants", "REQUEST") not in triggers("The minister wants to run for office.")
