"""What newsevents publishes on whole real articles, against the hand-annotated news gold set.

The gold set (docs/annotation.md) holds every event of 42 randomly drawn real articles; the
texts are read from the shared eval folder and must hash as the gold file says. A *published*
event is one the product would publish (``Event.is_published``: confidence >= 0.5, neither
negated nor hypothetical). Matching, per article: a published event matches the gold event whose
``trigger`` or ``also`` span its trigger overlaps, else a gold event of the same type whose
trigger lies in its sentence. Several published events may match one gold event (the article
reports the act twice, the product codes both mentions); a published event matching none is
wrong in every field.

Per field, precision is right / published and recall is gold events matched by a published
event right in that field / gold events. "All fields" is type, actor, date and place together.
How each field is judged is the protocol's rule (docs/annotation.md, "How the scorer uses it").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from newsevents.eval.metrics import log_loss, ratio
from newsevents.eval.news_gold import GOLD_DIR, check_gold, read_gold, vocabulary
from newsevents.eval.news_texts import NewsText, news_text_index
from newsevents.ontology import Ontology
from newsevents.pipeline import Pipeline
from newsevents.records import DATE_WIDTH, Actor, Article, Event, Location, Span, distance_km

FIELDS = ("type", "actor", "date", "place")
APART = ("recipient", "actor_country", "mode", "historical", "size")
MILES_100_KM = 161.0
# Personal pronouns: an actor that is only one of these, with no country, tells a reader nothing.
BARE_PRONOUNS = frozenset({
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "one",
    "this", "that", "these", "those", "who",
})


@dataclass(slots=True)
class GoldArticle:
    text: NewsText
    gold: dict[str, Any]


@dataclass(slots=True)
class Graded:
    """One published event with the gold event it matched (None: matched nothing) and its grades."""

    article_id: str
    event: Event
    gold: dict[str, Any] | None
    right: dict[str, bool | None] = field(default_factory=dict)  # None: not judged (gold is silent)


@dataclass(slots=True)
class Result:
    articles: list[GoldArticle] = field(default_factory=list)
    graded: list[Graded] = field(default_factory=list)
    political_by_us: dict[str, bool] = field(default_factory=dict)  # article id -> published anything
    # every event neither negated nor hypothetical, published or not: its confidence and whether
    # it is right in type and actor (what the confidence is fitted to say, scripts/train_confidence.py)
    candidates: list[tuple[float, bool]] = field(default_factory=list)

    @property
    def gold_events(self) -> list[tuple[str, dict[str, Any]]]:
        return [(a.text.article_id, e) for a in self.articles for e in a.gold["events"]]


def load_gold(folder: Path, gold_dir: Path = GOLD_DIR, ontology: Ontology | None = None) -> list[GoldArticle]:
    """Every gold file with its article text; a missing text, a changed hash or a bad label is an error."""
    from newsevents.ontology import load_ontology

    index = news_text_index(folder)
    vocab = vocabulary(ontology or load_ontology())
    found = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = read_gold(path)
        text = index.get(gold.get("article_id", ""))
        if text is None:
            raise ValueError(f"{path.name}: article {gold.get('article_id')!r} is not in {folder}")
        problems = check_gold(gold, text.text, vocab)
        if problems:
            raise ValueError(f"{path.name}: {problems[0]} ({len(problems)} problems)")
        found.append(GoldArticle(text, gold))
    if not found:
        raise ValueError(f"no gold files in {gold_dir}")
    return found


def _overlaps(span: Span, gold: dict[str, Any]) -> bool:
    return span[0] < gold["end"] and gold["start"] < span[1]


def _triggers(gold_event: dict[str, Any]) -> list[dict[str, Any]]:
    return [gold_event["trigger"], *gold_event.get("also", [])]


def _types(gold_event: dict[str, Any]) -> set[str]:
    return {gold_event["type"], *gold_event.get("alt_types", [])}


def match(event: Event, gold_events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The gold event a published event reports, by trigger overlap, else by sentence and type."""
    by_trigger = [g for g in gold_events if any(_overlaps(event.trigger.span, t) for t in _triggers(g))]
    if by_trigger:
        return next((g for g in by_trigger if event.event_type in _types(g)), by_trigger[0])
    sentence = event.sentence.span
    return next((g for g in gold_events if event.event_type in _types(g)
                 and any(sentence[0] <= t["start"] and t["end"] <= sentence[1] for t in _triggers(g))), None)


