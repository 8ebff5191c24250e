"""Seats: where a body that acts sits, from the words that name it.

A place in a party's phrase behind a venue preposition or naming its jurisdiction ("Russia's
embassy in London", "Jerusalem police"); the capital of a chamber named by its nation ("the
Hungarian parliament ratified"); the one state, county or city an article names for a body
named by that level alone ("the state Supreme Court denied"). venues.py weighs these against
the other places of an event.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

from newsevents.extract.coding import head_at
from newsevents.extract.gazetteer import capital_ids, capitals, states
from newsevents.nlp import doc_text
from newsevents.ontology import Ontology
from newsevents.ontology.codes import country_codes
from newsevents.records import Location

MODIFIERS = {"compound", "amod", "nmod"}  # "U.S. embassies": whose, not where


def toponym_token(text: Span | Doc, toponym: Location) -> Token | None:
    """The head word of a toponym's mention in a sentence or a whole doc."""
    return head_at(text.doc, toponym.span)


_NOMINAL = {"NOUN", "PROPN", "PRON"}  # the party's own word, not a verb of a clause inside its phrase


def party_seat(inside: list[Location], sentence: Span, ontology: Ontology) -> Location | None:
    """A place in a party's phrase that says where the party sits: behind a venue preposition
    ("Russia's embassy in London", "police in Lagos"), not its origin ("envoys from the U.S."),
    or a town or division naming a body's jurisdiction ("Jerusalem police", "Vanderburgh
    County prosecutors"); a country before a title ("U.S. President") is no seat, nor the
    jurisdiction of an office no longer held ("Former Arkansas Gov.")."""
    preps = ontology.words("venue_preps")
    for toponym in inside:
        token = toponym_token(sentence, toponym)
        if token is None:
            continue
        phrase = token
        while phrase.dep_ == "compound" and phrase.head.i != phrase.i:
            phrase = phrase.head  # "in Idlib province", "in Kunduz city": the name's phrase
        if phrase.dep_ == "pobj" and phrase.head.lower_ in preps and phrase.head.head.pos_ in _NOMINAL:
            return toponym  # "areas in Idlib", not "who hanged himself in a Georgia jail"
        if titled(token, ontology) and toponym.precision != "country" and not _former(token.head, ontology):
            return toponym
    return None


def _former(office: Token, ontology: Ontology) -> bool:
    """The office is no longer held ("Former Arkansas Gov. Mike Huckabee campaigned in
    Roanoke"): its jurisdiction is not where its past holder acts."""
    return any(child.lower_ in ontology.words("former_words") for child in office.children)


def titled(token: Token | None, ontology: Ontology) -> bool:
    """The place is written before an office or a body's word ("the Alabama governor", "the
    Ohio police"), or before a body's name whose words tell its sector ("the Athens Police
    Department": modality.yaml ``named_body_heads``): it names whose the office is, its
    jurisdiction, not where an act of the sentence happened (the shooting of the Alabama
    governor was not in Alabama)."""
    if token is None or token.dep_ not in {"compound", "amod"}:
        return False
    head = token.head
    words = [head]
    if head.lemma_.lower() in ontology.words("named_body_heads"):
        words += [c for c in head.children if c.dep_ in {"compound", "poss"} and c.i > token.i]
    return any(w.lemma_.lower() in ontology.sectors or w.lower_ in ontology.sectors for w in words)


def capital_body(heads: list[Token], ontology: Ontology) -> Location | None:
    """The capital, when the event's subject is a body that sits there named by its nation
    ("the Hungarian parliament ratified", "Russia's lower house voted"): the protocol places
    such a body at its capital."""
    bodies = ontology.words("capital_bodies")
    for head in heads:
        for subject in _bodies(head, ontology):
            mods = [c for c in subject.children if c.dep_ in {"amod", "compound", "poss"}]
            lemma = subject.lemma_.lower()
            if lemma not in bodies and not any(f"{m.lower_} {lemma}" in bodies for m in mods):
                continue
            for mod in mods:
                key = mod.text.lower()
                iso3 = ontology.demonyms.get(key) or ontology.country_names.get(key)
                code = country_codes().get((iso3 or "").lower())
                if code in capitals():
                    return _capital(code, subject.doc[min(mod.i, subject.i):subject.i + 1])
    return None


def _capital(code: str, mention: Span) -> Location:
    """The capital of a country (ISO alpha-2), with the words that name it or its body."""
    name, geonameid, lat, lon = capitals()[code]
    start, last = mention[0].idx, mention[-1]  # the phrase's own text, not Doc.text
    return Location(text=mention.text, span=(start, last.idx + len(last)), name=name, geonameid=geonameid,
                    lat=lat, lon=lon, country_code=code, precision="town")


_LEVELS = {"state": "admin1", "county": "admin2", "city": "town"}


