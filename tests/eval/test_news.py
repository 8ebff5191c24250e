import json

import pytest

from newsevents.eval.metrics import log_loss
from newsevents.eval.news import Result, evaluate, figures, grade, load_gold, match
from newsevents.eval.news_texts import text_hash
from newsevents.records import Actor, Event, Location, SentenceRef, TextRef

TEXT = ("Police in Lagos arrested two journalists on Friday. "
        "The union condemned the arrests. Fans cheered as the Eagles beat the Lions.")


def _span(words: str, nth: int = 1) -> dict:
    start = -1
    for _ in range(nth):
        start = TEXT.index(words, start + 1)
    return {"start": start, "end": start + len(words), "text": words}


ARREST = {
    "type": "COERCE", "mode": "arrest", "alt_types": [],
    "trigger": _span("arrested"), "also": [_span("arrests")],
    "actor": [{"span": _span("Police"), "name": "Lagos police", "country": "NGA", "sector": "COP"}],
    "recipient": [{"span": _span("journalists"), "name": "journalists", "country": "NGA", "sector": "JRN"}],
    "date": "2023-05-26", "date_precision": "day", "historical": False, "date_span": _span("Friday"),
    "place": {"name": "Lagos", "geonameid": 2332459, "country_code": "NG", "lat": 6.454, "lon": 3.394,
              "span": _span("Lagos")},
    "size": None,
}
CONDEMN = {
    "type": "ACCUSE", "mode": "disapprove", "alt_types": [], "trigger": _span("condemned"), "also": [],
    "actor": [{"span": _span("union"), "name": "the union", "country": None, "sector": "LAB"}],
    "recipient": [], "date": "2023-05-30", "date_precision": "day", "historical": False, "date_span": None,
    "place": None, "size": None,
}


def _event(kind: str, trigger: str, **fields) -> Event:
    span = _span(trigger)
    sentence = TEXT[: TEXT.index(".") + 1]
    return Event(id="e", article_id="a", event_type=kind,
                 trigger=TextRef(trigger, (span["start"], span["end"])),
                 sentence=SentenceRef(0, (0, len(sentence))), confidence=0.8, **fields)


def test_match_prefers_trigger_overlap_then_same_type_in_the_sentence():
    assert match(_event("COERCE", "arrested"), [CONDEMN, ARREST]) is ARREST
    assert match(_event("COERCE", "Police"), [CONDEMN, ARREST]) is ARREST  # same sentence, same type
    assert match(_event("ASSAULT", "Police"), [CONDEMN, ARREST]) is None  # same sentence, other type


def test_grade_judges_each_field_by_the_protocol():
    lagos = Location("Lagos", (10, 15), name="Lagos", geonameid=2332459, lat=6.45, lon=3.39,
                     country_code="NG")
    right = _event("COERCE", "arrested", mode="arrest", date="2023-05-26", date_precision="day",
                   location=lagos, actor=[Actor("Police", (0, 6), country="NGA", sector="COP")])
    assert grade(right, ARREST) == {"type": True, "actor": True, "date": True, "place": True,
                                    "recipient": False, "actor_country": True, "mode": True,
                                    "historical": True, "size": None}
    elsewhere = _event("COERCE", "arrested", actor=[Actor("Police", (0, 6), country="GHA")])
    assert grade(elsewhere, ARREST)["actor"] and grade(elsewhere, ARREST)["actor_country"] is False
    pronoun = _event("COERCE", "arrested", date="2023-05-30", actor=[Actor("they", (0, 4))])
    graded = grade(pronoun, ARREST)
    assert not graded["actor"] and not graded["date"] and not graded["place"]
    assert grade(right, None)["type"] is False  # matched nothing: wrong everywhere


def test_a_week_counts_for_the_month_holding_most_of_its_days():
    # the week of Monday 2023-05-29 runs to Sunday 2023-06-04: five of its days are June's
    june = ARREST | {"date": "2023-06", "date_precision": "month"}
    week = _event("COERCE", "arrested", date="2023-05-29", date_precision="week")
    assert grade(week, june)["date"]
    assert not grade(week, june | {"date": "2023-05"})["date"]
    assert not grade(week, ARREST | {"date": "2023-05-31"})["date"]  # a week does not name the day
    month = _event("COERCE", "arrested", date="2023-05-01", date_precision="month")
    assert not grade(month, june)["date"]


