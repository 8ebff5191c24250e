"""Roles on real-news sentence shapes: who reports an act is not its doer, who receives
backing is its recipient, a headline drops its passive auxiliary (sentences written here)."""

import pytest


def _event(events, trigger):
    return next(e for e in events if e.trigger.text.startswith(trigger))


@pytest.mark.parametrize(
    "text",
    [
        "A witness called the sheriff to report the shooting on Elm Street.",
        "Candlelight vigils followed the killing of the student last week.",
        "Soldiers watched the shelling of the town from the hills.",
        "Two detectives looked into the shooting of a taxi driver.",
        "The senator condemned the bombing of the courthouse.",
        # who stops or fends it off, read from the clause or from the article (attribution.py)
        "The navy repulsed an attack on a merchant ship in the Gulf of Aden on Saturday.",
        "The army foiled an attack on a police station in Kabul on Monday.",
    ],
)
def test_roles_who_reports_or_follows_an_act_is_not_its_doer(code, text):
    subject = text.split()[1].lower()
    acts = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert acts, "no act coded: the rule is not tested"
    assert all(subject not in a.text.lower() for e in acts for a in e.actor)


def test_roles_support_received_from_someone_is_theirs(code):
    event = _event(code("The prime minister received strong backing from Germany on Monday."),
                   "backing")
    assert event.event_type == "SUPPORT"
    assert [a.country for a in event.actor] == ["DEU"]
    assert [r.text for r in event.recipient] == ["The prime minister"]


@pytest.mark.parametrize(
    ("text", "trigger", "victim"),
    [
        ("Teacher arrested after a fight at the school gate.", "arrested", "Teacher"),
        ("Student detained over campus protest.", "detained", "Student"),
        ("Father arrested after a fight at school, reports say.", "arrested", "Father"),
        # a participle with no auxiliary is passive whatever its subject: a name, a plural, a
        # gapped clause, a noun act's verb
        ("Smith arrested on drunk driving charge.", "arrested", "Smith"),
        ("Two protest leaders arrested in Lagos.", "arrested", "Two protest leaders"),
        ("Stores were looted, and more than 50 people arrested.", "arrested", "more than 50 people"),
        ("Springfield man taken into custody after chase.", "custody", "Springfield man"),
    ],
)
def test_roles_headline_passive_subject_is_the_recipient(code, text, trigger, victim):
    event = _event(code(text), trigger)
    assert all(a.text != victim for a in event.actor)
    assert [r.text for r in event.recipient] == [victim]


def test_roles_headline_with_an_object_stays_active(code):
    event = _event(code("President met with rebel leaders in the capital."), "met")
    assert event.actor[0].text == "President"  # the rebel leaders meet too (reciprocal_acts)


def test_roles_what_is_discussed_is_no_party(code):
    internal = _event(code("The council members discussed the commission issue on Monday."), "discussed")
    assert internal.recipient == [] and not internal.is_published()
    talks = _event(code("Iran discussed the nuclear plan with France on Monday."), "discussed")
    assert [a.text for a in talks.actor] == ["Iran", "France"]  # talks: both sides act


def test_roles_who_died_in_an_act_suffered_it(code):
    event = _event(code("Two officers and a gunman died in a shootout in the city on Saturday."), "shootout")
    assert event.actor == [] or all("officers" not in a.text for a in event.actor)
    assert any("officers" in r.text for r in event.recipient)


def test_roles_an_adjective_that_takes_the_infinitive_shares_the_subject(code):
    event = _event(code("Russia is willing to negotiate with Kiev."), "negotiate")
    assert [a.country for a in event.actor] == ["RUS"]


def test_roles_an_extraposed_it_does_not_act(code):
    events = code("Russia expelled diplomats on Monday. It is necessary to negotiate with Moscow.")
    event = _event(events, "negotiate")
    assert all(a.text != "It" for a in event.actor) and not event.is_published()


@pytest.mark.parametrize(
    "text",
    [
        "Russia risks sanctions over the poisoning of the spy.",
        "The United States could push further. It means sanctions against Moscow.",
    ],
)
def test_roles_who_risks_or_means_an_act_is_not_its_doer(code, text):
    event = _event(code(text), "sanctions")
    assert event.actor == []


def test_roles_a_trailing_report_has_its_own_subject(code):
    event = _event(code("The rebels attacked the village, alleges the aid group."), "alleges")
    assert [a.text for a in event.actor] == ["the aid group"]


def test_roles_the_doer_of_a_reported_clause_does_not_report_it(code):
    event = _event(code("The rebels attacked the village, alleges the organization."), "alleges")
    assert all("rebels" not in a.text for a in event.actor)


