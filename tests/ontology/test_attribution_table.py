"""attribution.yaml (ontology/attribution.py): who can do which agentless act."""

from newsevents.records import EVENT_TYPES


def test_attribution_rules_name_plover_sectors(ontology):
    sectors = set(ontology.sectors.values())
    for rule in ontology.doers.rules:
        assert set(rule.named) <= sectors and rule.types <= set(EVENT_TYPES)
        assert rule.implied_sector is None or rule.implied_sector in sectors
    arrest = ontology.doers.rule_for("COERCE", "arrest")
    assert arrest is not None and arrest.implied_sector == "COP"
    assert ontology.doers.rule_for("CONSULT", None) is None
