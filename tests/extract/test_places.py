import pytest

from newsevents.extract.gazetteer import fold, load_gazetteer


def _named(toponyms, text):
    return [t for t in toponyms if t.text == text]


def test_folding_finds_names_written_without_accents(gazetteer):
    assert fold("Zvečan") == fold("Zvecan") == "zvecan"
    assert fold("Zvečan") == "zvecan"  # asked again: the kept key is the same
    plain = {p.geonameid for p in gazetteer.lookup("Zvecan")}
    accented = {p.geonameid for p in gazetteer.lookup("Zvečan")}
    assert plain and plain == accented
    assert any(p.country_code == "XK" for p in gazetteer.lookup("Prishtina"))
    assert gazetteer.lookup("Kosovo")[0].country_code == "XK"


def test_a_country_name_stays_the_country_in_news_about_another_country(places):
    _, found = places("Officials in Washington and Texas said on Monday that troops would be sent to "
                      "the border with Mexico, and the governor of Texas met senators in Washington.")
    mexico = _named(found, "Mexico")[0]
    assert (mexico.country_code, mexico.precision) == ("MX", "country")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # a division named like a nation, in a story from the biggest town of its name: the state
        ("ATLANTA - A suicide network leader is being prosecuted in a Georgia man's death. Georgia "
         "authorities say the group's guides held down members. The group uses a manual by British "
         "author Derek Humphry.", ("US", "admin1")),
        # with nothing of the state around it, the nation
        ("TBILISI - Georgia accused Russia of moving troops into South Ossetia, and Georgia's "
         "president called for talks.", ("GE", "country")),
    ],
)
def test_a_nation_named_like_a_state_follows_the_towns_around_it(places, text, where):
    _, found = places(text)
    assert {(t.country_code, t.precision) for t in _named(found, "Georgia")} == {where}


def test_paris_follows_the_state_written_after_it(places):
    _, found = places("Storms flattened barns near Paris, Texas, and the mayor of Dallas sent crews.")
    paris = _named(found, "Paris")[0]
    assert (paris.country_code, paris.admin1, paris.precision) == ("US", "Texas", "town")


def test_paris_in_a_french_story_is_the_capital(places):
    _, found = places("French police detained two men in Paris after a march from Lyon.")
    assert _named(found, "Paris")[0].country_code == "FR"


def test_alexandria_resolves_by_the_article_country(places):
    _, egypt = places("Egyptian police broke up a rally in Alexandria, and students marched in Cairo.")
    assert _named(egypt, "Alexandria")[0].country_code == "EG"
    _, virginia = places("Residents of Alexandria, Virginia, rallied near Arlington and Richmond.")
    alexandria = _named(virginia, "Alexandria")[0]
    assert alexandria.country_code == "US" and alexandria.admin1 == "Virginia"


def test_a_town_is_never_replaced_by_its_country(places):
    _, found = places("Serb protesters clashed with peacekeepers in Zvecan, in northern Kosovo.")
    zvecan = _named(found, "Zvecan")[0]
    assert zvecan.precision == "town" and zvecan.country_code == "XK" and zvecan.name == "Zvečan"
    assert _named(found, "Kosovo")[0].precision == "country"


def test_spans_index_the_text(places):
    doc, found = places("Floods cut roads between Dhaka and Chittagong, officials in Bangladesh said.")
    assert found
    for toponym in found:
        assert doc.text[toponym.span[0]:toponym.span[1]] == toponym.text
        assert toponym.to_dict()["span"] == list(toponym.span)


def test_user_place_tables_add_to_the_bundled_ones(tmp_path):
    (tmp_path / "places_aliases.tsv").write_text("alias\tcountry\tadmin1\nDardania\tXK\t\n", encoding="utf-8")
    assert not load_gazetteer().lookup("Dardania")
    found = load_gazetteer(extra=(tmp_path,)).lookup("Dardania")
    assert [(p.country_code, p.kind) for p in found] == [("XK", "country")]


def test_a_place_named_as_such_stays_a_place_beside_a_namesake(places):
    _, found = places("George Washington's portrait was hung in Washington on Monday.")
    assert [t.name for t in _named(found, "Washington")]


