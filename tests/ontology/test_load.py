import pytest

from newsevents.errors import OntologyError
from newsevents.ontology import load_ontology
from newsevents.ontology.cues import Cues, cue_index
from newsevents.ontology.load import NO_EVENT
from newsevents.records import EVENT_TYPES


def test_load_every_type_has_triggers_and_a_mapping(ontology):
    typed = {s.event_type for senses in ontology.triggers.values() for s in senses}
    assert typed == {*EVENT_TYPES, NO_EVENT}
    assert {m.event_type for m in ontology.mappings} == set(EVENT_TYPES)
    assert set(ontology.event_types) == set(EVENT_TYPES)


def test_load_modes_are_plover_modes(ontology):
    for senses in ontology.triggers.values():
        for sense in senses:
            if sense.mode:
                known = {m for m, _ in ontology.mode_cues.get(sense.event_type, [])}
                assert sense.mode in known, (sense.lemma, sense.event_type, sense.mode)


def test_load_countries_cover_names_demonyms_capitals(ontology):
    assert ontology.country_names["kosovo"] == "XKX"
    assert ontology.demonyms["serbian"] == "SRB"
    assert ontology.capitals["beijing"] == "CHN"
    assert ontology.organizations["nato"].country == "IGO"
    assert ontology.sectors["police"] == "COP"


@pytest.mark.parametrize(("text", "country"), [
    ("the United Nations", "IGO"),  # mid-sentence: the entity takes in its article
    ("The United Nations", "IGO"),
    ("the UN", "IGO"),
    ("the un", None),  # a short all-caps name only in capitals
    ("the congress", None),  # a common noun, not Congress
])
def test_load_organization_reads_a_name_past_its_article(ontology, text, country):
    found = ontology.organization(text)
    assert (found.country if found else None) == country


def test_load_extra_directory_adds_a_trigger(tmp_path):
    (tmp_path / "triggers.tsv").write_text(
        "trigger\tpos\tobject\tevent_type\tmode\tcontext\tprior\n"
        "frobnicate\tVERB\t\tASSAULT\t\t\t0.9\n"
    )
    onto = load_ontology((tmp_path,))
    assert onto.triggers[("frobnicate", "VERB")][0].event_type == "ASSAULT"
    assert ("attack", "VERB") in onto.triggers


def test_load_object_list_names_a_modality_list(tmp_path):
    (tmp_path / "triggers.tsv").write_text(
        "trigger\tpos\tobject\tevent_type\tmode\tcontext\tprior\n"
        "comb\tVERB\t@offender_nouns|forest\tACCUSE\tinvestigate\t\t0.6\n"
    )
    objects = load_ontology((tmp_path,)).triggers[("comb", "VERB")][0].objects
    assert {"gunman", "fugitive", "forest"} <= objects and "@offender_nouns" not in objects


def test_load_unknown_object_list_is_an_ontology_error(tmp_path):
    (tmp_path / "triggers.tsv").write_text(
        "trigger\tpos\tobject\tevent_type\tmode\tcontext\tprior\ncomb\tVERB\t@nothing\tACCUSE\t\t\t0.6\n"
    )
    with pytest.raises(OntologyError, match="@nothing"):
        load_ontology((tmp_path,))


def test_load_bad_row_is_an_ontology_error(tmp_path):
    (tmp_path / "triggers.tsv").write_text(
        "trigger\tpos\tobject\tevent_type\tmode\tcontext\tprior\nzap\tVERB\t\tNOPE\t\t\t0.9\n"
    )
    with pytest.raises(OntologyError, match="E010"):
        load_ontology((tmp_path,))


def test_load_cue_index_names_every_label_a_word_can_cue(ontology):
    cues = {"a": Cues(frozenset({"strike"}), (("peace", " peace talk "),)),
            "b": Cues(frozenset({"peace"}), ())}
    assert cue_index(cues) == {"strike": {"a"}, "peace": {"a", "b"}}
    for label, found in ontology.context_cues.items():
        assert all(label in ontology.context_words[w] for w in found.words | found.firsts)
    assert ontology.trigger_words == {word for word, _ in ontology.triggers}


def test_load_yaml_keeps_on_off_yes_no_as_words():
    from newsevents.ontology.files import load_yaml

    assert load_yaml("preps: [in, on, off, yes, no]\nflag: true\nother: false") == {
        "preps": ["in", "on", "off", "yes", "no"], "flag": True, "other": False}


def test_load_word_lists_hold_words_not_booleans(ontology):
    # YAML 1.1 reads a bare on or off as a boolean: "on" was lost from the preposition lists
    assert "on" in ontology.words("topic_preps") & ontology.words("object_recipient_preps")
    assert not any({"true", "false"} & words for words in ontology.modality.values())
