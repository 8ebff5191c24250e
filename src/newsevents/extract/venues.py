"""Venues: where each event happened, chosen among the article's resolved places (places.py).

The place the text ties to the event's own clause comes first: a place phrase on the trigger or
its clause verb (a venue, "in", "at", before a direction or topic, "toward", "on"); the
dateline's town for a clause the reporter says was "here" ("Orban said here Friday"); the land a
material act is done to ("invaded Afghanistan"); the capital a seat landmark in a venue phrase
stands in ("met at the White House": seats.landmark_venue). Else the seat of a body that acts
("the embassy in London", "police in Lagos": a body's jurisdiction is place evidence,
docs/annotation.md), or the seat the doer is named by, unless the act is old ("Tbilisi denied",
"the Kremlin said" when Moscow is named: seats.named_seat), or the capital of a chamber named by
its nation as actor or venue ("the Hungarian parliament ratified", "heard in the British
parliament"), or the one state, county or city the article names for a body named by that level
alone ("the state Supreme Court denied"). Else the place nearest the trigger in the sentence's
parse, not the first one written ("who lived in Moscow and was visiting her father in Salisbury
when they were attacked": Salisbury); for a statement, only a place standing as a venue ("at the
Madrid summit", not the topic in "threatened tariffs on imports from China" nor a place inside
its object, "called on Israel to stop demolitions in Jerusalem"). Else, for a statement, the
dateline, where the reporter heard it, unless a foreign state speaks by its own name (Russia's
denial reported from London was not made in London; a visiting president's pledge reported
from Moscow was); for a material act, the article's main place, whoever the actor
(foreign troops strike there too), or for an act at sea the water the article names (its port is
where the news was told). A statement is never put at the main place: accusations and
appeals about it are made elsewhere. Places inside the actor and recipient phrases ("envoys from
the U.S.", "asked China") say who, not where, and so does a country before a noun ("U.S.
embassies"; in a venue phrase, when it names another place: "attacks at U.S. embassies in
Kenya") and any place before an office ("the shooting of the Alabama governor"). An act whose
place is one of coordinated places in several countries ("the embassies in Kenya and Tanzania")
has none (docs/annotation.md). A person's address ("Tom Miller, 31, of Ohio,") is no venue, and
a material act placed in a country or state takes the locality the article names inside it
(localities.py), unless the land is what the act is done to ("invaded Kuwait": the whole of it).
nearest_place.py ranks the places of the parse by distance, points.py then gives the chosen
place its coordinates (a country's capital, a point off an anchor town).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsevents.extract.localities import narrowed
from newsevents.extract.nearest_place import nearest_place
from newsevents.extract.points import anchors_offset, at_capital, offset
from newsevents.extract.scoring import quoted, sentence_marks
from newsevents.extract.seats import (
    capital_body,
    landmark_venue,
    local_body,
    named_seat,
    party_seat,
    titled,
    toponym_token,
    without_landmarks,
)
from newsevents.extract.story_places import main_place, off_fixtures, sea_place, whose
from newsevents.extract.trigger_clauses import clause_verb
from newsevents.ontology import Ontology
from newsevents.ontology.codes import country_codes
from newsevents.records import Location

_OBJECTS = {"dobj", "dative", "attr", "oprd"}
_PRECISE = ("town", "admin2", "admin1", "country")  # most precise first
INTERNATIONAL = "IGO"  # the country code of international bodies



def event_location(
    trigger: Token, toponyms: list[Location], sentence: Span, ontology: Ontology,
    exclude: tuple[tuple[int, int], ...] = (), venue: Location | None = None,
    actors: tuple[str, ...] = (), said: bool = False, text: str | None = None,
    local_speaker: bool = False, meeting: bool = False, historical: bool = False,
    here: Location | None = None, state_speaker: bool = False,
) -> Location | None:
    """The place the text ties to an event (see the module docstring for the order).

    ``exclude``: the spans of the event's actor and recipient phrases; ``venue``: the
    dateline, for statements; ``actors``: the ISO alpha-3 countries of the event's actors;
    ``said``: the event is verbal (a statement, a meeting), not a material act; ``text``: the
    doc's text, when known (Doc.text joins every token again); ``local_speaker``: every actor
    is of a sector that speaks where the story is (police, courts); ``meeting``: a meeting or
    visit, held where the party met sits ("visited NATO headquarters in Brussels"); ``historical``:
    the act is older than the day's news, so neither the dateline nor its doer's seat says where
    it was made; ``state_speaker``: an actor is a state named by its own name ("Russia"),
    which speaks from home, not from a foreign dateline;
    ``here``: the dateline, for any act its clause says was "here".
    """
    preps = ontology.words("address_preps")
    toponyms = off_fixtures(without_landmarks(toponyms, ontology), trigger,  # seats.landmark_seat reads those
                            ontology.words("fixture_nouns"), ontology.words("occasion_preps"))
    fallback = _fallback(toponyms, venue, actors, said, sentence.doc, preps, local_speaker, meeting,
                         historical, here, state_speaker)
    text = sentence.doc.text if text is None else text
    # a navy's capture is at the sea the article names, not at its port; a point off the coast
    # ("150 nautical miles west of Aden") is at sea already
    sea = None if said or historical else sea_place(toponyms, sentence, ontology.words("maritime_words"))
    if sea is not None and not anchors_offset(fallback, text):
        fallback = sea
    resolved = [t for t in toponyms if t.precision != "unknown"]
    place = None if said else _target_place(trigger, resolved, sentence, ontology)
    if place is None:
        place = _venue(trigger, toponyms, sentence, ontology, exclude, fallback, said, meeting, here,
                       historical)
        if not said:
            place = narrowed(place, resolved, sentence.doc, preps)
    return at_capital(offset(place, text))


def _fallback(toponyms: list[Location], venue: Location | None, actors: tuple[str, ...],
              said: bool, doc: Doc, preps: frozenset[str], local_speaker: bool = False, meeting: bool = False,
              historical: bool = False, here: Location | None = None,
              state_speaker: bool = False) -> Location | None:
    """The place of an event whose sentence gives none. A material act happens where the
    article's story does, whoever does it (foreign troops strike there too), unless the act is
    older than the day's news and that place is the dateline's town, where the reporter is today
    (gold leaves such background acts unplaced when the text does not say where); a statement is
    made where it was heard, the dateline, unless a foreign state speaks by its own name
    ("Russia denied", reported from London: from home, as the state), though a meeting with the
    host is held there; not an act older than the day's news either (gold leaves such statements
    unplaced when the text does not say where). A person or body of another country quoted under
    a dateline was heard there: on DEV, visitors' statements (a president assuring his host, an
    FBI chief praising the police he toured with) outnumber remote reactions. With no
    dateline, the police and courts of the story's own country speak where it is ("police
    asked anyone with information to call"); a town's or a division's, not a whole country's."""
    if not said:
        main = main_place(toponyms, doc, preps)
        return None if historical and _same(main, here) else main
    if venue is not None:
        return venue if not historical and (meeting or not state_speaker or _among(venue, actors)) else None
    main = main_place(toponyms, doc, preps) if local_speaker else None
    return main if main is not None and main.precision != "country" and _local(main, actors) else None


