"""The article's dateline and main place as the venue of its events (extract/story_places.py,
extract/venues.py)."""

import pytest
from venue_words import sentence as _sentence
from venue_words import trigger as _trigger

from newsevents.extract.story_places import dateline
from newsevents.extract.venues import event_location


def test_dateline_is_where_statements_were_heard_unless_a_foreign_state_speaks(places, ontology):
    text = ("NAIROBI, Kenya (AP) - Police said on Monday that protesters had blocked roads in Kisumu. "
            "A government spokesman urged calm. Uganda rejected the accusation.")
    doc, found = places(text)
    venue = dateline(found, doc)
    assert venue is not None and venue.name == "Nairobi"
    urged, sentence = _trigger(doc, "urged"), _sentence(doc, "urged")
    # a local speaker, one of no known country, or a visitor, is heard where the reporter is
    for actors in (("KEN",), (), ("UGA",)):
        place = event_location(urged, found, sentence, ontology, venue=venue, actors=actors, said=True)
        assert place is not None and place.name == "Nairobi", actors
    undated = "Police said on Monday that protesters had blocked roads in Kisumu."
    assert dateline(*reversed(places(undated))) is None
    # a foreign state named as such speaks from home, not from the dateline nor the main place
    rejected, sentence = _trigger(doc, "rejected"), _sentence(doc, "rejected")
    assert event_location(rejected, found, sentence, ontology, venue=venue, actors=("UGA",), said=True,
                          state_speaker=True) is None
    assert event_location(rejected, found, sentence, ontology, venue=venue, actors=("KEN",), said=True,
                          state_speaker=True).name == "Nairobi"
    # a joint statement of a local actor and a foreign one was made where the host is
    assert event_location(rejected, found, sentence, ontology, venue=venue, actors=("KEN", "UGA"), said=True,
                          state_speaker=True).name == "Nairobi"


def test_an_international_body_acts_at_the_dateline(places, ontology):
    text = ("GENEVA (AP) - The arbitration panel turned down the appeal of two shipping firms on Tuesday. "
            "Its ruling was welcomed.")
    doc, found = places(text)
    venue = dateline(found, doc)
    assert venue is not None and venue.name == "Geneva"
    turned, sentence = _trigger(doc, "turned"), _sentence(doc, "turned")
    assert event_location(turned, found, sentence, ontology, venue=venue, actors=("IGO",),
                          said=True).name == "Geneva"
    # with a foreign state speaking by its name beside it, the act is not known to have been there
    assert event_location(turned, found, sentence, ontology, venue=venue, actors=("IGO", "RUS"),
                          said=True, state_speaker=True) is None


def test_the_dateline_is_where_a_visitor_met_but_not_where_an_old_statement_was_made(places, ontology):
    text = ("OSLO, Norway (AP) - The Finnish president held talks with his host on Tuesday. "
            "Finland's foreign minister criticized the plan last year.")
    doc, found = places(text)
    venue = dateline(found, doc)
    talks, sentence = _trigger(doc, "talks"), _sentence(doc, "talks")
    assert event_location(talks, found, sentence, ontology, venue=venue, actors=("FIN",), said=True,
                          meeting=True).name == "Oslo"
    assert event_location(talks, found, sentence, ontology, venue=venue, actors=("FIN",), said=True,
                          state_speaker=True) is None  # "Finland said": a state speaks from home
    criticized, sentence = _trigger(doc, "criticized"), _sentence(doc, "criticized")
    assert event_location(criticized, found, sentence, ontology, venue=venue, actors=("NOR",),
                          said=True).name == "Oslo"
    assert event_location(criticized, found, sentence, ontology, venue=venue, actors=("NOR",), said=True,
                          historical=True) is None


def test_dateline_in_capitals_run_into_the_text(places):
    text = "LONDON The Latest on the poisoning: Britain blamed Russia for the attack."
    doc, found = places(text)
    venue = dateline(found, doc)
    assert venue is not None and venue.name == "London"
    text = "SHOPPERS in London are being offered bells. Police in London arrested a man."
    doc, found = places(text)
    assert dateline(found, doc) is None


