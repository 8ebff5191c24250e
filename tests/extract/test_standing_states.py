"""Standing states told instead of acts (modality.standing, the relevance gate) and acts that are
only the content of an aim (modality: intent_nouns) are not published."""

import pytest

from newsevents.extract.relevance import STANDING


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a position held, in the simple present, not reported
        ("Algeria traditionally opposes any Western military presence in the region.", "opposes"),
        ("Tunisian authorities oppose the presence of foreign organisations inside the country.", "oppose"),
        ("The lawyer met a nun from Miami who oppose his return to Cuba.", "oppose"),
        # a participle describing a party
        ("The bomb was the latest attempt by extremists opposed to the IRA's truce.", "opposed"),
        # a habit
        ("Police routinely arrest protesters in the capital.", "arrest"),
        ("Border guards often detain migrants for weeks at the crossing.", "detain"),
        # a measure in force, not its imposing
        ("The 15% restriction covers any would-be suitor, British or foreign.", "restriction"),
        ("It is the US economic embargo which has kept Cuba in a box.", "embargo"),
        # a state someone is held in, not the act of holding him
        ("The smuggler is in federal custody in Denver.", "custody"),
        ("The two fishermen in the coast guard's custody will be flown home.", "custody"),
    ],
)
def test_standing_state_is_held(event_on, text, trigger):
    event = event_on(text, trigger)
    assert event.off_topic == STANDING
    assert not event.is_published()


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Algeria opposed the plan on Monday.", "opposed"),
        ("The government imposed a ban on protests on Monday.", "imposed"),
        ("The ban was imposed on Monday by the army.", "ban"),
        ("Police placed the three children in protective custody on Monday.", "custody"),
        ("Federal agents took the smuggler into custody in Denver.", "custody"),
        ("A judge ordered the two smugglers to remain in custody until their trial.", "custody"),
    ],
)
def test_act_is_not_standing(event_on, text, trigger):
    assert event_on(text, trigger).off_topic != STANDING


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Considering the Alliance's eagerness to support Tunisia's young institutions, the news came "
         "as a surprise.", "support"),
        ("Its main purpose was supporting Tunisian Special Forces in counter-terrorism.", "supporting"),
        ("NATO's goal is to support Tunisia.", "support"),
    ],
)
def test_act_of_an_aim_is_hypothetical(event_on, text, trigger):
    event = event_on(text, trigger)
    assert event.hypothetical
    assert not event.is_published()
