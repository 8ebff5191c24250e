import io
import json

import pytest
from conftest import SHARED
from rich.console import Console

from newsevents.eval.plover_gsr import evaluate, load_gold, report

RECORDS = [
    {"id": "doc", "event": "DOCUMENT", "text": ""},
    {"id": "a", "event": "DEMAND", "text": "Egypt demanded that Israel withdraw its troops.",
     "source": [{"actorText": "Egypt", "code": "EGY"}],
     "target": [{"actorText": "Israel", "code": "ISR", "sector": "GOVxyz"}],
     "textInfo": {"markup": "(SRC: Egypt) (EVT: demanded) ..."}},
    {"id": "b", "event": "FIGHT", "text": "Japanese and Chinese troops clashed on the border.",
     "source": [{"actorText": "Japanese troops", "code": "JAP", "sector": "MIL"}],
     "target": [{"actorText": "Chinese troops", "code": "CHN", "sector": "MIL"}],
     "textInfo": {"markup": "(SRC/TAR: Japanese) and (SRC/TAR: Chinese) troops ..."}},
]


def test_plover_gsr_loader_maps_old_labels_and_codes(tmp_path):
    (tmp_path / "PLOVER_GSR_CAMEO.txt").write_text(json.dumps(RECORDS))
    gold = load_gold(tmp_path)
    assert [g.event_type for g in gold] == ["REQUEST", "ASSAULT"]
    assert gold[0].recipients == [("ISR", "GOV")]
    assert gold[1].actors == [("JPN", "MIL")] and gold[1].reciprocal


def test_plover_gsr_report_counts_right_and_wrong(tmp_path, pipeline):
    (tmp_path / "gold.json").write_text(json.dumps(RECORDS))
    gold = load_gold(tmp_path / "gold.json")
    figures = report(evaluate(gold, pipeline), Console(file=io.StringIO()))
    assert figures["sentences"] == 2
    assert figures["type_accuracy"] == 1.0
    assert figures["actor_country_f1"] == 1.0


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "eval" / "plover_gsr").exists(), reason="no ../shared/eval")
def test_plover_gsr_full_set_keeps_its_level(pipeline):
    gold = load_gold(SHARED / "eval" / "plover_gsr")
    figures = report(evaluate(gold, pipeline), Console(file=io.StringIO()))
    assert figures["type_accuracy"] >= 0.65
    assert figures["precision_at_0.5"] >= 0.7
