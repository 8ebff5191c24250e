"""Who is a participant (extract/actors.py), on sentences written for these tests; actor
resolution stays bounded, whatever the phrases point back to."""

from __future__ import annotations

import pytest

from newsevents.extract.actors import ActorResolver
from newsevents.extract.quotes import extract_quotes
from newsevents.records import Article


def test_actors_outlet_is_no_participant(event_on):
    assert not event_on("The newspaper accused the mayor of fraud.", "accused").actor


def test_actors_outlet_may_suffer_an_event(event_on):
    event = event_on("Police raided the newspaper in Harare.", "raided")
    assert [r.text for r in event.recipient] == ["the newspaper"]


def test_actors_state_media_speak_for_their_government(event_on):
    event = event_on("An official Cuban newspaper accused Washington of sabotage.", "accused")
    assert [a.country for a in event.actor] == ["CUB"]


def test_actors_journalists_stay_participants(event_on):
    event = event_on("Police arrested two journalists in Harare.", "arrested")
    assert [r.sector for r in event.recipient] == ["JRN"]


def test_actors_team_named_after_a_people_is_no_country(event_on):
    event = event_on("The Cleveland Indians beat the Boston Red Sox on Sunday.", "beat")
    # no country of its own: "Indians" is no demonym here (the article's home may still be guessed)
    assert all(a.own_country is None for a in event.actor + event.recipient)


def test_actors_an_aide_is_of_whom_he_serves(event_on):
    """ "Aides to Benjamin Netanyahu": the one served is in the phrase and gives its country."""
    event = event_on("Aides to Benjamin Netanyahu met Palestinian negotiators in Cairo.", "met")
    assert [(a.text, a.country, a.sector) for a in event.actor][:1] == [
        ("Aides to Benjamin Netanyahu", "ISR", "GOV")]


def test_actors_a_lower_case_word_is_no_country_name(pipeline):
    doc = pipeline.nlp("A car bomb hit the market, and the CAR government blamed the rebels.")
    resolver = ActorResolver(pipeline.ontology, doc)
    heads = {t.text: t for t in doc if t.text in {"bomb", "government"}}
    assert resolver.actor(heads["bomb"]).country is None  # "car", not CAR
    assert resolver.actor(heads["government"]).country == "CAF"


@pytest.mark.parametrize(("text", "trigger", "sector"), [
    ("KLM president Pieter Elbers criticized the rail plan.", "criticized", None),
    ("Phil Schiller, Apple's senior vice president, criticized Microsoft.", "criticized", None),
    ("Joseph Hardiman, president of the National Association of Securities Dealers, criticized "
     "the exchange.", "criticized", None),
    ("The president of the company criticized the union.", "criticized", "BUS"),
    ("Senate President Therese Murray criticized the governor.", "criticized", "LEG"),
    ("French President Emmanuel Macron criticized Russia.", "criticized", "GOV"),
    ("The treasury secretary criticized the banks.", "criticized", "GOV"),
    ("British Defence Secretary Tom King criticized Iraq.", "criticized", "GOV"),
    ("Secretary of State Warren Christopher criticized Iraq.", "criticized", "GOV"),
    ("The president criticized the banks.", "criticized", "GOV"),
    ("A senior adviser to the prime minister criticized the plan.", "criticized", "GOV"),
    ("An adviser to the company's chief executive criticized the union.", "criticized", "BUS"),
    ("A union representative criticized the plan.", "criticized", "LAB"),
])
def test_actors_a_shared_title_takes_the_sector_of_its_holder(event_on, text, trigger, sector):
    """A president or chairman of a firm or an association is no state official (held_titles)."""
    assert [a.sector for a in event_on(text, trigger).actor] == [sector]


def test_actors_people_still_give_their_country(event_on):
    event = event_on("Thousands of Peruvians protested in Lima.", "protested")
    assert [a.country for a in event.actor] == ["PER"]


@pytest.mark.parametrize(
    "text",
    [
        "One of us said we attacked the base.",
        "One of us said I left.",
        "Some of them said they had fired on the convoy.",
        "Two of our men said we would strike again, and one of us said our unit fled.",
    ],
)
def test_actors_pronoun_pointing_back_into_its_own_speaker_is_resolved(pipeline, text):
    article = Article(id="t", date=None, text=text)
    doc = pipeline.nlp(text)
    events = pipeline.extract_text(text, date="2023-05-30")
    quotes = extract_quotes(doc, article, resolver=ActorResolver(pipeline.ontology, doc),
                            ontology=pipeline.ontology)
    speakers = [q.speaker for q in quotes if q.speaker]
    for record in [a for e in events for a in e.actor + e.recipient] + speakers:
        assert text[record.span[0]:record.span[1]] == record.text


