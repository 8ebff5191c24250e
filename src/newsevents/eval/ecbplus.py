"""ECB+: does the store keep one record per real event, as a user would see it?

The documents are coded by the pipeline and stored through the product's own ingest path
(``pipeline.ingest_coded``: batches of ``batch_size`` as a feed would deliver them, stories
merged inside each batch's transaction). ECB+ gives no publication date, so articles carry
none (``date: None``, not a placeholder: it would ground "on Tuesday" in every document to
days of one invented week) and arrive in document order, or in a seeded shuffle (``seed``).
Only what the store then holds is scored:

- threads: each document's stored thread, B-cubed over documents against ``cluster_id``,
  and the share of topics whose two real events (subtopics) no thread mixes;
- stories: each annotated event mention (ecbplus_event_mentions.jsonl) is mapped to the
  stored event whose trigger overlaps it, and takes that event's story; B-cubed over the
  mentions against their ``cluster``. A mention no stored event's trigger overlaps, or whose
  event has no story (a low-confidence or negated event), stands alone: that is what a user
  sees of it. The share of mentions matched is printed beside the score, and the same score
  over the matched mentions only: ECB+ annotates every action, we code political acts only, so
  the first figure mixes what we group with what we never code; the second is how well what
  we code is grouped. A row shows the ceiling of the first: every matched mention in its gold
  cluster, the rest alone; only coding more of the annotated actions can lift it. A third
  scores the mentions a stored story holds (those a published event matches), how well what a
  user sees is grouped, with no unpublished mention standing alone in it.

The threads are also scored on two fixed halves of the topics (odd and even topic numbers:
tune on one, report the other beside it), with their errors by kind: topics a thread mixes,
events spread over several threads, documents outside their event's largest thread.

Trivial baselines are shown beside them: every item alone; one cluster per topic (which merges
the two different events of each topic); for mentions, same lower-cased words within a topic.
"""

from __future__ import annotations

import random
import tempfile
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsevents.eval.metrics import ratio
from newsevents.eval.readers import read_jsonl
from newsevents.pipeline import Pipeline, ingest_coded
from newsevents.records import Article, CodedArticle, Span
from newsevents.store import Store

DOCS = "ecbplus_docs.jsonl"
MENTIONS = "ecbplus_event_mentions.jsonl"
BATCH_SIZE = 64


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc: str
    topic: str
    subtopic: str
    cluster_id: str
    text: str


@dataclass(frozen=True, slots=True)
class GoldMention:
    key: str  # doc/m_id
    doc: str
    topic: str
    span: Span  # characters of the document's text, first token's start to last token's end
    text: str
    cluster: str


@dataclass(slots=True)
class Result:
    gold: list[GoldDoc]
    mentions: list[GoldMention]
    thread_of: dict[str, Hashable]  # document -> its stored thread
    story_of: dict[str, Hashable]  # mention key -> the story of the stored event it matched
    matched: frozenset[str] = frozenset()  # keys of the mentions some stored event's trigger overlaps
    stories: int = 0
    threads: int = 0
    events: int = 0
    order: str = "document order"
    batch_size: int = BATCH_SIZE
    extra: dict[str, float] = field(default_factory=dict)


def _rows(path: Path, name: str) -> list[dict]:
    return read_jsonl(path / name if path.is_dir() else path)


def load_gold(path: Path) -> list[GoldDoc]:
    """Read the documents from the folder (or the docs file) as the eval README describes."""
    return [
        GoldDoc(doc=str(r["doc"]), topic=str(r["topic"]), subtopic=str(r["subtopic"]),
                cluster_id=str(r["cluster_id"]), text=str(r["text"]))
        for r in _rows(path, DOCS)
    ]


def _token_spans(text: str) -> list[Span]:
    """Character spans of the tokens of an ECB+ text (tokens joined by spaces, sentences by lines)."""
    spans, pos = [], 0
    for line in text.split("\n"):
        for token in line.split(" "):
            spans.append((pos, pos + len(token)))
            pos += len(token) + 1
    return spans


