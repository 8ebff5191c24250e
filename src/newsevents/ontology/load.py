"""Read the ontology data files into lookup tables the extractors use.

This module reads the TSV and YAML files and holds the tables' records; a cue list (modes,
contexts, relevance domains, ACLED rules) is compiled by cues.py, the ACLED and attribution
tables are read by acled.py and attribution.py.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints

from newsevents.errors import OntologyError
from newsevents.ontology.acled import AcledTable, load_acled
from newsevents.ontology.attribution import DoerTable, load_attribution
from newsevents.ontology.cues import CueCounts, Cues, compile_cues, cue_index
from newsevents.ontology.files import read_mapping as _yaml
from newsevents.records import EVENT_TYPES

DATA_DIR = Path(__file__).parent / "data"
# The event type of a triggers.tsv row that names a sense of a trigger word which is no event
# ("requested anonymity", "offered her a job"): it outranks the word's other senses and
# yields nothing (extract/triggers.py).
NO_EVENT = "NONE"
_NO_WORDS: frozenset[str] = frozenset()  # ``Ontology.words`` of an absent key (asked very often)


@dataclass(frozen=True, slots=True)
class TriggerSense:
    """One row of triggers.tsv: a word that signals an event type."""

    lemma: str
    pos: str
    particle: str | None
    objects: frozenset[str]
    event_type: str
    mode: str | None
    context: str | None
    prior: float


@dataclass(frozen=True, slots=True)
class EventTypeInfo:
    """What PLOVER says about one event type (event_types.yaml)."""

    name: str
    quad: str
    intensity: float
    mode_intensity: dict[str, float]
    requires_recipient: bool
    recipient_preps: frozenset[str]
    actor_preps: frozenset[str]
    future_type: str
    conditional_type: str
    negated_type: str
    absorbs_purpose: bool
    keeps_acts: bool  # the material acts its triggers are about stay events of their own
    answers_acts: bool  # the verbal acts its triggers answer ("denied the request") too
    state_modes: dict[str, tuple[str, str]]  # mode -> (type, mode) when state forces do it
    state_forces: frozenset[str]  # the sectors of those forces

    @property
    def verbal(self) -> bool:
        """Of PLOVER's verbal quads: a statement, not a material act."""
        return self.quad.startswith("verbal")


@dataclass(frozen=True, slots=True)
class Mapping:
    """One row of mappings.tsv: the CAMEO root for matching events."""

    event_type: str
    mode: frozenset[str] | None
    actor_sector: frozenset[str] | None
    recipient_sector: frozenset[str] | None
    cameo_root: str | None


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class Relevance:
    """What makes text political (relevance.yaml): sectors, section names, domain words."""

    political_sectors: frozenset[str] = frozenset()
    strict_sectors: frozenset[str] = frozenset()
    armed_sectors: frozenset[str] = frozenset()
    state_acts: frozenset[str] = frozenset()
    labour_words: frozenset[str] = frozenset()
    private_sectors: frozenset[str] = frozenset()
    violence_private_sectors: frozenset[str] = frozenset()
    proceeding_types: frozenset[str] = frozenset()
    proceeding_sectors: frozenset[str] = frozenset()
    answer_types: frozenset[str] = frozenset()
    force_sectors: frozenset[str] = frozenset()
    victim_sectors: frozenset[str] = frozenset()
    target_preps: frozenset[str] = frozenset()
    violence_contexts: frozenset[str] = frozenset()
    budget_types: frozenset[str] = frozenset()
    budget_triggers: frozenset[str] = frozenset()
    budget_sectors: frozenset[str] = frozenset()
    private_types: frozenset[str] = frozenset()
    conflict_types: frozenset[str] = frozenset()
    public_persons: frozenset[str] = frozenset()
    internal_types: frozenset[str] = frozenset()
    deliberative_bodies: frozenset[str] = frozenset()
    body_roles: frozenset[str] = frozenset()
    vote_types: frozenset[str] = frozenset()
    local_bodies: frozenset[str] = frozenset()
    staff_types: frozenset[str] = frozenset()
    staff_roles: frozenset[str] = frozenset()
    administration_roles: frozenset[str] = frozenset()
    visit_types: frozenset[str] = frozenset()
    premises: frozenset[str] = frozenset()
    campaign_types: frozenset[str] = frozenset()
    candidate_heads: frozenset[str] = frozenset()
    public_call_types: frozenset[str] = frozenset()
    public_call_sectors: frozenset[str] = frozenset()
    own_publics: frozenset[str] = frozenset()
    harm_domains: frozenset[str] = frozenset()
    inquiry_types: frozenset[str] = frozenset()
    inquiry_objects: frozenset[str] = frozenset()
    occasion_types: frozenset[str] = frozenset()
    conflict_contexts: frozenset[str] = frozenset()
    lead_sentences: int = 2
    min_sentences: int = 5
    domain_words: int = 6
    domain_ratio: float = 1.5
    sentence_words: int = 2
    sections: dict[str, frozenset[str]] = field(default_factory=dict)
    domains: dict[str, Cues] = field(default_factory=dict)
    political: Cues = field(default_factory=lambda: Cues(frozenset(), ()))
    no_crime: Cues = field(default_factory=lambda: Cues(frozenset(), ()))
    war_weapons: Cues = field(default_factory=lambda: Cues(frozenset(), ()))
    domain_counts: CueCounts = field(init=False)  # ``domains`` counted in one pass (every sentence is)

    def __post_init__(self) -> None:
        object.__setattr__(self, "domain_counts", CueCounts(self.domains))


