"""Confidence: what a stated, an attributed and a missing actor weigh (no parse needed)."""

from newsevents.extract.coding import Evidence
from newsevents.records import Actor

_EVIDENCE = Evidence(prior=0.6, requires_recipient=False)
_STATED = Actor(text="the army", span=(0, 8), sector="MIL")
_INFERRED = Actor(text="the army", span=(0, 8), sector="MIL", inferred=True, evidence_span=(20, 28))
_VICTIMS = [Actor(text="villagers", span=(30, 39), sector="CVL")]


def test_coding_an_attributed_doer_weighs_between_none_and_a_stated_one():
    none = _EVIDENCE.score([], _VICTIMS)
    inferred = _EVIDENCE.score([_INFERRED], _VICTIMS)
    stated = _EVIDENCE.score([_STATED], _VICTIMS)
    assert none < 0.5 <= inferred < stated


def test_coding_auxiliary_modes_still_keep_an_attributed_act_below_publishing():
    negated = Evidence(prior=0.7, requires_recipient=False, negated=True)
    assert negated.score([_INFERRED], _VICTIMS) < 0.5