def test_roles_a_speakers_act_after_the_reported_clause_is_the_speakers(code):
    text = ("South Korean President Moon Jae-in said China was partially responsible for the "
            "pollution problem and called for Beijing's cooperation.")
    event = _event(code(text), "called")
    assert [a.country for a in event.actor] == ["KOR"]


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        # the parser hangs "after" on the object; the gerund is still the subject's act
        ("Reno allowed the extension of the deadline after rejecting the court's order.", "rejecting",
         "Reno"),
        # a participle set off after a reported state is the reporter's act
        ("In 2014, Judge Martini ruled the program was legal, rejecting the claim it was unconstitutional.",
         "rejecting", "Judge Martini"),
    ],
)
def test_roles_a_gerund_the_parser_hangs_on_an_object_or_a_state_is_the_subject_s(code, text, trigger, doer):
    assert [a.text for a in _event(code(text), trigger).actor] == [doer]


def test_roles_an_act_coordinated_in_the_reported_clause_keeps_its_subject(code):
    event = _event(code("The minister said Russia had attacked the village and killed ten people."), "killed")
    assert [a.country for a in event.actor] == ["RUS"]


def test_roles_who_expels_from_a_country_is_that_country(code):
    events = code("Sixty Russian diplomats were expelled from the United States on Monday.")
    event = next(e for e in events if e.event_type == "SANCTION")
    assert [a.country for a in event.actor] == ["USA"]
    assert [r.country for r in event.recipient] == ["RUS"]


@pytest.mark.parametrize("force", ["Immigration agents", "Federal agents", "Border Patrol agents"])
def test_roles_law_enforcement_agents_are_police(code, force):
    event = _event(code(f"{force} arrested 239 people in Worthington on Monday."), "arrested")
    assert [a.sector for a in event.actor] == ["COP"]


def test_roles_who_stands_trial_accuses_no_one(code):
    coded = code("The former mayor was fit to stand trial on fraud charges.")
    events = [e for e in coded if e.event_type == "ACCUSE"]
    assert events, "no trial coded: the rule is not tested"
    assert all(e.actor == [] and not e.is_published() for e in events)


def test_roles_a_plural_that_lists_its_members_stands_for_them(code):
    text = "Several EU countries, Austria, Slovakia and Greece, declined to expel Russian diplomats."
    event = _event(code(text), "declined")
    assert [a.country for a in event.actor] == ["AUT", "SVK", "GRC"]


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("The bishops published a declaration supporting the peace agreement with the rebels.",
         "supporting", "bishops"),
        ("Four opposition parties issued statements supporting the bid to join the European Union.",
         "supporting", "parties"),
    ],
)
def test_roles_what_a_letter_or_statement_demands_is_its_issuer_s_act(code, text, trigger, doer):
    """A participle on a document ("a letter calling for") is the act of the verb's subject."""
    event = _event(code(text), trigger)
    assert any(doer in a.text for a in event.actor)


def test_roles_a_letter_someone_receives_is_not_their_demand(code):
    event = _event(code("The governor received a letter from farmers calling for new roads."), "calling")
    assert all("governor" not in a.text.lower() for a in event.actor)


@pytest.mark.parametrize(
    "text",
    ["Two men were fined in Ohio on Monday, charged with fraud.",
     "Two men were fined and charged with fraud on Monday."],
)
def test_roles_a_participle_sharing_a_passive_shares_its_sufferer(code, text):
    """ "fined ..., charged with": the men were charged, they charged no one. (A charge told with
    an arrest is the arrest's mention: tests/extract/test_custody.py.)"""
    event = _event(code(text), "charged")
    assert event.actor == []
    assert [r.text for r in event.recipient] == ["Two men"]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The ministry accused the rebels of shelling the border town.", "the rebels"),
        ("The council blamed the militia for burning the market.", "the militia"),
    ],
)
def test_roles_an_act_known_only_as_an_accusation_has_no_stated_doer(code, text, doer):
    """docs/annotation.md: an attack known only as the content of an accusation keeps `actor: []`:
    neither the accuser nor the accused is its stated doer."""
    act = next(e for e in code(text) if e.event_type == "ASSAULT")
    assert all(not a.text.lower().startswith(("the ministry", "the council")) for a in act.actor)
    assert all(a.inferred for a in act.actor if a.text == doer)


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("In a visit to Tunis on 1 February Macron criticised NATO's 2011 intervention in Libya.",
         "criticised", "Macron"),
        ("On April 4, 1949, on behalf of the United States, Truman's secretary of state, Dean Acheson, "
         "signed the treaty.", "signed", "Dean Acheson"),
    ],
)
def test_roles_a_subject_run_into_a_fronted_phrase_is_the_doer(code, text, trigger, doer):
    """The parser hangs a subject after a fronted phrase into it, leaving the verb with none;
    a date before the name is the phrase's, not part of the name."""
    event = _event(code(text), trigger)
    assert [a.text for a in event.actor] == [doer]


