"""Events we leave without a doer though the gold names one, on the DEV news gold set (developers only).

An empty actor weighs an event's confidence down (scoring.py ``actor_none``), so a right event
coded without its doer rarely publishes. This lists every extracted event, neither negated nor
hypothetical, that matches a gold event (newsevents.eval.news.match) in type and has no actor
while the gold has one: where the gold doer stands (the same sentence, an earlier or a later
one), the trigger's dependency label and head, whether the gold event is found by some published
event anyway, and its draw round. A summary counts them by place and by round. DEV only: TEST
is for reported figures, never for finding rules.

Tried on this list and dropped, as each lowered the held-out pooled row of train_confidence.py
(458 published, type+actor 0.721, gold recall 0.358, log loss 0.336): a noun that refers back
("the bombing", as retold_dates.refers_back) taking the doer of the last telling of its type
(+15 published, 10 of them second records of a gold event already found, 5 of none; none new;
pooled log loss 0.343), the same from stated doers only (+8; 0.341); an act done to the person an
earlier act of its type was done to by a stated doer taking that doer (+4, all second records;
gold recall 0.349); the subject of a verbal act kept as doer with no sector or country ("some
groups denounced", +3/-1 published; 0.341-0.344). A retold act is almost always found already
through its first telling: a doer makes its retelling a second record, not a new find.

    PYTHONPATH=src python scripts/doerless_gold.py [--eval-dir DIR] [--where same|earlier|later]
"""

from __future__ import annotations

import argparse
import bisect
from collections import Counter
from pathlib import Path
from typing import Any

from missed_gold import coded_docs
from spacy.tokens import Doc
from train_confidence import ROUNDS, batches, dev_articles

from newsevents.eval import news
from newsevents.eval.news_texts import eval_dir_or_exit
from newsevents.extract.coding import doc_sentences, head_at
from newsevents.pipeline import Pipeline
from newsevents.records import Event


def _where(doc: Doc, event: Event, gold: dict[str, Any]) -> str:
    """Where the gold doer stands from the event's sentence: same, earlier or later."""
    starts = [s.start_char for s in doc_sentences(doc)]
    own = bisect.bisect_right(starts, event.trigger.span[0])
    doers = [bisect.bisect_right(starts, a["span"]["start"]) for a in gold["actor"]]
    return "same" if own in doers else "earlier" if min(doers) < own else "later"


def doerless(folder: Path) -> list[tuple[str, str, str, bool, str]]:
    """(where, round, article id, gold found anyway, description) for every right-typed
    doerless DEV event."""
    batch = batches()
    found = []
    for item, doc, events in coded_docs(dev_articles(folder), Pipeline()):
        golds = item.gold["events"]
        hit = {id(news.match(e, golds)) for e in events if e.is_published()}
        for event in events:
            gold = news.match(event, golds)
            if (event.negated or event.hypothetical or event.actor or gold is None
                    or event.event_type not in news._types(gold) or not gold.get("actor")):
                continue
            token = head_at(doc, event.trigger.span)
            parse = f"{token.dep_}/{token.tag_} of {token.head.text!r}" if token is not None else "-"
            doers = ", ".join(repr(a["span"]["text"]) for a in gold["actor"])
            start, end = event.sentence.span
            text = item.text.text[start:end].replace("\n", " ")[:160]
            what = (f"{event.event_type} {event.trigger.text!r} conf {event.confidence} {parse} | "
                    f"gold doer {doers}\n      {text}")
            found.append((_where(doc, event, gold), ROUNDS[batch[item.text.article_id]],
                          item.text.article_id, id(gold) in hit, what))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=None, help="the shared eval folder")
    parser.add_argument("--where", default=None, help="print only events whose gold doer stands so")
    args = parser.parse_args()
    folder = eval_dir_or_exit(args.eval_dir)
    found = doerless(folder)
    for where, name, article_id, hit, what in sorted(found):
        if args.where is None or where == args.where:
            state = "found anyway" if hit else "not found"
            print(f"[{where}] {name} {article_id} ({state}): {what}")
    print()
    for where, count in Counter(f[0] for f in found).most_common():
        print(f"{count:4d}  gold doer in the {where} sentence")
    print(f"{sum(not f[3] for f in found):4d}  of them for gold events no published event finds")
    print(f"{len(found):4d}  doerless events of the right type in "
          f"{len({f[2] for f in found})} articles, {len({f[1] for f in found})} rounds")


if __name__ == "__main__":
    main()