def test_actors_speaker_found_through_a_pronoun_as_before(pipeline):
    events = pipeline.extract_text("Serbia said it would expel the envoy.", date="2023-05-30")
    assert any(a.country == "SRB" for e in events for a in e.actor)


@pytest.mark.parametrize(
    "text",
    [
        "First came the bombing of the bridge by the rebels.",
        "We are waiting for something that meets the demands of the strikers.",
    ],
)
def test_actors_ordinals_and_things_are_no_participants(code, text):
    for event in code(text):
        assert all(a.text.split()[0] not in {"First", "something"} for a in event.actor)


def test_actors_relative_pronoun_under_a_quantifier_is_the_clause_noun(event_on):
    text = "The ministry named 40 Kenyan opposition candidates, all of whom condemned the election."
    event = event_on(text, "condemned")
    assert [a.text for a in event.actor] == ["40 Kenyan opposition candidates"]
    assert [a.country for a in event.actor] == ["KEN"]


def test_actors_a_place_ending_in_a_country_name_is_not_that_country(event_on):
    event = event_on("New Mexico police arrested two smugglers on Monday.", "arrested")
    assert all(a.country != "MEX" for a in event.actor)


def test_actors_surname_the_tagger_takes_for_a_firm_is_the_person_named_before(event_on):
    # the NER calls the second "Trump" an organisation
    text = "U.S. President Donald Trump arrived in Ohio. Trump threatened to impose tariffs on China."
    event = event_on(text, "threatened")
    assert [(a.text, a.country) for a in event.actor] == [("Trump", "USA")]


def test_actors_a_headline_run_into_the_first_sentence_is_no_participant(code):
    text = ("Samaritan's Purse Refugee Camp Bombed , Allegedly By Sudanese Government\n"
            "November 14 , 2011|12 : 35 pm\n"
            "The government of Sudan bombed the Samaritan's Purse refugee camp in Yida , South Sudan , "
            "on Thursday , Nov . 10 , alleges the nondenominational evangelical Christian organization .")
    for event in code(text):
        assert all("Bombed" not in a.text for a in event.actor + event.recipient)


def test_actors_the_dateline_town_is_no_participant(code):
    text = ("TORONTO — A young black man and his mother have launched a lawsuit against Toronto police "
            "and the city's transit authority, alleging he was a victim of racial profiling.")
    lawsuit = next(e for e in code(text) if e.trigger.text == "lawsuit")
    assert lawsuit.actor and all(a.text != "TORONTO" for a in lawsuit.actor)


@pytest.mark.parametrize(("text", "trigger", "doer"), [
    ("An Albany man police said was armed with a knife was arrested Sunday.", "arrested", "police"),
    ("A man authorities say was hit by a car was jailed Tuesday.", "jailed", "authorities"),
])
def test_actors_a_clause_without_who_is_not_glued_to_the_doer(event_on, text, trigger, doer):
    """ "a man police said was armed": "a" before a plural head belongs to the noun between."""
    assert [a.text for a in event_on(text, trigger).actor] == [doer]


def test_actors_a_phrase_stays_on_its_line(event_on):
    text = ("France jewels thefts : Robbers ram 4x4 into Paris shop\n"
            "French police are investigating a daring jewellery robbery in Paris.")
    assert [a.text for a in event_on(text, "investigating").actor] == ["French police"]


def test_actors_an_opening_phrase_is_not_the_actors(pipeline):
    """A sentence cut short at "Sgt." leaves the name as the root, with the opening on it."""
    doc = pipeline.nlp("According to police, Hege and a partner, Sgt.")
    head = next(t for t in doc if t.text == "Hege")
    assert ActorResolver(pipeline.ontology, doc).actor(head).text == "Hege"


def test_actors_surname_takes_the_fuller_mention_that_was_no_participant(event_on):
    # "US Vice President Al Gore" is no event's participant, so nothing remembered him
    text = ("At a news conference with US Vice President Al Gore in Jerusalem, Mr. Netanyahu spoke. "
            "Mr. Gore called on Israel to continue taking risks for peace.")
    event = event_on(text, "called on")
    assert [(a.text, a.country) for a in event.actor] == [("Mr. Gore", "USA")]


