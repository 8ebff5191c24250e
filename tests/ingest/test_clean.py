"""Cleaning: what is not news is masked, the text stays whole and spans still index it."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.ingest.clean import boilerplate_spans, load_rules, mark_boilerplate, repair_characters
from newsevents.records import Article

RULES = load_rules()


def masked(text: str) -> list[str]:
    return [text[a:b] for a, b in boilerplate_spans(text, RULES)]


@pytest.mark.parametrize("line", [
    "Sign up for our weekly newsletter and get the news first.",
    "By subscribing, you agree to receive occasional updates from us.",
    "Most Read",
    "Related stories:",
    "Share | Email | Print",
    "Video",
    "Photo: Ana Ruiz/Reuters",
    "Maria Lopez/Associated Press",
    "Copyright 2031 Example Media. All rights reserved.",
    "Staff photo by Tom Hale",
])
def test_clean_masks_a_whole_line_of_no_news(line: str) -> None:
    text = f"The council voted on Monday.\n{line}\nThe mayor resigned."
    assert masked(text) == [line]


@pytest.mark.parametrize("text", [
    "The minister said the photo was taken in 2019.",
    "Police shared the video with reporters on Friday.",
    "Related talks will resume next week, the envoy said.",
    "Most of the protesters went home.",
])
def test_clean_keeps_news_that_names_a_photo_or_a_share(text: str) -> None:
    assert masked(text) == []


def test_clean_masks_only_the_credit_inside_a_paragraph() -> None:
    text = "Photo Credit: Lee Park The governor met farmers (Photo: Sam Cole/AP) in the capital."
    assert masked(text) == ["Photo Credit: Lee Park ", "(Photo: Sam Cole/AP)"]


def test_clean_judges_a_flattened_page_sentence_by_sentence() -> None:
    news = "Rebels seized the town on Sunday, officials said. " * 8
    text = news + "Copyright 2031 Example Wire. All rights reserved."
    assert masked(text) == ["Copyright 2031 Example Wire.", "All rights reserved."]


def test_masked_article_parses_blank_where_masked_and_keeps_offsets() -> None:
    text = "Most Read\nTroops shelled the port.\nLee Park/Associated Press"
    article = mark_boilerplate(Article(id="a", date=date(2031, 1, 2), text=text), RULES)
    assert article.text == text
    parsed = article.parsed_text()
    assert len(parsed) == len(text)
    assert parsed.split() == ["Troops", "shelled", "the", "port."]
    start = text.index("Troops")
    assert parsed[start:start + 6] == "Troops"


def test_masked_ranges_survive_the_json_round_trip() -> None:
    article = mark_boilerplate(Article(id="a", date=None, text="Video\nTroops shelled the port."), RULES)
    assert Article.from_dict(article.to_dict()) == article


def test_clean_masks_a_line_after_its_second_copy() -> None:
    lead = "Police arrested five protesters in Lagos on Monday."
    junk = "\ufffd* {\ufffd"
    text = "\n".join([lead, lead, junk, "Talks resumed.", *[junk] * 3, lead])
    # two copies of a line may be a page's repeated lead; the third and later are not news
    assert masked(text) == [junk, junk, lead]
    assert boilerplate_spans(text, RULES)[-1] == (len(text) - len(lead), len(text))


def test_clean_repairs_windows_1252_characters_one_for_one() -> None:
    text = "INDIANAPOLIS (AP) \x97 The mayor\x92s plan \x96 dyed green."
    repaired = repair_characters(Article(id="a", date=None, text=text, title="Mayor\x92s plan"))
    assert repaired.text == "INDIANAPOLIS (AP) \u2014 The mayor\u2019s plan \u2013 dyed green."
    assert len(repaired.text) == len(text) and repaired.title == "Mayor\u2019s plan"


def test_clean_repairs_a_title_whose_text_needs_no_repair() -> None:
    article = Article(id="a", date=None, text="The mayor's plan.", title="Mayor\x92s plan")
    assert repair_characters(article).title == "Mayor\u2019s plan"


def test_clean_masks_a_caption_run_into_the_text_from_the_sentence_on_the_picture() -> None:
    news = "Rebels seized the town on Sunday, officials said. " * 7
    caption = ("This is an undated photo released by police of officer Ann Lee. A gunman wounded Lee "
               "in a shooting on Saturday. Lee was taken off life support Tuesday. (AP Photo/City Police)")
    assert masked(news + caption) == [caption]
    short = ("Jo Park, 25, poses for a picture in Oaxaca. The government began handing out visas. "
             "Ana Ruiz AP Photo.")
    assert masked("The talks resumed.\n" + short) == [short]


def test_clean_masks_only_a_credit_whose_caption_names_no_picture() -> None:
    text = "Troops shelled the port on Sunday. The mayor fled the city. Ana Ruiz AP Photo"
    assert masked(text) == ["Ana Ruiz AP Photo"]
    assert masked("The council voted on the budget. The photo was taken in 2019.") == []