def load_mentions(path: Path, docs: Iterable[GoldDoc]) -> list[GoldMention]:
    """The annotated event mentions with character spans; none when the folder lacks the file."""
    if not path.is_dir() or not (path / MENTIONS).exists():
        return []
    by_doc = {d.doc: d for d in docs}
    spans = {d.doc: _token_spans(d.text) for d in by_doc.values()}
    found = []
    for r in _rows(path, MENTIONS):
        doc = by_doc.get(str(r["doc"]))
        tokens = [spans[doc.doc][i - 1] for i in r["tokens"] if 0 < i <= len(spans[doc.doc])] if doc else []
        if doc is None or not tokens:
            continue
        found.append(GoldMention(key=f"{doc.doc}/{r['m_id']}", doc=doc.doc, topic=doc.topic,
                                 span=(tokens[0][0], tokens[-1][1]), text=str(r["text"]),
                                 cluster=str(r["cluster"])))
    return found


def articles(gold: Iterable[GoldDoc]) -> list[Article]:
    """The documents as undated articles (ECB+ gives no publication date)."""
    return [Article(id=g.doc, date=None, text=g.text) for g in gold]


def arrival(coded: list[CodedArticle], seed: int | None) -> list[CodedArticle]:
    """The order a feed delivers them in: by publication date where there is one (undated
    last), and otherwise in document order or a seeded shuffle."""
    ordered = list(coded)
    if seed is not None:
        random.Random(seed).shuffle(ordered)
    return sorted(ordered, key=lambda c: (c.article.date is None, c.article.date or date.min))


def _stored(store: Store) -> tuple[dict[str, Hashable], list[tuple[str, str, Span, str | None]]]:
    """Each article's stored thread, and each stored event's (article, id, trigger span, story)."""
    threads = store.sql("SELECT article_id, thread_id FROM article_threads")
    rows = store.sql(
        "SELECT article_id, id, CAST(record->'$.trigger.span' AS INTEGER[]) AS span, story_id FROM events"
    )
    events = [(a, e, (int(s[0]), int(s[1])), st) for a, e, s, st in rows.itertuples(index=False)]
    return dict(threads.itertuples(index=False)), events


def match_mentions(
    mentions: Iterable[GoldMention], events: Iterable[tuple[str, str, Span, str | None]]
) -> tuple[dict[str, Hashable], frozenset[str]]:
    """Each mention's story (through the stored event whose trigger overlaps it) and the keys
    of the mentions an event matched; mentions left out of the dict stand alone."""
    by_doc: dict[str, list[tuple[Span, str | None]]] = defaultdict(list)
    for article, _, span, story in events:
        by_doc[article].append((span, story))
    story_of: dict[str, Hashable] = {}
    matched: set[str] = set()
    for m in mentions:
        hits = [story for (start, end), story in by_doc.get(m.doc, [])
                if start < m.span[1] and m.span[0] < end]
        if hits:
            matched.add(m.key)
        stories = [s for s in hits if isinstance(s, str)]
        if stories:
            story_of[m.key] = stories[0]
    return story_of, frozenset(matched)