def bare_pronoun(actor: Actor) -> bool:
    return actor.country is None and actor.text.strip().lower() in BARE_PRONOUNS


def _party_right(ours: list[Actor], gold: list[dict[str, Any]]) -> bool:
    if not gold:
        return not ours
    countries = {g["country"] for g in gold if g.get("country")}
    return any(not bare_pronoun(a)
               and (a.country in countries or any(_overlaps(a.span, g["span"]) for g in gold))
               for a in ours)


def _country_right(ours: list[Actor], gold: list[dict[str, Any]]) -> bool | None:
    """Whether every actor found by its span carries that gold actor's country: the actor field
    is right by span alone, which hides "Barack Obama" read as Iranian (None: no actor found by
    its span where the gold gives a country)."""
    pairs = [(a, g) for a in ours for g in gold if g.get("country") and _overlaps(a.span, g["span"])]
    return all(a.country == g["country"] for a, g in pairs) if pairs else None


def _date_right(event: Event, gold: dict[str, Any]) -> bool:
    if gold["date_precision"] == "unknown" or gold.get("date") is None:
        return event.date is None
    width = DATE_WIDTH[gold["date_precision"]]
    ours = event.date
    if ours is not None and event.date_precision == "week" and width < DATE_WIDTH["day"]:
        ours = week_month_day(ours)
    return ours is not None and len(ours) >= width and ours[:width] == gold["date"][:width]


def week_month_day(monday: str) -> str:
    """The Thursday of the week a week-precise date starts: the day whose month and year hold
    most of the week's days, which is how the protocol reads "last week" at month precision
    (docs/annotation.md: "the month holding most of its days")."""
    return (date.fromisoformat(monday) + timedelta(days=3)).isoformat()


def place_right(ours: Location | None, gold: dict[str, Any]) -> bool:
    """Whether a place (None: no place) is the gold event's: the same GeoNames id or within 100 miles."""
    place = gold.get("place")
    if place is None or ours is None:
        return place is None and ours is None
    if place.get("geonameid") is not None and place["geonameid"] == ours.geonameid:
        return True
    if _same_division(ours, place):
        return True
    if None in (ours.lat, ours.lon, place.get("lat"), place.get("lon")):
        return False
    return distance_km(ours.lat, ours.lon, place["lat"], place["lon"]) <= MILES_100_KM


def _same_division(ours: Location, place: dict[str, Any]) -> bool:
    """A state or province the gold names with no GeoNames id (the gold tool lists towns) is ours
    when we name the same division of the same country: its map point and our centroid may lie
    further apart than 100 miles ("British Columbia")."""
    return (place.get("geonameid") is None and ours.precision == "admin1" and ours.name is not None
            and ours.name.casefold() == (place.get("name") or "").casefold()
            and ours.country_code == place.get("country_code"))


def _size_right(event: Event, gold: dict[str, Any]) -> bool | None:
    size = gold.get("size")
    if size is None:
        return None
    ours = event.size
    return all((getattr(ours, kind) if ours else None) == size.get(kind)
               for kind in ("dead", "injured", "arrested"))


def grade(event: Event, gold: dict[str, Any] | None) -> dict[str, bool | None]:
    """Each field right or wrong; the fields reported apart are None where the gold says nothing."""
    if gold is None:
        return {name: False for name in FIELDS} | {name: None for name in APART}
    type_right = event.event_type in _types(gold)
    return {
        "type": type_right,
        "actor": _party_right(event.actor, gold.get("actor", [])),
        "date": _date_right(event, gold),
        "place": place_right(event.location, gold),
        "recipient": _party_right(event.recipient, gold.get("recipient", [])),
        "actor_country": _country_right(event.actor, gold.get("actor", [])),
        "mode": (event.mode == gold["mode"]) if type_right and gold.get("mode") else None,
        "historical": event.historical == bool(gold.get("historical")),
        "size": _size_right(event, gold),
    }


