"""Where each event happened (extract/venues.py)."""

import pytest
from venue_words import sentence as _sentence
from venue_words import trigger as _trigger

from newsevents.extract.points import anchors_offset
from newsevents.extract.venues import event_location
from newsevents.records import distance_km


def test_event_location_prefers_clause_then_sentence_then_article(places, ontology):
    doc, found = places(
        "Police arrested five men in Zvecan on Monday. "
        "After a protest in Pristina, the mayor resigned. "
        "The army withdrew. Protests continued in Zvecan."
    )
    clause = event_location(_trigger(doc, "arrested"), found, _sentence(doc, "arrested"), ontology)
    assert clause is not None and clause.text == "Zvecan" and clause.span[0] < 40
    sentence = event_location(_trigger(doc, "resigned"), found, _sentence(doc, "resigned"), ontology)
    assert sentence is not None and sentence.text == "Pristina"
    article = event_location(_trigger(doc, "withdrew"), found, _sentence(doc, "withdrew"), ontology)
    assert article is not None and article.name == "Zvečan" and article.precision == "town"
    assert article.geonameid and article.lat and article.country_code == "XK"


def test_event_location_is_none_without_places(places, ontology):
    doc, found = places("The committee resigned on Tuesday.")
    assert event_location(_trigger(doc, "resigned"), found, _sentence(doc, "resigned"), ontology) is None


def test_event_location_names_the_venue_before_a_direction(places, ontology):
    doc, found = places("Thousands of farmers marched toward Minsk in Grodno on Sunday.")
    place = event_location(_trigger(doc, "marched"), found, _sentence(doc, "marched"), ontology)
    assert place is not None and place.text == "Grodno"


def test_event_location_reads_a_route_through_a_city_s_streets(places, ontology):
    # "Havana's streets": a possessive is no venue word by itself, but the route phrase is one
    doc, found = places("Relatives in Miami said no. Miami was quiet. "
                        "Tens of thousands of Cubans marched through Havana's streets by torchlight.")
    place = event_location(_trigger(doc, "marched"), found, _sentence(doc, "marched"), ontology)
    assert place is not None and place.text == "Havana"


def test_event_location_is_the_nearest_place_in_the_parse(places, ontology):
    doc, found = places("The reporter, who lived in Kiev and was visiting his mother in Lviv when he was "
                        "arrested by police, called his editor.")
    place = event_location(_trigger(doc, "arrested"), found, _sentence(doc, "arrested"), ontology)
    assert place is not None and place.text == "Lviv"


def test_event_location_of_a_relative_clause_is_not_its_heads(places, ontology):
    doc, found = places("Britain says Moscow ordered the poisoning of a former spy in Salisbury, a charge "
                        "that Russia denies.")
    trigger = _trigger(doc, "denies")
    assert event_location(trigger, found, _sentence(doc, "denies"), ontology, actors=("RUS",),
                          said=True) is None


def test_event_location_a_bodys_seat_in_its_phrase_is_the_venue(places, ontology):
    doc, found = places("Iran's embassy in Paris accused French police of harassing its staff.")
    actor = next(t for t in doc if t.text == "embassy")
    who = ((doc[actor.left_edge.i].idx, doc[actor.right_edge.i].idx + len(doc[actor.right_edge.i])),)
    place = event_location(_trigger(doc, "accused"), found, _sentence(doc, "accused"), ontology, exclude=who)
    assert place is not None and place.text == "Paris"


def test_a_town_naming_a_bodys_jurisdiction_is_its_seat(places, ontology):
    doc, found = places("Lagos police on Saturday detained two opposition activists. Ghana protested. "
                        "Abuja said the arrests were lawful.")
    actor = _trigger(doc, "police")
    who = ((doc[actor.left_edge.i].idx, actor.idx + len(actor)),)
    trigger, sentence = _trigger(doc, "detained"), _sentence(doc, "detained")
    place = event_location(trigger, found, sentence, ontology, exclude=who)
    assert place is not None and place.text == "Lagos"


