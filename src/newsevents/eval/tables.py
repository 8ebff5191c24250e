"""The tables the eval reports print: a column of figures, and counts per label."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table

from newsevents.eval.metrics import Counts


def figures_table(title: str, figures: Mapping[str, float | int]) -> Table:
    """One row per figure; fractions to three places."""
    table = Table(title=title)
    table.add_column("figure")
    table.add_column("value", justify="right")
    for name, value in figures.items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    return table


def counts_table(title: str, key: str, per_label: Mapping[str, Counts]) -> Table:
    """Gold and predicted counts, precision, recall and F1 of each label."""
    table = Table(title=title)
    for column in (key, "gold", "predicted", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != key else "left")
    for label, c in per_label.items():
        table.add_row(label, str(c.tp + c.fn), str(c.tp + c.fp),
                      f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}")
    return table
