"""What the text must give for a name to be resolved to a place: support in the article for a
namesake abroad or a town read inside a longer name, and the division a name written before
"state" stands for (extract/places.py)."""


def _named(toponyms, text):
    return [t for t in toponyms if t.text == text]


def test_a_big_town_known_by_the_name_only_as_another_name_is_left_unresolved_abroad(places):
    _, found = places("Officials in Juba said Sudan bombed a camp in the South Sudanese area of Yida.")
    assert _named(found, "Yida")[0].country_code is None  # one of Jeddah's other names
    _, found = places("Pilgrims from Jeddah and Mecca gathered in Yida, the Saudi press agency said.")
    assert _named(found, "Yida")[0].country_code == "SA"


def test_a_small_town_read_inside_a_facilitys_name_needs_the_articles_support(places):
    # "Valley" (Valley, Alabama) of "Valley Hotel" in an Alaska story: the hotel's name, no town
    _, found = places("The first call came from someone at Valley Hotel, the Palmer fire chief said. "
                      "The fire in Palmer, Alaska destroyed the building.")
    assert _named(found, "Valley")[0].precision == "unknown"
    _, found = places("He was held at the Henderson County Jail in Henderson, Kentucky.")
    assert _named(found, "Henderson")[0].admin1 == "Kentucky"  # a body's town the article supports


def test_a_division_abroad_read_only_inside_a_bodys_name_needs_the_articles_support(places):
    # "Peel" of "Peel Regional Police" in an Ontario story is no division of the Isle of Man
    _, found = places("Peel Regional Police are searching for two suspects in a break-in in Mississauga. "
                      "The break-in happened at a home near Toronto, Ontario.")
    assert _named(found, "Peel")[0].precision == "unknown"
    _, found = places("The Texas Forest Service said the fire near Austin was contained.")
    assert _named(found, "Texas")[0].precision == "admin1"  # at home: the body's state


def test_a_name_written_before_state_is_the_division(places):
    _, found = places("Protesters marched in Washington state on Monday.")
    washington = _named(found, "Washington")[0]
    assert (washington.precision, washington.admin1) == ("admin1", "Washington")


def test_a_dateline_that_names_a_state_and_no_city_of_its_name_is_the_state(places):
    # a local station's "ALASKA -": not Alaska, a Philippine town; and Palmer is Palmer, Alaska
    _, found = places("ALASKA - Shortly after 3:30 Tuesday morning a fire broke out in downtown Palmer.")
    assert (_named(found, "ALASKA")[0].precision, _named(found, "ALASKA")[0].country_code) == ("admin1", "US")
    assert _named(found, "Palmer")[0].admin1 == "Alaska"
    _, found = places("WASHINGTON (AP) - The president met the prime minister on Tuesday.")
    assert _named(found, "WASHINGTON")[0].precision == "town"  # a city of the name is meant