def test_a_nationwide_act_is_placed_at_the_country_with_its_capitals_point(places, ontology):
    doc, found = places("Teachers went on strike across Canada on Monday.")
    place = event_location(_trigger(doc, "strike"), found, _sentence(doc, "strike"), ontology)
    assert place is not None and (place.name, place.precision) == ("Canada", "country")
    assert (round(place.lat, 1), round(place.lon, 1)) == (45.4, -75.7)  # Ottawa, not the middle
    toponym = next(t for t in found if t.text == "Canada")
    assert toponym.lat != place.lat  # the toponym itself keeps the country's middle


def test_a_body_named_by_its_nation_sits_in_the_capital(places, ontology):
    doc, found = places("Poland welcomed the vote after the Slovak parliament approved the treaty on Friday.")
    place = event_location(_trigger(doc, "approved"), found, _sentence(doc, "approved"), ontology)
    assert place is not None
    assert (place.name, place.country_code, place.precision) == ("Bratislava", "SK", "town")
    assert place.text == "Slovak parliament" and doc.text[slice(*place.span)] == place.text
    doc, found = places("Pressure grew in Poland as Russia's lower house voted on the bill.")
    place = event_location(_trigger(doc, "voted"), found, _sentence(doc, "voted"), ontology)
    assert place is not None and place.name == "Moscow"
    assert place.text == "Russia's lower house" and doc.text[slice(*place.span)] == place.text


def test_a_body_named_by_its_nation_sits_in_the_capital_for_each_of_its_coordinated_acts(places, ontology):
    doc, found = places("Poland protested after the Slovak parliament criticised the plan and "
                        "demanded talks.")
    place = event_location(_trigger(doc, "demanded"), found, _sentence(doc, "demanded"), ontology, said=True)
    assert place is not None and place.name == "Bratislava"


def test_a_body_named_by_its_nation_in_a_venue_phrase_sits_in_the_capital(places, ontology):
    doc, found = places("Poland was accused in the Slovak parliament on Friday.")
    place = event_location(_trigger(doc, "accused"), found, _sentence(doc, "accused"), ontology, said=True)
    assert place is not None and place.name == "Bratislava"


def test_a_body_named_by_its_level_sits_in_the_one_such_place_named(places, ontology):
    text = ("Funding fell in South Carolina this year. "
            "The state Department of Health cut funds for five clinics.")
    doc, found = places(text)
    place = event_location(_trigger(doc, "cut"), found, _sentence(doc, "cut"), ontology)
    assert place is not None and place.precision == "admin1" and place.name == "South Carolina"
    # the State Department is the U.S. foreign ministry, not a state's
    doc, found = places("Funding fell in South Carolina this year. "
                        "The State Department cut funds for five clinics.")
    assert event_location(_trigger(doc, "cut"), found, _sentence(doc, "cut"), ontology) is None
    # with two states named, the text does not say which
    doc, found = places("Funding fell in South Carolina and Georgia. "
                        "The state Department of Health cut funds.")
    assert event_location(_trigger(doc, "cut"), found, _sentence(doc, "cut"), ontology) is None


def test_a_body_named_by_its_nation_meeting_elsewhere_is_placed_there(places, ontology):
    doc, found = places("The Slovak parliament met in Kosice on Friday.")
    place = event_location(_trigger(doc, "met"), found, _sentence(doc, "met"), ontology)
    assert place is not None and place.text == "Kosice"


def test_a_statement_is_not_placed_at_the_place_it_is_about(places, ontology):
    doc, found = places("Trump on Monday threatened to slap tariffs on imports from China.")
    trigger, sentence = _trigger(doc, "threatened"), _sentence(doc, "threatened")
    assert event_location(trigger, found, sentence, ontology, said=True) is None
    doc, found = places("The alliance invited three countries to join the bloc at the Madrid summit.")
    trigger, sentence = _trigger(doc, "invited"), _sentence(doc, "invited")
    place = event_location(trigger, found, sentence, ontology, said=True)
    assert place is not None and place.name == "Madrid"


def test_a_statement_is_not_placed_where_the_act_it_is_for_happened(places, ontology):
    doc, found = places("Lawmakers condemned the navy for holding drills in the Black Sea.")
    trigger, sentence = _trigger(doc, "condemned"), _sentence(doc, "condemned")
    assert event_location(trigger, found, sentence, ontology, said=True) is None
    place = event_location(_trigger(doc, "holding"), found, sentence, ontology)
    assert place is not None and place.name == "Black Sea"


