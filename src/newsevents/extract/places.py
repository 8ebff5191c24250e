"""Places: every toponym of an article, resolved (venues.py picks the place of each event).

place_mentions.py reads the toponyms and what is written after them (a capital or country
that speaks or acts, "Beijing said", "Washington warned", is an actor, not a place, and is
left out there); this module holds the resolution: the candidates a name keeps and how they
are ranked. A name is resolved once per article (one sense per discourse) by what the article
says around it: the countries it names (by name, demonym or capital), the divisions and towns
it names, the country the name itself names ("Gaza", a name of Palestine), the county it names
that a namesake lies in ("Lebanon" beside "Boone County" is Lebanon, Indiana), the state where its
other names have namesakes too ("Decatur" and "DeKalb County" meet in Georgia), the division or
country written after a comma ("Paris, Texas": only places inside it), and only then population,
a nation's capital by its own name counting as a bigger place than its namesakes, and a world
city than a hamlet of its name in the article's country.
A town named in the text is never replaced by its country.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc

from newsevents.extract.coding import doc_entities, doc_texts
from newsevents.extract.gazetteer import Gazetteer, Place, capital_ids, division_sizes, fold
from newsevents.extract.place_mentions import Mention, find_mentions
from newsevents.ontology import Ontology
from newsevents.records import Location, distance_km

_PRECISION = {"town": "town", "admin1": "admin1", "admin2": "admin2", "country": "country"}
_KIND_PRIOR = {"country": 1.0, "admin1": 0.85, "admin2": 0.55}
NEAR_KM = 250.0
HAMLET_POPULATION = 2000  # a town named like a nation must be bigger to be meant by the bare name
STRAY_POPULATION = 20000  # a town below it needs the article's support when abroad
INNER_POPULATION = 50000  # a town below it read inside a longer name needs the article's support
DATELINE_CITY = 100000  # a dateline's town of a state's name must be this big to be meant over the state
# weights of the ranking features (tuned on the LGL and GeoWebNews sets)
W_POPULATION = 1.0
W_COUNTRY = 1.2
W_ADMIN1 = 1.0
W_NEAR = 0.6
W_COMMA = 3.0  # a name and the country or division after it that is a list ("Georgia, USA")
W_EXACT = 0.4  # the name itself rather than an alternate name ("Ohio", not Ohio County)
W_COUNTRY_NAME = 1.0  # a country's own name means the country, even in news about another one
W_STATE = 0.3  # a town in the state of another place the article names (local news names one state)
W_JOINT = 0.3  # per other name with a namesake in the candidate's state (_state_votes)
W_COUNTY = 1.0  # a town inside a county the article names ("Lebanon" beside "Boone County": Lebanon, Indiana)
W_HOLDS = 1.0  # a division named like a nation holding the biggest town of another name ("Georgia", Atlanta)
W_ALIAS = 0.5  # a place in the country the name names ("Gaza", a name of Palestine: not Gaza, Mozambique)
COUNTY_KM = 40.0  # ... within this of one of the county's namesakes' centres (counties hold no town list)
W_CAPITAL = 0.4  # a nation's capital by its own name ("Moscow", "Washington") over its namesakes
W_WORLD = 1.0  # a world city by its own name over a hamlet namesake ("London", not London, Ohio)
WORLD_POPULATION = 1_000_000
WORLD_RATIO = 100  # ... a namesake this many times smaller
LOCAL_MENTIONS = 2  # a town named this often is the story's own (_pick's local-story exception)
CUE_CAP = 1  # a country's words (places_cues.tsv) weigh as one name of it at most (LGL: 0, 1, 2, 3, 5 tried)


def _text_countries(doc: Doc, ontology: Ontology, gazetteer: Gazetteer) -> dict[str, Counter[str]]:
    """Countries the article names outright (by name, demonym or capital), by the
    folded name that named them, so a name is not its own evidence."""
    found: dict[str, Counter[str]] = {}
    for ent in doc_entities(doc):
        key = ent.text.lower().removeprefix("the ")
        iso3 = (ontology.country_names.get(key) or ontology.demonyms.get(key)
                or ontology.capitals.get(key))
        code = gazetteer.iso2.get(iso3 or "")
        if code:
            found.setdefault(fold(ent.text), Counter())[code] += 1
    cued = gazetteer.cued([t.replace("\u2019", "'") for t in doc_texts(doc)])
    if cued:  # the words of a country's institutions, under no name's key
        found[""] = Counter({code: min(n, CUE_CAP) for code, n in cued.items()})
    return found


def _within(place: Place, qualifier: Place) -> bool:
    """A place lies below the country or division written after it."""
    if place.country_code != qualifier.country_code:
        return False
    if qualifier.kind == "country":
        return place.kind != "country"
    return place.kind in {"town", "admin2"} and place.admin1 == qualifier.admin1


def _qualified(places: list[Place], after: str, gazetteer: Gazetteer) -> list[Place]:
    """ "Yida, South Sudan", "Springfield, Ill.": the name's places inside the country or
    division written after it; none there, the qualifier itself (the text says where, the
    gazetteer lacks the town), not a namesake abroad. A name that is itself a country or
    division elsewhere ("France, Germany and Italy", "Texas, Oklahoma") is a list, not
    qualified; the comma scoring weighs it."""
    qualifiers = [p for p in gazetteer.index.get(after, ()) if p.kind in {"country", "admin1"}]
    if not qualifiers:
        return places
    inside = [p for p in places if any(_within(p, q) for q in qualifiers)]
    if any(p.kind in {"country", "admin1"} and p not in inside for p in places):
        return places  # a list, or a name the comma scoring weighs ("Georgia, USA")
    return inside or [max(qualifiers, key=_prior)]


def _own_names(places: list[Place], key: str, abbreviated: bool) -> list[Place]:
    """A state's or country's own name is not one of its namesake counties ("Texas", not Texas
    County, Oklahoma, when the article names Oklahoma); towns of that name stay ("Georgia").
    An abbreviation ("US", "U.K.") is no town's name (Us, in France)."""
    if abbreviated:
        places = [p for p in places if p.kind != "town"] or places
    if not any(p.kind in {"country", "admin1"} and fold(p.name) == key for p in places):
        return places
    return [p for p in places if p.kind != "admin2" or fold(p.name) == key]