def test_roles_a_fronted_phrase_beside_a_subject_is_no_doer(code):
    event = _event(code("On Monday in Paris, the French president criticised the Russian attack."),
                   "criticised")
    assert [a.text for a in event.actor] == ["the French president"]


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("Officials in Ankara issued a statement of support for the Kurdish refugees.", "support",
         "Officials in Ankara"),
        ("Four opposition parties signed a letter of protest against the new law.", "protest",
         "Four opposition parties"),
    ],
)
def test_roles_the_act_a_document_is_of_is_its_issuer_s(code, text, trigger, doer):
    """ "issued a statement of support": the act the statement names is whoever issued it."""
    event = _event(code(text), trigger)
    assert [a.text for a in event.actor] == [doer]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        # a country's full name after "the" before an attack: where it was, not who did it
        ("The death toll in the Uganda blast rose to nine on Tuesday, doctors said.", None),
        ("Fuel prices climbed for a month after the Kuwait invasion, traders said.", None),
        # a short form, or a headline's name, is the doer's adjective
        ("The U.S. missile attacks killed six fighters in Yemen on Monday.", "USA"),
        ("Israel air strikes killed four people in Gaza on Monday.", "ISR"),
    ],
)
def test_roles_country_name_before_an_attack_is_its_place_unless_a_short_form(code, text, doer):
    acts = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert acts, "no act coded: the rule is not tested"
    assert [a.country for a in acts[0].actor] == ([doer] if doer else [])


@pytest.mark.parametrize(
    ("text", "trigger", "party"),
    [
        ("The refusal of Greece's loan request surprised the markets.", "refusal", "Greece"),
        ("The approval of Serbia's request came late on Friday.", "approval", "Serbia"),
    ],
)
def test_roles_whose_act_is_acted_on_is_not_the_doer(code, text, trigger, party):
    event = _event(code(text), trigger)
    assert all(party not in a.text for a in event.actor)


def test_roles_the_target_of_an_attack_a_sufferer_was_in_is_no_doer(code):
    events = code("The two brothers were linked to the firebomb attacks on three churches.")
    event = _event(events, "attacks")
    assert all("churches" not in a.text for a in event.actor)


def test_roles_who_is_found_guilty_is_no_doer(code):
    """ "found guilty" needs an object: with none, its subject is who was found guilty."""
    event = _event(code("Former senator Jones found guilty of bribery."), "found")
    assert event.event_type == "SANCTION"
    assert all("Jones" not in a.text for a in event.actor)


def test_roles_who_pleads_guilty_is_its_doer(code):
    """ "pleaded guilty": the predicate is the subject's own, so the subject made the plea."""
    event = _event(code("Fred LaRue pleaded guilty to obstruction of justice in July 1973."), "pleaded")
    assert event.event_type == "CONCEDE"
    assert [a.text for a in event.actor] == ["Fred LaRue"]


@pytest.mark.parametrize(("text", "trigger", "doer"), [
    ("Gray resigned the next year because of the allegations.", "resigned", "Gray"),
    ("Hornsburger also admitted to receiving drugs through the mail.", "admitted", "Hornsburger"),
])
def test_roles_a_name_the_tagger_missed_before_a_past_tense_is_its_doer(code, text, trigger, doer):
    """ "Gray resigned": a past tense of an act no one undergoes is no headline's dropped passive."""
    assert [a.text for a in _event(code(text), trigger).actor] == [doer]


def test_roles_the_force_of_the_clause_that_tells_how_a_killing_came_about_did_it(code):
    text = "Three gazans were killed when Israeli forces attacked a UN school in Gaza City on Tuesday."
    event = _event(code(text), "killed")
    assert [a.text for a in event.actor] == ["Israeli forces"]


@pytest.mark.parametrize("text", [
    "Seventy soldiers were killed when two military helicopters crashed in the north.",
    "The man was shot when he reached for a gun in his car.",
    "Four workers at a gas plant were hurt when a tank at the plant exploded on Thursday night.",
])
def test_roles_a_crash_or_the_victim_s_own_act_names_no_doer(code, text):
    event = next(e for e in code(text) if e.event_type == "ASSAULT")
    assert event.actor == []


def test_roles_a_headline_accusation_s_subject_is_the_accused(code):
    event = _event(code("Man accused of threatening tax worker ."), "accused")
    assert event.event_type == "ACCUSE"
    assert [r.text for r in event.recipient] == ["Man"] and event.actor == []


def test_roles_a_verb_the_parser_left_dangling_takes_its_heads_subject(code):
    """The parser hangs "shot" off "responding" (dep): the officers still shot."""
    event = _event(code("Police officers responding to reports of a man threatening people with a gun on "
                        "Wednesday fatally shot a man carrying a metal pipe, police said."), "shot")
    assert [a.text for a in event.actor] == ["Police officers"]


