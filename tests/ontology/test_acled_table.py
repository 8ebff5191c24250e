import pytest

from newsevents.errors import OntologyError
from newsevents.ontology import load_ontology
from newsevents.records import EVENT_TYPES

SUB_TYPES = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Sexual violence", "Attack",
    "Abduction/forced disappearance", "Peaceful protest", "Protest with intervention",
    "Excessive force against protesters", "Violent demonstration", "Mob violence", "Agreement",
    "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
    "Looting/property destruction", "Non-violent transfer of territory", "Other",
}


def test_acled_rules_can_give_every_sub_type(ontology):
    assert {r.acled[1] for r in ontology.acled.rules if r.acled} == SUB_TYPES


def test_acled_rules_use_plover_types_modes_and_sectors(ontology):
    sectors = set(ontology.sectors.values())
    for rule in ontology.acled.rules:
        assert rule.types <= set(EVENT_TYPES), rule
        known = {m for t in rule.types for m, _ in ontology.mode_cues.get(t, [])}
        assert rule.modes is None or rule.modes <= known, rule
        for chosen in (rule.actor_sectors, rule.recipient_sectors):
            assert chosen is None or chosen <= sectors, rule


def test_acled_extra_rules_come_first_and_unknown_cues_are_errors(tmp_path):
    (tmp_path / "acled.yaml").write_text(
        "cues:\n  ferry: [ferry]\nrules:\n  - types: [ASSAULT]\n    cues: [ferry]\n"
        "    acled: [Strategic developments, Other]\n"
    )
    extended = load_ontology((tmp_path,))
    assert extended.acled.rules[0].cues == ("ferry",)
    assert len(extended.acled.rules) == len(load_ontology().acled.rules) + 1
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "acled.yaml").write_text("rules:\n  - types: [ASSAULT]\n    cues: [nowhere]\n    acled: null\n")
    with pytest.raises(OntologyError, match="nowhere"):
        load_ontology((bad,))
