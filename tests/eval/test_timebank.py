import io
import json

import pytest
from conftest import SHARED
from rich.console import Console

from newsevents.eval.timebank import evaluate, granularity, load_gold, matches, report
from newsevents.extract.dates import GroundedDate

TEXT = "The council met on Friday. It will vote next week, a year after the first ballot in May."
DOCS = [{"doc": "d1", "dct": "2021-06-04", "text": TEXT}]


def _timex(text, type_, value, dct="2021-06-04T10:00"):
    start = TEXT.index(text)
    return {"doc": "d1", "dct": dct, "tid": "t", "text": text, "start": start, "end": start + len(text),
            "type": type_, "value": value}


TIMEX = [
    _timex("Friday", "DATE", "2021-06-04"),  # right, day
    _timex("next week", "DATE", "2021-W23"),  # right, week
    _timex("May", "DATE", "2021-05"),  # right, month
    _timex("a year", "DURATION", "P1Y"),  # not a DATE: not scored
    _timex("the first ballot", "DATE", "2020"),  # cannot be grounded
    _timex("council", "DATE", "PRESENT_REF"),  # not comparable
]


def _write(folder):
    (folder / "tbaq_docs.jsonl").write_text("\n".join(json.dumps(d) for d in DOCS) + "\n")
    (folder / "tbaq_timex.jsonl").write_text("\n".join(json.dumps(t) for t in TIMEX) + "\n")


def test_timebank_granularity_of_gold_values():
    assert [granularity(v) for v in ("1998-08-07", "1998-W32", "1998-08", "1998")] == [
        "day", "week", "month", "year"]
    assert granularity("1998-Q3") is None and granularity("PAST_REF") is None


def test_timebank_matches_at_the_gold_granularity():
    assert matches(GroundedDate("1998-08-07", "day"), "1998")
    assert matches(GroundedDate("1998-08-03", "week"), "1998-W32")
    assert matches(GroundedDate("1998-08-01", "month"), "1998-08")
    assert not matches(GroundedDate("1998-01-01", "year"), "1998-08")  # coarser cannot name it
    assert not matches(GroundedDate("1998-08-01", "month"), "1998-08-01")
    assert not matches(None, "1998")


def test_timebank_report_counts_buckets(tmp_path):
    _write(tmp_path)
    gold = load_gold(tmp_path)
    assert len(gold.expressions) == 6 and gold.docs["d1"] == TEXT
    figures = report(evaluate(gold), Console(file=io.StringIO()))
    assert figures["date_expressions"] == 5
    assert figures["comparable"] == 4 and figures["not_comparable"] == 1
    assert figures["accuracy"] == 0.75
    assert figures["ungrounded"] == 1
    assert (figures["day_count"], figures["day_accuracy"]) == (1, 1.0)
    assert (figures["week_count"], figures["month_count"], figures["year_count"]) == (1, 1, 1)
    assert figures["year_accuracy"] == 0.0
    assert "detection_recall" not in figures


def test_timebank_detection_counts_overlapping_entities(tmp_path):
    _write(tmp_path)
    from newsevents.nlp import load_pipeline

    figures = report(evaluate(load_gold(tmp_path), load_pipeline()), Console(file=io.StringIO()))
    assert 0.0 <= figures["detection_recall"] <= 1.0
    assert figures["detection_recall"] >= 0.4  # "Friday" and "next week" at least


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "eval" / "timebank").exists(), reason="no ../shared/eval")
def test_timebank_full_set_keeps_its_level():
    figures = report(evaluate(load_gold(SHARED / "eval" / "timebank")), Console(file=io.StringIO()))
    assert figures["comparable"] > 1000
    assert figures["accuracy"] >= 0.88