def test_roles_who_flees_undergoes_the_expulsion(code):
    # manual, SANCTION: the fleeing party is not the doer; the causative agent is
    event = _event(code("Thousands of farmers fled the shelling in the north last week."), "fled")
    assert event.event_type == "SANCTION"
    assert event.actor == []
    assert [r.text for r in event.recipient] == ["farmers"]


@pytest.mark.parametrize(("text", "trigger", "doer"), [
    # the light verb's object column reads through "dozens" (triggers.py): "made ... requests" is one trigger
    ("For two years, the activist has made dozens of requests to the ministry for the records.",
     "made", "the activist"),
    ("The senator has filed hundreds of complaints with the commission.", "complaints", "The senator"),
])
def test_roles_a_count_of_acts_holds_their_place_after_a_light_verb(code, text, trigger, doer):
    # "dozens" is the verb's object and "requests" hangs below it: the subject still made them
    event = _event(code(text), trigger)
    assert [a.text for a in event.actor] == [doer]


def test_roles_event_nouns_are_the_act_nouns_with_a_sense_of_some_event(ontology):
    from newsevents.extract.roles import grammar_of
    from newsevents.ontology.load import NO_EVENT

    grammar = grammar_of(ontology)
    assert grammar is grammar_of(ontology)  # built once per ontology
    assert grammar.event_nouns <= grammar.act_nouns
    for (lemma, pos), senses in ontology.triggers.items():
        if pos == "NOUN":
            assert (lemma in grammar.event_nouns) == any(s.event_type != NO_EVENT for s in senses)


def test_roles_the_noun_a_participle_describes_underwent_it_with_its_doer_named(code):
    event = _event(code("Crowds mourned the five protesters shot by soldiers in Karachi on Sunday."), "shot")
    assert [a.text for a in event.actor] == ["soldiers in Karachi"]
    assert [r.text for r in event.recipient] == ["the five protesters"]


def test_roles_an_act_named_in_a_charge_has_no_known_doer(code):
    event = _event(code("Prosecutors in Leeds charged a driver with the murder of a shopkeeper."), "murder")
    assert event.actor == []


@pytest.mark.parametrize(
    ("text", "trigger", "party"),
    [
        ("Ukraine joined NATO on Friday.", "joined", "NATO"),
        ("The coast guard reported sinking a Thai fishing boat.", "sinking", "a Thai fishing boat"),
    ],
)
def test_roles_a_party_inside_the_triggers_phrase_is_its_recipient(code, text, trigger, party):
    assert [r.text for r in _event(code(text), trigger).recipient] == [party]


def test_roles_a_law_inside_the_triggers_phrase_is_no_recipient(code):
    event = _event(code("Mr. Hale signed the Geneva Convention for his government in 1951."), "signed")
    assert all("Convention" not in r.text for r in event.recipient)


def test_roles_which_after_the_place_of_an_act_is_the_act_not_the_place(code):
    text = "Ministers condemned the bombings at hotels in Lima and Quito, which have killed 40 people."
    event = _event(code(text), "killed")
    assert event.actor == [] and [r.text for r in event.recipient] == ["40 people"]
    kept = _event(code("Officials praised Kenya, which has arrested 12 suspects."), "arrested")
    assert [a.text for a in kept.actor] == ["Kenya"]


@pytest.mark.parametrize("person", ["a 15-year-old female", "a teenager", "her husband"])
def test_roles_a_person_named_by_age_sex_or_kin_is_a_participant(code, person):
    event = _event(code(f"Police in Leeds arrested {person} on Friday."), "arrested")
    assert [r.text for r in event.recipient] == [person]


def test_roles_who_is_called_on_to_act_is_the_recipient(code):
    """ "called for the minister to resign": the parser makes "for" the mark of the clause, whose
    subject is the one asked."""
    event = _event(code("The opposition called for the interior minister to resign on Monday."),
                   "called")
    assert event.event_type == "REQUEST"
    assert [r.text for r in event.recipient] == ["the interior minister"]


def test_roles_who_is_wanted_to_act_is_the_recipient(code):
    """ "wants Tehran to halt": the subject of the infinitive clause is the one asked."""
    event = _event(code("Washington wants Tehran to halt the enrichment."), "wants")
    assert event.event_type == "REQUEST"
    assert [r.text for r in event.recipient] == ["Tehran"]


@pytest.mark.parametrize("text", [
    "Canada was the first NATO member to ratify the treaty.",
    "The process began in May with Canada being the first member state starting the ratification.",
])
def test_roles_a_predicate_noun_s_act_is_its_copula_subject_s(code, text):
    event = next(e for e in code(text) if e.event_type == "SUPPORT")
    assert [a.text for a in event.actor] == ["Canada"]