def test_actors_pronoun_takes_the_country_of_its_fuller_named_antecedent(event_on):
    text = ("Palestinian President Mahmoud Abbas on Saturday called Jerusalem the key for peace. "
            "Abbas stressed that the Palestinians want a truce with Israel. "
            "He called on Israel to stop the destruction of homes.")
    event = event_on(text, "called on")
    assert [(a.text, a.country) for a in event.actor] == [("He", "PSE")]


def test_actors_a_shared_first_name_is_no_fuller_mention(event_on):
    text = "Prime Minister John Howard spoke in Canberra. John Smith criticised the plan."
    event = event_on(text, "criticised")
    assert [a.own_country for a in event.actor] == [None]


def test_actors_acronym_takes_the_body_it_abbreviates(event_on):
    text = ("Maria Cardona is a spokeswoman for the U.S. Immigration and Naturalization Service. "
            "If the family refused, INS had threatened to revoke the boy's parole.")
    event = event_on(text, "threatened")
    assert [(a.text, a.country) for a in event.actor] == [("INS", "USA")]


@pytest.mark.parametrize(("text", "actor"), [
    ("Sen. Glenn McConnell spoke in Charleston, South Carolina. McConnell urged the state to pay.",
     ("USA", "LEG")),
    ("Cllr Michael Morris spoke in Nenagh, Tipperary. He urged the council to keep the land for housing.",
     ("IRL", "GOV")),
])
def test_actors_abbreviated_title_places_its_holder_in_the_story_country(event_on, text, actor):
    # the title gives the sector; a titled official takes the country the story is set in
    event = event_on(text, "urged")
    assert [(a.country, a.sector) for a in event.actor] == [actor]


def test_actors_a_surname_with_inner_capitals_is_a_name(event_on):
    # "McGrath" is not title-cased (str.istitle), but it is a name all the same
    text = ("Irish Foreign Minister Dara McGrath met reporters in Dublin. "
            "McGrath accused Britain of delaying the talks.")
    event = event_on(text, "accused")
    assert [(a.text, a.country) for a in event.actor] == [("McGrath", "IRL")]


@pytest.mark.parametrize(("text", "trigger", "country"), [
    ("In Kosovo, where the Yugoslav leader, Slobodan Milosevic, is resisting the deployment of "
     "NATO-led troops, Albright insisted.", "resisting", "SRB"),
    ("The former Yugoslav republic of Macedonia accused Greece of blocking its bid.", "accused", "MKD"),
    ("Northern Ireland's biggest Protestant party, the Ulster Unionists, is threatening to push "
     "for Sinn Fein's expulsion.", "threatening", "GBR"),
])
def test_actors_demonyms_and_possessive_place_names(event_on, text, trigger, country):
    # "Yugoslav" is Serbia's (not a "former Yugoslav republic"); "Northern Ireland's" is the place
    event = event_on(text, trigger)
    assert [a.country for a in event.actor] == [country]


def test_actors_a_street_or_hometown_is_no_country(code):
    # "Indian Lake Road" is a street; "of Paris" in a Tennessee story is Paris, Tennessee
    text = ("Police in Nashville, Tennessee arrested Rose Bench, 9025 Indian Lake Road, on Monday. "
            "Officers also arrested John Dunkerson of Paris on Tuesday in Memphis, Tennessee.")
    arrests = [e for e in code(text, "2023-05-30") if e.trigger.text == "arrested"]
    # the text gives them no country (the story's home country is only a guess)
    assert [[a.own_country for a in e.recipient] for e in arrests] == [[None], [None]]


def test_actors_a_body_named_by_a_town_the_article_places_abroad_from_the_capital(code):
    # the article reads "Paris" as Paris, Tennessee (its Henry County court): so is its police
    text = ("A Paris man was arrested Sunday afternoon on five counts of rape of a child. He will "
            "appear in Henry County General Sessions Court. Jon Pike, 19, was arrested at "
            "Paris City Hall by Paris Police Department Sgt. Ron Smith.")
    arrests = [e for e in code(text, "2009-03-30") if e.trigger.text == "arrested"]
    assert [[a.country for a in e.actor] for e in arrests] == [["USA"], ["USA"]]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the article's places read "Georgia" as the US state: so are the bodies it names
        ("Police in Atlanta, Georgia, arrested Brian Nichols on Saturday.", "USA"),
        ("The Georgia Bureau of Investigation arrested a man in Cumming, Georgia, on Tuesday.", "USA"),
        # and as the country where its places are the country's
        ("Georgian police arrested several opposition members in Tbilisi, Georgia, on Monday.", "GEO"),
    ],
)
def test_actors_a_country_name_the_article_places_as_a_division_is_that_country_s(event_on, text, country):
    assert [a.country for a in event_on(text, "arrested", date="2009-03-20").actor] == [country]


