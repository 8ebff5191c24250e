"""How alike two event reports are: gates that must hold, and a score that must be high enough.

Gates say "cannot be the same real event" (different type, dates too far apart, different
towns, different countries); the score weighs the evidence that it is (shared words, shared
actors, the same place, the same day). A feature neither side knows is left out of the score
rather than counted as a match or a mismatch.
"""

from __future__ import annotations

import calendar
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsevents.ontology.files import read_mapping
from newsevents.ontology.load import DATA_DIR
from newsevents.records import Actor, Location, distance_km

Vector = dict[str, float]
Interval = tuple[int, int]  # first and last day (date ordinals) the event may have happened on

_WORD = re.compile(r"[^\W\d_]{3,}")
_PLACE_RANK = {"town": 4, "admin2": 3, "admin1": 2, "country": 1}
FALLBACK_DAYS = 3  # a date that is only the publication date means "on or up to 3 days before"


@dataclass(frozen=True, slots=True)
class Weights:
    """Weights of the score's features and the gates' limits (dedup.yaml ``stories``)."""

    article: float  # TF-IDF cosine of the two articles (left out within one article)
    sentence: float  # TF-IDF cosine of the event sentences
    actors: float  # overlap of actor and recipient countries, sectors and names
    place: float
    date: float
    thread: float  # the mention's article is in a thread of the story (1), in another (0), unknown (left out)
    trigger: float  # the mention's trigger word shares its stem with a trigger of the story
    trigger_stem: int  # letters of a trigger word's start that count as its stem
    max_gap_days: int  # day-precise dates further apart than this are different events
    thread_gates: int  # how many failed gates (date, place) a shared thread outweighs
    town_km: float  # towns further apart than this are different places


@functools.cache
def load_weights(path: Path | None = None) -> Weights:
    """The story score's weights and gates from dedup.yaml."""
    data = read_mapping(path or DATA_DIR / "dedup.yaml")
    return Weights(**data["stories"])


@dataclass(frozen=True, slots=True)
class TypeRelations:
    """Which event types may name the same event (ontology/data/dedup.yaml)."""

    groups: Mapping[str, str]  # type -> the name of its group of related types
    related_score: float
    separate: frozenset[str] = frozenset()  # "TYPE:mode" kinds that are their own act (dedup.yaml)

    def group(self, event_type: str) -> str:
        return self.groups.get(event_type, event_type)

    def related(self, event_types: Iterable[str]) -> set[str]:
        """The types given and every type of their groups: the stories their events may join."""
        given = set(event_types)
        groups = {self.group(t) for t in given}
        return given | {t for t, g in self.groups.items() if g in groups}

    def score(self, a: str, b: str, kinds: Iterable[str] = ()) -> float | None:
        """1 for the same type, ``related_score`` for related types, None when unrelated or
        when one of the ``kinds`` ("TYPE:mode" of both sides) is an act of its own."""
        if a == b:
            return 1.0
        if self.group(a) != self.group(b) or not self.separate.isdisjoint(kinds):
            return None
        return self.related_score


@functools.cache
def load_relations(path: Path | None = None) -> TypeRelations:
    """Read the related-type pairs and join them into groups (a pair chain is one group)."""
    data = read_mapping(path or DATA_DIR / "dedup.yaml")
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for pair in data.get("related_types") or []:
        first, *rest = (str(t).upper() for t in pair)
        for other in rest:
            parent[find(other)] = find(first)
    groups = {t: "+".join(sorted(u for u in parent if find(u) == find(t))) for t in parent}
    separate = frozenset(f"{t.upper()}:{m}" for t, modes in (data.get("separate_modes") or {}).items()
                         for m in modes)
    return TypeRelations(groups, float(data.get("type_related", 0.6)), separate)


# --- text ------------------------------------------------------------------------------------

def terms(text: str) -> Counter[str]:
    """Lower-case words of three letters or more; common words are damped by IDF, not listed."""
    return Counter(w.lower() for w in _WORD.findall(text))