def _venue(trigger: Token, toponyms: list[Location], sentence: Span, ontology: Ontology,
           exclude: tuple[tuple[int, int], ...], fallback: Location | None, said: bool,
           meeting: bool = False, here: Location | None = None, historical: bool = False) -> Location | None:
    resolved = [t for t in toponyms if t.precision != "unknown"]
    named = [_inside(t, exclude) for t in resolved]  # inside a participant's phrase: each once
    own = [t for t, inside in zip(resolved, named, strict=True) if not inside]
    heads = [trigger]
    verb = clause_verb(trigger)
    if verb.i != trigger.i:
        heads.append(verb)
    # a material act's own place phrase is its place even when the actor was read from it
    # ("expulsions of diplomats from Britain"); a statement's is not ("backing from the US")
    for preps in (ontology.words("venue_preps"), ontology.words("location_preps")):
        for head in heads:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    within = resolved if not said else own
                    start, end = child.idx + len(child), _end(child)
                    # "at U.S. embassies in Kenya": whose, then where; "in the Kenya embassy bombing"
                    inside = [t for t in _within(within, start, end)
                              if not _in_clause(toponym_token(sentence, t), child)]
                    owned = [t for t in inside if not whose(t, sentence)]
                    place = _most_precise(owned) or _most_precise(inside)
                    if place is not None:
                        return None if _spread(place, resolved, sentence) else place
    landmark = landmark_venue(heads, resolved, ontology)  # "at the White House"
    if landmark is not None:
        return landmark
    if here is not None and _said_here(heads, sentence, ontology):
        return here
    journey = _visited(heads, resolved, ontology) if meeting else None
    journey = journey or _journey_end(verb, resolved, ontology)
    if journey is not None:
        return journey
    parties = [t for t, inside in zip(resolved, named, strict=True) if inside]
    if said and not meeting:  # a statement is made at its speaker's seat, not at the seat of what it is about
        parties = [t for t in parties if _in_subject(toponym_token(sentence, t), heads)]
    seat = party_seat(parties, sentence, ontology) or (
        None if historical else named_seat(heads, resolved, sentence, ontology, exclude))
    if seat is not None:  # "the bombings of embassies in Kenya and Tanzania": spread too
        return None if _spread(seat, resolved, sentence) else seat
    body = capital_body(heads, ontology) or local_body(heads, resolved, ontology,
                                                       main_place(toponyms, sentence.doc,
                                                                   ontology.words("address_preps")))
    if body is not None:
        return body
    in_sentence = [t for t in own if sentence.start_char <= t.span[0] and t.span[1] <= sentence.end_char]
    if said:  # a statement's sentence names what it is about; only a venue phrase says where
        in_sentence = [t for t in in_sentence if _as_venue(token := toponym_token(sentence, t), ontology)
                       and not _other_act(token, trigger, ontology)
                       and (meeting or not _in_content(token, heads, ontology.words("object_doer_preps")))]
    else:  # "the shooting comes after the police killing in Sacramento": the killing's place
        in_sentence = [t for t in in_sentence if not _other_act(token := toponym_token(sentence, t), trigger,
                                                                ontology) or _under(token, trigger)]
    untitled = [t for t in in_sentence if not titled(toponym_token(sentence, t), ontology)]
    nearest = nearest_place(trigger, untitled, sentence, ontology.words("address_preps"))
    if nearest is not None and _spread(nearest, resolved, sentence):
        return None
    return nearest or fallback