def test_a_division_the_gold_names_without_an_id_is_ours_when_we_name_it():
    # the gold's map point for a province lies far from the centroid we give it
    province = {"name": "British Columbia", "geonameid": None, "country_code": "CA",
                "lat": 53.73, "lon": -127.65}
    ours = Location("Bountiful", (10, 15), name="British Columbia", geonameid=5909050, lat=50.66,
                    lon=-121.76, country_code="CA", precision="admin1")
    assert grade(_event("COERCE", "arrested", location=ours), ARREST | {"place": province})["place"]
    town = Location("Palmer", (10, 15), name="British Columbia", lat=50.66, lon=-121.76, country_code="CA",
                    precision="town")  # a town is judged by its distance
    assert not grade(_event("COERCE", "arrested", location=town), ARREST | {"place": province})["place"]
    other = Location("Columbia", (10, 15), name="British Columbia", lat=50.66, lon=-121.76, country_code="US",
                     precision="admin1")
    assert not grade(_event("COERCE", "arrested", location=other), ARREST | {"place": province})["place"]


@pytest.mark.slow
def test_eval_news_scores_the_pipeline_on_a_gold_file(tmp_path, pipeline):
    pool, gold_dir = tmp_path / "eval", tmp_path / "gold"
    (pool / "timebank").mkdir(parents=True)
    gold_dir.mkdir()
    (pool / "timebank" / "tbaq_docs.jsonl").write_text(
        json.dumps({"doc": "T1", "dct": "2023-05-30", "text": TEXT}) + "\n", encoding="utf-8")
    (gold_dir / "timebank_T1.json").write_text(json.dumps({
        "article_id": "timebank:T1", "sha256": text_hash(TEXT), "annotator": "test", "political": True,
        "section": "world", "events": [ARREST, CONDEMN]}), encoding="utf-8")
    result = evaluate(load_gold(pool, gold_dir), pipeline)
    found = figures(result)
    assert found["articles"] == 1 and found["gold_events"] == 2
    assert found["published"] == len(result.graded)
    arrest = [g for g in result.graded if g.gold is ARREST or g.gold == ARREST]
    assert arrest and arrest[0].right["type"]  # the pipeline codes the arrest as COERCE
    assert 0.0 <= found["all_fields_right"] <= 1.0
    # every candidate counts for the confidence's log loss, published or not
    assert found["candidates"] >= found["published"] and found["confidence_log_loss"] > 0.0


def test_load_gold_refuses_a_changed_text(tmp_path):
    pool, gold_dir = tmp_path / "eval", tmp_path / "gold"
    (pool / "timebank").mkdir(parents=True)
    gold_dir.mkdir()
    (pool / "timebank" / "tbaq_docs.jsonl").write_text(
        json.dumps({"doc": "T1", "dct": "2023-05-30", "text": TEXT + " More."}) + "\n", encoding="utf-8")
    (gold_dir / "timebank_T1.json").write_text(json.dumps({
        "article_id": "timebank:T1", "sha256": text_hash(TEXT), "annotator": "test", "political": True,
        "section": "world", "events": [ARREST]}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"sha256|hash"):
        load_gold(pool, gold_dir)


def test_log_loss_of_the_confidence_weighs_each_candidate_by_its_outcome():
    assert log_loss([(0.5, True), (0.5, False)]) == pytest.approx(0.6931, abs=1e-4)
    assert log_loss([(0.9, True), (0.1, False)]) == pytest.approx(0.1054, abs=1e-4)
    assert log_loss([(1.0, False)]) == pytest.approx(13.8155, abs=1e-3)  # clipped: finite
    assert log_loss([]) == 0.0
    found = figures(Result(candidates=[(0.9, True), (0.2, True)]))
    assert found["candidates"] == 2 and found["confidence_log_loss"] == pytest.approx(0.8574, abs=1e-4)