def test_a_town_qualified_by_its_country_is_never_a_namesake_abroad(places):
    _, found = places("Planes bombed a refugee camp at Yida, South Sudan, on Thursday, aid workers said.")
    yida = _named(found, "Yida")[0]
    assert (yida.country_code, yida.precision) == ("SS", "country")


def test_a_state_abbreviation_after_a_comma_qualifies_the_town(places):
    _, found = places("The governor spoke in Springfield, Ill., on Monday.")
    springfield = _named(found, "Springfield")[0]
    assert (springfield.country_code, springfield.admin1, springfield.precision) == ("US", "Illinois", "town")


def test_a_list_of_countries_is_not_a_qualifier(places):
    _, found = places("Ministers from France, Germany and Italy met in Rome.")
    assert [t.country_code for t in found[:3]] == ["FR", "DE", "IT"]


def test_a_capital_by_its_own_name_outweighs_a_namesake_in_the_articles_country(places):
    _, found = places("The Russian airline will fly from New York and Boston to Moscow in May.")
    assert _named(found, "Moscow")[0].country_code == "RU"


def test_a_capital_by_its_own_name_is_not_its_namesake_in_a_state_the_article_names(places):
    _, found = places("Farmers in Missouri cheered on Friday after the governor met senators in Washington.")
    assert _named(found, "Washington")[0].admin1 == "District of Columbia"  # not Washington, Missouri
    _, found = places("Storms hit Washington, Mo., and St. Louis on Friday.")
    assert _named(found, "Washington")[0].admin1 == "Missouri"  # the text says which


def test_a_capital_by_its_own_name_outweighs_a_village_near_another_place_the_article_names(places):
    _, found = places("Ministers from Warsaw and Prague flew to London on Monday. The alliance was "
                      "founded in Washington, and its leaders met in Washington again last year.")
    assert _named(found, "Washington")[0].admin1 == "District of Columbia"  # not a Sussex village


def test_a_small_town_abroad_that_nothing_supports_is_left_unresolved(places):
    _, found = places("Tension escalated in London when British officers searched an Aeroflot plane "
                      "at Heathrow airport, and Britain expelled Russian diplomats.")
    heathrow = _named(found, "Heathrow")[0]
    assert heathrow.precision == "unknown" and heathrow.country_code is None
    _, found = places("Deputies in Heathrow, Florida, arrested two men near Orlando.")
    assert _named(found, "Heathrow")[0].country_code == "US"


def test_a_sea_is_a_place_of_no_country_that_does_not_sway_the_articles_country(places):
    _, found = places("Indian sailors seized a dhow in the Gulf of Aden and took it to Mumbai. "
                      "A second boat fled into the Gulf of Aden.")
    gulf = _named(found, "Gulf of Aden")[0]
    assert gulf.precision == "admin1" and gulf.country_code is None and gulf.admin1 is None
    assert gulf.lat == 12.0 and gulf.lon == 48.0
    assert _named(found, "Mumbai")[0].country_code == "IN"


def test_a_state_name_is_the_state_not_a_town_that_lists_it_as_another_name(places):
    _, found = places("Farmers in Missouri and Montana asked for drought relief.")
    missouri = _named(found, "Missouri")[0]
    assert (missouri.precision, missouri.admin1) == ("admin1", "Missouri")


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Boone County’s unemployment rate reached 7.7 percent in February.", "Boone County", None),
        ("Heavy rains fell across North Texas on Monday.", "Texas", "Texas"),
        ("Deputies took the man to the Guernsey County Jail after the crash.", "Guernsey County", "Ohio"),
    ],
)
def test_the_place_inside_a_longer_name_is_read(places, text, name, admin1):
    doc, found = places(text)
    place = _named(found, name)[0]
    assert place.precision != "unknown" and doc.text[place.span[0]:place.span[1]] == name
    assert admin1 is None or place.admin1 == admin1


def test_a_county_that_names_a_body_places_the_towns_around_it(places):
    _, found = places("The Henderson County Commissioners Court lifted the burn ban, heeding the "
                      "Texas Forest Service. Rain fell in Athens and Frankston last week.")
    assert _named(found, "Henderson County")[0].admin1 == "Texas"
    athens = _named(found, "Athens")[0]
    assert (athens.country_code, athens.admin1) == ("US", "Texas")


