"""The country an article is set in, for its parties of no country of their own.

Officials, forces, courts and civilians the text gives no country (``coref_home_sectors``)
are the home country's as the text implies, unless the article names that force with one
country elsewhere ("the Navy" of a story that names the Indian Navy) or names forces of its
sector with one country only ("the commandos" there). Any other named person or public body
("Gonzalez", "the ethics committee", "he" meaning one of them; not a firm, school or suspect:
``home_guess_private_sectors``; not a place or a phrase of places, "between Ashby and Crook",
though a body named after one is: "the Leeds City Council") takes the country of the dateline,
where the story is told from (a WASHINGTON story of soldiers electrocuted in Iraq names
Americans), else the home country, as a guess, marked ``country_source`` "home" so the
confidence weighs it apart (scoring feature ``actor_home``) and the relevance gate reads it as
no country.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from newsevents.extract import coding
from newsevents.extract.actor_phrases import head_lemma, mention_words
from newsevents.extract.coref import UNRESOLVED_PRONOUNS, leading
from newsevents.ontology import Ontology
from newsevents.ontology.codes import iso3_codes
from newsevents.records import HOME, Actor, Event, Location

_PLACE_ENTITIES = {"GPE", "LOC", "FAC"}  # a place of no country ("Europe") is not placed at home
_LINKS = {"DET", "CCONJ", "ADP", "PUNCT", "PART"}  # "between A and B", "the A-B road": no name


def home_country(toponyms: list[Location]) -> str | None:
    """The country most of the article's resolved places lie in (named twice at least, alone
    in the lead), or the one country of them all ("at a Vancouver, B.C. business", the short
    story's only place: its "Vancouver Police" name no place); as ISO alpha-3; None when there
    is no clear one."""
    counts = Counter(t.country_code for t in toponyms if t.country_code)
    code = leading(counts) or (next(iter(counts)) if len(counts) == 1 else None)
    return iso3_codes().get(code) if code else None


def place_at_home(events: list[Event], toponyms: list[Location], doc: Doc, ontology: Ontology,
                  dateline: Location | None = None) -> None:
    """Give the parties of no country the article's home country (see the module docstring)."""
    home = home_country(toponyms)
    told = iso3_codes().get(dateline.country_code) if dateline is not None and dateline.country_code else None
    guess = told or home
    if guess is None:
        return
    sectors = {s.upper() for s in ontology.words("coref_home_sectors")}
    private = {s.upper() for s in ontology.words("home_guess_private_sectors")}
    named = _named_forces(events, doc, ontology)
    for event in events:
        for party in event.actor + event.recipient:
            if party.country is not None:
                continue
            if party.sector in sectors:
                party.country = named.get(_head(party, doc, ontology)) or named.get(party.sector or "", home)
            elif party.sector not in private and _named_party(party, doc, toponyms, ontology):
                party.country, party.country_source = guess, HOME


def _head(party: Actor, doc: Doc, ontology: Ontology) -> str:
    """The sector word a force's mention is headed by ("navy", "police"), or ""."""
    words = mention_words(doc, party)
    if words is None or words.root.pos_ not in {"NOUN", "PROPN"}:
        return ""
    lemma = head_lemma(words)
    return lemma if lemma in ontology.sectors else ""


def _named_forces(events: list[Event], doc: Doc, ontology: Ontology) -> dict[str, str]:
    """Head words of the forces the article names with one country ("the Indian Navy" and no other
    navy): "the Navy" of that article is that country's, wherever the article's places lie (a
    naval story placed only at sea by Aden is not Yemen's); so are the sectors of
    ``named_force_sectors`` whose named forces are all of one country ("the commandos" beside
    "the Indian Navy" and "an Indian warship")."""
    sides = {s.upper() for s in ontology.words("named_force_sectors")}
    found: dict[str, set[str]] = {}
    for event in events:
        for party in event.actor + event.recipient:
            if party.country is not None and party.country_source != HOME and not party.inferred:
                found.setdefault(_head(party, doc, ontology), set()).add(party.country)
                if party.sector in sides:
                    found.setdefault(party.sector, set()).add(party.country)
    return {head: next(iter(countries)) for head, countries in found.items() if len(countries) == 1 and head}


def _named_party(party: Actor, doc: Doc, toponyms: list[Location], ontology: Ontology) -> bool:
    """A person or body the text names, not a place ("Europe", two villages the parser took
    for a doer) nor a pronoun that resolved to no one."""
    words = coding.words_at(doc, party.span)
    if words is None:
        return False
    head = words.root
    if head.ent_type_ in _PLACE_ENTITIES or _places_phrase(words, toponyms, ontology):
        return False
    if head.pos_ == "PRON":
        return party.name is not None and head.lower_ not in UNRESOLVED_PRONOUNS
    return head.pos_ in {"NOUN", "PROPN"}


def _places_phrase(words: Span, toponyms: list[Location], ontology: Ontology) -> bool:
    """The mention names places only: every word that names anything lies in a resolved place
    or a place entity, or it is a bare name listed with a place ("between Ashby and Crook
    Cross", the second unknown to the gazetteer). A word that names a body ("Council",
    "Highway Patrol": a sector word or an organisation) makes it a body's name."""
    named = [t for t in words if t.pos_ not in _LINKS]
    places = [_in_place(t, toponyms) for t in named]
    listed = any(t.pos_ == "CCONJ" for t in words) or bool(words.root.conjuncts)
    if not named or all(places):  # a lone name the tagger took for someone's ("shot Bell") stays theirs
        return bool(named) and (listed or not words.root.ent_type_)
    bare = all(place or _bare_name(t, ontology) for t, place in zip(named, places, strict=True))
    beside = any(places) or any(_in_place(c, toponyms) for c in words.root.conjuncts)
    return bare and listed and beside  # "Ashby and Crook Cross", "Ashby" and "Crook Cross"


def _in_place(tok: Token, toponyms: list[Location]) -> bool:
    """A word of a resolved place or of a place entity."""
    return tok.ent_type_ in _PLACE_ENTITIES or any(start <= tok.idx < end for start, end in (
        p.span for p in toponyms))


def _bare_name(tok: Token, ontology: Ontology) -> bool:
    """A proper name that names no body: not an organisation, not a sector word ("Council")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ != "ORG" and tok.lemma_.lower() not in ontology.sectors