def _spelt(places: list[Place], mention: Mention) -> list[Place]:
    """A name written with a capital inside a word ("MoD", "DfE") is an acronym unless it is a
    place's own spelling ("DeKalb", "McAllen") or a division's short name ("DuPage"): not a
    town known by it only as another name (Maud, Oklahoma, also called "Mod")."""
    if not any(a.islower() and b.isupper() for a, b in zip(mention.text, mention.text[1:], strict=False)):
        return places
    return [p for p in places if p.kind != "town" or fold(p.name) == mention.key]


def _no_hamlets(places: list[Place], key: str) -> list[Place]:
    """A small town named like a first-level division of its own country ("Wales", a village
    in Yorkshire), or a hamlet named like a nation (China, Texas, 1,100 people, in a Houston
    story about tariffs on China), is not meant by the bare name: news names the division or the
    nation, and writes the town with its county or state ("Washington, Mo.", read by ``_qualified``)."""
    divisions = {p.country_code for p in places if p.kind == "admin1" and fold(p.name) == key}
    nation = any(p.kind == "country" and fold(p.name) == key for p in places)
    return [p for p in places if not (p.kind == "town" and (
        (p.population < STRAY_POPULATION and p.country_code in divisions)
        or (nation and p.population < HAMLET_POPULATION)))]


def _home_capital(places: list[Place], key: str) -> list[Place]:
    """A nation's capital by its own name is not one of its namesakes in the same nation
    ("Washington" in a story set in Missouri is not Washington, Missouri); a namesake abroad
    (Athens, Georgia) stays a candidate, and so does one the text qualifies ("Washington, Mo.")."""
    capital = next((p for p in places if p.kind == "town" and p.geonameid in capital_ids()
                    and fold(p.name) == key), None)
    if capital is None:
        return places
    return [p for p in places if p is capital or p.kind != "town" or p.country_code != capital.country_code]


