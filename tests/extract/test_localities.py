"""Which places tell where the story's acts happen, and how precisely (extract/localities.py)."""

from newsevents.extract.localities import narrowed, residence
from newsevents.extract.seats import toponym_token

_PREPS = frozenset({"of"})


def _at(found, text):
    return next(t for t in found if t.text == text)


def test_an_address_set_off_by_commas_is_a_residence(places):
    doc, found = places("A second soldier, Cpl. Dan Reyes, 22, of Oregon, was wounded in Kandahar.")
    sentence = doc[:]
    assert residence(toponym_token(sentence, _at(found, "Oregon")), _PREPS)
    assert not residence(toponym_token(sentence, _at(found, "Kandahar")), _PREPS)
    doc, found = places("The governor of Oregon was attacked.")
    assert not residence(toponym_token(doc[:], _at(found, "Oregon")), _PREPS)


def test_a_state_stands_for_towns_close_together_in_it_not_for_towns_apart(places):
    doc, found = places("Police raided a ranch in Texas. The ranch lies near Eldorado, close to San Angelo.")
    texas = _at(found, "Texas")
    place = narrowed(texas, found, doc, _PREPS)
    assert place is not None and place.name == "Eldorado"
    doc, found = places("Police raided ranches in Texas, in Amarillo and in Houston.")
    assert narrowed(_at(found, "Texas"), found, doc, _PREPS).name == "Texas"


def test_a_country_does_not_stand_for_its_capital_or_a_residence(places):
    doc, found = places("Gunmen attacked a convoy in Syria. Officials in Damascus condemned it.")
    assert narrowed(_at(found, "Syria"), found, doc, _PREPS).precision == "country"
    doc, found = places("Rebels shelled a town in Syria, said Omar Haddad, 40, of Aleppo.")
    assert narrowed(_at(found, "Syria"), found, doc, _PREPS).precision == "country"


def test_a_country_owning_a_part_named_in_the_text_stays_as_it_is(places):
    doc, found = places("Fighting broke out in Sudan's Blue Nile state. Rebels still hold Abyei.")
    sudan = _at(found, "Sudan")
    assert narrowed(sudan, found, doc, _PREPS) is sudan