def _target_place(trigger: Token, toponyms: list[Location], sentence: Span,
                  ontology: Ontology) -> Location | None:
    """The place a material act is done to, when its verb takes the land itself as object
    ("the Soviet Union invaded Afghanistan", "troops occupied the town of Zvecan"): the act
    happens there, the whole of it, before any venue phrase ("invaded Kuwait in 1990";
    docs/annotation.md: an invasion is placed in the invaded country), though a country that
    is a verb's object is otherwise a party, not a place. So for the land an act noun is "of"
    or "on" ("Iraq's invasion of Kuwait", "air strikes on Gaza"), unless it is one of
    coordinated lands ("raids on Afghanistan and Sudan": an act in several countries has none)."""
    verb = clause_verb(trigger)
    by_verb = verb.lemma_.lower() in ontology.words("place_object_verbs")
    by_noun = trigger.pos_ == "NOUN" and trigger.lemma_.lower() in ontology.words("place_object_nouns")
    if not (by_verb or by_noun):
        return None
    tokens = [(t, token) for t in toponyms if sentence.start_char <= t.span[0] < sentence.end_char
              and (token := toponym_token(sentence, t)) is not None]  # in the act's sentence
    for toponym, token in tokens:
        if by_verb and ((token.head.i == verb.i and token.dep_ == "dobj") or (
                token.dep_ == "pobj" and token.head.dep_ == "prep"  # "occupied the town of Zvecan"
                and token.head.head.dep_ == "dobj" and token.head.head.head.i == verb.i)):
            return toponym
    return next((toponym for toponym, token in tokens if by_noun
                 and token.dep_ == "pobj" and token.head.lower_ in {"of", "on"}
                 and token.head.head.i == trigger.i and not token.conjuncts), None)


