"""Episode dating (extract/episodes.py); article date Tue 2023-05-30."""

import pytest

from newsevents.extract.episodes import Episodes
from newsevents.nlp import load_pipeline
from newsevents.records import Event, SentenceRef, TextRef


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # the episode before it: same place and parties, the next sentence
        ("Rebels attacked Kidal on Thursday. Malian troops repelled the rebels and arrested 12 of "
         "them in Kidal.", "arrested", "2023-05-25"),
        # the date of a verb above it that is no event
        ("The Colombian president spoke on Sunday night, accusing Venezuela of sheltering rebels.",
         "accusing", "2023-05-28"),
        # another paragraph, other parties: the article date
        ("Police arrested five protesters in Lagos on Monday.\n\nThe Kenyan army attacked a camp in "
         "Somalia.", "attacked", "2023-05-30"),
        # an announcement is dated when it was made
        ("Rebels seized Menaka on Friday. On Monday, Niger said it would send troops to Menaka.",
         "send", "2023-05-29"),
        # a gerund behind "before" or "after" is an act of its verb's day
        ("The jury deliberated almost seven hours Thursday before convicting Simpson of murder.",
         "convicting", "2023-05-25"),
        # a perfect is an indefinite past: it continues no episode
        ("The court fined Mr. Okafor on Friday. Mr. Okafor has denied the charges.", "denied", "2023-05-30"),
    ],
)
def test_episodes_date_of_an_event_without_its_own(event_on, text, trigger, day):
    assert event_on(text, trigger).date == day


def test_episodes_years_old_event_is_historical(event_on):
    event = event_on("Militants abducted 40 students from a school in Borno three years ago.", "abducted")
    assert event.historical and event.date.startswith("2020")


def test_episodes_running_total_is_historical_not_dated_today(event_on):
    event = event_on("The insurgents have killed 9,000 people in six years.", "killed")
    assert event.historical and event.date is None


@pytest.mark.parametrize("text", [
    "The activist has been arrested more than a dozen times at protests in Lagos.",
    "The activist has been arrested four times by police in Lagos.",
    "Police have repeatedly arrested the activist in Lagos.",
])
def test_episodes_repeated_acts_are_historical_without_a_date(event_on, text):
    event = event_on(text, "arrested")
    assert event.historical and event.date is None


def test_episodes_a_first_time_is_no_repeated_act(event_on):
    assert event_on("Police have arrested the activist for the first time.", "arrested").date == "2023-05-30"


def test_episodes_the_blows_of_one_attack_are_no_repeated_act(event_on):
    event = event_on("A farmer has been shot seven times in Jos.", "shot")
    assert not event.historical and event.date == "2023-05-30"


@pytest.mark.parametrize("text", [
    "Less than a year before, a detective shot and killed an unarmed man in the same street.",
    "Militants abducted 40 students from a school in Borno more than two years ago.",
    # a decade, also written with spaced hyphens: "mid - 1980s"
    "Syrian troops killed hundreds of civilians in Hama in the 1980s.",
    "By the mid - 1980s , militants had abducted dozens of foreigners in Beirut .",
])
def test_episodes_vague_old_act_is_historical_without_a_date(event_on, text):
    trigger = "killed" if "killed" in text else "abducted"
    event = event_on(text, trigger)
    assert event.historical and event.date is None


def test_episodes_same_act_told_again_takes_its_date(code):
    text = ("Police arrested Ramon Tellez on Thursday at a school in Hialeah.\n\n"
            "A teacher had seen the gun in the boy's bag.\n\nThe principal called the police.\n\n"
            "Tellez was arrested when he came back to the school, the police said.")
    arrests = [e for e in code(text) if e.trigger.text.startswith("arrested")]
    assert len(arrests) == 2 and arrests[-1].date == "2023-05-25"


def test_episodes_lead_takes_the_date_the_body_gives(event_on):
    text = ("Police arrest father over gun in school bag\n\n"
            "A teacher had seen the gun in the boy's bag.\n\n"
            "Police arrested the boy's father on Thursday at the school in Hialeah.")
    assert event_on(text, "arrest").date == "2023-05-25"


def test_episodes_another_act_of_the_type_keeps_the_article_date(event_on):
    text = ("Police detained a journalist in Kano.\n\n"
            "On Sunday, police arrested two students at the university in Kano.")
    assert event_on(text, "detained").date == "2023-05-30"


