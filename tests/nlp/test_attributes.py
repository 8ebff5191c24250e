import pytest
import spacy
from spacy.tokens import Doc

from newsevents.nlp import DEFAULT_MODEL, load_pipeline
from newsevents.nlp.components.attributes import NAME, RULER, AttributeTable, replace_ruler

FIELDS = ("pos_", "tag_", "dep_", "lemma_", "morph")


def _read(doc: Doc) -> list[tuple[str, ...]]:
    return [tuple(str(getattr(token, name)) for name in FIELDS) for token in doc]


@pytest.mark.parametrize("text", [
    "There's a man who gets what he wants; it got worse. Let's go, y'all, we're gon na win.",
    "I ain't doin' nothin' 'bout it, ol' man. You saw it and it saw you. Do it. Did they?",
    "Police said that the protest, which began Monday, was not peaceful.\n\n  Officials   left.",
    "",
])
def test_attributes_table_assigns_what_the_model_ruler_assigns(text):
    nlp = spacy.load(DEFAULT_MODEL)
    ruler = nlp.get_pipe(RULER)
    table = AttributeTable.of(ruler)
    assert table is not None
    parsed = nlp(text, disable=[RULER, "lemmatizer", "ner"])
    by_ruler, by_table = ruler(parsed.copy()), table(parsed.copy())
    assert _read(by_table) == _read(by_ruler)


def test_attributes_table_takes_the_ruler_place_in_the_pipeline():
    names = load_pipeline().pipe_names
    assert NAME in names and RULER not in names
    # the ruler's place: after the parser (and the parse repair that follows it), before the lemmas
    assert names.index("parser") < names.index(NAME) < names.index("newsevents_lemmas")


def test_attributes_rule_the_table_cannot_read_keeps_the_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(RULER)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})  # an operator needs the Matcher
    assert AttributeTable.of(ruler) is None
    replace_ruler(nlp)
    assert nlp.pipe_names == [RULER]
