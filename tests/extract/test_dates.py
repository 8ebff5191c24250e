from datetime import date

import pytest

TUESDAY = date(2023, 5, 30)


TEXT = (
    "Police arrested five protesters on Monday after talks that lasted two days.\n\n"
    "The truce agreed in March 2021 broke down last week, and the army has patrolled the "
    "border daily since 2019."
)


@pytest.mark.slow
def test_find_dates_spans_index_the_text():
    from newsevents.extract.dates import dates_as_records, find_dates
    from newsevents.nlp import load_pipeline
    from newsevents.records import Article

    doc = load_pipeline()(TEXT)
    found = find_dates(doc, TUESDAY)
    assert found, "the model found no dates"
    for expression in found:
        assert TEXT[expression.span[0]:expression.span[1]] == expression.text
    by_text = {e.text: (e.value, e.precision) for e in found}
    assert by_text["on Monday"] == ("2023-05-29", "day")
    assert by_text["last week"] == ("2023-05-22", "week")
    assert not any("two days" in e.text or "daily" in e.text for e in found)
    assert find_dates(doc, None) == []
    rows = dates_as_records(doc, Article(id="a", date=TUESDAY, text=TEXT))
    assert rows[0].keys() == {"article_id", "text", "span", "value", "precision"}


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("Storm over the council\nPublished : March 13 , 2013\nThe mayor said ...", date(2013, 3, 13)),
        ("Sunday, November 27 - 2005\nRebels attacked a convoy on Saturday.", date(2005, 11, 27)),
        ("Updated Fri, 13 Dec 2008 09:12\nPirates seized a tanker.", date(2008, 12, 13)),
        ("February 30, 2010 is no day; June 1, 2010 is.", date(2010, 6, 1)),
        ("Jeffs trial\nPublished : Tuesday , Aug . 2 2011 7 : 08 p . m . MDT\nProsecutors", date(2011, 8, 2)),
        ("http : / / " + "x / " * 150 + "\nPUBLISHED : 02 : 31 GMT , 12 March 2013 | UPDATED : 22 : 19 GMT ,"
         " 13 March 2013\nPolice said ...", date(2013, 3, 12)),
        ("Born on April 22 , 1923 , she died.\nPublished : Dec . 19 , 2008 at 9 : 44 PM", date(2008, 12, 19)),
        ("http : / / www . itv . com / news / 2013 - 07 - 21 / storm\nPosted 2007 - 11 - 12\nHP buys EDS",
         date(2007, 11, 12)),
        ("HP buys EDS\npublished : 2012 - 04 - 04 11 : 47 : 35\nHP said", date(2012, 4, 4)),
        ("Lopez Confesses\nFirst Posted : 10 / 25 / 11 06 : 44 PM ET Updated : 12 / 25 / 11 05 : 12 AM\nAn",
         date(2011, 10, 25)),
        ("Chiefs clinch\n3 / 27 / 2012 @ 10 : 05\nThe team", date(2012, 3, 27)),
        ("Storm\nPosted at 3 : 21 PM ET , 25 / 10 / 1998\nThe mayor", date(1998, 10, 25)),
    ],
)
def test_printed_date_is_the_dateline_else_the_first_full_date_of_the_head(text, printed):
    from newsevents.extract.dates import printed_date

    assert printed_date(text) == printed


def test_printed_date_needs_day_month_and_year_in_the_head():
    from newsevents.extract.dates import printed_date

    assert printed_date("In May 2006 the talks failed; on Monday they resumed.") is None
    assert printed_date("x" * 600 + " on March 3, 2011") is None
    assert printed_date("x" * 600 + "\nthe mayor resigned on March 3, 2011") is None
    # a fraction in a sentence, or a numeric date with words beside it, is no publication line
    assert printed_date("He won 3/4 of the votes.\nShe signed it on 10/25/11 in Rome.") is None
    # a page address is no text: the day a site files a story under dates nothing
    assert printed_date("A story filed / 2013 / 02 / 03 / under a path") is None
    assert printed_date("http : / / www . example . com / 2008 / 07 / 23 / raid - ruled\n"
                        "A judge ruled on the April raid.") is None
    assert printed_date("http : / / example . com / 2013 / 02 / 30 / a\nText.") is None


def test_printed_date_is_no_first_date_the_text_tells_years_later_acts_after():
    from newsevents.extract.dates import printed_date

    retold = "The couple were found dead on July 1, 1999. In 2001 the brothers pleaded guilty."
    assert printed_date(retold) is None
    # a year ahead is often a plan ("elections in 2019"), not a later act
    assert printed_date("Updated March 5, 2018. The vote is due in 2019.") == date(2018, 3, 5)