def evaluate(
    gold: list[GoldDoc],
    pipeline: Pipeline | None = None,
    *,
    mentions: list[GoldMention] | None = None,
    coded: list[CodedArticle] | None = None,
    seed: int | None = None,
    batch_size: int = BATCH_SIZE,
) -> Result:
    """Code the documents (or take ``coded``), ingest them into a fresh store, read it back."""
    if coded is None:
        coded = list((pipeline or Pipeline()).extract(articles(gold)))
    with tempfile.TemporaryDirectory(prefix="newsevents-ecbplus-") as tmp, \
            Store(Path(tmp) / "ecb.duckdb") as store:
        ingest_coded(arrival(coded, seed), store, batch_size=batch_size)
        thread_of, events = _stored(store)
        counts = store.counts()
    story_of, matched = match_mentions(mentions or [], events)
    return Result(
        gold=gold, mentions=mentions or [], thread_of=thread_of, story_of=story_of, matched=matched,
        stories=counts["stories"], threads=len(set(thread_of.values())), events=counts["events"],
        order="document order" if seed is None else f"shuffled (seed {seed})", batch_size=batch_size,
    )


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the items of ``gold`` (an item not in
    ``predicted`` is alone)."""
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


def topics_kept_apart(predicted: Mapping[str, Hashable], docs: list[GoldDoc]) -> float:
    """Share of topics where no predicted cluster mixes the topic's two events."""
    clusters: dict[Hashable, set[str]] = defaultdict(set)
    for g in docs:
        clusters[predicted.get(g.doc, ("alone", g.doc))].add(g.cluster_id)
    mixed: dict[str, bool] = defaultdict(bool)
    for g in docs:
        mixed[g.topic] |= len(clusters[predicted.get(g.doc, ("alone", g.doc))]) > 1
    return ratio(sum(not m for m in mixed.values()), len(mixed))


def thread_errors(predicted: Mapping[str, Hashable], docs: list[GoldDoc]) -> dict[str, int]:
    """Where the threads go wrong, by kind: topics whose two events one thread mixes (and how
    many documents sit in a thread with the other event's majority), events spread over more
    than one thread, and documents outside their event's largest thread (the splits)."""
    by_thread: dict[Hashable, Counter[str]] = defaultdict(Counter)
    for g in docs:
        by_thread[predicted.get(g.doc, ("alone", g.doc))][g.cluster_id] += 1
    mixed_topics: set[str] = set()
    intruders = 0
    pieces: dict[str, list[int]] = defaultdict(list)
    topic_of = {g.cluster_id: g.topic for g in docs}
    for clusters in by_thread.values():
        if len(clusters) > 1:
            mixed_topics.update(topic_of[c] for c in clusters)
            intruders += sum(clusters.values()) - max(clusters.values())
        for cluster, n in clusters.items():
            pieces[cluster].append(n)
    return {
        "topics_mixed": len(mixed_topics),
        "documents_with_the_other_event": intruders,
        "events_split": sum(len(p) > 1 for p in pieces.values()),
        "documents_split_off": sum(sum(p) - max(p) for p in pieces.values()),
    }


def halves(docs: list[GoldDoc]) -> dict[str, list[GoldDoc]]:
    """The topics split in two fixed halves (odd and even topic numbers): tune on one, and
    report the other beside it to see a change generalise."""
    found: dict[str, list[GoldDoc]] = {"odd topics": [], "even topics": []}
    for g in docs:
        if g.topic.isdigit():
            found["odd topics" if int(g.topic) % 2 else "even topics"].append(g)
    return {name: part for name, part in found.items() if part}


def _halves_table(result: Result, console: Console) -> dict[str, float]:
    table = Table(title="ECB+ stored threads by half of the topics, and their errors")
    for column in ("topics", "B3 P", "B3 R", "B3 F1", "kept apart", "mixed", "split", "split off"):
        table.add_column(column, justify="left" if column == "topics" else "right")
    figures: dict[str, float] = {}
    for name, part in {**halves(result.gold), "all topics": result.gold}.items():
        p, r, f = bcubed(result.thread_of, {g.doc: g.cluster_id for g in part})
        apart = topics_kept_apart(result.thread_of, part)
        errors = thread_errors(result.thread_of, part)
        table.add_row(name, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", f"{apart:.3f}", str(errors["topics_mixed"]),
                      str(errors["events_split"]), str(errors["documents_split_off"]))
        key = name.split()[0]
        figures.update({f"{key}_thread_bcubed_f1": f, f"{key}_topics_kept_apart": apart,
                        **{f"{key}_{k}": v for k, v in errors.items()}})
    console.print(table)
    return figures