def named_seat(heads: list[Token], toponyms: list[Location], sentence: Span, ontology: Ontology,
               parties: tuple[tuple[int, int], ...]) -> Location | None:
    """The seat the doer is named by: a capital or state that is itself the act's doer, read as
    its government ("Tbilisi has denied", "Texas sued"), or a seat landmark in the doer's name ("the
    Kremlin said", "White House officials said": ``seat_landmarks``) whose capital the
    article names (docs/annotation.md: a venue named only by an institution is placed at its
    town when the text names it). A country as doer is not: a state acts abroad as at home. The
    doer must be one of the event's ``parties`` (their spans): "Tbilisi denied the allegation"
    does not place the allegation; a pronoun doer of a reported clause is read as its speaker."""
    named = [d for head in heads for d in _doers(head) if any(a <= d.idx < b for a, b in parties)]
    for doer in (s for d in named for s in _speaker(d)):
        for toponym in toponyms:
            token = toponym_token(sentence, toponym)
            if token is not None and token.i == doer.i and _governs(toponym, doer):
                return toponym
        name = doer.doc[min([doer.i, *(c.i for c in doer.children if c.dep_ == "compound")]):doer.i + 1]
        code = country_codes().get(ontology.capitals.get(name.text.lower(), "").lower())
        if code in capitals() and capitals()[code][0].lower() == name.text.lower():
            return _capital(code, name)  # a capital the tagger took for a person's name
        landmark = landmark_seat(doer.doc[doer.left_edge.i:doer.i + 1], toponyms, ontology)
        if landmark is not None:
            return landmark
    return None


def landmark_seat(words: Span, toponyms: list[Location], ontology: Ontology) -> Location | None:
    """The capital a seat landmark in the words stands in ("the Kremlin", "at the White House":
    ``seat_landmarks``), when the article names that capital (one of ``toponyms``)."""
    codes, pattern = _landmarks(ontology.words("seat_landmarks"))
    found = pattern.search(words.text.lower()) if codes else None
    if found is None or codes[found[0]] not in capitals():
        return None
    capital = capitals()[codes[found[0]]][1]
    return next((t for t in toponyms if t.geonameid == capital), None)


def landmark_venue(heads: list[Token], toponyms: list[Location], ontology: Ontology) -> Location | None:
    """The capital of a seat landmark in a venue phrase of the trigger or its verb ("met his aides
    at the White House", "in a statement released by the Kremlin"): a venue named only by an
    institution is placed at its town when the text names it (docs/annotation.md)."""
    venues = ontology.words("venue_preps")
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in venues):
        place = landmark_seat(prep.doc[prep.i + 1:prep.right_edge.i + 1], toponyms, ontology)
        if place is not None:
            return place
    return None


def without_landmarks(toponyms: list[Location], ontology: Ontology) -> list[Location]:
    """The toponyms less those named like a seat landmark, which the gazetteer reads as a town of
    that name ("at the White House" is no White House, Tennessee); the landmarks looked up once
    for the list, as every event's places ask."""
    landmarks = _landmarks(ontology.words("seat_landmarks"))[0]
    return [t for t in toponyms if t.text.lower().removeprefix("the ") not in landmarks]


@functools.cache
def _landmarks(pairs: frozenset[str]) -> tuple[dict[str, str], re.Pattern[str]]:
    """The seat landmarks ("landmark=country" pairs), each with its country's ISO alpha-2 code,
    and one pattern that finds any of them: read once, as every event's places ask."""
    codes = {landmark: code.upper() for landmark, code in (pair.split("=") for pair in pairs)}
    names = sorted(codes, key=len, reverse=True)  # the longest first: "the white house" before "white"
    return codes, re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b")


def _governs(toponym: Location, doer: Token) -> bool:
    """The place is a seat of government, so its name may stand for the government: a nation's
    capital, or a state the tagger reads as a place; a town of a person's, a team's or a firm's
    name is not ("Palin apologised", "Creighton advances", "Toyota agreed")."""
    return toponym.geonameid in capital_ids() or (toponym.precision == "admin1" and doer.ent_type_ == "GPE")


def _speaker(doer: Token) -> list[Token]:
    """The doer, or for a pronoun subject of a reported clause its speaker too ("Beijing said it
    would fight": the pronoun is the one who says it)."""
    clause = doer.head
    if doer.pos_ != "PRON" or doer.dep_ != "nsubj" or clause.dep_ != "ccomp":
        return [doer]
    return [doer, *(s for s in _subjects(clause.head) if s.dep_ == "nsubj")]


