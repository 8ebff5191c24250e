"""The ACLED rules (acled.yaml): which PLOVER events become which ACLED sub-event type.

The rules are data: named cue lists and an ordered list of conditions; the
coder (extract/acled.py) takes the first rule that fits an event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.errors import OntologyError
from newsevents.ontology.files import read_mapping


@dataclass(frozen=True, slots=True)
class AcledRule:
    """One rule; ``acled`` is (event type, sub-event type), or None for "not an ACLED event"."""

    acled: tuple[str, str] | None
    types: frozenset[str]
    modes: frozenset[str] | None = None
    pos: frozenset[str] | None = None
    actor_sectors: frozenset[str] | None = None
    recipient_sectors: frozenset[str] | None = None
    state_actor: bool | None = None
    cues: tuple[str, ...] = ()
    any_cues: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    sentence_only: bool = False


@dataclass(slots=True)
class AcledTable:
    """Everything acled.yaml holds; ``cues`` as the ontology loader compiled them (``Cues``)."""

    window: int = 1
    topic_heads: frozenset[str] = frozenset()
    topic_free: frozenset[str] = frozenset()
    state_sectors: frozenset[str] = frozenset()
    cues: dict[str, Any] = field(default_factory=dict)
    rules: list[AcledRule] = field(default_factory=list)


def _set(value: Any) -> frozenset[str] | None:
    return None if value is None else frozenset(str(v) for v in value)


def _rule(spec: dict[str, Any], known: set[str], name: str) -> AcledRule:
    acled = spec.get("acled")
    if acled is not None and (not isinstance(acled, list) or len(acled) != 2):
        raise OntologyError(f"{name}: acled must be [event type, sub-event type] or null: {spec}")
    names = [*spec.get("cues", ()), *spec.get("any_cues", ()), *spec.get("unless", ())]
    missing = sorted(set(names) - known)
    if missing:
        raise OntologyError(f"{name}: rule names unknown cue lists {missing}")
    return AcledRule(
        acled=(str(acled[0]), str(acled[1])) if acled else None,
        types=frozenset(spec.get("types") or ()),
        modes=_set(spec.get("modes")),
        pos=_set(spec.get("pos")),
        actor_sectors=_set(spec.get("actor_sectors")),
        recipient_sectors=_set(spec.get("recipient_sectors")),
        state_actor=spec.get("state_actor"),
        cues=tuple(spec.get("cues", ())),
        any_cues=tuple(spec.get("any_cues", ())),
        unless=tuple(spec.get("unless", ())),
        sentence_only=spec.get("scope") == "sentence",
    )


def load_acled(paths: list[Path], compile_cues: Callable[[list[str]], Any]) -> AcledTable:
    """The bundled file, then extra ones: their cue lists extend, their rules come first."""
    table = AcledTable()
    raw: dict[str, list[str]] = {}
    rules: list[AcledRule] = []
    for path in paths:
        data = read_mapping(path)
        table.window = int(data.get("window", table.window))
        table.topic_heads |= frozenset(str(w).lower() for w in data.get("topic_heads") or ())
        table.topic_free |= frozenset(data.get("topic_free") or ())
        table.state_sectors |= frozenset(data.get("state_sectors") or ())
        for cue, words in (data.get("cues") or {}).items():
            raw.setdefault(cue, []).extend(str(w) for w in words or ())
        known = set(raw)
        rules = [_rule(spec, known, path.name) for spec in data.get("rules") or ()] + rules
    table.rules = rules
    table.cues = {name: compile_cues(words) for name, words in raw.items()}
    return table
