"""The PLOVER gold standard records: event type, actor and recipient coding.

The set was coded against an older PLOVER draft; its labels are mapped as its
README says (DEMAND -> REQUEST, DISAPPROVE -> ACCUSE/disapprove, INVESTIGATE ->
ACCUSE/investigate, FIGHT -> ASSAULT; the DOCUMENT record is dropped). Each
sentence is coded alone; the event we score is its main one
(records.main_event). Records marked SRC/TAR are reciprocal: either direction is right.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsevents.eval.metrics import Counts, ratio
from newsevents.eval.tables import counts_table, figures_table
from newsevents.pipeline import Pipeline
from newsevents.records import EVENT_TYPES, Event, main_event

FILE = "PLOVER_GSR_CAMEO.txt"
PLACEHOLDER_DATE = "2000-01-01"
LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
BINS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 1.01))


def _legacy_codes() -> dict[str, str]:
    path = Path(__file__).parent / "data" / "legacy_codes.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((r for r in handle if not r.startswith("#")), delimiter="\t")
        return {row["legacy"]: row["iso3"] for row in rows}


@dataclass(slots=True)
class GoldRecord:
    id: str
    text: str
    event_type: str
    actors: list[tuple[str, str | None]]
    recipients: list[tuple[str, str | None]]
    reciprocal: bool


@dataclass(slots=True)
class Result:
    records: list[tuple[GoldRecord, Event | None]] = field(default_factory=list)


def _entities(value: object, codes: dict[str, str]) -> list[tuple[str, str | None]]:
    if not isinstance(value, list):
        return []
    found = []
    for item in value:
        if isinstance(item, dict) and item.get("code"):
            code = str(item["code"]).upper()
            sector = str(item.get("sector") or "")[:3].upper()
            found.append((codes.get(code, code), sector if sector.isalpha() else None))
    return found


def load_gold(path: Path) -> list[GoldRecord]:
    """Read the gold records from the folder (or file) as the eval README describes."""
    file = path / FILE if path.is_dir() else path
    data = json.loads(file.read_text(encoding="utf-8"))
    codes = _legacy_codes()
    gold = []
    for record in data:
        label = record.get("event")
        if label == "DOCUMENT" or not record.get("text"):
            continue
        info = record.get("textInfo")
        markup = str(info.get("markup", "")) if isinstance(info, dict) else str(info or "")
        gold.append(GoldRecord(
            id=record["id"], text=record["text"], event_type=LABELS.get(label, label),
            actors=_entities(record.get("source"), codes),
            recipients=_entities(record.get("target"), codes),
            reciprocal="SRC/TAR" in markup,
        ))
    return gold


def evaluate(gold: list[GoldRecord], pipeline: Pipeline) -> Result:
    """Code every gold sentence and keep our main event beside it."""
    result = Result()
    for record in gold:
        events = pipeline.extract_text(record.text, date=PLACEHOLDER_DATE, id=record.id)
        best = main_event(events)
        result.records.append((record, best))
    return result


def _countries(actors: list) -> set[str]:
    return {a.country for a in actors if a.country}


def report(result: Result, console: Console, *, show_errors: bool = False) -> dict[str, float]:
    """Print the figures and return them."""
    total = len(result.records)
    covered = sum(1 for _, event in result.records if event is not None)
    correct = sum(1 for g, e in result.records if e is not None and e.event_type == g.event_type)
    per_type = {t: Counts() for t in EVENT_TYPES}
    actor_f1, recipient_f1 = Counts(), Counts()
    sector_hits = sector_total = 0
    bins = Counter[tuple[int, bool]]()
    for gold, event in result.records:
        predicted = event.event_type if event else None
        for name, counts in per_type.items():
            counts.add_sets([name] if predicted == name else [], [name] if gold.event_type == name else [])
        pred_actor = _countries(event.actor) if event else set()
        pred_recipient = _countries(event.recipient) if event else set()
        gold_actor = {c for c, _ in gold.actors}
        gold_recipient = {c for c, _ in gold.recipients}
        if gold.reciprocal:
            both = pred_actor | pred_recipient
            actor_f1.add_sets(both, gold_actor | gold_recipient)
        else:
            actor_f1.add_sets(pred_actor, gold_actor)
            recipient_f1.add_sets(pred_recipient, gold_recipient)
        pairs = [(gold.actors, event.actor if event else []),
                 (gold.recipients, event.recipient if event else [])]
        if gold.reciprocal:
            pairs = [(gold.actors + gold.recipients, pairs[0][1] + pairs[1][1])]
        for gold_side, predicted_side in pairs:  # sectors compared within a role
            for country, sector in gold_side:
                matches = [a.sector for a in predicted_side if a.country == country]
                if sector and matches:
                    sector_total += 1
                    sector_hits += sector in matches
        if event is not None:
            band = next(i for i, (lo, hi) in enumerate(BINS) if lo <= event.confidence < hi)
            bins[(band, predicted == gold.event_type)] += 1
        if show_errors and predicted != gold.event_type:
            trigger = event.trigger.text if event else "-"
            console.print(f"[dim]{gold.id}[/dim] gold {gold.event_type} got {predicted} "
                          f"({trigger}): {gold.text}")
    macro = [per_type[t].f1 for t in EVENT_TYPES if per_type[t].tp + per_type[t].fn]
    published = sum(bins[(i, ok)] for i in (2, 3) for ok in (True, False))
    figures = {
        "sentences": total,
        "coverage": ratio(covered, total),
        "type_accuracy": ratio(correct, total),
        "type_macro_f1": sum(macro) / len(macro) if macro else 0.0,
        "actor_country_f1": actor_f1.f1,
        "actor_country_precision": actor_f1.precision,
        "actor_country_recall": actor_f1.recall,
        "recipient_country_f1": recipient_f1.f1,
        "recipient_country_precision": recipient_f1.precision,
        "recipient_country_recall": recipient_f1.recall,
        "sector_accuracy": ratio(sector_hits, sector_total),
        "precision_at_0.5": ratio(bins[(2, True)] + bins[(3, True)], published),
        "coverage_at_0.5": ratio(published, total),
    }
    console.print(figures_table("PLOVER GSR: summary", figures))
    console.print(counts_table("per event type", "type", {name: per_type[name] for name in EVENT_TYPES}))
    calibration = Table(title="confidence calibration (type right among events in band)")
    for column in ("confidence", "events", "type right"):
        calibration.add_column(column, justify="right")
    for i, (lo, hi) in enumerate(BINS):
        n = bins[(i, True)] + bins[(i, False)]
        calibration.add_row(f"[{lo:.1f}, {min(hi, 1.0):.1f})", str(n),
                            f"{ratio(bins[(i, True)], n):.2f}")
    console.print(calibration)
    return figures