def test_a_place_before_an_office_names_whose_office_not_where_the_act_was(places, ontology):
    doc, found = places("Protesters marched in Boston on Monday. A gunman shot the Ohio governor.")
    place = event_location(_trigger(doc, "shot"), found, _sentence(doc, "shot"), ontology)
    assert place is not None and place.name == "Boston"  # the story's place, not Ohio


def test_a_material_acts_own_place_phrase_counts_even_when_it_names_the_actor(places, ontology):
    doc, found = places("The dispute set off expulsions of diplomats from Britain on Monday.")
    britain = next(t for t in found if t.text == "Britain")
    trigger, sentence = _trigger(doc, "expulsions"), _sentence(doc, "expulsions")
    place = event_location(trigger, found, sentence, ontology, exclude=(britain.span,))
    assert place is not None and place.country_code == "GB"
    assert event_location(trigger, found, sentence, ontology, exclude=(britain.span,), said=True) is None


def test_a_place_named_as_a_distance_and_bearing_off_a_town_is_that_far_off(places, ontology):
    doc, found = places("Pirates attacked the ship on Saturday 150 nautical miles west of Aden, Yemen.")
    place = event_location(_trigger(doc, "attacked"), found, _sentence(doc, "attacked"), ontology)
    assert place is not None and place.geonameid is None
    assert place.name == "150 nautical miles west of Aden"
    assert distance_km(place.lat, place.lon, 12.7, 42.5) < 30  # not Aden itself, 278 km east
    doc, found = places("Gunmen attacked a checkpoint 20 km north-east of Baghdad on Monday.")
    place = event_location(_trigger(doc, "attacked"), found, _sentence(doc, "attacked"), ontology)
    anchor = next(t for t in found if t.text == "Baghdad")
    assert place is not None and 19 < distance_km(place.lat, place.lon, anchor.lat, anchor.lon) < 21
    assert place.lat > anchor.lat and place.lon > anchor.lon
    assert anchors_offset(anchor, doc.text) and not anchors_offset(None, doc.text)


def test_a_place_in_a_coordinated_clause_with_its_own_subject_is_that_clauses(places, ontology):
    doc, found = places("Protests continued in London. London police were on alert. Each country has "
                        "expelled 23 of the other's diplomats and Russia has further ordered Britain to "
                        "reduce its staffing at the embassy in Moscow.")
    place = event_location(_trigger(doc, "expelled"), found, _sentence(doc, "expelled"), ontology)
    assert place is not None and place.name == "London"


def test_a_statement_is_not_placed_at_the_seat_named_in_its_object(places, ontology):
    doc, found = places("Sudan's government denied any bombing in South Sudan.")
    bombing = _trigger(doc, "bombing")
    who = ((bombing.idx, _sentence(doc, "denied").end_char - 1),)
    trigger, sentence = _trigger(doc, "denied"), _sentence(doc, "denied")
    assert event_location(trigger, found, sentence, ontology, exclude=who, said=True) is None


def test_coordinated_places_in_several_countries_in_a_partys_phrase_are_no_seat(places, ontology):
    text = "The minister condemned those behind the bombing of the embassies in Ghana and Togo."
    doc, found = places(text)
    target = ((text.index("the embassies"), len(text) - 1),)
    bombing, sentence = _trigger(doc, "bombing"), _sentence(doc, "bombing")
    assert event_location(bombing, found, sentence, ontology, exclude=target) is None


def test_an_act_over_coordinated_places_in_several_countries_has_no_place(places, ontology):
    doc, found = places("Bombs exploded at the embassies in Nairobi, Kenya, and Kampala, Uganda, on Friday. "
                        "Police arrested two men in Nairobi.")
    exploded = event_location(_trigger(doc, "exploded"), found, _sentence(doc, "exploded"), ontology)
    assert exploded is None
    arrested = event_location(_trigger(doc, "arrested"), found, _sentence(doc, "arrested"), ontology)
    assert arrested is not None and arrested.name == "Nairobi"