def test_a_town_lies_in_the_county_the_article_names(places):
    # Lebanon, Tennessee is the bigger namesake; the Boone County jail says Lebanon, Indiana,
    # and the Henry County court the smaller Paris, the one in Tennessee
    _, found = places("Dale Morrow, 60, Lebanon, was held in the Boone County Jail.")
    assert _named(found, "Lebanon")[0].admin1 == "Indiana"
    _, found = places("A Paris man was arrested Sunday. He will appear in Henry County General "
                      "Sessions Court.")
    assert _named(found, "Paris")[0].admin1 == "Tennessee"


def test_a_british_county_is_a_place_in_britain(places):
    # a county of England, not Cumberland County or Kent, Ohio: GeoNames' first level there is England
    _, found = places("Two bodies were found in a house in Cumbria, police said.")
    assert [(t.text, t.country_code, t.precision) for t in found] == [("Cumbria", "GB", "admin2")]
    _, found = places("A woman was stabbed in Banstead on Tuesday. Officers in Kent are helping.")
    assert (_named(found, "Kent")[0].country_code, _named(found, "Kent")[0].precision) == ("GB", "admin2")


def test_a_name_of_a_country_is_a_place_in_that_country(places):
    # "Gaza" is a name of Palestine: its Gaza, not the Mozambican province of that name
    _, found = places("Walker is traveling to Gaza after the Israeli offensive against the rulers of Gaza.")
    assert {t.country_code for t in _named(found, "Gaza")} == {"PS"}


def test_a_country_before_a_possessive_is_found_by_any_of_its_names(places):
    _, found = places("South Korea's president met the envoy in Seoul on Friday.")
    assert (found[0].text, found[0].country_code) == ("South Korea", "KR")


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Militias attacked three villages in Darfur on Sunday.", "Darfur", "SD"),
    ("Separatists in South Ossetia fired on Georgian posts.", "South Ossetia", "GE"),
    ("The navy tracked the tanker across the Indian Ocean.", "Indian Ocean", None),
])
def test_a_region_or_ocean_no_division_bears_is_a_place(places, text, name, country):
    _, found = places(text)
    place = _named(found, name)[0]
    assert place.country_code == country and place.lat is not None


def test_a_nations_name_is_no_hamlet_of_its_name_in_the_state_the_article_names(places):
    _, found = places("Houston exporters in Texas fear the tariffs on China will cost them sales.")
    assert _named(found, "China")[0].country_code == "CN"


def test_a_body_named_by_its_county_and_tagged_as_a_person_still_names_the_county(places):
    # the model tags "Rapides Parish Fire District" as a person; the parish says Alexandria, Louisiana
    _, found = places("Tina Marsh, 19, of 1720 Elm St., Alexandria, was arrested. Both the "
                      "Sheriff’s Office and Rapides Parish Fire District 2 investigated the March 7 fire.")
    assert _named(found, "Alexandria")[0].admin1 == "Louisiana"
    assert _named(found, "Rapides Parish")


def test_the_town_a_police_force_serves_is_a_place_whatever_the_model_tags_it(places):
    # the model tags "Staunton" of "Staunton police" as a person
    _, found = places("This morning, 41 years later, Staunton police have arrested and charged "
                      "Joan Ellen Pryor, age 61, with two counts of first-degree murder.")
    assert _named(found, "Staunton")[0].admin1 == "Virginia"


def test_the_town_a_jury_or_police_serves_is_a_place_though_the_model_tags_nothing(places):
    # "Norwalk" of "A Norwalk jury" is tagged as no entity at all
    _, found = places("April 4, 2007. A Norwalk jury on Tuesday ordered execution for a gang member.")
    assert _named(found, "Norwalk")[0].admin1 == "California"


def test_a_state_is_not_its_namesake_county_in_a_neighbouring_state(places):
    _, found = places("Crews from Tulsa, Okla., drove to Texas after the floods in Oklahoma.")
    texas = _named(found, "Texas")[0]
    assert (texas.precision, texas.admin1) == ("admin1", "Texas")


def test_a_town_lies_in_the_state_of_the_other_towns_named(places):
    # Anderson, Indiana is the bigger namesake; a Myrtle Beach story means the South Carolina one
    _, found = places("Families drove from Myrtle Beach to Anderson for the meeting.")
    assert _named(found, "Anderson")[0].admin1 == "South Carolina"