def _coded(articles: list[GoldArticle], pipeline: Pipeline) -> Iterator[tuple[GoldArticle, list[Event]]]:
    inputs = [Article(id=a.text.article_id, date=a.text.date, text=a.text.text, title=a.text.title)
              for a in articles]
    for item, coded in zip(articles, pipeline.extract(inputs), strict=True):
        yield item, coded.events


def evaluate(articles: Iterable[GoldArticle], pipeline: Pipeline) -> Result:
    result = Result(articles=list(articles))
    for item, events in _coded(result.articles, pipeline):
        result.political_by_us[item.text.article_id] = any(e.is_published() for e in events)
        for event in events:
            gold = match(event, item.gold["events"])
            right = grade(event, gold)
            if not (event.negated or event.hypothetical):
                result.candidates.append((event.confidence, bool(right["type"] and right["actor"])))
            if event.is_published():
                result.graded.append(Graded(item.text.article_id, event, gold, right))
    return result


def figures(result: Result) -> dict[str, float]:
    graded, gold_events = result.graded, result.gold_events
    found: dict[str, float] = {
        "articles": len(result.articles),
        "gold_events": len(gold_events),
        "published": len(graded),
        "published_matched": sum(g.gold is not None for g in graded),
    }
    for name in FIELDS + APART:
        judged = [g for g in graded if g.right[name] is not None]
        found[f"{name}_precision"] = ratio(sum(bool(g.right[name]) for g in judged), len(judged))
        hit = {id(g.gold) for g in graded if g.gold is not None and g.right[name]}
        found[f"{name}_recall"] = ratio(sum(id(e) in hit for _, e in gold_events), len(gold_events))
    found["all_fields_right"] = ratio(sum(all(g.right[n] for n in FIELDS) for g in graded), len(graded))
    found["bare_pronoun_actors"] = sum(any(bare_pronoun(a) for a in g.event.actor) for g in graded)
    found["relevance_accuracy"] = ratio(
        sum(result.political_by_us[a.text.article_id] == bool(a.gold["political"]) for a in result.articles),
        len(result.articles))
    not_political = {a.text.article_id for a in result.articles if not a.gold["political"]}
    found["published_in_non_political"] = sum(g.article_id in not_political for g in graded)
    found["candidates"] = len(result.candidates)
    found["confidence_log_loss"] = log_loss(result.candidates)
    return found


def _describe(event: Event) -> str:
    actors = ", ".join(f"{a.text}/{a.country}" for a in event.actor) or "-"
    place = event.location.name if event.location else "-"
    return (f"{event.event_type} {event.trigger.text!r} actor {actors} date {event.date} "
            f"place {place} conf {event.confidence}")


def report(result: Result, console: Console, *, show_errors: bool = False) -> dict[str, float]:
    """Print the per-field table and the summary; return the figures."""
    found = figures(result)
    if show_errors:
        for g in result.graded:
            wrong = [n for n in FIELDS if not g.right[n]]
            if wrong:
                gold = f"gold {g.gold['type']} {g.gold['trigger']['text']!r}" if g.gold else "no gold event"
                console.print(f"{g.article_id}: {_describe(g.event)} | {gold} | wrong: "
                              f"{', '.join(wrong)}", markup=False, soft_wrap=True)
    table = Table(title="Real news (hand-annotated): published events")
    table.add_column("field")
    table.add_column("precision", justify="right")
    table.add_column("recall", justify="right")
    for name in FIELDS + APART:
        table.add_row(name, f"{found[f'{name}_precision']:.3f}", f"{found[f'{name}_recall']:.3f}")
    console.print(table)
    summary = Table(title="Real news: summary")
    summary.add_column("figure")
    summary.add_column("value", justify="right")
    for name in ("articles", "gold_events", "published", "published_matched", "all_fields_right",
                 "bare_pronoun_actors", "relevance_accuracy", "published_in_non_political", "candidates",
                 "confidence_log_loss"):
        value = found[name]
        summary.add_row(name, f"{value:.4f}" if name == "confidence_log_loss" else
                        f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(summary)
    return found