def test_a_country_before_a_noun_says_whose_not_where(places, ontology):
    doc, found = places("The president condemned the bombing of two U.S. embassies in Kenya.")
    bombing = event_location(_trigger(doc, "bombing"), found, _sentence(doc, "bombing"), ontology)
    assert bombing is not None and bombing.name == "Kenya"


def test_a_body_whose_title_or_name_implies_its_level_sits_in_the_one_such_place(places, ontology):
    # "commissioners" are a county's board, also as the subject of the verb that governs the act
    doc, found = places("Rain fell across Henderson County last week. "
                        "Commissioners voted to deny a request for a larger patrol car.")
    place = event_location(_trigger(doc, "deny"), found, _sentence(doc, "deny"), ontology)
    assert place is not None and place.name == "Henderson County"
    # "the county" acting is that county
    doc, found = places("Floods hit Licking County in March. The county denied the request for aid.")
    place = event_location(_trigger(doc, "denied"), found, _sentence(doc, "denied"), ontology)
    assert place is not None and place.name == "Licking County"


def test_a_state_body_sits_in_the_state_of_the_towns_named_when_no_state_is(places, ontology):
    doc, found = places("Flooding hit Cleveland and Cincinnati on Monday. State lawmakers met. "
                        "The state Department of Transportation cut funds for repairs.")
    place = event_location(_trigger(doc, "cut"), found, _sentence(doc, "cut"), ontology)
    assert place is not None and place.name == "Ohio" and place.precision == "admin1"
    assert place.lat is not None and place.text == "Department"


def test_a_city_body_sits_in_the_main_town_among_several_named(places, ontology):
    doc, found = places("Protesters marched in East Flatbush on Monday. Police in East Flatbush arrested "
                        "ten. Brooklyn residents joined. He said at a City Council hearing on Tuesday "
                        "that the march was no riot.")
    place = event_location(_trigger(doc, "hearing"), found, _sentence(doc, "hearing"), ontology,
                           said=True)
    assert place is not None and place.name == "East Flatbush"


def test_a_statements_place_is_not_the_place_of_another_act_it_names(places, ontology):
    doc, found = places("A federal judge dismissed all claims against the agency over an immigration raid "
                        "at a meatpacking plant in Worthington. The minister said at the summit in Madrid "
                        "that the talks had failed.")
    dismissed = _trigger(doc, "dismissed")
    assert event_location(dismissed, found, dismissed.sent, ontology, actors=("USA",), said=True) is None
    said = _trigger(doc, "said")  # a meeting is a venue
    assert event_location(said, found, said.sent, ontology, said=True).name == "Madrid"


def test_a_where_clause_happens_at_the_place_it_hangs_on(places, ontology):
    doc, found = places("In Kosovo, where the Yugoslav leader is resisting the deployment of "
                        "NATO troops, Albright insisted that NATO was the best tool.")
    place = event_location(_trigger(doc, "resisting"), found, _sentence(doc, "resisting"), ontology,
                           said=True)
    assert place is not None and place.country_code == "XK"


def test_police_and_courts_speak_where_the_story_is(places, ontology):
    doc, found = places("Police arrested a man in Albany on Monday. Investigators alleged he posed as an "
                        "officer. The governor of Georgia condemned the crimes.")
    alleged, sentence = _trigger(doc, "alleged"), _sentence(doc, "alleged")
    place = event_location(alleged, found, sentence, ontology, actors=("USA",), said=True, local_speaker=True)
    assert place is not None and place.name == "Albany"
    # anyone else's statement with no place of its own is not put at the story's place
    condemned, sentence = _trigger(doc, "condemned"), _sentence(doc, "condemned")
    assert event_location(condemned, found, sentence, ontology, actors=("USA",), said=True) is None
    # nor a police statement from another country
    sentence = _sentence(doc, "alleged")
    assert event_location(alleged, found, sentence, ontology, actors=("GBR",), said=True,
                          local_speaker=True) is None


