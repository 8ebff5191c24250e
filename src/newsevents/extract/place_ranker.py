"""A learned place for an event the rules leave unplaced: one of the article's places, or none.

The rules (venues.py) place an event by what its clause and its parties say; when they say nothing,
the event may still have happened where the sentence before, the paragraph or the whole story is
(the annotators place it there: docs/annotation.md), or nowhere the text tells (left unplaced).
Which one is a matter of weighing how the article spreads its places, which rules do badly: each
candidate (every distinct place the article resolves, and "no place") gets named features of where
and how often it is named, how wide it is, whether it is the dateline or the actor's country, and
a conditional logit (place_ranker.yaml, written by scripts/train_place_ranker.py from the DEV gold
set) picks the best. A place the rules chose is never changed: on DEV, re-ranking those moved
nearly three times as many events for the same gain.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc

from newsevents.extract.coding import doc_sentences
from newsevents.extract.episodes import Episodes
from newsevents.extract.points import at_capital, offset
from newsevents.extract.story_places import at_fixture
from newsevents.ontology.codes import iso3_codes
from newsevents.ontology.files import read_mapping
from newsevents.ontology.load import DATA_DIR
from newsevents.records import Event, Location

KINDS = ("town", "admin2", "admin1", "country")
TRIGGER_CHARS = 60  # a mention this near the trigger is "by" it
_PLACE_PREP = re.compile(r"\b(?:in|at|near|outside|from)\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def model() -> dict[str, Any]:
    """The learned weights (place_ranker.yaml), read once."""
    return read_mapping(DATA_DIR / "place_ranker.yaml")


@dataclass(slots=True)
class Named:
    """One place of the article and the spans that name it."""

    place: Location
    starts: list[int]


def _key(place: Location) -> tuple[Any, ...]:
    """One key per place of the gazetteer, whatever mention named it; a place of no id by its point."""
    return (place.geonameid, place.name) if place.geonameid else (place.name, place.lat, place.lon)


def _same(a: Location | None, b: Location | None) -> bool:
    """The same place, whatever mention named it (the dateline's Location is not the candidate's)."""
    if a is None or b is None:
        return a is b
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return a.name is not None and a.name == b.name


class PlaceRanker:
    """The candidates of one article's events, featured for the learned model."""

    def __init__(self, doc: Doc, episodes: Episodes, toponyms: list[Location], dateline: Location | None,
                 fixtures: frozenset[str]):
        self.starts = [s.start_char for s in doc_sentences(doc)]
        self.text = episodes.text
        self.episodes = episodes  # its paragraphs and its statement types, read once per article
        self.dateline = dateline
        self.iso3 = iso3_codes()
        named: dict[tuple[Any, ...], Named] = {}
        for t in toponyms:
            if t.precision not in KINDS or t.lat is None or at_fixture(t, doc, fixtures):
                continue  # "the playoff game at Pittsburgh" says where the game is, of no other act
            named.setdefault(_key(t), Named(t, [])).starts.append(t.span[0])
        self.places = list(named.values())

    def _sentence(self, char: int) -> int:
        return bisect.bisect_right(self.starts, char) - 1

    def candidates(self, event: Event) -> list[tuple[Location | None, dict[str, float]]]:
        """Every candidate place of an event the rules left unplaced (None: no place), with its features."""
        verbal = event.event_type in self.episodes.verbal
        index = event.sentence.index
        opening = event.sentence.span[0]
        paragraph = self.episodes.paragraph(opening)
        parties = [a.span for a in event.actor + event.recipient]
        countries = {a.country for a in event.actor if a.country}
        most = max((len(n.starts) for n in self.places), default=1)
        found: list[tuple[Location | None, dict[str, float]]] = []
        for named in self.places:
            place = named.place
            sentences = [self._sentence(s) for s in named.starts]
            here = [s for s, i in zip(named.starts, sentences, strict=True) if i == index]
            before = [i for i in sentences if i < index]
            features = {
                f"kind_{place.precision}": 1.0,
                "in_sentence": float(bool(here)),
                "in_parties": float(bool(here) and all(any(a <= s < b for a, b in parties) for s in here)),
                "in_phrase": float(any(_PLACE_PREP.search(self.text, max(0, s - 8), s) for s in here)),
                "by_trigger": float(any(abs(s - event.trigger.span[0]) <= TRIGGER_CHARS for s in here)),
                "sentence_before": float(index - 1 in before),
                "paragraph_before": float(any(self.episodes.paragraph(s) == paragraph for s in named.starts
                                              if s < opening)),
                "near_before": 1.0 / (index - max(before)) if before else 0.0,
                "earlier": float(bool(before)),
                "only_after": float(min(sentences) > index),
                "lead": float(min(sentences) == 0),
                "mentions": math.log1p(len(named.starts)),
                "share": len(named.starts) / most,
                "dateline": float(_same(place, self.dateline)),
                "actor_country": float(self.iso3.get(place.country_code or "") in countries),
            }
            features["actor_in_sentence"] = features["actor_country"] * features["in_sentence"]
            if verbal:
                features |= {"verbal_in_sentence": features["in_sentence"],
                             "verbal_dateline": features["dateline"]}
            found.append((place, features))
        none = {"none": 1.0, "none_verbal": float(verbal), "none_historical": float(event.historical),
                "none_sentence_place": float(any(f["in_sentence"] for _, f in found)),
                "none_own_date": float(event.date_span is not None),
                "none_coarse_date": float(event.date_precision in ("month", "year")),
                "none_undated": float(event.date is None)}
        found.append((None, none))
        return found


def score(features: dict[str, float], weights: dict[str, float]) -> float:
    """A candidate's linear score under the model."""
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


def rank_places(events: list[Event], ranker: PlaceRanker, weights: dict[str, float] | None = None) -> None:
    """Each event the rules left unplaced takes its best-scored candidate, which may be no place
    (``weights``: the model's, place_ranker.yaml, unless given)."""
    weights = model()["weights"] if weights is None else weights
    for event in events:
        if event.location is not None or not ranker.places:
            continue
        best, _ = max(ranker.candidates(event), key=lambda c: score(c[1], weights))
        event.location = None if best is None else at_capital(offset(best, ranker.text))