@pytest.mark.parametrize("text", [
    "Prime Minister Theresa May met the envoy. May has received strong backing from Paris.",
    "May has received strong backing from her allies in Europe.",
])
def test_episodes_a_month_that_names_a_person_dates_nothing(event_on, text):
    assert event_on(text, "backing").date == "2023-05-30"


def test_episodes_a_month_behind_a_preposition_stays_a_date(event_on):
    text = "Theresa May spoke on Monday. Police arrested two men in May in Leeds."
    assert event_on(text, "arrested").date == "2023-05-01"


def _on(events, trigger, start=0):
    return next(e for e in events if e.trigger.text.startswith(trigger) and e.trigger.span[0] >= start)


def test_episodes_a_noun_that_refers_back_takes_the_date_of_the_act(code):
    text = ("Government planes bombed a refugee camp in Yida on Thursday.\n\n"
            "Aid workers said the camp had just received food.\n\n"
            "Rebel leaders said the bombing was a war crime.")
    events = code(text)
    assert _on(events, "bombing").date == "2023-05-25"


def test_episodes_a_noun_that_refers_back_to_an_old_act_is_historical(code):
    text = ("Less than a year before, a detective shot and killed an unarmed woman in the street.\n\n"
            "Vigils followed that shooting as well.")
    shooting = _on(code(text), "shooting")
    assert shooting.historical and shooting.date is None


def test_episodes_a_noun_that_brings_someone_new_is_a_new_act(code):
    text = ("Two years before, an officer arrested a barber outside his shop in Brooklyn.\n\n"
            "The barber spent a day in custody.\n\nHe said the officers play hardball.\n\n"
            "Residents fear the gangs.\n\n")
    new = _on(code(text + "The police later announced the arrest of a 19-year-old in Queens."),
              "arrest", len(text))
    again = _on(code(text + "The police later announced the arrest in Queens."), "arrest", len(text))
    assert not new.historical and new.date == "2023-05-30"
    assert again.historical


def test_episodes_an_act_put_earlier_without_a_time_has_no_date(code):
    text = ("Trump on Thursday threatened tariffs on imports from China. Earlier, the U.S. Trade "
            "Representative proposed a tariff of 25 percent on imports from China.")
    proposed = _on(code(text), "proposed")
    assert proposed.date is None and not proposed.historical


def test_episodes_earlier_with_a_day_keeps_the_day(code):
    text = "Earlier on Thursday, police arrested two men in Kano."
    assert _on(code(text), "arrested").date == "2023-05-25"


def test_episodes_a_toll_takes_the_date_of_its_act_in_the_sentence(event_on):
    text = ("President Clinton vowed to punish the terrorists.\n\n"
            "The Friday explosions at the U.S. embassies in Nairobi and Dar es Salaam killed at least "
            "110 people, and the number injured topped 2,200.")
    assert event_on(text, "injured", date="1998-08-08").date == "1998-08-07"


def test_episodes_a_promise_is_not_dated_by_what_it_promises(event_on):
    text = ("Prime Minister John Howard promised to put the question to a national referendum "
            "next year.")
    assert event_on(text, "promised", date="1998-02-13").date == "1998-02-13"


def test_episodes_a_standing_statement_takes_the_day_the_next_sentence_gives(event_on):
    text = ("The White House has also condemned the bombing. In a press statement released Nov. 10, "
            "the White House urged the government to stop the bombings immediately.")
    assert event_on(text, "condemned", date="2011-11-14").date == "2011-11-10"


def test_episodes_a_wish_for_talks_is_no_standing_statement(event_on):
    text = ("The mayor suggested council members discuss the issue. In a vote on Monday, the "
            "council members discussed the budget.")
    assert event_on(text, "discuss", date="2011-11-14").date == "2011-11-14"


@pytest.mark.parametrize(("first", "day"), [
    # a day set on a sentence that tells no event: the next sentences continue it
    ("On Monday, police investigators could be seen inside a store in Brooklyn where a crowd had "
     "rampaged.", "2023-05-29"),
    # a day on a verb of saying is when it was said
    ("On Monday, the mayor said the store in Brooklyn would reopen.", "2023-05-30"),
    # a day on a noun or a gerund of the main clause sets it too
    ("A deputy made a routine traffic stop Monday in Brooklyn and found a meth lab.", "2023-05-29"),
    ("A deputy stopped a car in Brooklyn for speeding at 8:44 a.m. Monday.", "2023-05-29"),
])
def test_episodes_a_day_no_event_takes_is_an_episode(event_on, first, day):
    text = f"{first} The police later announced the arrest of a 19-year-old."
    assert event_on(text, "arrest").date == day