def test_an_act_whose_doer_is_read_after_its_sentence_is_placed_by_that_doer(code):
    # "Police" is the doer of the investigation only once the sentence pass is over: their
    # statement is then placed where the story is, as any police statement is
    events = code("A bomb exploded at a bank in Portland, Oregon, on Friday, killing a police officer.\n"
                  "Police said that a multi-agency investigation has begun to identify suspects.")
    inquiry = next(e for e in events if e.trigger.text == "investigation")
    assert [a.text for a in inquiry.actor] == ["Police"]
    assert inquiry.location is not None and inquiry.location.name == "Portland"


def test_a_visit_is_held_where_the_party_visited_sits(places, ontology):
    text = "The former prime minister visited NATO headquarters in Brussels on Monday."
    doc, found = places(text)
    visited, sentence = _trigger(doc, "visited"), _sentence(doc, "visited")
    start = text.index("NATO")
    recipient = ((start, text.index(" on Monday")),)
    place = event_location(visited, found, sentence, ontology, exclude=recipient, said=True, meeting=True)
    assert place is not None and place.name == "Brussels"
    # a statement about a party is not made at the party's seat
    assert event_location(visited, found, sentence, ontology, exclude=recipient, said=True) is None


def test_a_meeting_or_an_appeal_at_the_end_of_a_journey_is_held_there(places, ontology):
    text = ("The Norwegian trade minister left for Madrid on Friday to meet her Spanish counterpart. "
            "Ten senators flew to Lisbon and toured the shipyard. "
            "Two mayors from Bergen flew to Oslo to appeal directly to the justice minister.")
    doc, found = places(text)
    meet, sentence = _trigger(doc, "meet"), _sentence(doc, "meet")
    assert event_location(meet, found, sentence, ontology, actors=("NOR",), said=True,
                          meeting=True).name == "Madrid"
    # a statement told as the journey's purpose is made where the journey ends, not at home
    appeal, sentence = _trigger(doc, "appeal"), _sentence(doc, "appeal")
    assert event_location(appeal, found, sentence, ontology, actors=("NOR",), said=True).name == "Oslo"
    toured, sentence = _trigger(doc, "toured"), _sentence(doc, "toured")
    assert event_location(toured, found, sentence, ontology, said=True, meeting=True).name == "Lisbon"


def test_a_place_in_what_a_statement_says_or_asks_is_its_topic_not_its_venue(places, ontology):
    doc, found = places("The Swedish minister urged Norway to halt the closure of schools in Bergen. "
                        "The Danish minister condemned the closure of schools in Bergen at a news conference "
                        "in Stockholm.")
    urged = event_location(_trigger(doc, "urged"), found, _sentence(doc, "urged"), ontology,
                           actors=("SWE",), said=True)
    assert urged is None
    condemned = event_location(_trigger(doc, "condemned"), found, _sentence(doc, "condemned"), ontology,
                               actors=("DNK",), said=True)
    assert condemned is not None and condemned.name == "Stockholm"


def test_a_country_stands_for_the_one_locality_the_article_names_in_it(places, ontology):
    doc, found = places("A soldier was killed while fighting the militants in Syria. The bomb went off near "
                        "Manbij on Thursday.")
    killed = event_location(_trigger(doc, "killed"), found, _sentence(doc, "killed"), ontology)
    assert killed is not None and killed.name == "Manbij"
    # a statement is placed where it was made, not narrowed
    doc, found = places("The ministry condemned the fighting in Syria. Shells fell on Manbij.")
    condemned = event_location(_trigger(doc, "condemned"), found, _sentence(doc, "condemned"), ontology,
                               said=True)
    assert condemned is None or condemned.name != "Manbij"


def test_a_venue_phrase_gives_its_state_before_the_country_owning_it(places, ontology):
    doc, found = places("Fighting broke out in Sudan's Blue Nile state on Monday.")
    fighting = event_location(_trigger(doc, "Fighting"), found, _sentence(doc, "Fighting"), ontology)
    assert fighting is not None and fighting.name == "Blue Nile"


def test_an_attack_on_a_place_named_as_its_object_happens_there(places, ontology):
    doc, found = places("The minister lived in London from 1968, when the Soviets invaded Czechoslovakia.")
    invaded = event_location(_trigger(doc, "invaded"), found, _sentence(doc, "invaded"), ontology)
    assert invaded is not None and invaded.country_code == "CZ" and invaded.precision == "country"
    # the whole country, not the one town the article names in it
    doc, found = places("Iraqi troops invaded Kuwait on Thursday. Tanks were seen near Jahra.")
    invaded = event_location(_trigger(doc, "invaded"), found, _sentence(doc, "invaded"), ontology)
    assert invaded is not None and invaded.name == "Kuwait"


