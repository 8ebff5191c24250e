"""Size mentions (extract/size_mentions.py): dead, injured and arrested counts read through the parse."""

import pytest

from newsevents.extract.size_lexicon import lexicon


def _counts(mentions):
    return [(m.kind, m.value, m.qualifier) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen stormed the market, killing 14 people.", [("dead", 14, None)]),
        ("Seven villagers were wounded by shelling.", [("injured", 7, None)]),
        ("Twenty-three workers died in the fire.", [("dead", 23, None)]),
        ("Police detained 1,200 students.", [("arrested", 1200, None)]),
        ("Two were killed near the border.", [("dead", 2, None)]),
        ("Two dozen farmers were hurt.", [("injured", 24, None)]),
        ("The shelling caused 9 deaths.", [("dead", 9, None)]),
        ("Officers made 31 arrests.", [("arrested", 31, None)]),
        ("Four miners were found dead.", [("dead", 4, None)]),
    ],
)
def test_sizes_digits_and_words(sizes, text, expected):
    assert _counts(sizes(text)[1]) == expected


def test_sizes_group_is_the_counted_noun(sizes):
    _, mentions = sizes("Rebels killed three soldiers and two civilians.")
    assert [(m.value, m.group) for m in mentions] == [(3, "soldiers"), (2, "civilians")]


@pytest.mark.parametrize(
    "text",
    [
        "Militants killed 6 policemen.",            # active
        "6 policemen were killed by militants.",    # passive
        "The attack left 6 dead.",                  # adjective
        "The death toll rose to 6.",                # running total
    ],
)
def test_sizes_active_passive_and_totals(sizes, text):
    assert _counts(sizes(text)[1]) == [("dead", 6, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Five people were detained after the march.",
        "Police took five activists into custody.",
        "Five activists were taken into custody.",
        "Five activists were rounded up.",
        "Officers arrested five activists.",
    ],
)
def test_sizes_arrests(sizes, text):
    assert _counts(sizes(text)[1]) == [("arrested", 5, None)]


def test_sizes_spans_index_the_text(sizes):
    text = "Clashes erupted on Monday. At least 30 soldiers were injured, and police arrested 12 men."
    _, mentions = sizes(text)
    assert len(mentions) == 2
    for mention in mentions:
        assert text[mention.span[0]:mention.span[1]] == mention.text
    assert mentions[0].text == "At least 30 soldiers were injured"
    assert mentions[1].text == "arrested 12 men"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dead are the number tied to "killed", never the injured one beside it
        ("The car bomb left 31 killed and 204 injured in the square.",
         [("dead", 31, None), ("injured", 204, None)]),
        ("The explosion killed 31, and 204 were injured.", [("dead", 31, None), ("injured", 204, None)]),
        ("Rebels killed 31 soldiers and injured 204 others.", [("dead", 31, None), ("injured", 204, None)]),
    ],
)
def test_sizes_dead_and_injured_side_by_side(sizes, text, expected):
    assert _counts(sizes(text)[1]) == expected


def test_sizes_running_toll_is_a_total_and_a_count_is_not(sizes):
    _, mentions = sizes("The death toll from the floods rose to 75.")
    assert [m.total for m in mentions] == [True]
    _, mentions = sizes("Gunmen killed 9 villagers.")
    assert [m.total for m in mentions] == [False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of "suffered injuries" is who was hurt
        ("Two officers suffered minor injuries.", [("injured", 2, None)]),
        ("Three soldiers sustained gunshot wounds in the ambush.", [("injured", 3, None)]),
        # "shot dead" counts its object; "are dead" its subject
        ("Police shot dead three protesters in the square.", [("dead", 3, None)]),
        ("Twelve people are dead after the blast.", [("dead", 12, None)]),
    ],
)
def test_sizes_whom_a_casualty_word_counts(sizes, text, expected):
    assert _counts(sizes(text)[1]) == expected


def test_sizes_lexicon_heads_cover_every_word_a_count_hangs_on():
    lex = lexicon()
    assert {*lex.words, *lex.phrases, *lex.passive_only, *lex.tolls} == lex.heads
