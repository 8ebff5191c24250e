"""Words that are not places: persons, firms, acronyms and common words the model tags as places."""

import pytest


def _named(toponyms, text):
    return [t for t in toponyms if t.text == text]


def test_a_speaking_capital_is_an_actor_not_a_place(places):
    _, found = places("Moscow said the talks in Geneva had failed.")
    assert [t.text for t in found] == ["Geneva"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sarah Palin criticized the state. Critics said the plan was attacked by Palin in "
         "Anchorage.", "Palin"),
        # the full name tagged with its possessive ("Sarah Palin 's") still gives the surname
        ("Sarah Palin 's home church burned down .\nPalin has apologised if it was connected with "
         "her campaign .", "Palin"),
        ("NASA said the rover reached Mars, and Moscow warned the West about the launch.", "Mars"),
        ("NASA said the rover reached Mars, and Moscow warned the West about the launch.", "West"),
        # a big town's name (Obama, Japan; Bush, Egypt) tagged as a person before a person's body
        ("The Obama administration imposed sanctions on Russia on Monday.", "Obama"),
        ("The Bush administration accused Iran of supporting militias in Iraq.", "Bush"),
        # ... and that name alone elsewhere in the article is the person's
        ("The Bush administration issued two rules. A House panel held a hearing into Bush 's late "
         "rulemaking.", "Bush"),
        # a newspaper's short name (Post, Texas; Globe, Arizona)
        ("Woodward was a reporter at The Post when the burglars were arrested in Washington.", "Post"),
    ],
)
def test_person_names_and_non_places_are_no_toponyms(places, text, name):
    _, found = places(text)
    assert not _named(found, name)


def test_a_surname_the_parse_misreads_is_no_small_town_of_its_name(places):
    _, found = places("A Brooklyn jury has returned a guilty verdict for Andrew Lopez for the murder "
                      "of Maria Diaz .\nConvicted of second - degree murder and assault in the first "
                      "degree , Lopez , 20 , faces a potential sentence of life in prison when he is "
                      "sentenced by Justice Paul Amato .")
    assert not _named(found, "Lopez")


def test_an_abbreviation_is_the_country_not_a_town_of_that_name(places):
    _, found = places("Talks between the US and France ended in Paris.")
    us = _named(found, "US")[0]
    assert (us.country_code, us.precision) == ("US", "country")


def test_a_continent_is_no_place(places):
    _, found = places("Aid groups in Africa and the Middle East appealed for funds in Nairobi.")
    assert [t.text for t in found] == ["Nairobi"]


def test_a_street_named_after_a_town_is_not_the_town(places):
    _, found = places("The center on Evergreen Street in Charleston closed on Friday.")
    assert all(t.name != "Evergreen" for t in found)


def test_a_firms_short_name_is_no_place(places):
    # "Ford" alone after "Ford Motor Co." is the firm, not the Ford villages or Ford County
    _, found = places("Ford Motor Co. is bidding for Jaguar. Its stake in Ford rose on Monday.")
    assert not _named(found, "Ford")
    _, found = places("Officers of the Gainesville Police Department arrested a man in Gainesville.")
    assert _named(found, "Gainesville")[0].country_code == "US"


def test_a_one_word_person_is_a_place_only_by_a_place_name_of_its_own(places):
    # "Abbas" is only another name of Fort Abbas; "Webster" a county's bare name and small towns
    _, found = places("Abbas met the envoy on Monday. Webster told reporters he would run.")
    assert not found


def test_an_acronym_with_a_small_letter_inside_is_no_other_name_of_a_town(places):
    _, found = places("In a statement, MoD officials in Texas said a soldier died. "
                      "Police in DeKalb, Illinois, made arrests. DuPage officials met.")
    assert not any(p.name == "Maud" for p in found)
    assert next(p for p in found if p.text == "DeKalb").precision == "town"
    assert next(p for p in found if p.text == "DuPage").name == "DuPage County"


@pytest.mark.parametrize(
    "text",
    [
        # a middle initial makes a person's name, whatever kind the model tags it
        "The fatal police shooting of Tyrise M. Bell in January was justified. Eggers tackled Bell and a "
        "fight ensued.",
        # a first name beside a kin word
        "A trooper stopped the car of Gregory Crolley and detained his wife, Amelia, on the highway.",
        # one word that speaks and names no sizeable place
        "The exhibition opened in Moscow on Friday. \u201cThey were influenced by American art,\u201d "
        "Petrova said.",
        # one word an arrest is done to, here and wherever the article names it
        "Jackson was arrested on suspicion of drunken driving in San Diego. Jackson will play on Sunday.",
    ],
)
def test_a_persons_name_is_no_town_of_that_name(places, text):
    _, found = places(text)
    assert not [t for t in found if t.text in {"Bell", "Amelia", "Petrova", "Jackson"}]


def test_a_common_word_the_model_tags_as_a_place_is_none(places):
    _, found = places("Deputies found a meth lab in a trailer outside Lexington on Friday.")
    assert [t.text for t in found] == ["Lexington"]


@pytest.mark.parametrize("text", [
    "The woman was struck by a gray 2013 Toyota Camry , which then sped off, police in Queens said.",
    "Police in Queens said the man stole a 1992 Toyota Corolla.",
])
def test_a_makers_name_on_a_vehicle_told_by_its_model_year_is_no_town(places, text):
    _, found = places(text)
    assert [t.text for t in found] == ["Queens"]


def test_a_short_word_in_capitals_naming_only_towns_is_an_acronym(places):
    _, found = places("The warship was 13 nautical miles away when it picked up the SOS call off Aden.")
    assert [t.text for t in found] == ["Aden"]
    _, found = places("Troops arrived in the UAE and the US on Friday.")
    assert [t.country_code for t in found] == ["AE", "US"]