def _said_here(heads: list[Token], sentence: Span, ontology: Ontology) -> bool:
    """The reporter puts the act in the dateline's town: "here" on the trigger or its verb, or on
    the object of one of their venue phrases ("Orban said here Friday", "the ceremony at the
    Truman Library here"); not inside a quotation, where "here" is wherever the speaker was."""
    adverbs, preps = ontology.words("dateline_adverbs"), ontology.words("venue_preps")
    marks = sentence_marks(sentence)
    for head in heads:
        holders = [head, *(o for c in head.children if c.dep_ == "prep" and c.lower_ in preps
                           for o in c.children if o.dep_ == "pobj")]
        if any(c.lower_ in adverbs and c.dep_ == "advmod" and not quoted(c, marks)
               for h in holders for c in h.children):
            return True
    return False


def _journey_end(verb: Token, toponyms: list[Location], ontology: Ontology) -> Location | None:
    """An act told as the purpose of a journey, or as the next step of one ("left for
    Washington to meet her counterparts", "flew to Washington to appeal to the attorney general",
    "flew to Detroit and toured the plant"), is done where the journey ends, not where the
    traveller comes from."""
    travel = verb.head
    if verb.dep_ not in {"xcomp", "advcl", "conj"} or (
            travel.lemma_.lower() not in ontology.words("travel_verbs")):
        return None
    for child in travel.children:
        if child.dep_ == "prep" and child.lower_ in ontology.words("travel_preps"):
            place = _most_precise(_within(toponyms, child.idx + len(child), _end(child)))
            if place is not None:
                return place
    return None


def _visited(heads: list[Token], toponyms: list[Location], ontology: Ontology) -> Location | None:
    """A visit is held where the visitor went: the place a visit word takes as its object
    ("visited Prague", "toured the West Bank") or after a travel preposition ("an official visit
    to Prague", "his trip to Beijing"), also as the object of a light verb ("paid a visit to")."""
    for head in [*heads, *(c for h in heads for c in h.children if c.dep_ == "dobj")]:
        if head.lemma_.lower() not in ontology.words("visit_words"):
            continue
        for child in head.children:
            if child.dep_ == "dobj":
                start = child.doc[child.left_edge.i].idx
            elif child.dep_ == "prep" and child.lower_ in ontology.words("travel_preps"):
                start = child.idx + len(child)
            else:
                continue
            place = _most_precise(_within(toponyms, start, _end(child)))
            if place is not None:
                return place
    return None


def _as_venue(token: Token | None, ontology: Ontology) -> bool:
    """A place standing as a venue: the object of a venue preposition, or a word of that object
    ("in London", "at the Madrid summit"), not an origin or a topic ("imports from China",
    "arming rebels in the states of Kordofan")."""
    if token is not None and token.dep_ in {"compound", "amod", "nmod"}:
        token = token.head
    return (token is not None and token.dep_ == "pobj"
            and token.head.lower_ in ontology.words("venue_preps"))


def _in_clause(token: Token | None, prep: Token) -> bool:
    """The place lies in a clause inside the phrase ("in efforts to prevent his return to Cuba"):
    it tells where that clause's act would be, not where the phrase puts the event; a participle
    describing the phrase's noun is no such clause ("at a ceremony held in Independence")."""
    node = token
    while node is not None and node.i != prep.i and node.head.i != node.i:
        if node.pos_ in {"VERB", "AUX"} and not (node.dep_ == "acl" and node.tag_ in {"VBN", "VBG"}):
            return True
        node = node.head
    return False


def _other_act(token: Token | None, trigger: Token, ontology: Ontology) -> bool:
    """The place phrase hangs on the noun of another, material act ("dismissed the claims over
    a raid at a plant in Worthington", "the visit came amid attacks in Tunisia"): it says where
    that act happened, not where the statement was made (a meeting is a venue: "said at the
    summit in Madrid")."""
    node = token
    while node is not None and node.head.i != node.i:
        node = node.head
        if node.i == trigger.i or node.pos_ in {"VERB", "AUX"}:
            return False
        senses = ontology.triggers.get((node.lemma_.lower(), "NOUN"), []) if node.pos_ == "NOUN" else []
        if any(s.event_type in ontology.event_types and not ontology.event_types[s.event_type].verbal
               for s in senses):
            return True
    return False