@dataclass(slots=True)
class Ontology:
    """All lookup tables, built once per process by ``load_ontology``."""

    event_types: dict[str, EventTypeInfo]
    triggers: dict[tuple[str, str], list[TriggerSense]]
    mode_cues: dict[str, list[tuple[str, Cues]]]
    context_cues: dict[str, Cues]
    mappings: list[Mapping]
    modality: dict[str, frozenset[str]]
    trigger_words: frozenset[str] = frozenset()
    """Every word some trigger sense is read from (``triggers`` keys' first halves)."""
    context_words: dict[str, frozenset[str]] = field(default_factory=dict)
    """The contexts each word can cue (a cue word or a phrase's first word, ``cue_index``)."""
    country_names: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    country_labels: dict[str, str] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    acronyms: set[str] = field(default_factory=set)
    leader_surnames: dict[str, frozenset[str]] = field(default_factory=dict)
    """A leader's last name, lower case -> the countries of people.tsv's leaders who bear it."""
    ship_prefixes: dict[str, tuple[Organization, ...]] = field(default_factory=dict)
    """A ship prefix, as written ("INS", "HMS") -> the navies that use it (ship_prefixes.tsv)."""
    sectors: dict[str, str] = field(default_factory=dict)
    acled: AcledTable = field(default_factory=AcledTable)
    doers: DoerTable = field(default_factory=DoerTable)
    relevance: Relevance = field(default_factory=Relevance)

    def words(self, key: str) -> frozenset[str]:
        """A word list from modality.yaml; empty if the key is absent."""
        return self.modality.get(key, _NO_WORDS)

    def organization(self, text: str) -> Organization | None:
        """The organization a name refers to. Names match only when capitalised, and
        short all-caps names ("WHO", "US") only in capitals, so "who" and "us" stay words;
        a leading article is no part of the name ("the United Nations", "the UN")."""
        name = text[4:] if text[:4].lower() == "the " else text
        key = name.lower()
        if key in self.acronyms and not name.isupper():
            return None
        if name[:1].islower():  # "the congress's president" is a common noun, not Congress
            return None
        return self.organizations.get(key)


def _rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file with a header, skipping blank and # lines."""
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            return
        for number, row in enumerate(reader, start=2):
            if len(row) > len(header):
                raise OntologyError(f"{path.name}: row {number} has {len(row)} columns")
            row = [cell.strip() for cell in row] + [""] * (len(header) - len(row))
            yield dict(zip(header, row, strict=True))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _wild(cell: str) -> frozenset[str] | None:
    return None if cell in ("", "*") else frozenset(_split(cell))


def data_files(name: str, extra: tuple[Path, ...] = ()) -> list[Path]:
    """The bundled data file ``name`` and any of that name in the ``extra`` directories, in order."""
    return [d / name for d in (DATA_DIR, *extra) if (d / name).exists()]


