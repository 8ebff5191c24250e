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


def test_coding_a_cooperative_act_of_an_unplaced_doer_is_not_published():
    firm = [Actor(text="the Red Sox", span=(0, 11))]
    player = [Actor(text="Mark Teixeira", span=(20, 33))]
    offer = Evidence(prior=0.6, requires_recipient=False, cooperative=True)
    attack = Evidence(prior=0.6, requires_recipient=False)
    assert offer.score(firm, player) < 0.5 <= attack.score(firm, player)
    state = [Actor(text="France", span=(0, 6), country="FRA")]
    assert offer.score(state, player) >= 0.5
    putin = [Actor(text="Putin", span=(0, 5))]
    assert offer.score(putin, state) > offer.score(putin, player)  # a counterpart placed in a state


def test_coding_a_placed_doer_weighs_more_than_a_sector_or_a_bare_name():
    placed = _EVIDENCE.score([Actor(text="the French army", span=(0, 15), country="FRA", sector="MIL")], [])
    sector = _EVIDENCE.score([_STATED], [])
    bare = _EVIDENCE.score([Actor(text="Joe Smith", span=(0, 9))], [])
    assert bare < sector < placed
