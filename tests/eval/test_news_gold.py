import copy

import pytest

from newsevents.eval.news_gold import (
    SPLITS,
    batch_articles,
    check_gold,
    gold_path,
    read_sample,
    safe_id,
    vocabulary,
)
from newsevents.eval.news_texts import text_hash

TEXT = "Riot police arrested 12 students in Dhaka on Monday. The students had marched on parliament."


def span(words, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return {"start": start, "end": start + len(words), "text": words}


GOLD = {
    "article_id": "lgl:1", "sha256": text_hash(TEXT), "annotator": "t", "political": True,
    "section": "politics",
    "events": [
        {"type": "COERCE", "mode": "arrest", "alt_types": [], "trigger": span("arrested"), "also": [],
         "actor": [{"span": span("Riot police"), "name": "Bangladeshi police", "country": "BGD",
                    "sector": "COP"}],
         "recipient": [{"span": span("students"), "name": "students", "country": "BGD", "sector": "EDU"}],
         "date": "2024-07-15", "date_precision": "day", "historical": False, "date_span": span("Monday"),
         "place": {"name": "Dhaka", "geonameid": 1185241, "country_code": "BD", "lat": 23.71, "lon": 90.41,
                   "span": span("Dhaka")},
         "size": {"dead": None, "injured": None, "arrested": 12, "span": span("12 students")}},
        {"type": "PROTEST", "mode": "demo", "trigger": span("marched"), "also": [],
         "actor": [{"span": span("students", 1), "name": "students", "country": "BGD", "sector": "EDU"}],
         "recipient": [{"span": span("parliament"), "name": "Parliament of Bangladesh", "country": "BGD",
                        "sector": "LEG"}],
         "date": None, "date_precision": "unknown", "historical": False, "place": None, "size": None},
    ],
}


@pytest.fixture(scope="module")
def vocab(ontology):
    return vocabulary(ontology)


def broken(change):
    gold = copy.deepcopy(GOLD)
    change(gold)
    return gold


def test_a_valid_file_has_no_problem(vocab):
    assert check_gold(GOLD, TEXT, vocab) == []


@pytest.mark.parametrize(("change", "problem"), [
    (lambda g: g.update(sha256="0" * 64), "sha256 does not match"),
    (lambda g: g["events"][0]["trigger"].update(text="arrests"), "text[12:20] is 'arrested'"),
    (lambda g: g["events"][0].update(type="ARREST"), "type 'ARREST' is not a PLOVER event type"),
    (lambda g: g["events"][0].update(alt_types=["COERCE"]), "alt_types holds 'COERCE'"),
    (lambda g: g["events"][0].update(mode="riot"), "mode 'riot' is not a mode of COERCE"),
    (lambda g: g["events"][0]["actor"][0].update(country="BD"), "country 'BD' is not ISO alpha-3"),
    (lambda g: g["events"][0]["actor"][0].update(sector="POLICE"), "sector 'POLICE' is not a PLOVER sector"),
    (lambda g: g["events"][0].update(date="2024-07"), "is not an ISO value at day precision"),
    (lambda g: g["events"][0].update(date="2024-02-30"), "does not exist"),
    (lambda g: g["events"][1].update(date="2024"), "date must be null when date_precision is unknown"),
    (lambda g: g["events"][0]["place"].update(country_code="BGD"), "is not ISO alpha-2"),
    (lambda g: g["events"][0]["size"].update(arrested="twelve"), "as a whole number"),
    (lambda g: g.update(section="opinion"), "section 'opinion'"),
    (lambda g: g.update(political=False), "political is false but events are given"),
    (lambda g: g["events"][1].update(also=[{"start": 500, "end": 510, "text": "x"}]),
     "bad offsets [500, 510)"),
])
def test_each_kind_of_mistake_is_reported(vocab, change, problem):
    problems = check_gold(broken(change), TEXT, vocab)
    assert any(problem in p for p in problems), problems


def test_ids_become_file_names_and_the_sample_reads(tmp_path):
    assert safe_id("ecbplus:19_2ecb.xml") == "ecbplus_19_2ecb.xml"
    assert gold_path("timebank:wsj_0168", tmp_path) == tmp_path / "timebank_wsj_0168.json"
    sample = tmp_path / "s.tsv"
    sample.write_text("article_id\tsource\tsha256\tchars\tdate\tannotator_batch\n# a note\n"
                      f"lgl:1\tlgl\t{text_hash(TEXT)}\t{len(TEXT)}\t2024-07-16\tB\n", encoding="utf-8")
    assert [(r.article_id, r.chars, r.batch) for r in read_sample(sample)] == [("lgl:1", len(TEXT), "B")]


def test_the_dev_split_has_its_own_files_and_no_test_article():
    dev, test = SPLITS["dev"], SPLITS["test"]
    assert dev.sample != test.sample and dev.gold_dir != test.gold_dir
    dev_ids = {row.article_id for row in read_sample(dev.sample)}
    test_ids = {row.article_id for row in read_sample(test.sample)}
    assert len(dev_ids) == 1983 and len(test_ids) == 42
    assert not dev_ids & test_ids
    for path in dev.gold_dir.glob("*.json"):
        assert path.stem in {safe_id(i) for i in dev_ids}, path.name


def test_batch_articles_are_the_ids_a_round_drew_and_an_unknown_batch_is_refused():
    dev = SPLITS["dev"].sample
    rows = read_sample(dev)
    found = batch_articles(dev, ["DC", "DD", "DE"])
    assert len(found) == 30 and found == {r.article_id for r in rows if r.batch in {"DC", "DD", "DE"}}
    with pytest.raises(ValueError, match="batch ZZ"):
        batch_articles(dev, ["DC", "ZZ"])
