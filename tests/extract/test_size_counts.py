"""Counts (extract/size_counts.py): the number a phrase says, its qualifier; numbers that are no counts."""

import pytest


def _counts(mentions):
    return [(m.kind, m.value, m.qualifier) for m in mentions]


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


@pytest.mark.parametrize(
    "text",
    [
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age phrase is one person, and the age is no count
        ("A 19-year-old was killed in the shooting.", [("dead", 1, None)]),
        ("Police announced the arrest of a 17-year-old on Friday.", [("arrested", 1, None)]),
        # a person noun with "the" or a possessive is one person too
        ("A drone strike killed the driver.", [("dead", 1, None)]),
        ("His son was arrested at the border.", [("arrested", 1, None)]),
        ("An unarmed teenager was shot dead by police.", [("dead", 1, None)]),
    ],
)
def test_sizes_one_person(sizes, text, expected):
    assert _counts(sizes(text)[1]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "No man was hurt in the fire.",           # "no" is none
        "Troops arrested the opposition.",        # a body, not a person
        "The 19-year-old mayor condemned the killing.",
    ],
)
def test_sizes_not_one_person(sizes, text):
    assert sizes(text)[1] == []
