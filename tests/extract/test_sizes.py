"""Sizes: dead, injured and arrested counts read through the parse."""

import pytest

from newsevents.extract.sizes import find_sizes, size_for


@pytest.fixture()
def sizes(pipeline):
    """Parse a text; return its doc and the mentions of every sentence."""

    def run(text):
        doc = pipeline.nlp(text)
        return doc, [m for sentence in doc.sents for m in find_sizes(sentence)]

    return run


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens of students were arrested.", [("arrested", 12, "at least")]),
        ("Hundreds of people were injured in the stampede.", [("injured", 100, "at least")]),
        ("Tens of thousands of people were killed in the war.", [("dead", 10000, "at least")]),
        ("Several guards were hurt.", [("injured", 10, "about")]),
        ("A dozen protesters were detained.", [("arrested", 12, None)]),
    ],
)
def test_sizes_vague_quantities(sizes, text, expected):
    assert _counts(sizes(text)[1]) == expected


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("At least 8 miners were killed.", "at least"),
        ("More than 40 people were arrested.", "more than"),
        ("Over 60 villagers were injured.", "more than"),
        ("Up to 15 people were detained.", "up to"),
        ("Nearly 300 refugees were wounded.", "up to"),
        ("About 20 soldiers died.", "about"),
        ("Some 200 activists were held overnight.", "about"),
    ],
)
def test_sizes_qualifiers(sizes, text, qualifier):
    assert [m.qualifier for m in sizes(text)[1]] == [qualifier]


def test_sizes_group_is_the_counted_noun(sizes):
    _, mentions = sizes("Rebels killed three soldiers and two civilians.")
    assert [(m.value, m.group) for m in mentions] == [(3, "soldiers"), (2, "civilians")]


def test_sizes_coordinated_groups_add_up(sizes):
    doc, mentions = sizes("Rebels killed three soldiers and two civilians.")
    trigger = next(t for t in doc if t.lower_ == "killed")
    assert size_for(trigger, mentions).dead == 5


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


@pytest.mark.parametrize(
    "text",
    [
        "A 19-year-old was killed in the shooting.",
        "The government pledged $5 million after the attack killed people.",
        "Unemployment rose 3.47% in 2019.",
        "Soldiers were killed in 2014.",
        "The two delegations held 3 meetings.",
        "Three gunmen killed soldiers on 12 May.",
        "Troops fired on the camp, killing or wounding 50.",
    ],
)
def test_sizes_numbers_that_are_not_counts(sizes, text):
    assert sizes(text)[1] == []


def test_sizes_years_and_money_beside_a_count(sizes):
    _, mentions = sizes("In 2019 the government paid $5 million after 3 people were killed.")
    assert _counts(mentions) == [("dead", 3, None)]


def test_sizes_spans_index_the_text(sizes):
    text = "Clashes erupted on Monday. At least 30 soldiers were injured, and police arrested 12 men."
    _, mentions = sizes(text)
    assert len(mentions) == 2
    for mention in mentions:
        assert text[mention.span[0]:mention.span[1]] == mention.text
    assert mentions[0].text == "At least 30 soldiers were injured"
    assert mentions[1].text == "arrested 12 men"


def test_sizes_not_added_across_sentences(sizes):
    doc, mentions = sizes("Twelve people were killed in the blast. Twelve people were killed, police said.")
    sentences = list(doc.sents)
    for sentence in sentences:
        inside = [m for m in mentions if sentence.start_char <= m.span[0] < sentence.end_char]
        trigger = next(t for t in sentence if t.lower_ == "killed")
        assert size_for(trigger, inside).dead == 12


def test_size_for_injured_count_belongs_to_the_clash(sizes):
    text = "At least 30 soldiers were injured in clashes with protesters."
    doc, mentions = sizes(text)
    clashes = next(t for t in doc if t.lower_ == "clashes")
    size = size_for(clashes, mentions)
    assert (size.dead, size.injured, size.arrested, size.qualifier) == (None, 30, None, "at least")
    assert text[size.span[0]:size.span[1]] == "At least 30 soldiers were injured"


def test_size_for_repeated_figure_takes_the_largest(sizes):
    doc, mentions = sizes("The blast killed 12 people, bringing the death toll to 40.")
    killed = next(t for t in doc if t.lower_ == "killed")
    assert size_for(killed, mentions).dead == 40


def test_size_for_gives_each_count_to_the_nearest_event(sizes):
    doc, mentions = sizes("Police fired on the marchers, killing one person and arresting 12.")
    fired, killing, arresting = (
        next(t for t in doc if t.lower_ == w) for w in ("fired", "killing", "arresting")
    )
    alone = size_for(fired, mentions)
    assert (alone.dead, alone.arrested) == (1, 12)
    shared = size_for(arresting, mentions, others=[fired, killing])
    assert (shared.dead, shared.arrested) == (None, 12)
    assert size_for(fired, mentions, others=[killing, arresting]) is None


def test_size_for_unrelated_clause_gets_nothing(sizes):
    doc, mentions = sizes("The minister resigned on Friday. Five people were arrested.")
    resigned = next(t for t in doc if t.lower_ == "resigned")
    first = next(iter(doc.sents))
    assert size_for(resigned, [m for m in mentions if m.span[0] < first.end_char]) is None


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


def test_sizes_totals_are_marked(sizes):
    doc, mentions = sizes("The insurgency has killed a total of 3,400 people since 2019.")
    assert _counts(mentions) == [("dead", 3400, None)] and mentions[0].total
    killed = next(t for t in doc if t.lower_ == "killed")
    assert size_for(killed, mentions).total


def test_sizes_running_toll_is_a_total_and_a_count_is_not(sizes):
    _, mentions = sizes("The death toll from the floods rose to 75.")
    assert [m.total for m in mentions] == [True]
    _, mentions = sizes("Gunmen killed 9 villagers.")
    assert [m.total for m in mentions] == [False]