def test_a_known_city_after_in_is_a_place_whatever_the_model_tags_it(places):
    # the small model tags "Tunis" here as a LANGUAGE; "English" after "in" is no known place
    _, found = places("Gunmen attacked a museum in Tunis in 2015. The talks were held in English.")
    assert [(t.text, t.country_code) for t in found] == [("Tunis", "TN")]
    _, found = places("Two men from Hounslow appeared in court charged with theft.")  # tagged as nothing
    assert [(t.text, t.country_code) for t in found] == [("Hounslow", "GB")]


def test_a_division_is_not_a_small_town_of_its_name_near_the_other_places(places):
    # Wales is also a Yorkshire village, near Sheffield; news names the nation
    _, found = places("Two men from Sheffield were arrested on Friday. Police in Wales searched a farm.")
    wales = next(p for p in found if p.text == "Wales")
    assert wales.precision == "admin1" and wales.country_code == "GB"


def test_a_town_spelt_as_written_outweighs_a_namesake_in_a_state_the_article_names(places):
    # Pittsburg, California lists "Pittsburgh" among its other names; the spelling means Pennsylvania's
    _, found = places("Fans flew from California to Pittsburgh for the game on Sunday.")
    assert _named(found, "Pittsburgh")[0].admin1 == "Pennsylvania"
    _, found = places("Officers in Pittsburg, Calif., arrested two men.")
    assert _named(found, "Pittsburg")[0].admin1 == "California"


def test_former_states_are_the_countries_the_protocol_gives_them(places):
    # docs/annotation.md: Czechoslovakia takes the Czech Republic, West Germany Germany
    _, found = places("In 1968 the army invaded Czechoslovakia, and students marched in West Germany.")
    assert [t.country_code for t in _named(found, "Czechoslovakia")] == ["CZ"]
    assert [t.country_code for t in _named(found, "West Germany")] == ["DE"]


def test_a_world_city_outweighs_a_hamlet_namesake_in_the_articles_country(places):
    _, found = places("Senators in Washington and governors in Texas and Florida argued about the "
                      "budget. The painter, who grew up in London, later moved to Chicago.")
    london = _named(found, "London")[0]
    assert london.country_code == "GB"


def test_a_hamlet_namesake_of_a_world_city_follows_the_state_the_article_names(places):
    _, found = places("Farmers in Ohio met near Columbus and Springfield, and the fair in London "
                      "drew crowds.")
    london = _named(found, "London")[0]
    assert (london.country_code, london.admin1) == ("US", "Ohio")


def test_a_neighbourhood_named_after_a_city_is_the_neighbourhood(places):
    _, found = places("Hundreds of people held a vigil in Little Havana on Sunday night, police in "
                      "Miami said.")
    assert not _named(found, "Havana")
    neighbourhood = _named(found, "Little Havana")[0]
    assert (neighbourhood.country_code, neighbourhood.admin1) == ("US", "Florida")


def test_a_dateline_run_into_the_text_names_the_city(places):
    _, found = places("SAN ANTONIO The former player criticised the league on Friday at a news conference.")
    city = _named(found, "SAN ANTONIO")[0]
    assert (city.country_code, city.admin1) == ("US", "Texas")


def test_a_dateline_run_into_a_name_the_model_tags_with_it_names_the_city(places):
    # the model reads "SAN ANTONIO Turner Sports/CBS" as one organization
    _, found = places("SAN ANTONIO Turner Sports/CBS analyst Charles Barkley criticised the league.")
    city = _named(found, "SAN ANTONIO")[0]
    assert (city.country_code, city.admin1) == ("US", "Texas")


def test_a_division_listed_only_by_its_official_form_is_found_by_its_english_name(places):
    _, found = places("Gunmen clashed with police in Dagestan and in Kabardino-Balkaria on Friday.")
    assert [(t.country_code, t.precision) for t in found[:2]] == [("RU", "admin1"), ("RU", "admin1")]


def test_names_with_namesakes_in_many_states_meet_in_the_one_they_share(places):
    # each name alone is the bigger namesake elsewhere (Alabama, Tennessee, Georgia); all three
    # have a namesake in Texas, and a local paper's names lie in one state
    _, found = places("Growers in Paris, Lamar County and Clarksville sold their cotton to buyers in China.")
    assert [(t.text, t.admin1) for t in found if t.country_code == "US"] == [
        ("Paris", "Texas"), ("Lamar County", "Texas"), ("Clarksville", "Texas")]
    _, found = places("The school board in Alexandria voted on Tuesday to close two schools in "
                      "Douglas County.")
    assert {t.admin1 for t in found} == {"Minnesota"}