def _dateline_towns(places: list[Place], mention: Mention, gazetteer: Gazetteer) -> list[Place]:
    """A dateline names a city; one that names a nation's capital alone is the capital
    ("WARSAW, February 26 (Xinhua)"): a namesake would carry its state ("WARSAW, Mo."). A
    capital smaller than a namesake is not meant so (Hamilton, Bermuda), nor a town a hundred
    times smaller than one ("HAMILTON (AP)" is no New York village near the story's Buffalo).
    A state's name with no city of its name is the state a local station heads its stories with
    ("ALASKA - Shortly after 3:30 ..."), not a village abroad ("CAGUAS" is the town, not the
    municipality around it)."""
    towns = [p for p in places if p.kind == "town"] or places
    biggest = max((p.population for p in towns), default=0)
    state = [p for p in places if p.kind == "admin1" and fold(p.name) == mention.key]
    if state and biggest < DATELINE_CITY and not any(
            p.kind == "country" or (p.kind == "town" and p.country_code == state[0].country_code)
            for p in places):
        return state
    capital = [p for p in towns if p.geonameid in capital_ids() and p.population == biggest]
    qualified = mention.after is not None and any(
        p.kind in {"country", "admin1"} for p in gazetteer.index.get(mention.after, ()))
    return towns if qualified else capital or [p for p in towns if p.population * WORLD_RATIO >= biggest]


def _in_named_county(key: str, town: Place, counties: list[tuple[str, Place]]) -> bool:
    """A town lies in a county another name of the article may mean: a local paper names the
    county of its courts and jails ("Boone County Jail"), and only one of a town's namesakes
    lies in any county of that name (on LGL, 74 toponyms placed right against 9 wrong)."""
    return any(other != key and p.country_code == town.country_code and abs(p.lat - town.lat) < 1
               and distance_km(p.lat, p.lon, town.lat, town.lon) < COUNTY_KM for other, p in counties)


def _state_votes(candidates: dict[str, list[Place]]) -> dict[tuple[str, str], dict[str, float]]:
    """Per first-level division, each name's share of its candidates' divisions: a local paper's
    names meet in one state ("Decatur", "DeKalb County", "Avondale" all have a namesake in
    Georgia), while namesakes scatter; a name found in one state only gives it a whole vote."""
    votes: dict[tuple[str, str], dict[str, float]] = {}
    for key, places in candidates.items():
        states = {(p.country_code, p.admin1 or "") for p in places}
        for state in states:
            if state[1]:
                votes.setdefault(state, {})[key] = 1 / len(states)
    return votes


def _prior(place: Place) -> float:
    if place.kind in _KIND_PRIOR:
        return _KIND_PRIOR[place.kind]
    return min(math.log10(place.population + 10) / 7.0, 1.0) * 0.8


