"""CASE 2021 task 2: ACLED sub-event types of news snippets, and false alarms.

Each snippet carries one of ACLED's 25 sub-event types (in the task's spelling)
or one of five labels that are not ACLED events (attribution, diplomacy,
disasters, organised crime). Per snippet we score the ``acled.sub_event_type``
of our main event (records.main_event): on an ACLED snippet it should be the label, on
the others there should be none. Micro- and macro-F1 are over the 25 types;
a sub-type given to a non-ACLED snippet counts as a false positive of that
type and as a false alarm.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsevents.eval.metrics import Counts, ratio
from newsevents.eval.tables import counts_table, figures_table
from newsevents.pipeline import Pipeline
from newsevents.records import Article, Event, main_event

FILE = "case2021_task2_dev.tsv"
PLACEHOLDER_DATE = "2021-01-01"

# The task's label -> ACLED's sub-event type (ACLED codebook spelling).
SUB_EVENT_TYPES: dict[str, str] = {
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "CHEM_WEAP": "Chemical weapon",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}
NON_ACLED = ("ATTRIB", "DIPLO", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME")
_LABEL_OF = {name.lower(): label for label, name in SUB_EVENT_TYPES.items()}


@dataclass(slots=True)
class Snippet:
    id: str
    text: str
    label: str


@dataclass(slots=True)
class Result:
    """Each snippet beside our main event's sub-type (a task label, or None)."""

    scored: list[tuple[Snippet, str | None, Event | None]] = field(default_factory=list)


def load_gold(path: Path) -> list[Snippet]:
    """Read the snippets (folder or file); an unknown label is an error, not a silent skip."""
    file = path / FILE if path.is_dir() else path
    with file.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        snippets = [Snippet(row["id"], row["EventSnippet"], row["SubType"].strip()) for row in rows]
    unknown = {s.label for s in snippets} - set(SUB_EVENT_TYPES) - set(NON_ACLED)
    if unknown:
        raise ValueError(f"unknown labels {sorted(unknown)}")
    return snippets


def predicted_label(event: Event | None) -> str | None:
    """The task label of an event's ACLED sub-type; None when it has none."""
    if event is None or not event.acled:
        return None
    return _LABEL_OF.get(event.acled.get("sub_event_type", "").lower())


def evaluate(gold: list[Snippet], pipeline: Pipeline) -> Result:
    """Code every snippet alone and keep the main event's sub-type."""
    articles = [Article(id=s.id, date=None, text=s.text) for s in gold]
    for article in articles:
        pipeline.check(article)
    result = Result()
    for snippet, coded in zip(gold, pipeline.extract(articles), strict=True):
        best = main_event(coded.events)
        result.scored.append((snippet, predicted_label(best), best))
    return result


def figures(result: Result) -> tuple[dict[str, float | int], dict[str, Counts]]:
    """The summary figures and each sub-type's counts."""
    per_type = {label: Counts() for label in SUB_EVENT_TYPES}
    acled = covered = alarms = others = 0
    for snippet, predicted, _ in result.scored:
        for label, counts in per_type.items():
            counts.add_sets([label] if predicted == label else [], [label] if snippet.label == label else [])
        if snippet.label in SUB_EVENT_TYPES:
            acled += 1
            covered += predicted is not None
        else:
            others += 1
            alarms += predicted is not None
    micro = Counts(
        tp=sum(c.tp for c in per_type.values()),
        fp=sum(c.fp for c in per_type.values()),
        fn=sum(c.fn for c in per_type.values()),
    )
    summary: dict[str, float | int] = {
        "snippets": len(result.scored),
        "acled_snippets": acled,
        "micro_f1": micro.f1,
        "micro_precision": micro.precision,
        "micro_recall": micro.recall,
        "macro_f1": sum(c.f1 for c in per_type.values()) / len(per_type),
        "coverage": ratio(covered, acled),
        "false_alarm_rate": ratio(alarms, others),
        "types_produced": sum(1 for c in per_type.values() if c.tp + c.fp),
    }
    return summary, per_type


def report(result: Result, console: Console, *, show_errors: bool = False) -> dict[str, float | int]:
    """Print the figures (summary, per label, false alarms per non-ACLED label) and return them."""
    summary, per_type = figures(result)
    console.print(figures_table("CASE 2021 task 2: summary", summary))
    console.print(counts_table("per ACLED sub-event type", "label", per_type))
    alarms = Table(title="false alarms on non-ACLED snippets")
    for column in ("label", "snippets", "given an ACLED type", "rate"):
        alarms.add_column(column, justify="right" if column != "label" else "left")
    total, fired = Counter[str](), Counter[str]()
    for snippet, predicted, _ in result.scored:
        if snippet.label in NON_ACLED:
            total[snippet.label] += 1
            fired[snippet.label] += predicted is not None
    for label in NON_ACLED:
        rate = ratio(fired[label], total[label])
        alarms.add_row(label, str(total[label]), str(fired[label]), f"{rate:.2f}")
    console.print(alarms)
    if show_errors:
        for snippet, predicted, event in result.scored:
            if predicted != (snippet.label if snippet.label in SUB_EVENT_TYPES else None):
                trigger = f"{event.event_type}/{event.mode} '{event.trigger.text}'" if event else "-"
                console.print(f"[dim]{snippet.id}[/dim] gold {snippet.label} got {predicted} "
                              f"({trigger}): {snippet.text[:300]}", soft_wrap=True)
    return summary