def _table(title: str, rows: Mapping[str, Mapping[str, Hashable]], gold: Mapping[str, Hashable],
           console: Console) -> dict[str, tuple[float, float, float]]:
    table = Table(title=title)
    for column in ("clustering", "B3 P", "B3 R", "B3 F1", "clusters"):
        table.add_column(column, justify="left" if column == "clustering" else "right")
    scores = {}
    for name, predicted in rows.items():
        scores[name] = bcubed(predicted, gold)
        clusters = len({predicted.get(d, ("alone", d)) for d in gold})
        table.add_row(name, *(f"{v:.3f}" for v in scores[name]), str(clusters))
    console.print(table)
    return scores


def report(result: Result, console: Console) -> dict[str, float]:
    """Print the figures, with the trivial baselines, and return them."""
    docs = {g.doc: g.cluster_id for g in result.gold}
    threads = _table(
        f"ECB+ threads over documents (stored, batches of {result.batch_size}, {result.order})",
        {"newsevents: stored threads": result.thread_of,
         "baseline: every document alone": {d: d for d in docs},
         "baseline: one cluster per topic": {g.doc: g.topic for g in result.gold}},
        docs, console,
    )
    figures: dict[str, float] = {
        "documents": len(result.gold), "gold_clusters": len(set(docs.values())), "threads": result.threads,
        "stories": result.stories, "events": result.events,
        "thread_bcubed_f1": threads["newsevents: stored threads"][2],
        "topics_kept_apart": topics_kept_apart(result.thread_of, result.gold),
        **_halves_table(result, console),
    }
    if result.mentions:
        gold_mentions = {m.key: m.cluster for m in result.mentions}
        stories = _table(
            "ECB+ stories over annotated event mentions (an unmatched mention stands alone)",
            {"newsevents: stored stories": result.story_of,
             "baseline: every mention alone": {k: k for k in gold_mentions},
             "baseline: same words within a topic": {m.key: (m.topic, m.text.lower())
                                                     for m in result.mentions},
             "ceiling: the matched mentions grouped as gold": {k: gold_mentions[k] for k in result.matched}},
            gold_mentions, console,
        )
        p, r, f = stories["newsevents: stored stories"]
        matched = {k: c for k, c in gold_mentions.items() if k in result.matched}
        mp, mr, mf = _table(
            "ECB+ stories over the annotated mentions a stored event matches",
            {"newsevents: stored stories": result.story_of}, matched, console,
        )["newsevents: stored stories"]
        held = {k: c for k, c in gold_mentions.items() if k in result.story_of}
        hp, hr, hf = _table(
            "ECB+ stories over the annotated mentions a stored story holds",
            {"newsevents: stored stories": result.story_of}, held, console,
        )["newsevents: stored stories"]
        figures.update({
            "held_story_bcubed_precision": hp, "held_story_bcubed_recall": hr, "held_story_bcubed_f1": hf,
            "mentions": len(result.mentions), "mentions_matched": len(result.matched),
            "mentions_in_stories": len(result.story_of),
            "story_bcubed_precision": p, "story_bcubed_recall": r, "story_bcubed_f1": f,
            "story_bcubed_f1_ceiling": stories["ceiling: the matched mentions grouped as gold"][2],
            "matched_story_bcubed_precision": mp, "matched_story_bcubed_recall": mr,
            "matched_story_bcubed_f1": mf,
        })
    console.print(
        f"{figures['threads']} threads and {figures['stories']} stories from {figures['events']} events; "
        f"topics whose two events no thread mixes: {figures['topics_kept_apart']:.3f}"
    )
    if result.mentions:
        console.print(
            f"annotated mentions: {figures['mentions']}, a stored event's trigger overlaps "
            f"{figures['mentions_matched']} ({ratio(len(result.matched), len(result.mentions)):.3f}), "
            f"in a story {figures['mentions_in_stories']}; story B3 F1 over all mentions "
            f"{figures['story_bcubed_f1']:.3f} (at most {figures['story_bcubed_f1_ceiling']:.3f} with these "
            f"matches, however grouped), over the matched ones "
            f"{figures['matched_story_bcubed_f1']:.3f}, over those in a story "
            f"{figures['held_story_bcubed_f1']:.3f}"
        )
    return figures
