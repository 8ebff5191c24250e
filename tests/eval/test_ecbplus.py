import io
import json

import pytest
from conftest import SHARED
from rich.console import Console

from newsevents.eval.ecbplus import articles, bcubed, evaluate, load_gold, pairwise, report
from newsevents.records import CodedArticle

DOCS = [
    {"doc": "1a", "topic": "1", "subtopic": "1ecb", "cluster_id": "1_ecb",
     "text": "A strong earthquake shook Lombok island, killing ten villagers."},
    {"doc": "1b", "topic": "1", "subtopic": "1ecb", "cluster_id": "1_ecb",
     "text": "Ten villagers died when a strong earthquake shook Lombok island."},
    {"doc": "1c", "topic": "1", "subtopic": "1ecbplus", "cluster_id": "1_ecbplus",
     "text": "An earthquake in Chile damaged bridges near Valparaiso."},
]


def test_bcubed_and_pairwise_on_a_hand_computed_example():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y"}
    # precision: a,b,c each 2/3 or 1/3 (c), d 1 -> (2/3 + 2/3 + 1/3 + 1) / 4 = 2/3
    # recall: a,b 1, c 1/2, d 1/2 -> 3/4
    p, r, f = bcubed(predicted, gold)
    assert p == pytest.approx(2 / 3) and r == pytest.approx(3 / 4)
    assert f == pytest.approx(2 * (2 / 3) * (3 / 4) / (2 / 3 + 3 / 4))
    # pairs: predicted ab ac bc, gold ab cd -> P 1/3, R 1/2
    assert pairwise(predicted, gold)[:2] == (pytest.approx(1 / 3), pytest.approx(1 / 2))


def test_ecbplus_loader_and_report_on_a_tiny_set(tmp_path):
    (tmp_path / "ecbplus_docs.jsonl").write_text("\n".join(json.dumps(d) for d in DOCS))
    gold = load_gold(tmp_path)
    assert [g.cluster_id for g in gold] == ["1_ecb", "1_ecb", "1_ecbplus"]
    coded = [CodedArticle(a) for a in articles(gold)]  # no events: clustered on their text
    figures = report(evaluate(gold, coded=coded), Console(file=io.StringIO()))
    assert figures["documents"] == 3 and figures["gold_clusters"] == 2
    assert figures["bcubed_f1"] == 1.0


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "eval" / "ecbplus").exists(), reason="no ../shared/eval")
def test_ecbplus_full_set_keeps_its_level(pipeline):
    gold = load_gold(SHARED / "eval" / "ecbplus")
    figures = report(evaluate(gold, pipeline), Console(file=io.StringIO()))
    assert figures["bcubed_f1"] >= 0.8
