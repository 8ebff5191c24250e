"""Who does an agentless act (attribution.yaml): the sectors that can, and the one implied."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsevents.ontology.files import read_mapping


@dataclass(frozen=True, slots=True)
class DoerRule:
    """For events of ``types`` (and ``modes``): doers' sectors by preference, and the implied one."""

    types: frozenset[str]
    modes: frozenset[str] | None
    named: tuple[str, ...]
    implied_sector: str | None = None  # searched for in the whole article when no nearby doer fits
    speakers: bool = False  # may a force that only reports the act ("police said") be its doer?
    venues: bool = False  # may a court named as the act's place ("convicted in federal court") be?
    heads: frozenset[str] | None = None  # only doers named by these words ("protesters", not "a man")
    never: frozenset[str] = frozenset()  # heads of that sector that do not do it (prosecutors convict no one)
    busy: frozenset[str] = frozenset()  # acts (TYPE, TYPE/mode) whose stated doers do not do it
    own_side: frozenset[str] = frozenset()  # sectors whose forces do not do it to their own country's people


@dataclass(slots=True)
class DoerTable:
    before: int = 3
    after: int = 1
    rules: list[DoerRule] = field(default_factory=list)
    buildings: frozenset[str] = frozenset()  # heads that name a force's building, not the force

    def rule_for(self, event_type: str, mode: str | None) -> DoerRule | None:
        """The first rule that fits the event, if any."""
        return next(
            (r for r in self.rules if event_type in r.types and (r.modes is None or mode in r.modes)),
            None,
        )


def load_attribution(paths: list[Path]) -> DoerTable:
    """The bundled table; rules of extra files come first, their windows replace ours."""
    table = DoerTable()
    for path in paths:
        data = read_mapping(path)
        table.before = int(data.get("before", table.before))
        table.after = int(data.get("after", table.after))
        table.buildings |= frozenset(data.get("buildings") or ())
        rules = []
        for spec in data.get("acts") or ():
            implied = spec.get("implied") or {}
            rules.append(DoerRule(
                types=frozenset(spec.get("types") or ()),
                modes=frozenset(spec["modes"]) if spec.get("modes") else None,
                named=tuple(spec.get("named") or ()),
                implied_sector=implied.get("sector"),
                speakers=bool(spec.get("speakers", False)),
                venues=bool(spec.get("venues", False)),
                heads=frozenset(spec["heads"]) if spec.get("heads") else None,
                never=frozenset(spec.get("never") or ()),
                busy=frozenset(spec.get("busy") or ()),
                own_side=frozenset(spec.get("own_side") or ()),
            ))
        table.rules = rules + table.rules
    return table