@pytest.mark.parametrize(("text", "verb", "name"), [
    ("Rebels attacked Kidal on Thursday.", "attacked", "Kidal"),
    ("Warships patrolled the Gulf of Aden on Thursday.", "patrolled", "Gulf of Aden"),
])
def test_a_town_or_sea_an_act_takes_as_object_is_its_place(places, ontology, text, verb, name):
    doc, found = places(text)
    place = event_location(_trigger(doc, verb), found, _sentence(doc, verb), ontology)
    assert place is not None and place.name == name


def test_invaded_land_is_the_place_of_the_invasion(places, ontology):
    doc, found = places("Speaking in Vienna, the historian recalled that in 1940 Germany invaded Norway.")
    place = event_location(_trigger(doc, "invaded"), found, _sentence(doc, "invaded"), ontology)
    assert place is not None and place.name == "Norway"


def test_country_before_a_noun_in_a_venue_phrase_is_not_the_venue(places, ontology):
    doc, found = places("Gunmen staged raids at U.S. consulates in Peru and Chile on Sunday.")
    # whose consulates, not where: the raids span Peru and Chile, so they have no one place
    assert event_location(_trigger(doc, "raids"), found, _sentence(doc, "raids"), ontology) is None
    doc, found = places("Gunmen attacked a U.S. consulate in Lima on Sunday.")
    place = event_location(_trigger(doc, "attacked"), found, _sentence(doc, "attacked"), ontology)
    assert place is not None and place.name == "Lima"


def test_a_place_in_a_clause_inside_a_venue_phrase_is_that_clauses(places, ontology):
    doc, found = places("In efforts to prevent the boy's return to Cuba, a congressman subpoenaed him "
                        "on Friday. The ministers signed the treaty at a ceremony held in Oslo.")
    subpoenaed, sentence = _trigger(doc, "subpoenaed"), _sentence(doc, "subpoenaed")
    assert event_location(subpoenaed, found, sentence, ontology, actors=("USA",), said=True) is None
    signed, sentence = _trigger(doc, "signed"), _sentence(doc, "signed")
    assert event_location(signed, found, sentence, ontology).name == "Oslo"  # a participle is no clause


def test_a_material_act_is_not_placed_where_another_act_its_sentence_names_happened(places, ontology):
    doc, found = places("Police shot a man in Oslo on Tuesday. "
                        "The shooting comes after the police killing of an unarmed student on May 2 in "
                        "Bergen, Norway, sparked weeks of protests.")
    shooting, sentence = _trigger(doc, "shooting"), _sentence(doc, "shooting")
    assert event_location(shooting, found, sentence, ontology).name == "Oslo"
    # an act named on the trigger's own phrase is its circumstance: its place is the trigger's
    doc, found = places("Police detained two men in Oslo on Monday. "
                        "Soldiers killed 12 people during an attack on a school in Bergen.")
    killed, sentence = _trigger(doc, "killed"), _sentence(doc, "killed")
    assert event_location(killed, found, sentence, ontology).name == "Bergen"



@pytest.mark.parametrize("text", [
    "During Iraq's invasion of Kuwait, Egypt helped to form the international coalition.",
    "The council will not lift the sanctions imposed on Iraq after its invasion of Kuwait.",
])
def test_the_land_an_act_noun_is_of_is_its_place_not_its_owners(code, text):
    invasion = next(e for e in code(text) if e.trigger.text == "invasion")
    assert invasion.location is not None and invasion.location.name == "Kuwait"


def test_an_act_noun_on_coordinated_lands_takes_neither(places, ontology):
    doc, found = places("Officials in Islamabad said the raids on Afghanistan and Sudan were unjustified.")
    place = event_location(_trigger(doc, "raids"), found, _sentence(doc, "raids"), ontology)
    assert place is None or place.name not in {"Afghanistan", "Sudan"}
