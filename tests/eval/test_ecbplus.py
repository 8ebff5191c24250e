import io
import json

import pytest
from conftest import SHARED
from rich.console import Console

from newsevents.eval.ecbplus import (
    GoldDoc,
    Result,
    articles,
    bcubed,
    evaluate,
    halves,
    load_gold,
    load_mentions,
    match_mentions,
    report,
    thread_errors,
)
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


MENTIONS = [  # tokens are 1-based over the whole text
    {"doc": "1a", "m_id": "1", "tokens": [4], "text": "shook", "cluster": "quake-lombok"},
    {"doc": "1b", "m_id": "1", "tokens": [8], "text": "shook", "cluster": "quake-lombok"},
    {"doc": "1c", "m_id": "1", "tokens": [5], "text": "damaged", "cluster": "quake-chile"},
]


def test_ecbplus_scores_what_the_store_keeps_on_a_tiny_set(tmp_path):
    (tmp_path / "ecbplus_docs.jsonl").write_text("\n".join(json.dumps(d) for d in DOCS))
    (tmp_path / "ecbplus_event_mentions.jsonl").write_text("\n".join(json.dumps(m) for m in MENTIONS))
    gold = load_gold(tmp_path)
    assert [g.cluster_id for g in gold] == ["1_ecb", "1_ecb", "1_ecbplus"]
    mentions = load_mentions(tmp_path, gold)
    assert [gold[0].text[slice(*m.span)] for m in mentions[:1]] == ["shook"]
    coded = [CodedArticle(a) for a in articles(gold)]  # no events: threads from their text alone
    figures = report(evaluate(gold, coded=coded, mentions=mentions, seed=3), Console(file=io.StringIO()))
    assert figures["documents"] == 3 and figures["gold_clusters"] == 2
    assert figures["thread_bcubed_f1"] == 1.0 and figures["topics_kept_apart"] == 1.0
    assert figures["mentions_matched"] == 0  # no stored event: every mention stands alone
    assert figures["story_bcubed_precision"] == 1.0


def test_story_score_over_matched_mentions_leaves_out_what_no_event_matched(tmp_path):
    (tmp_path / "ecbplus_docs.jsonl").write_text("\n".join(json.dumps(d) for d in DOCS))
    gold = load_gold(tmp_path)
    mentions = _mentions(tmp_path, gold)
    shook_a, _, damaged = (m.span for m in mentions)
    # an event over 1a's "shook" and one over 1c's "damaged", both in story s1; 1b's is unmatched
    events = [("1a", "e1", shook_a, "s1"), ("1c", "e2", damaged, "s1"), ("1b", "e3", (0, 2), "s2")]
    story_of, matched = match_mentions(mentions, events)
    assert matched == {"1a/1", "1c/1"} and story_of == {"1a/1": "s1", "1c/1": "s1"}
    result = Result(gold=gold, mentions=mentions, thread_of={}, story_of=story_of, matched=matched)
    figures = report(result, Console(file=io.StringIO()))
    # over the two matched mentions: one story holding two clusters -> P 1/2, R 1
    assert figures["matched_story_bcubed_precision"] == pytest.approx(0.5)
    assert figures["matched_story_bcubed_recall"] == 1.0
    # over all three the unmatched 1b/1 stands alone, which splits the Lombok cluster
    assert figures["story_bcubed_recall"] == pytest.approx((0.5 + 0.5 + 1) / 3)
    assert figures["mentions_matched"] == 2
    # the ceiling groups the two matched ones as gold (apart) and leaves 1b/1 alone: P 1, R 2/3
    assert figures["story_bcubed_f1_ceiling"] == pytest.approx(0.8)


def test_story_score_over_held_mentions_leaves_out_unpublished_events(tmp_path):
    (tmp_path / "ecbplus_docs.jsonl").write_text("\n".join(json.dumps(d) for d in DOCS))
    gold = load_gold(tmp_path)
    mentions = _mentions(tmp_path, gold)
    shook_a, shook_b, damaged = (m.span for m in mentions)
    # 1b's "shook" is matched by an event with no story (not published): it counts among the
    # matched mentions, alone, but not among the mentions a story holds
    events = [("1a", "e1", shook_a, "s1"), ("1b", "e2", shook_b, None), ("1c", "e3", damaged, "s2")]
    story_of, matched = match_mentions(mentions, events)
    result = Result(gold=gold, mentions=mentions, thread_of={}, story_of=story_of, matched=matched)
    figures = report(result, Console(file=io.StringIO()))
    assert figures["matched_story_bcubed_recall"] == pytest.approx((0.5 + 0.5 + 1) / 3)
    assert figures["held_story_bcubed_precision"] == figures["held_story_bcubed_recall"] == 1.0


def _mentions(folder, gold):
    (folder / "ecbplus_event_mentions.jsonl").write_text("\n".join(json.dumps(m) for m in MENTIONS))
    return load_mentions(folder, gold)


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "eval" / "ecbplus").exists(), reason="no ../shared/eval")
def test_ecbplus_full_set_keeps_its_level(pipeline):
    gold = load_gold(SHARED / "eval" / "ecbplus")
    mentions = load_mentions(SHARED / "eval" / "ecbplus", gold)
    figures = report(evaluate(gold, pipeline, mentions=mentions), Console(file=io.StringIO()))
    # stories hold published events only: since confidence is the learned probability of being
    # right (session 7) fewer are published, and story B3 over all mentions reads 0.299
    assert figures["thread_bcubed_f1"] >= 0.8 and figures["story_bcubed_f1"] >= 0.29


def _doc(doc: str, cluster: str) -> GoldDoc:
    return GoldDoc(doc=doc, topic=cluster.split("_")[0], subtopic=cluster, cluster_id=cluster, text="")


def test_thread_errors_count_mixes_and_splits_by_kind():
    docs = [_doc("a", "1_ecb"), _doc("b", "1_ecb"), _doc("c", "1_ecbplus"), _doc("d", "2_ecb"),
            _doc("e", "2_ecb"), _doc("f", "2_ecbplus")]
    # topic 1: one thread holds a, b and c (mixed, c the intruder); topic 2: d and e apart (split)
    predicted = {"a": "t1", "b": "t1", "c": "t1", "d": "t2", "e": "t3", "f": "t4"}
    assert thread_errors(predicted, docs) == {
        "topics_mixed": 1, "documents_with_the_other_event": 1, "events_split": 1, "documents_split_off": 1,
    }
    assert {name: [g.doc for g in part] for name, part in halves(docs).items()} == {
        "odd topics": ["a", "b", "c"], "even topics": ["d", "e", "f"]}
    result = Result(gold=docs, mentions=[], thread_of=predicted, story_of={})
    figures = report(result, Console(file=io.StringIO()))
    assert figures["odd_topics_kept_apart"] == 0.0 and figures["even_topics_kept_apart"] == 1.0
    assert figures["all_topics_mixed"] == 1 and figures["even_documents_split_off"] == 1