def _under(token: Token | None, trigger: Token) -> bool:
    """The place phrase hangs on the trigger through nouns alone ("killed 40 people during an
    attack on a school in Gaza"): the act it names is the trigger's own circumstance."""
    node = token
    while node is not None and node.head.i != node.i:
        node = node.head
        if node.i == trigger.i:
            return True
        if node.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _in_content(token: Token | None, heads: list[Token], doer_preps: frozenset[str]) -> bool:
    """The place phrase lies in an object of the statement, or of a clause it governs ("called
    on Israel to stop the demolitions in Jerusalem", "defended NATO's role in Kosovo"), or in the
    gerund that says what the statement is for (``doer_preps``: "assailed Ukraine for holding
    exercises in the Black Sea", "accused Russia of poisoning him in Salisbury"): it names
    the topic, not where the words were spoken. A phrase on the verb of such a clause may be the
    statement's own, misattached ("invited them to join at the Madrid summit"), and a visit's
    object is where it was held ("visited troops in Kabul")."""
    node = token
    while node is not None and node.head.i != node.i and node.i not in {h.i for h in heads}:
        if node.dep_ in _OBJECTS or (node.dep_ == "pcomp" and node.head.lower_ in doer_preps):
            return True
        node = node.head
    return False


def _spread(place: Location, toponyms: list[Location], sentence: Span) -> bool:
    """The place is one of coordinated places in several countries ("the embassies in Kenya
    and Tanzania", "in Nairobi, Kenya, and Dar es Salaam, Tanzania"): an act spread over
    several countries has no one place (docs/annotation.md)."""
    token = toponym_token(sentence, place)
    if token is None or not token.conjuncts:
        return False
    group = {token.i, *(t.i for t in token.conjuncts)}
    codes = {t.country_code for t in toponyms if t.country_code
             and sentence.start_char <= t.span[0] < sentence.end_char
             and (root := toponym_token(sentence, t)) is not None and root.i in group}
    return len(codes) > 1


def _in_subject(token: Token | None, heads: list[Token]) -> bool:
    """The token lies in the subject phrase of the trigger or its verb ("Russia's embassy in
    London accused"), not in an object ("denied any bombing in South Sudan")."""
    subjects = [c for h in heads for c in h.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return token is not None and any(s.left_edge.i <= token.i <= s.right_edge.i for s in subjects)


def _same(place: Location | None, other: Location | None) -> bool:
    return place is not None and other is not None and place.geonameid == other.geonameid


def _inside(toponym: Location, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(a <= toponym.span[0] and toponym.span[1] <= b for a, b in spans)


def _among(place: Location, actors: tuple[str, ...]) -> bool:
    """Some actor of the event is of the place's country: a joint statement of the host and
    a visiting leader was made there ("Yeltsin and Kuchma called for" under a MOSCOW dateline),
    even when the foreign one is a state named as such. An
    international body belongs to no country and sits where it meets: its act reported under
    a dateline was done there ("THE HAGUE - The World Court rejected")."""
    codes = country_codes()
    if actors and all(c == INTERNATIONAL for c in actors):
        return True
    return any(codes.get(c.lower()) == place.country_code for c in actors)


def _local(place: Location, actors: tuple[str, ...]) -> bool:
    """The event's actors are of the place's country: one at least, none of another (a
    speaker of unknown country, "her allies in Europe", is not known to speak there)."""
    codes = country_codes()
    states = {codes[c.lower()] for c in actors if c.lower() in codes}
    return states == {place.country_code}


def _end(token: Token) -> int:
    last = token.doc[token.right_edge.i]
    return last.idx + len(last)


def _within(toponyms: list[Location], start: int, end: int) -> list[Location]:
    """The places inside [start, end), in the text's order."""
    return [t for t in toponyms if start <= t.span[0] and t.span[1] <= end]


def _most_precise(inside: list[Location]) -> Location | None:
    """The most precise of the first places: a town, else a district or state before its
    country ("in Sudan's Blue Nile state": Blue Nile)."""
    rank = {precision: i for i, precision in enumerate(_PRECISE)}
    return min(inside, key=lambda t: rank.get(t.precision, len(rank)), default=None)
