"""TimeBank + AQUAINT: how well we ground date expressions, and how many we find.

Grounding: every gold DATE expression's own text is grounded against its
document date with ``extract.dates.ground`` and compared to the TimeML value
at the gold value's granularity (``1998-08-07`` day, ``1998-W32`` ISO week,
``1998-08`` month, ``1998`` year). Values TimeML writes in other shapes
(``PRESENT_REF``, ``1998-Q3``, ``1998-SU``, ``199X``, ...) have no counterpart in
our four precisions; they are counted apart, never silently dropped.

Detection: the share of gold DATE spans that some spaCy DATE entity overlaps
when the model pipeline parses the document text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table
from spacy.language import Language

from newsevents.eval.metrics import ratio
from newsevents.eval.readers import read_jsonl
from newsevents.extract.dates import GroundedDate, ground
from newsevents.records import DATE_WIDTH

DOCS = "tbaq_docs.jsonl"
TIMEX = "tbaq_timex.jsonl"
GRANULARITIES = ("day", "week", "month", "year")
_GOLD_SHAPES = (
    ("day", re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")),
    ("week", re.compile(r"^(\d{4})-W(\d{1,2})$")),
    ("month", re.compile(r"^(\d{4})-(\d\d)$")),
    ("year", re.compile(r"^(\d{4})$")),
)
_FINENESS = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True, slots=True)
class GoldExpression:
    doc: str
    dct: date
    text: str
    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class Gold:
    """The gold expressions and the texts of the documents they index."""

    expressions: list[GoldExpression]
    docs: dict[str, str]


@dataclass(slots=True)
class Graded:
    gold: GoldExpression
    granularity: str | None  # None: the gold value is not comparable
    grounded: GroundedDate | None
    correct: bool


@dataclass(slots=True)
class Result:
    graded: list[Graded] = field(default_factory=list)
    detected: int = 0
    detectable: int = 0  # gold DATE spans in parsed documents (0: detection not run)


def load_gold(path: Path) -> Gold:
    """Read the expressions and documents from the folder as the eval README describes."""
    folder = path if path.is_dir() else path.parent
    docs = {row["doc"]: row["text"] for row in read_jsonl(folder / DOCS)} if (folder / DOCS).exists() else {}
    expressions = [
        GoldExpression(
            doc=row["doc"], dct=date.fromisoformat(str(row["dct"])[:10]), text=row["text"],
            start=int(row["start"]), end=int(row["end"]), type=row["type"], value=str(row["value"]),
        )
        for row in read_jsonl(folder / TIMEX if path.is_dir() else path)
    ]
    return Gold(expressions, docs)


def granularity(value: str) -> str | None:
    """The granularity of a TimeML value we can compare with, or None."""
    for name, shape in _GOLD_SHAPES:
        if shape.match(value):
            return name
    return None


def matches(grounded: GroundedDate | None, value: str) -> bool:
    """Whether our date names the gold value at the gold value's granularity.

    A precision coarser than the gold one cannot name it ("1998" is not August).
    """
    level = granularity(value)
    if grounded is None or level is None or _FINENESS[grounded.precision] > _FINENESS[level]:
        return False
    ours = date.fromisoformat(grounded.value)
    if level == "week":
        year, week, _ = ours.isocalendar()
        gold_year, gold_week = value.split("-W")
        return (year, week) == (int(gold_year), int(gold_week))
    if level == "day" and grounded.precision != "day":
        return False
    width = DATE_WIDTH[level]
    return ours.isoformat()[:width] == value


def evaluate(gold: Gold, nlp: Language | None = None) -> Result:
    """Ground every gold DATE expression; with ``nlp``, also measure detection."""
    result = Result()
    dates = [g for g in gold.expressions if g.type == "DATE"]
    for expression in dates:
        grounded = ground(expression.text, expression.dct)
        result.graded.append(Graded(expression, granularity(expression.value), grounded,
                                    matches(grounded, expression.value)))
    if nlp is not None:
        by_doc: dict[str, list[GoldExpression]] = {}
        for expression in dates:
            if expression.doc in gold.docs:
                by_doc.setdefault(expression.doc, []).append(expression)
        names = list(by_doc)
        for name, doc in zip(names, nlp.pipe(gold.docs[n] for n in names), strict=True):
            entities = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
            for expression in by_doc[name]:
                result.detectable += 1
                result.detected += any(s < expression.end and expression.start < e for s, e in entities)
    return result


def report(result: Result, console: Console, *, show_errors: bool = False) -> dict[str, float]:
    """Print the figures and return them."""
    comparable = [g for g in result.graded if g.granularity is not None]
    apart = Counter(_shape(g.gold.value) for g in result.graded if g.granularity is None)
    figures: dict[str, float] = {
        "date_expressions": len(result.graded),
        "comparable": len(comparable),
        "not_comparable": len(result.graded) - len(comparable),
        "accuracy": ratio(sum(g.correct for g in comparable), len(comparable)),
        "same_precision": ratio(sum(bool(g.grounded and g.grounded.precision == g.granularity)
                                    for g in comparable), len(comparable)),
        "ungrounded": sum(g.grounded is None for g in comparable),
        "ungrounded_not_comparable": sum(g.grounded is None for g in result.graded if g.granularity is None),
    }
    for level in GRANULARITIES:
        chosen = [g for g in comparable if g.granularity == level]
        figures[f"{level}_count"] = len(chosen)
        figures[f"{level}_accuracy"] = ratio(sum(g.correct for g in chosen), len(chosen))
    if result.detectable:
        figures["detection_recall"] = ratio(result.detected, result.detectable)
    if show_errors:
        for g in comparable:
            if not g.correct:
                ours = f"{g.grounded.value} {g.grounded.precision}" if g.grounded else "-"
                console.print(f"[dim]{g.gold.doc}[/dim] {g.gold.text!r} dct {g.gold.dct} "
                              f"gold {g.gold.value} got {ours}")
    summary = Table(title="TimeBank dates: summary")
    summary.add_column("figure")
    summary.add_column("value", justify="right")
    for name, value in figures.items():
        if not name.startswith(GRANULARITIES):
            summary.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(summary)
    levels = Table(title="per gold granularity")
    for column in ("granularity", "expressions", "accuracy"):
        levels.add_column(column, justify="right" if column != "granularity" else "left")
    for level in GRANULARITIES:
        levels.add_row(level, str(figures[f"{level}_count"]), f"{figures[f'{level}_accuracy']:.3f}")
    console.print(levels)
    others = Table(title="not comparable (TimeML values outside day/week/month/year)")
    for column in ("value shape", "expressions"):
        others.add_column(column, justify="right" if column != "value shape" else "left")
    for shape, n in apart.most_common():
        others.add_row(shape, str(n))
    console.print(others)
    return figures


def _shape(value: str) -> str:
    """A TimeML value with its digits masked, to group what we do not compare."""
    return re.sub(r"\d", "9", value)