@pytest.mark.parametrize(("text", "admin1"), [
    ("ST. LOUIS (AP) - Police arrested a man on Monday.", "Missouri"),
    ("Man held over threats. ST. LOUIS -- Police arrested a man on Monday.", "Missouri"),
    ("FT. WORTH, Texas (AP) - Police arrested a man on Monday.", "Texas"),
])
def test_a_dateline_town_written_with_an_abbreviation_is_read_whole(places, text, admin1):
    """The model tags "ST." and "LOUIS" apart; the dateline is St. Louis, not a town "Louis"."""
    doc, found = places(text)
    venue = dateline(found, doc)
    assert venue is not None and venue.admin1 == admin1 and venue.text.endswith(("LOUIS", "WORTH"))
    assert all(t.text not in {"ST", "LOUIS"} for t in found)


def test_dateline_after_the_headline_the_text_repeats_first(places, ontology):
    title = "Claims dismissed in Worthington immigration raid "
    text = (title + ". MINNEAPOLIS -- A federal judge has dismissed all claims over the raid. "
            "Judge Joan Ericksen dismissed the claims last Friday.")
    doc, found = places(text, title)
    venue = dateline(found, doc)
    assert venue is not None and venue.name == "Minneapolis"
    dismissed = [t for t in doc if t.text == "dismissed"][1]
    said = event_location(dismissed, found, dismissed.sent, ontology, venue=venue, actors=("USA",), said=True)
    assert said is not None and said.name == "Minneapolis"
    # without the title (or with another one) the marked dateline after the headline is still
    # found, and the headline's place words are no dateline
    for other in (None, "Judge throws out raid"):
        assert dateline(*reversed(places(text, other))).name == "Minneapolis"
    assert dateline(*reversed(places("Claims dismissed in Worthington immigration raid ."))) is None


def test_a_statement_without_a_place_is_not_put_at_the_articles_main_place(places, ontology):
    doc, found = places("Troops shelled Zvecan on Monday. Protests continued in Zvecan. "
                        "The army withdrew. The White House urged restraint.")
    urged = event_location(_trigger(doc, "urged"), found, _sentence(doc, "urged"), ontology, said=True)
    assert urged is None
    withdrew = event_location(_trigger(doc, "withdrew"), found, _sentence(doc, "withdrew"), ontology,
                              actors=("SRB",))
    assert withdrew is not None and withdrew.country_code == "XK"  # foreign troops act there too


def test_main_place_is_the_town_the_article_names_not_its_country(places, ontology):
    doc, found = places("Police in Zvecan detained a Serbian official. Kosovo said the arrest was "
                        "lawful, and Kosovo police remain on alert. The army withdrew.")
    article = event_location(_trigger(doc, "withdrew"), found, _sentence(doc, "withdrew"), ontology)
    assert article is not None and article.precision == "town" and article.country_code == "XK"


def test_no_main_place_for_an_article_ranging_over_several_regions(places, ontology):
    doc, found = places("The governors of Texas, Arizona and Oregon backed the plan. Mexico objected. "
                        "The troops were deployed.")
    assert event_location(_trigger(doc, "deployed"), found, _sentence(doc, "deployed"), ontology) is None


def test_a_statement_by_an_official_is_placed_at_the_dateline_once_his_country_is_known(code):
    # "Prime Minister" has no country in its sentence: the article's home country (two
    # Australian places) is given to him after the sentence pass, and only then does the
    # dateline rule see a local speaker
    text = ("CANBERRA, Australia (AP) - The debate in Australia went on. "
            "Prime Minister John Howard promised a referendum next year.")
    event = next(e for e in code(text) if e.trigger.text == "promised")
    assert [a.country for a in event.actor] == ["AUS"]
    assert event.location is not None and event.location.name == "Canberra"


def test_the_main_place_is_the_lead_town_when_no_town_is_named_twice(places, ontology):
    doc, found = places("Funeral held for slain Oakland officers. Officers from Waco, Texas, attended. "
                        "The gunman was killed later.")
    killed = event_location(_trigger(doc, "killed"), found, _sentence(doc, "killed"), ontology)
    assert killed is not None and killed.name == "Oakland"


def test_towns_of_one_area_are_the_main_place_towns_far_apart_are_not(places, ontology):
    # a neighbourhood and its borough, each named once after a title that names neither: one area
    text = ("Tension runs high. Hostility has been mounting in East Flatbush, Brooklyn, after the shooting. "
            "Dozens were arrested later.")
    doc, found = places(text)
    arrested = event_location(_trigger(doc, "arrested"), found, _sentence(doc, "arrested"), ontology)
    assert arrested is not None and arrested.name == "East Flatbush"
    # two towns 300 km apart, each named once: the article does not say where the arrests were
    text = ("Tension runs high. Hostility has been mounting in Buffalo and in Albany after the shooting. "
            "Dozens were arrested later.")
    doc, found = places(text)
    assert event_location(_trigger(doc, "arrested"), found, _sentence(doc, "arrested"), ontology) is None