class _Resolver:
    def __init__(self, mentions: list[Mention], gazetteer: Gazetteer,
                 countries: dict[str, Counter[str]]) -> None:
        self.gaz = gazetteer
        self.candidates = {m.key: _spelt(_own_names(gazetteer.index.get(m.key, []), m.key,
                                                    m.text.isupper() and len(m.key) <= 3), m)
                           for m in mentions}
        qualified = {m.key for m in mentions if m.after or m.qualifier}
        for key in self.candidates.keys() - qualified:
            self.candidates[key] = _home_capital(_no_hamlets(self.candidates[key], key), key)
        for mention in mentions:
            if mention.town:
                key = mention.key
                self.candidates[key] = _dateline_towns(self.candidates[key], mention, gazetteer)
            if mention.qualifier:
                key = mention.key
                self.candidates[key] = _qualified(self.candidates[key], mention.qualifier, gazetteer)
            if mention.state:  # "Washington state", "western New York state": the division
                divisions = [p for p in self.candidates[mention.key] if p.kind == "admin1"]
                self.candidates[mention.key] = divisions or self.candidates[mention.key]
        self.counts = Counter(m.key for m in mentions)
        self.inner = {m.key for m in mentions if m.inner} - {m.key for m in mentions if not m.inner}
        self.bodies = {m.key for m in mentions if m.body} - {m.key for m in mentions if not m.body}
        self.after = {m.key: m.after for m in mentions if m.after}
        self.spelt = {key: {p.country_code for p in places if p.kind == "town" and fold(p.name) == key}
                      for key, places in self.candidates.items()}
        self.named = countries
        keys = self.candidates.keys() | countries.keys()
        self.kin = {key: {k for k in keys if k == key or k.startswith(key + " ") or key.startswith(k + " ")}
                    for key in self.candidates}  # "dublin" and "dublin city" are no evidence for each other
        self.world = {key: max((p for p in places if p.kind == "town" and fold(p.name) == key),
                               key=lambda p: p.population, default=None)
                      for key, places in self.candidates.items()}  # the biggest town of each name
        self.text_countries: Counter[str] = sum(countries.values(), Counter())
        self.cues = countries.get("", Counter())
        self.votes = _state_votes(self.candidates)
        counties = [(key, p) for key, places in self.candidates.items()
                    for p in places if p.kind == "admin2"]  # any namesake: which is meant is asked
        self.in_county = {(key, p.geonameid) for key, places in self.candidates.items() for p in places
                          if p.kind == "town" and _in_named_county(key, p, counties)}
        self.country_names = {key for key, places in self.candidates.items() if any(
            p.kind == "country" and fold(p.name) == key for p in places)}
        self.aliases = {key: {p.country_code for p in places if p.kind == "country"}
                        for key, places in self.candidates.items()}  # the countries a name names

    def score(self, key: str, place: Place, countries: Counter[str], total: int,
              divisions: set[tuple[str, str]], points: list[tuple[str, Place]]) -> float:
        score = W_POPULATION * _prior(place)
        if fold(place.name) == key:
            score += W_EXACT + (W_COUNTRY_NAME if place.kind == "country" else 0.0)
            score += W_CAPITAL if place.kind == "town" and place.geonameid in capital_ids() else 0.0
        if total:
            score += W_COUNTRY * countries[place.country_code] / total
        if place.kind != "country" and place.country_code in self.aliases[key]:
            score += W_ALIAS
        after = self.after.get(key)
        if after and any(
            p.country_code == place.country_code and (p.kind == "country" or p.admin1 == place.admin1)
            for p in self.gaz.index.get(after, ()) if p.kind in {"country", "admin1"}
        ):
            score += W_COMMA
        if place.kind == "admin1" and key in self.country_names and any(
                other != key and town is not None and town.country_code == place.country_code
                and town.admin1 == place.admin1 for other, town in self.world.items()):
            score += W_HOLDS  # "Georgia" in a story from Atlanta is the state its biggest Atlanta is in
        if place.kind not in {"town", "admin2"} or self._misspelt(key, place):
            return score
        if (place.country_code, place.admin1) in divisions:
            score += W_ADMIN1
        elif any(other != key and p.country_code == place.country_code and p.admin1 == place.admin1
                 for other, p in points):
            score += W_STATE
        if key not in self.country_names:  # "Italy" is no Texas town for all the Texas names around it
            votes = self.votes.get((place.country_code, place.admin1 or ""), {})
            score += W_JOINT * sum(share for other, share in votes.items() if other != key)
        if any(other != key and abs(p.lat - place.lat) < 3 and abs(p.lon - place.lon) < 4
               and distance_km(p.lat, p.lon, place.lat, place.lon) < NEAR_KM for other, p in points):
            score += W_NEAR
        if place.kind == "town" and (key, place.geonameid) in self.in_county:
            score += W_COUNTY
        return score

    def _pick(self, key: str, places: list[Place], score: Callable[[Place], float],
              countries: Counter[str]) -> Place:
        """The best scored place; a town a hundred times smaller than a world city of the same
        name, or than a nation's capital by its own name, must beat the city by ``W_WORLD``: the
        country the article is about is weak evidence for it ("London" in a story from Washington
        is not London, Ohio, nor "Washington" in one naming London a Sussex village near it),
        its state or a town near it, named in the text, still is. The namesakes among themselves
        keep their order. So must a first-level division abroad smaller than a city of its name
        (gazetteer.division_sizes): "Manchester" is no Jamaican parish unless the text says so.
        A local story is the exception: a town named again and again in an article whose words are
        those of its country's bodies (places_cues.tsv) and that names nothing of the city's
        country is the local town ("the Paris police and the sheriff's office": Paris, Texas)."""
        best = max(places, key=score)
        city = self.world.get(key)
        if (city is not None and self.cues[best.country_code] and not countries[city.country_code]
                and self.counts[key] >= LOCAL_MENTIONS):
            return best
        if (best.kind == "admin1" and city is not None and city.country_code != best.country_code
                and city.population > division_sizes().get(best.country_code, 0)):
            return city if score(city) + W_WORLD > score(best) else best
        if (best.kind != "town" or city is None
                or (city.population < WORLD_POPULATION and city.geonameid not in capital_ids())
                or best.population * WORLD_RATIO >= city.population):
            return best
        return city if score(city) + W_WORLD > score(best) else best

    def _misspelt(self, key: str, place: Place) -> bool:
        """A town known by the written name only as another name, while a town of its country
        bears it as its own ("Pittsburgh" read as Pittsburg, California, beside Pittsburgh,
        Pennsylvania): the spelling says which is meant more surely than the states and towns
        the article names elsewhere, so those do not count for it (a comma qualifier still does)."""
        return place.kind == "town" and fold(place.name) != key and place.country_code in self.spelt[key]

    def resolve(self) -> dict[str, Place]:
        """Pick a place per name: first from the article's named countries, then
        again with what the first choices say about countries, divisions and towns."""
        choice: dict[str, Place] = {}
        for key, places in self.candidates.items():
            if places:
                counts = self.text_countries - sum((self.named[k] for k in self.kin[key] if k in self.named),
                                                   Counter())
                total = sum(counts.values())
                choice[key] = self._pick(key, places, functools.partial(
                    self.score, key, countries=counts, total=total, divisions=set(), points=[]), counts)
        for _ in range(2):
            choice = self._again(choice)
        countries: Counter[str] = Counter(self.text_countries)
        for key, place in choice.items():
            if place.country_code:  # a sea of several countries is in none
                countries[place.country_code] += self.counts[key]
        main = countries.most_common(1)[0][0] if countries else None
        return {k: p for k, p in choice.items() if not self._stray(k, p, choice, main)}

    def _stray(self, key: str, place: Place, choice: dict[str, Place], main: str | None) -> bool:
        """A small town abroad that nothing in the article supports ("Heathrow" read as a
        Florida town in a London story, "EU" as a French one), a town of any size known by the
        written name only as another name ("Yida" read as Jeddah in a South Sudan story, "Tabar"
        as Tábor), a division abroad read only inside a body's name ("Peel Regional Police" in a
        Mississauga story: not the Isle of Man's Peel), or a small town read only inside a longer
        name, at home too ("Valley Hotel", "the Airport Courthouse" in an Alaska story): no comma
        qualifier, no division or place of the article near it, and, but for the last, not in the
        article's main country. Left unresolved: a wrong point would place events there."""
        if key in self.after or place.kind == "country" or (place.kind != "town" and key not in self.bodies):
            return False
        small_inner = key in self.inner and place.kind == "town" and place.population < INNER_POPULATION
        if not small_inner and (place.country_code == main or (
                place.kind == "town" and place.population >= STRAY_POPULATION and fold(place.name) == key)):
            return False
        return not any(
            other != key and p.country_code == place.country_code and (
                (p.kind == "admin1" and p.admin1 == place.admin1) or (
                    p.kind in {"town", "admin2"}
                    and distance_km(p.lat, p.lon, place.lat, place.lon) < NEAR_KM))
            for other, p in choice.items())

    def _again(self, choice: dict[str, Place]) -> dict[str, Place]:
        countries: Counter[str] = Counter()
        for key, place in choice.items():
            if place.country_code:
                countries[place.country_code] += self.counts[key]
        for key, named in self.named.items():
            if key not in choice:  # demonyms and the like, not toponyms themselves
                countries.update(named)
        points = [(k, p) for k, p in choice.items() if p.kind in {"town", "admin2"}]
        new = {}
        for key, places in self.candidates.items():
            if not places:
                continue
            counts = Counter(countries)
            for kin in self.kin[key] & choice.keys():
                if choice[kin].country_code:
                    counts[choice[kin].country_code] -= self.counts[kin]
            divisions = {(p.country_code, p.admin1 or "") for k, p in choice.items()
                         if k != key and p.kind == "admin1"}
            total = sum(counts.values())
            new[key] = self._pick(key, places, functools.partial(
                self.score, key, countries=counts, total=total, divisions=divisions, points=points), counts)
        return new


def resolve_places(doc: Doc, *, gazetteer: Gazetteer, ontology: Ontology) -> list[Location]:
    """Every place name in the article, each resolved in the article's context."""
    mentions = find_mentions(doc, ontology, gazetteer)
    choice = _Resolver(mentions, gazetteer, _text_countries(doc, ontology, gazetteer)).resolve()
    found = []
    for mention in mentions:
        place = choice.get(mention.key)
        if place is None:
            found.append(Location(text=mention.text, span=mention.span))
            continue
        found.append(Location(
            text=mention.text, span=mention.span, name=place.name,
            geonameid=place.geonameid or None, lat=place.lat, lon=place.lon,
            country_code=place.country_code or None, admin1=gazetteer.admin1_name(place),
            precision=_PRECISION[place.kind],
        ))
    return found