def test_printed_date_is_a_body_date_on_the_weekday_the_story_named():
    from newsevents.extract.dates import printed_date

    head = "x" * 600 + " Rebels shelled Ortakoy on Friday, the governor said. "
    # 2021-06-04 was a Friday: the governor's day of the shelling, the article's week
    assert printed_date(head + "The governor said Ortakoy was shelled on June 4, 2021.") == date(2021, 6, 4)
    # another weekday, another party, or a weekday the text fixed itself: an older act
    assert printed_date(head + "The governor said Ortakoy was shelled on June 5, 2021.") is None
    assert printed_date(head + "The museum in Kars opened on June 4, 2021.") is None
    dated = "x" * 600 + " Rebels shelled Ortakoy on Friday (June 11), the governor said. "
    assert printed_date(dated + "The governor said Ortakoy was shelled on June 4, 2021.") is None


def test_dated_by_text_keeps_an_article_date_of_its_own():
    from newsevents.extract.dates import dated_by_text
    from newsevents.records import Article

    own = Article(id="a", date=TUESDAY, text="Published : March 13 , 2013")
    assert dated_by_text(own) is own
    undated = Article(id="b", date=None, text="Published : March 13 , 2013\nPolice arrested him.")
    assert dated_by_text(undated).date == date(2013, 3, 13)
    assert dated_by_text(Article(id="c", date=None, text="Police arrested him.")).date is None


def test_undated_page_grounds_weekdays_on_the_date_it_prints(pipeline):
    text = ("Published : March 13 , 2013\n\n"
            "Police arrested two protesters in Brooklyn on Saturday, officials said.")
    events = pipeline.extract_text(text)
    arrest = next(e for e in events if e.event_type == "COERCE")
    assert (arrest.date, arrest.date_precision) == ("2013-03-09", "day")


def test_undated_page_without_a_printed_date_keeps_only_dates_its_clauses_print(pipeline):
    text = ("Police raided the ranch in April 2008, officials said.\n\n"
            "Police arrested two protesters in Brooklyn on Saturday, officials said.")
    events = pipeline.extract_text(text)
    raid = next(e for e in events if e.trigger.text == "raided")
    arrest = next(e for e in events if e.trigger.text == "arrested")
    assert (raid.date, raid.date_precision, raid.date_text) == ("2008-04-01", "month", "in April 2008")
    assert arrest.date is None


@pytest.mark.parametrize(
    ("expression", "value"),
    [("on June 17 , 1972", "1972-06-17"), ("in April 2008", "2008-04-01"), ("2018", "2018-01-01"),
     ("on Saturday", None), ("March 5", None), ("last year", None), ("at 1353", None)],
)
def test_ground_absolute_keeps_what_no_article_date_moves(expression, value):
    from newsevents.extract.grounding import ground_absolute

    found = ground_absolute(expression)
    assert (found.value if found else None) == value


def test_dates_an_act_more_than_about_a_week_old_is_old():
    from newsevents.extract.dates import GroundedDate, is_old

    article = date(2018, 3, 31)
    assert is_old(GroundedDate("2018-03-04", "day"), article)  # the March 4 poisoning
    assert not is_old(GroundedDate("2018-03-30", "day"), article)  # late Friday
    assert not is_old(GroundedDate("2018-03-19", "week"), article)  # last week
    assert not is_old(GroundedDate("2018-03-01", "month"), article)  # this month
    assert is_old(GroundedDate("2018-02-01", "month"), article)
    assert is_old(GroundedDate("2017-01-01", "year"), article)


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # four digits before a zone, or alone behind "at", tell a time of day, not a year
        ("The quake, which struck at 1353 (1023 GMT), killed 10 people in the town.", "killed", "2023-05-30"),
        # an ordinal before a street word numbers the street
        ("All three were arrested on 14th St. Thursday afternoon and taken to the county jail.", "arrested",
         "2023-05-25"),
        # a number before a street's name is a house number ("of 1205 Cedar Ridge Road")
        ("Jon Pike, 19, of 1205 Cedar Ridge Road Lot 12, was arrested at City Hall.", "arrested",
         "2023-05-30"),
        # a number after "Ext." ends a telephone number: no year
        ("Anyone with information is asked to contact Detective Greg Baker at (513) 868-5811, Ext. 1223.",
         "asked", "2023-05-30"),
        # a date on a noun merged into an event of another type is that noun's act's
        ("Police arrested a man in the 1967 killings of three civil rights workers.", "arrested",
         "2023-05-30"),
        # a date on a noun act inside the event's clause is that act's only
        ("Prosecutors charged two men over the 2014 abduction of a journalist.", "charged", "2023-05-30"),
        ("Prosecutors charged two men over the 2014 abduction of a journalist.", "abduction", "2014-01-01"),
        # a date on a noun that names another act is that act's ("the bombing ... last month")
        ("Tanzania expelled five Iraqis who were questioned by police in connection with the bombing of two "
         "embassies last month, a newspaper reported Friday.", "expelled", "2023-05-26"),
    ],
)
def test_dates_what_names_no_day_of_the_event(event_on, text, trigger, day):
    assert event_on(text, trigger).date == day