class TermStats:
    """Document frequencies, grown as articles arrive, for smoothed IDF weights.

    ``seed`` loads counts kept elsewhere (a store) for the words about to be seen;
    ``added_docs``/``added_df`` are what this run contributed, for writing back.
    """

    def __init__(self) -> None:
        self.docs = 0
        self.df: Counter[str] = Counter()
        self.added_docs = 0
        self.added_df: Counter[str] = Counter()

    def seed(self, docs: int, df: Mapping[str, int]) -> None:
        """Take earlier counts (only the words that matter now need be given)."""
        self.docs += docs
        self.df.update(df)

    def add(self, counts: Counter[str]) -> None:
        self.docs += 1
        self.df.update(counts.keys())
        self.added_docs += 1
        self.added_df.update(counts.keys())

    def vector(self, counts: Counter[str], *, top: int | None = None) -> Vector:
        """Unit-length TF-IDF vector (sublinear tf); ``top`` keeps the heaviest terms only."""
        weights = {
            t: (1.0 + math.log(n)) * (math.log((1 + self.docs) / (1 + self.df[t])) + 1.0)
            for t, n in counts.items()
        }
        if top is not None and len(weights) > top:
            weights = dict(sorted(weights.items(), key=lambda kv: -kv[1])[:top])
        return normalise(weights)


def normalise(vector: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two unit vectors (iterating over the shorter)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def trigger_stem(trigger: str, letters: int) -> str:
    """The start of the trigger's first word, lower case: "killed", "killing" and "kills"
    share "kill" (a stem without a lemmatiser: dedup reads records, not parses)."""
    words = _WORD.findall(trigger)
    return words[0].lower()[:letters] if words else trigger.lower()[:letters]


# --- dates -----------------------------------------------------------------------------------

def interval(value: str | None, precision: str, *, grounded: bool = True) -> Interval | None:
    """The days a date may stand for; None when unknown.

    A month-precise date covers its whole month; a date the text did not ground (the
    publication date standing in) covers the few days before it.
    """
    if not value or precision == "unknown":
        return None
    try:
        start = date.fromisoformat(value[:10])
    except ValueError:
        return None
    # ordinals, not dates: the days around year 1 or 9999 are no error
    if precision == "day":
        return start.toordinal() - (0 if grounded else FALLBACK_DAYS), start.toordinal()
    if precision == "week":
        return start.toordinal(), start.toordinal() + 6
    if precision == "month":
        first = start.replace(day=1).toordinal()
        return first, first + calendar.monthrange(start.year, start.month)[1] - 1
    if precision == "year":
        return date(start.year, 1, 1).toordinal(), date(start.year, 12, 31).toordinal()
    return None


def date_score(a: Interval | None, b: Interval | None, weights: Weights) -> float | None:
    """None when either date is unknown; 0 when they cannot be the same event; else closeness."""
    if a is None or b is None:
        return None
    gap = max(a[0] - b[1], b[0] - a[1], 0)
    if gap > weights.max_gap_days:
        return 0.0
    if a[0] == a[1] and b[0] == b[1]:
        return 1.0 if gap == 0 else 0.7
    return 0.5  # a coarse date that covers the other


# --- places ----------------------------------------------------------------------------------

def place_rank(location: Location | None) -> int:
    """How precise a location is (0: unknown)."""
    if location is None or (location.geonameid is None and location.country_code is None):
        return 0
    return _PLACE_RANK.get(location.precision, 0)


def place_score(a: Location | None, b: Location | None, weights: Weights) -> float | None:
    """None when either place is unknown; 0 for different towns or countries; else closeness.

    A coarser place (country, admin1) is compatible with the finer places inside it.
    """
    if not place_rank(a) or not place_rank(b):
        return None
    assert a is not None and b is not None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return 0.0
    if a.precision == "town" and b.precision == "town":
        if None in (a.lat, a.lon, b.lat, b.lon):
            return 0.0
        km = distance_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        return 0.0 if km > weights.town_km else 1.0 - 0.5 * km / weights.town_km
    if a.precision == b.precision and a.precision in ("admin1", "admin2"):
        return 0.0  # two different provinces
    if "admin1" in (a.precision, b.precision) and a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return 0.0  # a town outside the province the other report names
    return 0.6


# --- actors ----------------------------------------------------------------------------------

def actor_keys(actors: Iterable[Actor]) -> set[str]:
    """What identifies the parties: country, country+sector, and the resolved name."""
    keys: set[str] = set()
    for actor in actors:
        if actor.country:
            keys.add(f"c:{actor.country}")
            if actor.sector:
                keys.add(f"cs:{actor.country}:{actor.sector}")
        if actor.name:
            keys.add(f"n:{actor.name.lower()}")
    return keys


def actor_score(a: set[str], b: set[str]) -> float | None:
    """Overlap of the smaller side (a report often names fewer parties); None if one knows none."""
    if not a or not b:
        return None
    return len(a & b) / min(len(a), len(b))


def combine(features: Mapping[str, float | None], weights: Weights) -> float:
    """Weighted mean over the features that are known."""
    total = weight = 0.0
    for name, value in features.items():
        if value is None:
            continue
        w = getattr(weights, name)
        total += w * value
        weight += w
    return total / weight if weight else 0.0
