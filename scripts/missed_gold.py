"""Why gold events are missed, by kind, on the DEV news gold set (developers only).

``newsevents eval news`` counts a gold event found when a published event matches it
(newsevents.eval.news.match). For every DEV gold event that no published event matches, this
says what we did at its trigger (or ``also`` spans): an event extracted there, with its type,
confidence, negated/hypothetical/future flags, off-topic reason and what its confidence weighed
(coding.Evidence); else the trigger words' lemmas and whether triggers.tsv has a sense for them
(one whose object or particle did not match, or none). A summary counts the misses by kind.
DEV only, and not its held-out rounds (train_confidence.UNANNOTATED): TEST is for reported
figures, never for finding rules.

    PYTHONPATH=src python scripts/missed_gold.py [--eval-dir DIR] [--kind KIND]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc
from train_confidence import dev_articles

from newsevents.eval import news
from newsevents.eval.news_texts import eval_dir_or_exit
from newsevents.extract import coding
from newsevents.extract.events import EventExtractor
from newsevents.extract.triggers import _coarse_pos
from newsevents.ontology import Ontology
from newsevents.pipeline import Pipeline
from newsevents.records import Article, Event

EVIDENCE: dict[str, coding.Evidence] = {}  # event id -> what its confidence weighed
_run = EventExtractor.run


def _run_keeping_evidence(self: EventExtractor) -> list[Event]:
    """``EventExtractor.run`` that keeps each event's evidence for the report."""
    events = _run(self)
    EVIDENCE.update(self.evidence)
    return events


def _kind(event: Event, gold: dict[str, Any]) -> str:
    """Why an event at the gold trigger is not a match: the first reason that holds."""
    if event.negated:
        return "negated"
    if event.hypothetical:
        return "hypothetical"
    if event.off_topic:
        return "off-topic"
    if event.confidence < 0.5:
        right = event.event_type in news._types(gold)
        return "low confidence, right type" if right else "low confidence, other type"
    return "published, matched another gold event"


def _describe(event: Event) -> str:
    evidence = EVIDENCE.get(event.id)
    weighed = (f"prior {evidence.prior} bg {evidence.background} coop {evidence.cooperative} "
               f"req_rcpt {evidence.requires_recipient}") if evidence else "-"
    actors = ", ".join(f"{a.text}/{a.country}/{a.sector}{'/inferred' if a.inferred else ''}"
                       for a in event.actor) or "-"
    recipients = ", ".join(f"{a.text}/{a.country}" for a in event.recipient) or "-"
    flags = "".join(f" {name}" for name in ("negated", "hypothetical", "future")
                    if getattr(event, name))
    off = f" off_topic={event.off_topic}" if event.off_topic else ""
    return (f"{event.event_type} {event.trigger.text!r} conf {event.confidence}{flags}{off} | "
            f"actor {actors} | recipient {recipients} | {weighed}")


def _lexicon(doc: Doc, spans: list[dict[str, Any]], ontology: Ontology) -> tuple[str, str]:
    """(kind, words): whether triggers.tsv has a sense for a word of the gold trigger spans."""
    words, kind = [], "not in triggers.tsv"
    for span in spans:
        for tok in doc.char_span(span["start"], span["end"], alignment_mode="expand") or []:
            pos = _coarse_pos(tok)
            senses = ontology.triggers.get((tok.lemma_.lower(), pos or ""), [])
            count = f"[{len(senses)} senses]" if senses else ""
            words.append(f"{tok.lemma_}/{tok.pos_}/{tok.dep_}{count}")
            if senses:
                kind = "in triggers.tsv, no sense matched"
    return kind, " ".join(words)


def coded_docs(
    articles: list[news.GoldArticle], pipeline: Pipeline
) -> Iterator[tuple[news.GoldArticle, Doc, list[Event]]]:
    """Each gold article with its parse and the events coded from it (``news._coded`` without
    the parse): the developer scripts read the parse beside the events."""
    inputs = [Article(id=a.text.article_id, date=a.text.date, text=a.text.text, title=a.text.title)
              for a in articles]
    step = lambda doc, article: (doc, pipeline._code(doc, article, quotes=False).events)  # noqa: E731
    for item, (_, (doc, events)) in zip(articles, pipeline.each(inputs, step), strict=True):
        yield item, doc, events


def missed(folder: Path) -> list[tuple[str, str, dict[str, Any], str]]:
    """(kind, article id, gold event, what we did) for every DEV gold event not found."""
    EventExtractor.run = _run_keeping_evidence  # type: ignore[method-assign]
    pipeline = Pipeline()
    found = []
    for item, doc, events in coded_docs(dev_articles(folder), pipeline):
        gold_events = item.gold["events"]
        hit = {id(news.match(e, gold_events)) for e in events if e.is_published()}
        for gold in gold_events:
            if id(gold) in hit:
                continue
            spans = news._triggers(gold)
            at = [e for e in events if any(news._overlaps(e.trigger.span, s) for s in spans)]
            if at:
                kind = min((_kind(e, gold) for e in at), key=lambda k: k.startswith("published"))
                what = " || ".join(_describe(e) for e in at)
            else:
                kind, what = _lexicon(doc, spans, pipeline.ontology)
            start, end = gold["trigger"]["start"], gold["trigger"]["end"]
            context = item.text.text[max(0, start - 90):end + 60].replace("\n", " ")
            found.append((kind, item.text.article_id, gold, f"{what}\n      ...{context}..."))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=None, help="the shared eval folder")
    parser.add_argument("--kind", default=None, help="print only misses whose kind starts so")
    args = parser.parse_args()
    folder = eval_dir_or_exit(args.eval_dir)
    found = missed(folder)
    for kind, article_id, gold, what in sorted(found, key=lambda f: f[0]):
        if args.kind and not kind.startswith(args.kind):
            continue
        print(f"[{kind}] {article_id}: gold {gold['type']} {gold['trigger']['text']!r} -> {what}")
    print()
    for kind, count in Counter(f[0] for f in found).most_common():
        print(f"{count:4d}  {kind}")
    print(f"{len(found):4d}  gold events not found")


if __name__ == "__main__":
    main()