@pytest.mark.parametrize(("text", "trigger", "day"), [
    # an act told as coming next continues the act told before it, over what someone said
    ('Police said two officers shot a teenager on March 21 after he pointed a revolver at them.\n\n'
     '"He had a gun," a witness said.\n\nThe officers then fired 11 shots, the police said.',
     "fired", "2009-03-21"),
    # not when the act told just before it has no day
    ("The Security Council said on Tuesday that it would meet. The U.N. Security Council ordered a "
     "global embargo on trade with Iraq. Bush then sent U.S. troops to Saudi Arabia.",
     "sent", "2009-03-27"),
])
def test_episodes_then_continues_the_act_told_before(event_on, text, trigger, day):
    assert event_on(text, trigger, date="2009-03-27").date == day


def test_episodes_an_arrest_after_a_dated_act_takes_its_day(event_on):
    text = ("A DeKalb man has been arrested after police say he tried to rob a woman in a "
            "convenience store parking lot late Friday night.")
    assert event_on(text, "arrested", date="2009-03-21").date == "2009-03-20"


@pytest.mark.parametrize(("text", "word", "other", "same"), [
    # a "when" clause on the act itself tells the same act
    ("The parolee died in a shootout when the SWAT team stormed an apartment where he was hiding.",
     "stormed", "shootout", True),
    # a relative clause on another word does not
    ("The shootout began at the house that the police stormed.", "stormed", "shootout", False),
])
def test_episodes_a_when_clause_on_an_act_tells_the_same_act(pipeline, text, word, other, same):
    from newsevents.extract.trigger_clauses import one_clause

    doc = pipeline.nlp(text)
    tokens = {t.text: t for t in doc}
    assert one_clause(tokens[word], tokens[other]) is same


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # the episode a printed month opens, the next sentence with the same place and parties
        ("Rebels attacked Kidal in March 2012. Malian troops repelled the rebels and arrested 12 of "
         "them in Kidal.", "arrested", "2012-03-01"),
        # a printed date on a verb above it that is no event
        ("In October 2016, the Washington Post revealed that US troops were attacking ISIS in Libya.",
         "attacking", "2016-10-01"),
        # a relative day opens no episode where the article has no date (docs/annotation.md)
        ("Rebels attacked Kidal on Thursday. Malian troops repelled the rebels and arrested 12 of "
         "them in Kidal.", "arrested", None),
    ],
)
def test_episodes_an_undated_article_dates_acts_from_the_dates_it_prints(event_on, text, trigger, day):
    assert event_on(text, trigger, date=None).date == day


def test_episodes_an_act_during_another_takes_its_date(event_on):
    text = "Two federal agents died on Saturday during a raid on the compound of the sect in Waco."
    assert event_on(text, "raid").date == "2023-05-27"


@pytest.mark.parametrize(
    ("text", "trigger", "day", "date"),
    [
        ("In 2014, Tunisia joined a NATO programme. The following year the prime minister visited "
         "NATO headquarters in Brussels.", "visited", "2015-01-01", None),
        ("Residents held a vigil on Monday evening; a second protest the next night turned violent.",
         "protest", "2023-05-30", "2023-06-02"),
        ("The trial of the activist opened in Nairobi in June 2019. A court sentenced him to 31 years "
         "in prison that August.", "sentenced", "2019-08-01", None),
    ],
)
def test_episodes_a_period_told_from_another_date_counts_from_it(event_on, text, trigger, day, date):
    assert event_on(text, trigger, date=date).date == day


def test_episodes_undated_relative_time_words_leave_the_act_unknown(event_on):
    text = "Nichols was found guilty last month of murder in the March 2005 rampage in Atlanta."
    assert event_on(text, "found guilty", date=None).date is None


