"""What a story says, taken from its mentions: every party named, the largest trustworthy
toll (never a sum: reports of one event repeat and revise one figure) and the most precise
place."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsevents.dedup.similarity import place_rank
from newsevents.records import Actor, Location, Size

UPPER_BOUND = "up to"  # a size qualifier that bounds a count rather than gives it


def _actor_key(actor: Actor) -> tuple[str | None, str | None, str]:
    return actor.country, actor.sector, (actor.name or actor.text).lower()


def union_actors(into: list[Actor], more: Iterable[Actor]) -> None:
    """Add the actors not there yet: a story names every party any of its mentions names."""
    seen = {_actor_key(a) for a in into}
    for actor in more:
        if _actor_key(actor) not in seen:
            seen.add(_actor_key(actor))
            into.append(actor)


def largest_size(sizes: list[Size]) -> Size | None:
    """The largest figure per kind among trustworthy counts ("up to" is a bound, not a count)."""
    trusted = [s for s in sizes if s.qualifier != UPPER_BOUND] or sizes
    if not trusted:
        return None
    best: dict[str, Size] = {}
    for kind in ("dead", "injured", "arrested"):
        given = [s for s in trusted if getattr(s, kind) is not None]
        if given:
            best[kind] = max(given, key=lambda s, k=kind: getattr(s, k))
    if not best:
        return None
    first = next(iter(best.values()))
    return Size(
        span=first.span,
        dead=best["dead"].dead if "dead" in best else None,
        injured=best["injured"].injured if "injured" in best else None,
        arrested=best["arrested"].arrested if "arrested" in best else None,
        qualifier=first.qualifier,
    )


def most_precise(places: list[Location]) -> Location:
    """The most precise place the mentions give; among equals, the one named most often."""
    top = max(place_rank(p) for p in places)
    finest = [p for p in places if place_rank(p) == top]
    votes = Counter(p.geonameid for p in finest)
    return next(p for p in finest if votes[p.geonameid] == max(votes.values()))
