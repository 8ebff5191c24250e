"""Whose date a time expression is (extract/dates.py, event_dates.py, episodes.py);
article date Tue 2023-05-30."""

import pytest


def test_date_owners_possessive_date_dates_its_noun_not_the_clause(event_on):
    text = ("Republicans took Democrats to task for rushing to tax AIG bonuses after the majority "
            "party stripped from last month’s economic stimulus bill a provision that banned them.")
    assert event_on(text, "took").date == "2023-05-30"


def test_date_owners_possessive_subject_still_dates_its_verb(event_on):
    assert event_on("Sunday night's shooting killed two people in Chicago.", "shooting").date == "2023-05-28"


def test_date_owners_participle_date_on_an_act_noun_is_not_lent(event_on):
    text = ("Last week the FBI joined Canadian authorities to investigate a series of unsolved sniper "
            "shootings of doctors in Canada and western New York dating to 1994.")
    assert event_on(text, "investigate").date.startswith("2023-05")


def test_date_owners_a_sentence_naming_another_day_ends_the_episode(event_on):
    text = ("Rebels attacked Kidal on Thursday. Police found 300 pounds of explosives Sunday in a shed "
            "in Dundalk. Malian troops arrested 12 of the rebels in Kidal.")
    assert event_on(text, "arrested").date == "2023-05-30"


def test_date_owners_an_act_in_a_relative_clause_lends_no_date(event_on):
    text = ("Residents held a vigil in Tarsus, where a courier was shot by police on Saturday, "
            "and the mayor spoke.")
    assert event_on(text, "held").date == "2023-05-30"


def test_date_owners_a_duration_above_the_act_gives_way_to_the_clause_date(event_on):
    text = "Two weeks of heavy fighting between soldiers and rebels near Goma ended Sunday with a truce."
    assert event_on(text, "fighting").date == "2023-05-28"


def test_date_owners_an_act_a_statement_is_about_takes_not_its_day(event_on):
    text = ("The foreign minister on Monday condemned the bomb attacks on the embassy in Nairobi. "
            "Rebels shelled Goma on Sunday.")
    assert event_on(text, "attacks").date is None


def test_date_owners_an_act_a_statement_is_about_keeps_the_day_its_retelling_names(event_on):
    text = ("The governor on Monday condemned the raid on the consulate in Herat. "
            "Gunmen raided the consulate in Herat on Saturday.")
    assert event_on(text, "raid").date == "2023-05-27"


def test_date_owners_earlier_in_the_day_is_the_day_told_before(event_on):
    text = "The army on Friday deplored the blasts which killed nine people in Mosul earlier in the day."
    assert event_on(text, "killed").date == "2023-05-26"
    assert event_on(text, "blasts").date == "2023-05-26"  # its relative clause tells the same act


def test_date_owners_a_coming_date_in_an_infinitive_is_its_act_not_the_owner(event_on):
    text = "Senator Ruiz said he subpoenaed the defence minister to testify before the committee on June 12."
    assert event_on(text, "subpoenaed").date == "2023-05-30"  # not June 12 of last year


def test_date_owners_a_past_date_after_an_infinitive_still_dates_the_owner(event_on):
    text = "The British and Irish governments invited Sinn Fein to rejoin the talks two weeks ago."
    assert event_on(text, "invited").date == "2023-05-15"



def test_date_owners_a_year_before_its_noun_dates_the_noun_not_the_clause(event_on):
    text = "A jury convicted a Spiro man of murder in the 2012 shooting death of his girlfriend."
    assert event_on(text, "convicted").date == "2023-05-30"
    assert event_on("Police arrested a man in connection with the 2009 robbery of a bank.",
                    "arrested").date == "2023-05-30"


def test_date_owners_a_day_before_its_noun_is_the_occasion_of_the_clause(event_on):
    assert event_on("The army killed 12 fighters in a Monday night operation.", "killed").date == "2023-05-29"


def test_date_owners_an_aside_about_a_party_takes_not_the_day_of_its_clause(event_on):
    text = "A federal judge imposed the sentence Friday on Andres Pimstein, who pleaded guilty to wire fraud."
    pleaded = event_on(text, "pleaded")
    assert pleaded.date is None and pleaded.date_precision == "unknown"
    assert event_on(text, "sentence").date == "2023-05-26"


def test_date_owners_a_date_of_a_coordinated_verb_is_its_own(event_on):
    # "and will appear in court on June 2": the hearing's day, not the arrest's
    text = "The man was arrested and will appear in court on June 2."
    assert event_on(text, "arrested").date == "2023-05-30"
    assert event_on("Police arrested him on Sunday and charged him.", "arrested").date == "2023-05-28"


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # a headline names its parties as headlines do: "Mum" is the "Ms Okafor" of the lead
        ("Mum denies making up child death story.\n\nMs Okafor on Sunday rejected claims that "
         "she had invented the death of her daughter.", "denies", "2023-05-28"),
        # a headline statement takes the day its speaker is said to speak
        ("Sanford rejects aid after rebuff.\n\nSouth Carolina Gov. Mark Sanford said Friday he "
         "won't spend the stimulus cash.\n\nOn Thursday, crews cleared the flooded roads.", "rejects",
         "2023-05-26"),
    ],
)
def test_date_owners_a_headline_takes_the_day_the_lead_gives_it(event_on, text, trigger, day):
    assert event_on(text, trigger).date == day


def test_date_owners_a_date_written_on_a_happening_dates_it_not_the_clause(event_on):
    # the death was in August; the plea is undated (here the article date)
    text = "Widmer pleaded not guilty to a murder charge in the August death of his wife."
    assert event_on(text, "pleaded").date == "2023-05-30"
