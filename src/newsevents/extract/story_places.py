"""Story places: where the article's story is told from and where it happens.

The dateline ("NAIROBI, Kenya (AP) -") is where the reporter heard what the article reports, so
where its statements were made; the main place is the place the article tells of, where a
material act with no place of its own happened (events.py reads the one, venues.py the other).
Places named only as an owner ("U.S. embassies", "the Henderson County Sheriff's Office") or in
a person's address say whose or who, not where.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from newsevents.extract import datelines
from newsevents.extract.coding import entity_at
from newsevents.extract.localities import residence
from newsevents.extract.seats import MODIFIERS, toponym_token
from newsevents.extract.trigger_clauses import clause_verb
from newsevents.records import Location, distance_km

AREA_KM = 50.0  # towns this near the first named are one area (a neighbourhood and its city, a suburb)


def dateline(toponyms: list[Location], doc: Doc) -> Location | None:
    """The town of the article's dateline (datelines.py: "NAIROBI, Kenya (AP) -"), if it has
    one: where the reporter heard what the article reports, so where its statements were made."""
    found = datelines.in_doc(doc)
    if found is None:
        return None
    # a dateline names a city (news style); a name read as a county or state is left out
    return next((t for t in toponyms if found.town[0] <= t.span[0] and t.span[1] <= found.end
                 and t.precision == "town"), None)


def main_place(toponyms: list[Location], doc: Doc, preps: frozenset[str]) -> Location | None:
    """The article's main place (``_dominant``), worked out once per article and set of places:
    every material act of the article with no place of its own asks for it. A country named
    only as an owner ("India's navy captured pirates") tells whose forces acted, not where, and
    a person's address (``preps``, localities.py) where the person lives."""
    key = ("newsevents.main_place", tuple(t.span for t in toponyms))
    if key not in doc.user_data:
        lead = doc[0].sent
        placed = [t for t in toponyms if t.precision != "unknown" and not whose(t, lead)
                  and not of_body(t, lead) and not residence(toponym_token(lead, t), preps)]
        main = _dominant(placed, lead.end_char)
        if main is not None and main.precision == "country":  # named as a place, not only as an owner
            main = next((t for t in placed if t.geonameid == main.geonameid
                         and (token := toponym_token(lead, t)) is not None and token.dep_ != "poss"), None)
        doc.user_data[key] = main
    return doc.user_data[key]  # type: ignore[no-any-return]


def sea_place(toponyms: list[Location], sentence: Span, maritime: frozenset[str]) -> Location | None:
    """The water of several countries the article names most (places_sites.tsv: "the Gulf of
    Aden"), the first named of equals, as the place of an act at sea that names none of its own:
    one whose sentence speaks of ships, navies or pirates (modality.yaml ``maritime_words``).
    A port or coast the article names is where the news was told, not where a navy boarded a
    pirate skiff."""
    waters = [t for t in toponyms if t.geonameid is None and t.country_code is None and t.lat is not None]
    if not waters or not any(t.lemma_.lower() in maritime for t in sentence):
        return None
    named = Counter(t.name for t in waters)
    most = max(named.values())
    return next(t for t in waters if named[t.name] == most)


def whose(toponym: Location, sentence: Span) -> bool:
    """A country written before a noun ("U.S. embassies", "UK produce"): it says whose the
    thing is, not where anything happens."""
    token = toponym_token(sentence, toponym)
    return toponym.precision == "country" and token is not None and token.dep_ in MODIFIERS


def at_fixture(toponym: Location, doc: Doc, fixtures: frozenset[str]) -> bool:
    """A place phrase on a sports fixture or a show ("Sunday's playoff game at Pittsburgh", "the
    team's playoff loss at Pittsburgh", modality.yaml ``fixture_nouns``): where it is played, not
    where the article's acts happened (a player's arrest at home before the game); or a place
    owning one ("San Diego's playoff loss"): the team, no place."""
    token = toponym_token(doc, toponym)
    return token is not None and _fixture(token, fixtures) is not None


def _fixture(token: Token, fixtures: frozenset[str]) -> Token | None:
    """The fixture noun a place's word hangs on, as its owner or through a preposition."""
    if token.dep_ == "poss":
        held = token.head
    elif token.dep_ == "pobj" and token.head.dep_ == "prep":
        held = token.head.head
    else:
        return None
    named = held.lemma_.lower() in fixtures or any(
        c.dep_ == "compound" and c.lemma_.lower() in fixtures for c in held.children)
    return held if held.pos_ == "NOUN" and named else None


def off_fixtures(toponyms: list[Location], trigger: Token, fixtures: frozenset[str],
                 occasions: frozenset[str]) -> list[Location]:
    """The places an act may have happened at: not a fixture's (``at_fixture``) unless the act took
    place at the fixture ("arrested two fans during the game at Pittsburgh", modality.yaml
    ``occasion_preps``), not before or after it ("arrested two days before the game at Pittsburgh")."""
    heads = {trigger.i, clause_verb(trigger).i}

    def kept(toponym: Location) -> bool:
        token = toponym_token(trigger.doc, toponym)
        game = None if token is None else _fixture(token, fixtures)
        return game is None or (token.dep_ == "pobj" and game.dep_ == "pobj"
                                and game.head.lower_ in occasions and game.head.head.i in heads)

    return [t for t in toponyms if kept(t)]


def of_body(toponym: Location, sentence: Span) -> bool:
    """A place inside an organization's name ("Oregon's Guard", "the Henderson County Sheriff's
    Office"): it says whose the body is (its seat, when it acts), not where anything happens."""
    token = toponym_token(sentence, toponym)
    if token is None or token.ent_type_ != "ORG":
        return False
    name = entity_at(token)  # an ORG that is only a place name is a place
    return name is not None and (name.start_char, name.end_char) != toponym.span


def _one_area(towns: list[Location]) -> bool:
    """The towns lie within a short way of the first ("East Flatbush, Brooklyn", a suburb and its
    city): one area, where the story happens, not several stories' places."""
    first = towns[0]
    if first.lat is None or first.lon is None:
        return False
    return all(t.lat is not None and t.lon is not None
               and distance_km(first.lat, first.lon, t.lat, t.lon) <= AREA_KM for t in towns)


def _dominant(toponyms: list[Location], lead_end: int) -> Location | None:
    """The article's main place, the one it tells of: in the country named most often (towns
    count for their country), a town named at least twice, the only town named or the one town
    of the lead (its first sentence, a local paper's title: "Funeral for 4 slain Oakland police"),
    or the first of towns that lie in one area (``_one_area``), else a division named at least
    twice, else that country when it is the only one named; None for an article that ranges over
    several (it does not say where its acts happened)."""
    countries = Counter(t.country_code for t in toponyms if t.country_code)
    if not countries:
        return None
    country = countries.most_common(1)[0][0]
    inside = [t for t in toponyms if t.country_code == country]
    towns = [t for t in inside if t.precision == "town"]
    for precision in ("town", "admin2", "admin1"):
        named = Counter(t.geonameid for t in inside if t.precision == precision)
        if named and (named.most_common(1)[0][1] >= 2 or (precision == "town" and len(named) == 1)):
            best = named.most_common(1)[0][0]
            return next(t for t in inside if t.geonameid == best)
        lead = {t.geonameid for t in inside if t.precision == precision and t.span[1] <= lead_end}
        if precision == "town" and len(lead) == 1:
            return next(t for t in inside if t.geonameid in lead)
        if precision == "town" and towns and _one_area(towns):
            return towns[0]
    alone = len(countries) == 1
    return next((t for t in inside if t.precision == "country"), None) if alone else None