def test_dates_a_duration_as_an_adjective_names_no_year(event_on):
    text = "Police on Friday arrested a woman, ending a 41-year odyssey for the families."
    assert event_on(text, "arrested", date=None).date is None  # not 2041


def test_dates_a_year_before_local_stays_a_year(pipeline):
    from newsevents.extract.dates import find_dates

    doc = pipeline.nlp("The 2014 local elections were held in May, and voting ended at 1800 GMT.")
    assert [e.text for e in find_dates(doc, TUESDAY)] == ["2014", "in May"]



def test_dates_the_groups_of_a_telephone_number_are_no_year(pipeline):
    from newsevents.extract.dates import find_dates

    doc = pipeline.nlp("The pub reopened in 1999. For more call 0208 892 1789 or see its page.")
    assert [e.text for e in find_dates(doc, TUESDAY)] == ["in 1999"]

@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("\n\nLISBON, May 28 (Xinhua) --\n\nThe ministers have signed an accord.", date(2023, 5, 28)),
        ("ACCRA, Ghana, May 29 - A court has jailed the mayor.", date(2023, 5, 29)),
        ("\n\nLISBON, May 30 (Xinhua) --\n\nA court has jailed the mayor.", None),  # the article's own day
        ("\n\nLISBON, May 12 (Xinhua) --\n\nA court has jailed the mayor.", None),  # too far back
        ("LISBON, May 28, 2023 - A court has jailed the mayor.", None),  # a full date: no wire day
        ("Court jails mayor, May 28 ruling stands\n\nThe court has jailed the mayor.", None),
    ],
)
def test_wire_day_is_a_dateline_day_a_few_days_before_the_article(text, day):
    from newsevents.extract.dates import wire_day

    assert wire_day(text, TUESDAY) == day
    assert wire_day(text, None) is None


def test_acts_naming_no_day_take_the_wire_dateline_day(code):
    text = ("\n\nLISBON, May 28 (Xinhua) --\n\n"
            "Portugal and Morocco have signed a fisheries accord in Lisbon, officials said.")
    signed = [e for e in code(text) if e.trigger.text.startswith("signed")]
    assert signed and signed[0].date == "2023-05-28"


def test_dates_a_publication_line_joined_to_the_headline_dates_no_act(event_on):
    text = ("Anger in Lagos over police killing of an activist\nPublished : March 13 , 2013\n"
            "Police shot the activist at a checkpoint in Lagos on Saturday.\n")
    assert event_on(text, "killing", date=None).date_text != "March 13 , 2013"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Copyright 2021 The Associated Press. All rights reserved.", 2021),
        ("The council has bought 12 houses so far in 2019, with two sales closed.", 2019),
        ("Arrests thus far in 2020 outnumber those of the whole of 2019.", 2020),
        ("The council bought 12 houses in 2019.", None),  # a year of the past, not the present
        ("Copyright 2021 AP. The council has bought 12 houses so far in 2019.", None),  # two pages
    ],
)
def test_present_year_is_the_year_the_text_prints_as_its_present(text, year):
    from newsevents.extract.dates import present_year

    assert present_year(text) == year


def test_dates_an_undated_text_takes_the_year_its_copyright_line_prints(event_on):
    text = ("Protesters marched to the parliament in Accra on Wednesday to demand the release of a "
            "journalist.\n\nCopyright 2021 The Associated Press.")
    marched = event_on(text, "marched", date=None)
    assert (marched.date, marched.date_precision) == ("2021-01-01", "year")
    assert event_on(text.split("\n")[0], "marched", date=None).date is None


def test_dates_an_undated_text_takes_the_year_it_counts_up_to_now(event_on):
    text = ("The council has bought 12 houses so far in 2019. The mayor urged the housing minister "
            "to fund more inspections.")
    urged = event_on(text, "urged", date=None)
    assert (urged.date, urged.date_precision) == ("2019-01-01", "year")