@pytest.mark.parametrize(("text", "trigger", "day"), [
    # the episode's last dated act ("call") names nobody; its raid shares Texas, known after the pass
    ("Texas authorities raided the compound in April 2008 after receiving a call to an abuse "
     "hotline. More than 400 children were placed in protective custody.", "custody", "2008-04-01"),
    # the doer of "raided" and the country of the investigators are found after the sentence pass
    ("An Albany police SWAT team raided the home of a suspect in Albany on Wednesday. "
     "Investigators alleged the man posed as an officer.", "alleged", "2023-05-24"),
])
def test_episodes_parties_found_after_the_pass_continue_the_episode(event_on, text, trigger, day):
    assert event_on(text, trigger).date == day


@pytest.mark.parametrize(("text", "trigger", "day"), [
    # a year spoken as words (broadcast transcripts) dates its act
    ("In nineteen ninety-one, Iraqi troops invaded Kuwait.", "invaded", "1991-01-01"),
    # a "when" clause right behind a date is dated by it, though the parse hangs the date on a noun
    ("The city could have used some special protection in nineteen seventy-nine when the Soviet "
     "Union invaded Afghanistan.", "invaded", "1979-01-01"),
])
def test_episodes_a_spoken_year_and_its_when_clause(event_on, text, trigger, day):
    assert event_on(text, trigger).date == day


def test_episodes_a_year_alone_takes_the_month_the_article_gives_that_act(code):
    text = ("The recordings were part of the documents seized in a police raid in 2008. Prosecutors "
            "played the tape on Monday.\n\nTexas authorities raided the ranch in April 2008 after a call.")
    seized = next(e for e in code(text) if e.trigger.text.startswith("seized"))
    assert (seized.date, seized.date_precision) == ("2008-04-01", "month")


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # the lead's perfect is the news the next sentence dates
        ("Police in Dayton have arrested a man wanted for robbery. Police detained him at a motel "
         "in Dayton on Sunday.", "arrested", "2023-05-28"),
        # a headline has no tense
        ("Dayton police arrest suspected robber\n\nDayton police detained the man at a motel "
         "on Sunday.", "arrest", "2023-05-28"),
        # a day no event takes, set for the same people, in apposition to a time
        ("A man wanted for murder has been captured by Dayton police. Police found the man in an "
         "apartment about 9 p.m. Saturday, May 27.", "captured", "2023-05-27"),
        # an old act of the type is other news
        ("Police in Dayton have arrested a man wanted for robbery. Police detained him in Dayton "
         "in 2019 as well.", "arrested", "2023-05-30"),
    ],
)
def test_episodes_the_lead_takes_the_day_the_next_sentences_give_its_act(event_on, text, trigger, day):
    assert event_on(text, trigger).date == day


def test_episodes_of_two_dates_on_one_word_the_act_takes_the_nearer(event_on):
    text = ("Two deputies were wounded in the line of duty Friday, the worst single day, gun-related loss "
            "for the county since three troopers died 20 years ago during a raid on a militia compound in "
            "Ruby, Idaho.")
    assert event_on(text, "raid").date == "2003-01-01"
    assert event_on(text, "wounded").date == "2023-05-26"


def test_episodes_a_date_through_the_adverb_it_qualifies_dates_the_clause_below(event_on):
    text = ("She stayed a fierce critic of the mayor, speaking out as recently as last month to denounce "
            "his budget on a radio show.")
    assert event_on(text, "denounce").date == "2023-04-01"


@pytest.mark.parametrize(("text", "trigger", "day"), [
    # the occasion the act took place at carries the date
    ("At the NATO summit on March 5, the alliance agreed to resume contacts with Moscow.", "agreed",
     "2023-03-05"),
    ("A woman was arrested on drug charges after a search at a Brownsboro residence Monday.", "arrested",
     "2023-05-29"),
])
def test_episodes_a_date_on_the_occasion_of_an_act_dates_it(event_on, text, trigger, day):
    assert event_on(text, trigger).date == day


def test_episodes_a_text_written_a_sentence_a_line_carries_across_its_lines(event_on):
    text = ("Protest in Tarsus over courier shooting\n"
            "A courier was shot and killed in Tarsus on Saturday night .\n"
            "Police said the courier had pointed a knife at two officers .\n"
            "The two officers fired at the courier in Tarsus .\n"
            "Residents gathered outside the station .\n"
            "The mayor asked for calm .")
    assert event_on(text, "fired").date == "2023-05-27"
    # written in paragraphs of several sentences, the new paragraph is a new episode (a story
    # that names a second day: no one-day story, story_day.py)
    paragraphs = text.replace(" .\nPolice", ". Police").replace(" .\nResidents", ". Residents").replace(
        "calm .", "calm on Monday .")
    assert event_on(paragraphs, "fired").date == "2023-05-30"