_SEA_STORY = ("MUMBAI, Nov 11 - Indian naval forces rescued a merchant vessel under attack by pirates in the "
              "Gulf of Aden on Saturday. Indian commandos boarded the pirate boat, seizing 12 men. "
              "Police in Mumbai later detained two more suspects. Protesters were detained in a raid.")
_OFF_THE_COAST = ("Indian warships captured pirates 150 nautical miles west of Aden in the Gulf of Aden. "
                  "The pirates attacked the ship 150 nautical miles west of Aden. Commandos boarded the "
                  "boat, seizing 12 men.")


@pytest.mark.parametrize(("text", "trigger", "historical", "place"), [
    (_SEA_STORY, "seizing", False, "Gulf of Aden"),  # an act at sea, not at the port of the dateline
    (_SEA_STORY, "raid", False, "Mumbai"),  # an act on land
    (_SEA_STORY, "seizing", True, "Mumbai"),  # an act older than the day's news: not put at sea
    (_OFF_THE_COAST, "seizing", False, "150 nautical miles west of Aden"),  # a point off the coast
])
def test_an_act_at_sea_is_at_the_water_the_article_names_not_at_its_port(places, ontology, text, trigger,
                                                                         historical, place):
    doc, found = places(text)
    located = event_location(_trigger(doc, trigger), found, _sentence(doc, trigger), ontology,
                             historical=historical)
    assert (located.name if located is not None else None) == place


def test_the_main_place_is_not_counted_from_whose_countries(places, ontology):
    doc, found = places("Bombs hit U.S. embassies in Nairobi. U.S. officials and U.S. diplomats flew to "
                        "Nairobi. A rescue team came from Oklahoma City. The FBI dispatched agents.")
    dispatched = event_location(_trigger(doc, "dispatched"), found, _sentence(doc, "dispatched"), ontology)
    assert dispatched is not None and dispatched.name == "Nairobi"


def test_a_place_inside_an_organizations_name_is_no_venue_nor_the_main_place(places, ontology):
    doc, found = places("The Oregon Health Authority warned hospitals. Officials of the Oregon Department "
                        "of Forestry closed the trails on Monday.")
    assert [t.text for t in found] == ["Oregon", "Oregon"]
    closed = event_location(_trigger(doc, "closed"), found, _sentence(doc, "closed"), ontology)
    assert closed is None


def test_a_country_owning_a_body_is_not_the_articles_main_place(places, ontology):
    doc, found = places("India's navy has captured 23 pirates. The pirates were apprehended at sea.")
    caught = event_location(_trigger(doc, "apprehended"), found, _sentence(doc, "apprehended"), ontology)
    assert caught is None  # "India's navy" says whose the navy is, not where it acted


def test_a_dateline_the_model_does_not_tag_is_read_with_its_state(places):
    text = "\n\nINDEPENDENCE, Mo. _ The North Atlantic Treaty Organization embraced three former rivals."
    doc, found = places(text)
    venue = dateline(found, doc)
    assert venue is not None and venue.name == "Independence" and venue.admin1 == "Missouri"


def test_a_dateline_names_a_city_and_a_capital_alone_is_the_capital(places):
    text = "\n\nWARSAW, February 26 (Xinhua) -- Poland's president met officials in Independence, Missouri."
    doc, found = places(text)
    assert dateline(found, doc).country_code == "PL"  # not Warsaw, Missouri
    text = "NEW YORK (AP) -- A New York court ruled on Monday."
    doc, found = places(text)
    assert dateline(found, doc).name == "New York City"
    assert all(t.name == "New York City" for t in found)  # one sense per article


def test_a_dateline_alone_is_no_village_a_hundred_times_smaller_than_a_namesake(places):
    text = "\n\nHAMILTON (AP) --\n\nCanadian police issued a warrant for a man from Buffalo, New York."
    doc, found = places(text)
    assert dateline(found, doc).admin1 == "Ontario"  # not a village near Buffalo
    text = "\n\nHAMILTON (AP) -- Police said the man was last seen in Buffalo, New York, and in Rochester."
    doc, found = places(text)
    assert dateline(found, doc).admin1 != "New York"  # a city of the name, not the village