def test_actors_a_town_named_like_a_capital_is_no_government_where_the_article_places_it(event_on):
    text = ("A Paris man was arrested Sunday. He will appear in Henry County General Sessions Court. "
            "Paris denied the county's request for funds on Monday.")
    assert [a.country for a in event_on(text, "denied", date="2009-03-30").actor] != ["FRA"]


def test_actors_a_town_named_like_a_country_gives_its_people_the_town_s_country(code):
    # "Palestine" here is Palestine, Texas, as the article's places read it: so is the sheriff
    text = ("A 36-year-old Palestine man was arrested Wednesday at an Anderson County residence, "
            "according to Anderson County Sheriff Greg Taylor. Barnett, 36, of Palestine, Texas, had "
            "eluded authorities for days. The arrest was made after a tip, the sheriff said.")
    arrest = next(e for e in code(text, "2009-03-25") if e.trigger.text == "arrest")
    assert arrest.actor and all(a.country == "USA" for a in arrest.actor)


def test_actors_surname_the_tagger_takes_for_a_firm_finds_its_fuller_mention(event_on):
    # "Ford" alone is tagged a firm; "Canadian Premier Doug Ford" was no participant
    text = ("Canadian Premier Doug Ford spoke in Toronto on Monday. "
            "Ford criticised the federal government.")
    event = event_on(text, "criticised")
    assert [(a.text, a.country) for a in event.actor] == [("Ford", "CAN")]


def test_actors_a_comparative_modifier_finds_its_two_word_role(event_on):
    """ "the lower house": the tagger's lemma of "lower" is "low", the role's key "lower house"."""
    event = event_on("The lower house approved the treaty with Poland on Monday.", "approved")
    assert [a.sector for a in event.actor] == ["LEG"]


@pytest.mark.parametrize(("text", "trigger", "actor"), [
    ("The INS Kolkata fired warning shots at the skiffs.", "fired", ("IND", "MIL")),
    ("USS Harry S. Truman attacked the radar sites on Friday.", "attacked", ("USA", "MIL")),
    ("HMS Argyll seized a tanker in the strait.", "seized", ("GBR", "MIL")),
    # a prefix two navies use: the article's places choose
    ("The INS Eilat fired on a boat near Haifa, Israel, on Monday.", "fired", ("ISR", "MIL")),
])
def test_actors_a_ship_prefix_names_its_navy(event_on, text, trigger, actor):
    event = event_on(text, trigger)
    assert [(a.country, a.sector) for a in event.actor] == [actor]


def test_actors_a_ship_prefix_before_a_role_is_no_ship(event_on):
    # "INS" is also the US immigration agency's acronym: its commissioner is no ship
    event = event_on("INS Commissioner Anna Ruiz criticized the ruling on Monday.", "criticized")
    assert [a.sector for a in event.actor] != ["MIL"]


def test_actors_copy_keeps_every_field_in_a_new_record():
    import dataclasses

    from newsevents.extract.actors import _copy
    from newsevents.records import Actor

    actor = Actor(text="the army", span=(0, 8), name="army", country="SYR", sector="MIL", ethnicity="x",
                  inferred=True, evidence_span=(9, 15), country_source="home")
    copied = _copy(actor)
    assert copied == dataclasses.replace(actor) and copied is not actor


def test_actors_jurors_are_a_court(event_on):
    event = event_on("None of that swayed the jurors, who convicted the mayor of fraud.", "convicted")
    assert [(a.sector, a.inferred) for a in event.actor] == [("JUD", False)]


@pytest.mark.parametrize(("text", "trigger", "sector"), [
    ("About 100 exiles formed a human chain outside the embassy.", "human chain", "OPP"),
    ("The general's supporters began a two-day rally in the capital.", "rally", "CVL"),
    ("Critics denounced the new law on Monday.", "denounced", "CVL"),
])
def test_actors_supporters_critics_and_exiles_are_people_who_act(event_on, text, trigger, sector):
    assert [a.sector for a in event_on(text, trigger).actor] == [sector]


