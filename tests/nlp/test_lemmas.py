import pytest
import spacy

from newsevents.nlp import DEFAULT_MODEL, load_pipeline
from newsevents.nlp.components.lemmas import LEMMATIZER, NAME, LemmaTable, replace_lemmatizer


@pytest.mark.parametrize("text", [
    "Police said that the protest, which began Monday, was not peaceful.\n\n  Officials   left.",
    "The ministers were meeting; they met again and the talks went better. Rebels shelled the camps.",
    "Leaders of the U.S. and Britain's armies have warned ISIS fighters, who're retreating.",
    "",
])
def test_lemmas_table_assigns_what_the_model_lemmatizer_assigns(text):
    nlp = spacy.load(DEFAULT_MODEL)
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    table = LemmaTable(lemmatizer)
    parsed = nlp(text, disable=[LEMMATIZER, "ner"])
    by_lemmatizer, by_table = lemmatizer(parsed.copy()), table(parsed.copy())
    again = table(parsed.copy())  # the second time from what the table keeps
    assert [t.lemma_ for t in by_table] == [t.lemma_ for t in by_lemmatizer] == [t.lemma_ for t in again]


def test_lemmas_table_takes_the_lemmatizer_place_in_the_pipeline():
    names = load_pipeline().pipe_names
    assert NAME in names and LEMMATIZER not in names
    assert names.index(NAME) == names.index("newsevents_attributes") + 1


def test_lemmas_lemmatizer_of_another_mode_stays():
    nlp = spacy.blank("en")
    nlp.add_pipe(LEMMATIZER, config={"mode": "lookup"})
    replace_lemmatizer(nlp)
    assert nlp.pipe_names == [LEMMATIZER]
