from newsevents.extract.episodes import Episodes
from newsevents.extract.place_ranker import PlaceRanker, rank_places
from newsevents.records import Event, SentenceRef, TextRef


def _event(doc, word, **fields):
    """An event on the first occurrence of ``word``, in its sentence."""
    start = doc.text.index(word)
    sentence = next((i, s) for i, s in enumerate(doc.sents) if s.start_char <= start < s.end_char)
    return Event(id=word, article_id="text", event_type=fields.pop("event_type", "ASSAULT"),
                 trigger=TextRef(word, (start, start + len(word))),
                 sentence=SentenceRef(sentence[0], (sentence[1].start_char, sentence[1].end_char)), **fields)


TEXT = ("Gunmen attacked a police post in Kandahar on Monday. Two officers were killed in the attack, "
        "officials said.\nAid arrived from Pakistan on Tuesday.")


def test_candidates_are_the_articles_places_and_no_place(places, ontology):
    doc, toponyms = places(TEXT)
    ranker = PlaceRanker(doc, Episodes(TEXT, ontology), toponyms, None, ontology.words("fixture_nouns"))
    found = ranker.candidates(_event(doc, "killed"))
    named = {place.text if place else None: features for place, features in found}
    assert set(named) == {"Kandahar", "Pakistan", None}
    assert named["Kandahar"]["sentence_before"] == 1.0 and named["Kandahar"]["in_sentence"] == 0.0
    assert named["Pakistan"]["only_after"] == 1.0
    assert found[-1][0] is None and found[-1][1]["none"] == 1.0


def test_only_an_unplaced_event_is_ranked(places, ontology):
    doc, toponyms = places(TEXT)
    ranker = PlaceRanker(doc, Episodes(TEXT, ontology), toponyms, None, ontology.words("fixture_nouns"))
    pakistan = next(t for t in toponyms if t.text == "Pakistan")
    unplaced, placed = _event(doc, "killed"), _event(doc, "attacked", location=pakistan)
    rank_places([unplaced, placed], ranker, {"sentence_before": 2.0, "none": 1.0})
    assert unplaced.location is not None and unplaced.location.text == "Kandahar"
    assert placed.location is pakistan
    again = _event(doc, "killed")
    rank_places([again], ranker, {"sentence_before": 2.0, "none": 3.0})
    assert again.location is None


def test_an_article_without_places_leaves_events_unplaced(places, ontology):
    text = "Gunmen attacked a police post on Monday."
    doc, toponyms = places(text)
    event = _event(doc, "attacked")
    ranker = PlaceRanker(doc, Episodes(text, ontology), toponyms, None, ontology.words("fixture_nouns"))
    rank_places([event], ranker, {"none": -5.0})
    assert event.location is None  # no candidate but "no place"