def _doers(head: Token) -> list[Token]:
    """The words naming who does the act: its subject, the agent of a passive ("was denied by
    Tbilisi") and the owner of an act's noun ("Moscow's warnings")."""
    agents = [o for c in head.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    owners = [c for c in head.children if c.dep_ == "poss"] if head.pos_ == "NOUN" else []
    return [s for s in _subjects(head) if s.dep_ == "nsubj"] + agents + owners


def _subjects(head: Token) -> list[Token]:
    """The subjects of the trigger or its verb, or of the verb whose subject it shares
    ("commissioners voted to deny", "the Senate condemned the remarks and demanded respect")."""
    subjects = {"nsubj", "nsubjpass"}
    shared = head.dep_ == "xcomp" or (
        head.dep_ == "conj" and not any(c.dep_ in subjects for c in head.children))
    controller = [head.head] if shared else []
    return [c for h in (head, *controller) for c in h.children if c.dep_ in subjects]


def _bodies(head: Token, ontology: Ontology) -> list[Token]:
    """The nouns that may name the body acting or its venue: the subjects of the trigger or its
    verb, and the objects of its venue phrases ("heard in the British parliament", "said at a
    City Council hearing": the words before them too)."""
    found = _subjects(head)
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ontology.words("venue_preps")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found += [obj, *(c for c in obj.children if c.dep_ == "compound")]
    return found


def local_body(heads: list[Token], toponyms: list[Location], ontology: Ontology,
               main: Location | None = None) -> Location | None:
    """The one state, county or city the article names, when the event's body is named by that
    level alone ("the state Department of Disabilities cut funds", "county commissioners voted",
    "at a City Council hearing"), by a word that implies it ("commissioners voted": a county's),
    or is the level itself ("the county denied"): such a body sits there (docs/annotation.md).
    With several such places named, the article's main place (``main``) when it is one of them
    ("a City Council hearing" in a New York story naming its boroughs); a state's body with no
    state named, the one state of the towns named; else the text does not say which."""
    for head in heads:
        for noun in _bodies(head, ontology):
            for level, names in _levels(noun, ontology):
                if names:  # "Paris City Council": its own town, if we resolved it, not another
                    return next((t for t in toponyms for m in names if t.span[0] <= m.idx < t.span[1]), None)
                named = {t.geonameid: t for t in toponyms if t.precision == _LEVELS[level]}
                place = next(iter(named.values())) if len(named) == 1 else None
                if place is None and main is not None and main.geonameid in named:
                    place = main
                if not named and level == "state":
                    place = _towns_state(toponyms, noun)
                if place is not None and not _unresolved(toponyms, level, doc_text(head.doc)):
                    return place
    return None


def _towns_state(toponyms: list[Location], body: Token) -> Location | None:
    """The state every town and county the article names lies in, when it names no state
    ("the state Department of Disabilities cut funds" in a story of Charleston and Florence)."""
    found = {(t.country_code, t.admin1) for t in toponyms if t.precision in {"town", "admin2"} and t.admin1}
    if len(found) != 1:
        return None
    code, name = found.pop()
    point = states().get((code or "", name or ""))
    if point is None:
        return None
    geonameid, lat, lon = point
    return Location(text=body.text, span=(body.idx, body.idx + len(body)), name=name, geonameid=geonameid,
                    lat=lat, lon=lon, country_code=code, admin1=name, precision="admin1")


@functools.cache
def _implied(pairs: frozenset[str]) -> dict[str, str]:
    return dict(pair.split() for pair in pairs)


def _levels(noun: Token, ontology: Ontology) -> list[tuple[str, list[Token]]]:
    """The levels a body's noun is named by ("state", "county", "city"), each with the proper
    names written before it ("Paris City Council")."""
    implied = _implied(ontology.words("implied_levels"))
    lemma = noun.lemma_.lower()
    if noun.lower_ in _LEVELS and any(c.lower_ == "the" for c in noun.children) and not any(
            c.dep_ in MODIFIERS for c in noun.children):
        return [(noun.lower_, [])]  # "the county denied", "the state cut funds"
    if lemma in implied and not any(c.dep_ in MODIFIERS for c in noun.children):
        return [(implied[lemma], [])]  # "commissioners voted"
    if lemma not in ontology.words("local_bodies") and noun.lower_ not in ontology.words("local_bodies"):
        return []
    national = ontology.words("national_bodies")
    return [(level.lower_, [m for t in (noun, level) for m in t.children if m.dep_ in MODIFIERS
                            and m.pos_ == "PROPN" and m.i < level.i])
            for level in noun.children if level.dep_ in MODIFIERS and level.lower_ in _LEVELS
            and not (level.is_title and f"{level.lower_} {noun.lower_}" in national)]


def _unresolved(toponyms: list[Location], level: str, text: str) -> bool:
    """The article names a place of that level that we did not resolve ("Morrow County
    Municipal Court" read as a court only): the one we resolved may not be the body's."""
    # a name, not a sentence's end and the next one's first word ("the Webb Center. State funds")
    written = {m.group(0) for m in re.finditer(rf"\b[A-Z][\w.'-]*\w {level.title()}\b", text)}
    return any(all(name not in t.text and (t.name or "") not in name and name not in (t.name or "")
                   for t in toponyms) for name in written)