def test_a_country_name_is_not_the_town_of_the_state_the_other_names_share(places):
    _, found = places("Crews from Beaumont, Port Arthur and Jefferson County drove on to China and "
                      "Italy after the storm.")
    assert _named(found, "Jefferson County")[0].admin1 == "Texas"
    italy = _named(found, "Italy")[0]
    assert (italy.country_code, italy.precision) == ("IT", "country")


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Police in Manchester arrested two men on Monday.", "Manchester", "GB"),  # not the Jamaican parish
    ("Police in Portland arrested two men on Monday.", "Portland", "US"),
    ("The governor of Virginia signed the bill on Monday.", "Virginia", "US"),  # a state outweighs a town
    ("Jamaican police in Manchester arrested two men.", "Manchester", "JM"),  # the article's country
])
def test_a_big_city_abroad_outweighs_a_small_divisions_namesake(places, text, name, country):
    _, found = places(text)
    assert _named(found, name)[0].country_code == country


@pytest.mark.parametrize(("text", "town"), [
    ("Belfast Magistrates Court remanded him in custody on Monday.", "Belfast"),
    ("Leeds City Council approved the plan on Monday.", "Leeds"),
    ("The Dallas Police Department arrested two men on Monday.", "Dallas"),
    ("Judge Ann Lee of Superior Court handed down the sentence.", None),  # a court's rank, not a town
    ("The Supreme Court struck down the law on Thursday.", None),
    ("The U.N. Security Council condemned the attack on Thursday.", None),  # an organisation's short name
    ("Cambridge Analytica denied any wrongdoing on Monday.", None),  # a firm named after a town
])
def test_a_town_opening_a_court_council_or_police_is_the_place_it_serves(places, text, town):
    _, found = places(text)
    assert [t.text for t in found] == ([town] if town else [])


@pytest.mark.parametrize(("text", "town", "country"), [
    ("The Paris police and the sheriff's office asked the township trustees in Paris to share the "
     "neighborhood patrols.", "Paris", "US"),
    ("Detectives in Lancaster said a councillor was fined at Crown Court after the vandalism in Lancaster.",
     "Lancaster", "GB"),
    ("Detectives in Lancaster said a man was fined after the vandalism in Lancaster.", "Lancaster", "US"),
    ("Detectives in Lancaster asked anyone with information to call Crimestoppers after the vandalism in "
     "Lancaster.", "Lancaster", "GB"),
    # the country's news agency and its firms' suffix outweigh one American spelling
    ("A man opened fire at the Vancouver office of TallGrass Distribution Ltd. and police locked down the "
     "neighborhood, a witness told The Canadian Press.", "Vancouver", "CA"),
])
def test_a_countrys_institution_words_pick_its_namesake_town(places, text, town, country):
    """Local news that names only its town: the words of the country's own bodies say which (with
    no such word, Paris is the capital and Lancaster the bigger Californian town)."""
    _, found = places(text)
    assert {t.country_code for t in _named(found, town)} == {country}


def test_cues_count_per_country(gazetteer):
    words = ["the", "Sheriff", "'s", "Office", "and", "the", "council", "tax", "and", "the", "neighbourhood"]
    assert gazetteer.cued(words) == {"US": 1, "GB": 2, "IE": 1, "CA": 1, "AU": 1, "NZ": 1}


def test_a_year_before_a_place_that_hosts_is_still_a_place(places):
    _, found = places("Talks were held in 2008 Paris style, officials in Boston said.")
    assert "Paris" in [t.text for t in found]


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Police arrested five men in Stratford-upon-Avon on Friday.", "Stratford-upon-Avon", "GB"),
    ("Police arrested 5 men in Guinea-Bissau on Friday.", "Guinea-Bissau", "GW"),
])
def test_a_name_the_model_cuts_at_a_hyphen_is_read_whole(places, text, name, country):
    _, found = places(text)
    assert [(t.text, t.country_code) for t in found] == [(name, country)]