def test_episodes_a_present_progressive_continues_no_episode(event_on):
    text = ("Nigerian police arrested Mr. Okafor in Lagos on Monday. "
            "Nigerian police are questioning Mr. Okafor in Lagos.")
    assert event_on(text, "questioning").date == "2023-05-30"


@pytest.mark.parametrize(("text", "trigger"), [
    # the past perfect puts the act before the story's past, and nothing dates it
    ("Farmers blocked the highway near Nakuru on Monday.\n\nCounty officials had threatened to "
     "seize their tractors if the farmers did not pay the levy.", "threatened"),
    # "already": the act came before, on a day not given
    ("The two presidents signed a border accord in Minsk on Friday.\n\nThe Belarusian parliament "
     "has already ratified the accord.", "ratified"),
    # an aside about its doer says who the party is: an act from before the story
    ("Ortega, who negotiated the peace accord with the rebels, now chairs the truth commission.",
     "negotiated"),
    # so is an aside on a noun set beside the doer
    ("Ortega, the former rebel leader who negotiated the peace accord, now chairs the truth commission.",
     "negotiated"),
])
def test_episodes_an_act_the_text_puts_earlier_without_a_day_is_unknown(event_on, text, trigger):
    assert event_on(text, trigger).date is None


def test_episodes_a_reported_past_perfect_keeps_the_day(event_on):
    # behind "said", "had" only shifts a simple past: the day's news
    text = ("Farmers protested a new levy in Nakuru.\n\nThe police chief said the farmers had "
            "blocked the highway with tractors.")
    assert event_on(text, "blocked").date == "2023-05-30"


def test_episodes_a_day_of_saying_dates_the_speaker_s_next_statement_only(event_on):
    # "insisted" is no event, but its day is the day of her next statement; a raid told next is not
    text = ("Pamela Izevbekhai yesterday insisted she had not fabricated a story about her daughter. "
            "Ms Izevbekhai \"totally rejected\" allegations that she manufactured the story.")
    assert event_on(text, "rejected").date == "2023-05-29"
    text = ("Pamela Izevbekhai yesterday insisted she had not fabricated a story about her daughter. "
            "Ms Izevbekhai was arrested by police at her home.")
    assert event_on(text, "arrested").date == "2023-05-30"


def test_episodes_a_date_in_a_relative_clause_opens_no_episode(event_on):
    text = ("Police broke up a vigil in Flatbush, where a teenager was shot by officers on Saturday. "
            "Police searched apartment buildings in Flatbush for the stone throwers.")
    assert event_on(text, "shot").date == "2023-05-27"
    assert event_on(text, "searched").date == "2023-05-30"


def test_episodes_an_act_a_verbs_object_is_of_takes_no_date_from_above(event_on):
    # Friday is the meeting's day; the clashes are what the television underscored the scale of
    text = ("Underscoring the scale of the clashes, state television prominently showed a meeting "
            "Friday between the president and the governor of Kano.")
    assert event_on(text, "clashes").date == "2023-05-30"
    assert event_on(text, "meeting").date == "2023-05-26"


def test_episodes_a_statement_continues_no_material_act_before_it(event_on):
    text = ("Police arrested 40 students at the university in Lagos on Friday. "
            "The students accused the police of beating them. The governor met their parents on Tuesday.")
    assert event_on(text, "arrested").date == "2023-05-26"
    assert event_on(text, "accused").date == "2023-05-30"


def test_episodes_an_act_still_to_come_opens_no_episode(ontology):
    text = "The opposition plans protests on June 9."
    doc = load_pipeline()(text)
    trigger = next(t for t in doc if t.text == "protests")
    event = Event(id="e", article_id="a", event_type="PROTEST", trigger=TextRef("protests", (24, 32)),
                  sentence=SentenceRef(0, (0, len(text))), date="2023-06-09", date_precision="day")
    done, planned = Episodes(text, ontology), Episodes(text, ontology)
    done.remember(event, trigger, 0)
    event.future = True
    planned.remember(event, trigger, 0)
    assert len(done.dated) == 1 and not planned.dated