def test_a_dateline_after_a_headline_names_a_city(places):
    _, found = places("Senate passes farm bill. WASHINGTON — Lawmakers voted Thursday to raise crop "
                      "payments, a plan backed by senators of Iowa and farmers in Des Moines.")
    assert found[0].text == "WASHINGTON" and found[0].admin1 == "District of Columbia"  # not Washington, Iowa
    _, found = places("Mill to reopen in Ohio. HAMILTON — A paper mill north of Cincinnati will reopen, "
                      "the mayor said.")
    hamilton = next(t for t in found if t.text == "HAMILTON")
    assert hamilton.admin1 == "Ohio"  # a dateline, but not the small capital of Bermuda


def test_an_act_the_reporter_says_was_here_is_in_the_dateline_town(places, ontology):
    text = ("OSLO, Norway (AP) - The Swedish minister signed the treaty at the city hall here on Monday. "
            "The Danish envoy praised the deal here. "
            "\"We want peace here,\" the Finnish delegate demanded.")
    doc, found = places(text)
    venue = dateline(found, doc)
    for word in ("signed", "praised"):  # a foreign actor's act, material or said, that the text puts here
        place = event_location(_trigger(doc, word), found, _sentence(doc, word), ontology, actors=("SWE",),
                               said=word == "praised", here=venue)
        assert place is not None and place.name == "Oslo"
        assert event_location(_trigger(doc, word), found, _sentence(doc, word), ontology, actors=("SWE",),
                              said=True) is None
    # inside a quotation "here" is wherever the speaker was
    assert event_location(_trigger(doc, "demanded"), found, _sentence(doc, "demanded"), ontology,
                          actors=("FIN",), said=True, here=venue) is None


def test_an_address_after_a_name_is_no_venue_nor_the_main_place(places, ontology):
    doc, found = places("Burglars raided a shop in Dayton. The suspect, Tom Miller, 31, of the 1200 block of "
                        "South Kedzie in Chicago, was arrested at the scene.")
    arrested = event_location(_trigger(doc, "arrested"), found, _sentence(doc, "arrested"), ontology)
    assert arrested is not None and arrested.name == "Dayton"


def test_an_old_act_with_no_place_of_its_own_is_not_put_at_the_dateline_town(places, ontology):
    text = ("OSLO, Norway (AP) - Police detained two activists in Oslo on Tuesday. "
            "The activists were expelled from the party last year.")
    doc, found = places(text)
    venue = dateline(found, doc)
    expelled, sentence = _trigger(doc, "expelled"), _sentence(doc, "expelled")
    today = event_location(expelled, found, sentence, ontology, here=venue)
    assert today is not None and today.name == "Oslo"  # today's act happens where the story is
    assert event_location(expelled, found, sentence, ontology, here=venue, historical=True) is None




def test_a_visitors_statement_is_at_the_dateline_a_foreign_states_is_not(code):
    visitor = code("MOSCOW (AP) - Ukrainian President Leonid Kuchma assured his host on Friday that "
                   "his country would not join the alliance.")
    assured = next(e for e in visitor if e.trigger.text == "assured")
    assert assured.location is not None and assured.location.name == "Moscow"
    state = code("LONDON (AP) - Russia denied any role in the poisoning on Friday.")
    assert next(e for e in state if e.trigger.text == "denied").location is None


def test_a_visit_is_held_where_the_visitor_went(code):
    for text in ("Israeli President Shimon Peres visited Prague on Monday.",
                 "Israeli President Shimon Peres made an official visit to Prague on Monday."):
        visit = next(e for e in code(text) if e.event_type == "CONSULT")
        assert visit.location is not None and visit.location.name == "Prague", text


def test_a_fixtures_place_is_where_it_is_played_not_where_an_act_before_it_happened(code):
    """A player arrested before "the playoff game at Pittsburgh" was not arrested in Pittsburgh, by the
    venue rules nor by the ranker (the only town named); fans arrested during the game were."""
    before, = [e for e in code("Police arrested the striker on Friday, two days before the team's playoff "
                               "game at Pittsburgh.", "2020-05-05") if e.trigger.text == "arrested"]
    assert before.location is None
    during, = [e for e in code("Police arrested two fans during the game at Pittsburgh.", "2020-05-05")
               if e.trigger.text == "arrested"]
    assert during.location is not None and during.location.name == "Pittsburgh"
    # a town owning a fixture is the team: "five days before San Diego's playoff loss"
    owned, = [e for e in code("Police arrested the striker on Friday, two days before San Diego's playoff "
                              "loss.", "2020-05-05") if e.trigger.text == "arrested"]
    assert owned.location is None
