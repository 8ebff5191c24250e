"""ECB+: do the stories put the documents that report one real-world event together?

Every document is coded by the pipeline and all their events are merged by
``dedup.merge_stories``. ECB+ gives no publication date, so articles carry none (``date:
None``, not a placeholder): an event is dated only when its text names an absolute date,
and undated mentions pass the date gate. A placeholder would ground "on Tuesday" in every
document to days of one invented week, splitting reports of one event at random.

Documents are clustered with the stories: two documents are as close as the share of
stories they both report (of the smaller one's stories), mixed (``STORY_WEIGHT``) with the
TF-IDF cosine of their texts, and joined by average-linkage clustering down to ``CUT``. The
stories alone are shown too ("main story": each document in the story that holds most of its
mentions): the pipeline codes a non-political document's events under scattered types, so
one document's events fall into several stories and that row is low on recall. All events
take part here (``min_confidence`` 0): many ECB+ documents (celebrities, sport, technology)
have no event at 0.5. Figures are pairwise and B-cubed precision/recall/F1 over documents
against ``cluster_id``, beside the trivial baselines (every document alone; one cluster per
topic, which merges the two different events of each topic).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from newsevents.dedup import DEFAULT_THRESHOLD, merge_stories
from newsevents.dedup.similarity import TermStats, terms
from newsevents.eval.metrics import ratio
from newsevents.eval.readers import read_jsonl
from newsevents.pipeline import Pipeline
from newsevents.records import Article, CodedArticle

DOCS = "ecbplus_docs.jsonl"
STORY_WEIGHT = 0.5  # share of the document affinity that comes from shared stories
CUT = 0.12  # average-linkage stops when no two clusters are closer than this


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc: str
    topic: str
    subtopic: str
    cluster_id: str
    text: str


@dataclass(slots=True)
class Result:
    gold: list[GoldDoc]
    predicted: dict[str, Hashable]  # document -> its cluster
    main_story: dict[str, Hashable] = field(default_factory=dict)  # document -> its main story
    stories: int = 0
    events: int = 0
    merged_events: int = 0
    threshold: float = DEFAULT_THRESHOLD
    alone: list[str] = field(default_factory=list)  # documents with no usable event


def load_gold(path: Path) -> list[GoldDoc]:
    """Read the documents from the folder (or the docs file) as the eval README describes."""
    file = path / DOCS if path.is_dir() else path
    rows = read_jsonl(file)
    return [
        GoldDoc(doc=str(r["doc"]), topic=str(r["topic"]), subtopic=str(r["subtopic"]),
                cluster_id=str(r["cluster_id"]), text=str(r["text"]))
        for r in rows
    ]


def articles(gold: Iterable[GoldDoc]) -> list[Article]:
    """The documents as undated articles (ECB+ gives no publication date)."""
    return [Article(id=g.doc, date=None, text=g.text) for g in gold]


def assign(coded: list[CodedArticle], stories: Iterable) -> tuple[dict[str, Hashable], list[str]]:
    """Put each document in the story holding most of its mentions (see the module docstring)."""
    story_of: dict[str, str] = {}
    reach: dict[str, int] = {}
    for story in stories:
        reach[story.id] = story.articles
        for mention in story.mentions:
            story_of[mention] = story.id
    predicted: dict[str, Hashable] = {}
    alone = []
    for item in coded:
        votes = Counter(story_of[e.id] for e in item.events if e.id in story_of)
        if votes:
            predicted[item.article.id] = max(votes, key=lambda s: (votes[s], reach[s]))
        else:
            predicted[item.article.id] = ("alone", item.article.id)
            alone.append(item.article.id)
    return predicted, alone


def _average_linkage(affinity: np.ndarray, cut: float) -> list[int]:
    """Cluster labels: repeatedly join the two closest clusters while they are >= ``cut``."""
    sim = affinity.astype(float).copy()
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(len(sim))
    label = list(range(len(sim)))
    while len(sim):
        i, j = np.unravel_index(int(np.argmax(sim)), sim.shape)
        if sim[i, j] < cut:
            break
        joined = (sim[i] * size[i] + sim[j] * size[j]) / (size[i] + size[j])
        sim[i, :] = sim[:, i] = joined
        sim[i, i] = sim[j, :] = sim[:, j] = -np.inf
        size[i] += size[j]
        label = [i if x == j else x for x in label]
    return label


def cluster_documents(coded: list[CodedArticle], stories: list, *, story_weight: float = STORY_WEIGHT,
                      cut: float = CUT) -> dict[str, Hashable]:
    """Documents joined by the stories they share and the words they share (see above)."""
    docs = [c.article.id for c in coded]
    row = {d: i for i, d in enumerate(docs)}
    shared = np.zeros((len(docs), len(stories)))
    for k, story in enumerate(stories):
        for source in story.sources:
            if source in row:
                shared[row[source], k] = 1.0
    counts = shared.sum(axis=1)
    smaller = np.maximum(np.minimum.outer(counts, counts), 1.0)
    stats = TermStats()
    counted = [terms(c.article.text) for c in coded]
    for counts_of in counted:
        stats.add(counts_of)
    vectors = [stats.vector(c) for c in counted]
    vocabulary: dict[str, int] = {}
    for vector in vectors:
        for term in vector:
            vocabulary.setdefault(term, len(vocabulary))
    matrix = np.zeros((len(docs), len(vocabulary)))
    for i, vector in enumerate(vectors):
        for term, value in vector.items():
            matrix[i, vocabulary[term]] = value
    affinity = story_weight * (shared @ shared.T) / smaller + (1 - story_weight) * (matrix @ matrix.T)
    labels = _average_linkage(affinity, cut)
    return {d: ("doc-cluster", labels[i]) for i, d in enumerate(docs)}


def evaluate(
    gold: list[GoldDoc],
    pipeline: Pipeline | None = None,
    *,
    coded: list[CodedArticle] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    min_confidence: float = 0.0,
    story_weight: float = STORY_WEIGHT,
    cut: float = CUT,
) -> Result:
    """Code the documents (or take ``coded``), merge their events and cluster the documents."""
    if coded is None:
        coded = list((pipeline or Pipeline()).extract(articles(gold)))
    stories = merge_stories(coded, threshold=threshold, min_confidence=min_confidence)
    main_story, alone = assign(coded, stories)
    predicted = cluster_documents(coded, stories, story_weight=story_weight, cut=cut)
    merged = sum(len(s.mentions) for s in stories)
    return Result(
        gold=gold, predicted=predicted, main_story=main_story, stories=len(stories), threshold=threshold,
        alone=alone,
        events=sum(len(c.events) for c in coded), merged_events=merged,
    )


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the items of ``gold``."""
    items = list(gold)
    if not items:
        return 0.0, 0.0, 0.0
    pred_members: dict[Hashable, set[str]] = defaultdict(set)
    gold_members: dict[Hashable, set[str]] = defaultdict(set)
    for item in items:
        pred_members[predicted.get(item, ("alone", item))].add(item)
        gold_members[gold[item]].add(item)
    precision = recall = 0.0
    for item in items:
        ours = pred_members[predicted.get(item, ("alone", item))]
        theirs = gold_members[gold[item]]
        both = len(ours & theirs)
        precision += both / len(ours)
        recall += both / len(theirs)
    p, r = precision / len(items), recall / len(items)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def pairwise(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the document pairs put in one cluster."""

    def pairs(labels: Mapping[str, Hashable]) -> set[tuple[str, str]]:
        members: dict[Hashable, list[str]] = defaultdict(list)
        for item in gold:
            members[labels.get(item, ("alone", item))].append(item)
        return {(a, b) for group in members.values() for i, a in enumerate(sorted(group))
                for b in sorted(group)[i + 1:]}

    ours, theirs = pairs(predicted), pairs(gold)
    both = len(ours & theirs)
    p, r = ratio(both, len(ours)), ratio(both, len(theirs))
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _topics_kept_apart(predicted: Mapping[str, Hashable], docs: list[GoldDoc]) -> float:
    """Share of topics where no predicted cluster mixes the topic's two events."""
    mixed: dict[str, bool] = defaultdict(bool)
    clusters: dict[Hashable, set[str]] = defaultdict(set)
    for g in docs:
        clusters[predicted.get(g.doc, ("alone", g.doc))].add(g.cluster_id)
    cluster_of = {g.doc: predicted.get(g.doc, ("alone", g.doc)) for g in docs}
    for g in docs:
        mixed[g.topic] |= len(clusters[cluster_of[g.doc]]) > 1
    return ratio(sum(not m for m in mixed.values()), len(mixed))


def report(result: Result, console: Console) -> dict[str, float]:
    """Print the figures, with the trivial baselines, and return them."""
    gold = {g.doc: g.cluster_id for g in result.gold}
    rows = {
        "newsevents: documents by stories + text": result.predicted,
        "newsevents: main story only": result.main_story,
        "baseline: every document alone": {g.doc: g.doc for g in result.gold},
        "baseline: one cluster per topic": {g.doc: g.topic for g in result.gold},
    }
    table = Table(title=f"ECB+: documents clustered by story (threshold {result.threshold:g})")
    for column in ("clustering", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1", "clusters"):
        table.add_column(column, justify="left" if column == "clustering" else "right")
    figures: dict[str, float] = {
        "documents": len(result.gold), "gold_clusters": len(set(gold.values())),
        "stories": result.stories, "events": result.events, "merged_events": result.merged_events,
        "documents_alone": len(result.alone),
    }
    for name, predicted in rows.items():
        b3 = bcubed(predicted, gold)
        pw = pairwise(predicted, gold)
        clusters = len({predicted.get(d, ("alone", d)) for d in gold})
        table.add_row(name, *(f"{v:.3f}" for v in (*b3, *pw)), str(clusters))
        if predicted is result.predicted:
            figures.update({
                "bcubed_precision": b3[0], "bcubed_recall": b3[1], "bcubed_f1": b3[2],
                "pairwise_precision": pw[0], "pairwise_recall": pw[1], "pairwise_f1": pw[2],
                "clusters": clusters,
                "topics_kept_apart": _topics_kept_apart(predicted, result.gold),
            })
    console.print(table)
    console.print(
        f"{figures['stories']} stories from {figures['merged_events']} usable of {figures['events']} events; "
        f"{figures['documents_alone']} documents with no usable event; "
        f"topics whose two events no cluster mixes: {figures['topics_kept_apart']:.3f}"
    )
    return figures
