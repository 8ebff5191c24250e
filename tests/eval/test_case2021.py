import io

import pytest
from conftest import SHARED
from rich.console import Console

from newsevents.eval.case2021 import Result, Snippet, evaluate, figures, load_gold, report

ROWS = (
    "id\tEventSnippet\tSubType\n"
    "1\tPolice arrested twelve opposition activists in the capital on Monday.\tARREST\n"
    "2\tA strong earthquake shook the coastal province overnight.\tNATURAL_DISASTER\n"
)


def test_case2021_loader_reads_labels(tmp_path):
    (tmp_path / "case2021_task2_dev.tsv").write_text(ROWS)
    gold = load_gold(tmp_path)
    assert [(s.id, s.label) for s in gold] == [("1", "ARREST"), ("2", "NATURAL_DISASTER")]


def test_case2021_loader_rejects_unknown_labels(tmp_path):
    (tmp_path / "gold.tsv").write_text(ROWS.replace("ARREST", "ARRESTS"))
    with pytest.raises(ValueError, match="ARRESTS"):
        load_gold(tmp_path / "gold.tsv")


def test_case2021_figures_count_false_alarms_as_false_positives():
    result = Result(scored=[
        (Snippet("1", "", "ARREST"), "ARREST", None),
        (Snippet("2", "", "ATTACK"), None, None),
        (Snippet("3", "", "DIPLO"), "AGREEMENT", None),
        (Snippet("4", "", "ORG_CRIME"), None, None),
    ])
    summary, per_type = figures(result)
    assert per_type["ARREST"].f1 == 1.0
    assert (per_type["AGREEMENT"].fp, per_type["ATTACK"].fn) == (1, 1)
    assert summary["micro_precision"] == 0.5 and summary["micro_recall"] == 0.5
    assert summary["coverage"] == 0.5
    assert summary["false_alarm_rate"] == 0.5
    assert summary["types_produced"] == 2


def test_case2021_report_scores_coded_snippets(tmp_path, pipeline):
    (tmp_path / "gold.tsv").write_text(ROWS)
    summary = report(evaluate(load_gold(tmp_path / "gold.tsv"), pipeline), Console(file=io.StringIO()))
    assert summary["snippets"] == 2
    assert summary["micro_f1"] == 1.0
    assert summary["false_alarm_rate"] == 0.0


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "eval" / "case2021").exists(), reason="no ../shared/eval")
def test_case2021_full_set_keeps_its_level(pipeline):
    summary = report(evaluate(load_gold(SHARED / "eval" / "case2021"), pipeline), Console(file=io.StringIO()))
    assert summary["micro_f1"] >= 0.70 and summary["macro_f1"] >= 0.60
    assert summary["false_alarm_rate"] <= 0.20
    assert summary["types_produced"] == 25