@pytest.mark.parametrize(("text", "actor"), [
    ("Sheriff's deputies arrested two men on Monday.", (None, "COP")),  # a deputy alone is a legislator
    ("State troopers arrested the driver on Sunday.", (None, "COP")),
    ("The California Highway Patrol arrested the driver on Sunday.", ("USA", "COP")),
    ("The RCMP arrested two men in Bountiful.", ("CAN", "COP")),
])
def test_actors_state_and_federal_police_are_police(event_on, text, actor):
    assert [(a.country, a.sector) for a in event_on(text, "arrested").actor] == [actor]


def test_an_act_noun_is_no_doer(event_on):
    # "shootings that injured doctors": the relative's subject names the attack, not who shot
    text = "Kopp is a suspect in sniper shootings that injured abortion doctors in November."
    event = event_on(text, "injured")
    assert event.actor == []


def test_a_sector_word_that_is_also_an_act_noun_still_acts(code):
    # "opposition" is a trigger noun (REJECT) and a sector word: the party still acts
    events = code("The opposition staged a protest in Minsk on Sunday.")
    [event] = [e for e in events if e.event_type == "PROTEST"]
    assert [a.text for a in event.actor] == ["The opposition"]


def test_an_act_noun_leaves_its_owner_as_doer(event_on):
    # "an Israeli mortar strike that killed": the strike is no doer, but it tells whose it was
    text = "An Israeli mortar strike that killed 40 Palestinians in a UN school drew protests."
    event = event_on(text, "killed")
    assert [(a.text, a.country) for a in event.actor] == [("Israeli", "ISR")]


def test_actors_a_relative_clause_on_an_act_s_object_tells_the_act_not_the_object(event_on):
    # the clinic was bombed; "that killed" tells what the bombing did, not what the clinic did
    text = ("Rudolph has been on the run since the January 1998 bombing of a Birmingham, Ala., abortion "
            "clinic that killed an off-duty police officer.")
    assert event_on(text, "killed", date="1999-05-06").actor == []


def test_actors_a_free_relative_is_no_participant(event_on):
    text = ("In Havana, the boy's father joined President Fidel Castro on Thursday in what has become "
            "a daily public rally to press for the boy's return.")
    assert all(a.text.lower() != "what" for a in event_on(text, "rally").actor)


@pytest.mark.parametrize("text, trigger, actor", [
    ("The committee criticized the mayor on Monday.", "criticized", "The committee"),
    ("The alliance condemned the attack on the convoy.", "condemned", "The alliance"),
    ("A growing grassroots movement is calling for a withdrawal from Lebanon.", "calling for",
     "A growing grassroots movement"),
])
def test_actors_party_noun_without_a_sector_is_a_participant(event_on, text, trigger, actor):
    assert [a.text for a in event_on(text, trigger).actor] == [actor]


def test_actors_common_noun_naming_no_party_is_none(event_on):
    assert not event_on("A rubber bullet hit the protesters in the square.", "hit").actor


@pytest.mark.parametrize("word, sector", [("Parents", "CVL"), ("Opponents", "CVL"), ("Defendants", "CRM")])
def test_actors_people_nouns_have_their_sector(event_on, word, sector):
    event = event_on(f"{word} criticized the mayor on Monday.", "criticized")
    assert [a.sector for a in event.actor] == [sector]


@pytest.mark.parametrize(("text", "trigger", "role", "names"), [
    # an "of" phrase of an act, or a charging verb's own "of" (its charge)
    ("The UN accused the army of killing civilians.", "accused", "recipient", ["the army"]),
    ("A jury convicted Gigante of racketeering in 1997.", "convicted", "recipient", ["Gigante"]),
    ("Matiangi accused a clique of judges of working together with activists.", "accused", "recipient",
     ["a clique of judges of working together with activists"]),
    # a relative clause on a noun of the phrase tells of them
    ("They have been aided by Khmer Rouge guerrillas from Anlong Veng, who have formed an alliance with "
     "the resistance forces.", "aided", "actor", ["Khmer Rouge guerrillas from Anlong Veng"]),
])
def test_actors_a_party_is_named_without_what_it_did(event_on, text, trigger, role, names):
    """What a party did or is charged with is no part of its name ("accused the army of killing")."""
    assert [p.text for p in getattr(event_on(text, trigger), role)] == names