def _load_event_types(paths: list[Path]) -> dict[str, EventTypeInfo]:
    merged: dict[str, dict[str, Any]] = {}
    for path in paths:
        for name, spec in _yaml(path).items():
            merged.setdefault(name, {}).update(spec or {})
    missing = set(EVENT_TYPES) - set(merged)
    if missing:
        raise OntologyError(f"event_types.yaml lacks {sorted(missing)}")
    return {
        name: EventTypeInfo(
            name=name,
            quad=str(spec.get("quad", "")),
            intensity=float(spec.get("intensity", 0)),
            mode_intensity={str(k): float(v) for k, v in (spec.get("mode_intensity") or {}).items()},
            requires_recipient=bool(spec.get("requires_recipient", False)),
            recipient_preps=frozenset(spec.get("recipient_preps") or ()),
            actor_preps=frozenset(spec.get("actor_preps") or ()),
            future_type=str(spec.get("future_type") or name),
            conditional_type=str(spec.get("conditional_type") or name),
            negated_type=str(spec.get("negated_type") or name),
            absorbs_purpose=bool(spec.get("absorbs_purpose", False)),
            keeps_acts=bool(spec.get("keeps_acts", False)),
            answers_acts=bool(spec.get("answers_acts", False)),
            state_modes={str(k): (str(v[0]), str(v[1])) for k, v in (spec.get("state_modes") or {}).items()},
            state_forces=frozenset(spec.get("state_forces") or ()),
        )
        for name, spec in merged.items()
    }


def _objects(cell: str, lists: dict[str, set[str]], path: Path) -> frozenset[str]:
    """A row's object column: its words, an "@name" entry standing for the modality.yaml list of
    that name (one list of offenders for every "search for" row, not a copy in each)."""
    found: set[str] = set()
    for part in (o.lower() for o in _split(cell)):
        if not part.startswith("@"):
            found.add(part)
        elif part[1:] in lists:
            found.update(lists[part[1:]])
        else:
            raise OntologyError(f"{path.name}: object list {part} is in no modality.yaml")
    return frozenset(found)


def _load_triggers(
    paths: list[Path], lists: dict[str, set[str]]
) -> dict[tuple[str, str], list[TriggerSense]]:
    table: dict[tuple[str, str], list[TriggerSense]] = {}
    for path in paths:
        for row in _rows(path):
            words = row["trigger"].lower().split()
            if not words or row["event_type"] not in (*EVENT_TYPES, NO_EVENT):
                raise OntologyError(f"{path.name}: bad trigger row {row}")
            sense = TriggerSense(
                lemma=words[0],
                pos=row["pos"].upper() or "VERB",
                particle=" ".join(words[1:]) or None,
                objects=_objects(row["object"], lists, path),
                event_type=row["event_type"],
                mode=row["mode"] or None,
                context=row["context"] or None,
                prior=float(row["prior"] or 0.6),
            )
            table.setdefault((sense.lemma, sense.pos), []).append(sense)
    return table


# relevance.yaml's word lists and cue lists, named once, by the fields of Relevance (their resolved
# types, not the annotations' text)
_RELEVANCE_TYPES = get_type_hints(Relevance)
_WORD_SETS = tuple(name for name, kind in _RELEVANCE_TYPES.items() if kind == frozenset[str])
_CUE_LISTS = tuple(name for name, kind in _RELEVANCE_TYPES.items() if kind is Cues)


def _load_relevance(paths: list[Path]) -> Relevance:
    data: dict[str, Any] = {}
    for path in paths:
        data.update(_yaml(path))
    sets = {k: frozenset(str(w).lower() for w in data.get(k) or ()) for k in _WORD_SETS}
    return Relevance(
        **{k: frozenset(w.upper() for w in v) if k.endswith(("sectors", "types")) else v
           for k, v in sets.items()},
        lead_sentences=int(data.get("lead_sentences", 2)),
        min_sentences=int(data.get("min_sentences", 5)),
        domain_words=int(data.get("domain_words", 6)),
        domain_ratio=float(data.get("domain_ratio", 1.5)),
        sentence_words=int(data.get("sentence_words", 2)),
        sections={
            k: frozenset(str(w).lower() for w in v or ()) for k, v in (data.get("sections") or {}).items()
        },
        domains={k: compile_cues(v) for k, v in (data.get("domains") or {}).items()},
        **{k: compile_cues(data.get(k) or []) for k in _CUE_LISTS},
    )


def _load_countries(onto: Ontology, paths: list[Path]) -> None:
    for path in paths:
        for row in _rows(path):
            iso3 = row["iso3"]
            onto.country_labels[iso3] = row["name"]
            for name in [row["name"], *_split(row["aliases"])]:
                onto.country_names[name.lower()] = iso3
                if name.lower().startswith("the "):
                    onto.country_names[name.lower()[4:]] = iso3
            for word in _split(row["demonyms"]):
                onto.demonyms[word.lower()] = iso3
            for word in _split(row["capitals"]):
                onto.capitals[word.lower()] = iso3


def _load_organizations(onto: Ontology, paths: list[Path]) -> None:
    for path in paths:
        for row in _rows(path):
            _add_organization(onto, row)


def _add_organization(onto: Ontology, row: dict[str, str]) -> None:
    org = Organization(row["name"], row["country"] or None, row["sector"] or None)
    for name in [row["name"], *_split(row["aliases"])]:
        onto.organizations[name.lower()] = org
        if name.isupper() and len(name) <= 5:
            onto.acronyms.add(name.lower())


def _load_people(onto: Ontology, paths: list[Path]) -> None:
    """Leaders, read as named bodies are, and by family name: the last word of a name, the first
    in countries that write it first (modality.yaml ``family_name_first``: "Xi Jinping", "Moon
    Jae-in")."""
    first = {code.upper() for code in onto.words("family_name_first")}
    found: dict[str, set[str]] = {}
    for path in paths:
        for row in _rows(path):
            _add_organization(onto, row)
            for name in [row["name"], *_split(row["aliases"])]:
                words = name.split()
                family = words[0] if row["country"] in first else words[-1]
                found.setdefault(family.lower(), set()).add(row["country"])
    onto.leader_surnames = {k: frozenset(v) for k, v in found.items()}


def _load_ship_prefixes(onto: Ontology, paths: list[Path]) -> None:
    for path in paths:
        for row in _rows(path):
            onto.ship_prefixes[row["prefix"]] = tuple(
                Organization(row["prefix"], country, row["sector"] or None)
                for country in _split(row["countries"])
            )


@functools.lru_cache(maxsize=8)
def load_ontology(extra: tuple[Path, ...] = ()) -> Ontology:
    """Load the bundled ontology plus any extra directories of the same files."""
    mode_cues: dict[str, list[tuple[str, Cues]]] = {}
    for path in data_files("modes.yaml", extra):
        for event_type, modes in _yaml(path).items():
            mode_cues.setdefault(event_type, []).extend(
                (mode, compile_cues(cues)) for mode, cues in (modes or {}).items()
            )
    context_cues: dict[str, Cues] = {}
    for path in data_files("contexts.yaml", extra):
        context_cues.update({k: compile_cues(v) for k, v in _yaml(path).items()})
    modality: dict[str, set[str]] = {}
    for path in data_files("modality.yaml", extra):
        for key, words in _yaml(path).items():
            modality.setdefault(key, set()).update(str(w).lower() for w in words or ())
    mappings = [
        Mapping(
            event_type=row["event_type"],
            mode=_wild(row["mode"]),
            actor_sector=_wild(row["actor_sector"]),
            recipient_sector=_wild(row["recipient_sector"]),
            cameo_root=row["cameo_root"] or None,
        )
        for path in reversed(data_files("mappings.tsv", extra))  # user rows match first
        for row in _rows(path)
    ]
    triggers = _load_triggers(data_files("triggers.tsv", extra), modality)
    onto = Ontology(
        event_types=_load_event_types(data_files("event_types.yaml", extra)),
        triggers=triggers,
        trigger_words=frozenset(word for word, _ in triggers),
        mode_cues=mode_cues,
        context_cues=context_cues,
        context_words=cue_index(context_cues),
        mappings=mappings,
        modality={k: frozenset(v) for k, v in modality.items()},
        acled=load_acled(data_files("acled.yaml", extra), compile_cues),
        doers=load_attribution(data_files("attribution.yaml", extra)),
        relevance=_load_relevance(data_files("relevance.yaml", extra)),
    )
    _load_countries(onto, data_files("countries.tsv", extra))
    _load_organizations(onto, data_files("organizations.tsv", extra))
    _load_people(onto, data_files("people.tsv", extra))  # leaders named as the news names them
    _load_ship_prefixes(onto, data_files("ship_prefixes.tsv", extra))
    for path in data_files("sectors.tsv", extra):
        onto.sectors.update({row["word"].lower(): row["sector"] for row in _rows(path)})
    return onto
