"""The country an article is set in, for its parties of no country of their own.

Officials, forces, courts and civilians the text gives no country (``coref_home_sectors``)
are the home country's as the text implies. Any other named person or public body
("Gonzalez", "the ethics committee", "he" meaning one of them; not a firm, school or suspect:
``home_guess_private_sectors``) takes it as a guess, marked ``country_source`` "home" so the
confidence weighs it apart (scoring feature ``actor_home``) and the relevance gate reads it as
no country.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from newsevents.extract import coding
from newsevents.extract.coref import UNRESOLVED_PRONOUNS, leading
from newsevents.ontology import Ontology
from newsevents.ontology.codes import iso3_codes
from newsevents.records import HOME, Actor, Event, Location

_PLACE_ENTITIES = {"GPE", "LOC", "FAC"}  # a place of no country ("Europe") is not placed at home


def home_country(toponyms: list[Location]) -> str | None:
    """The country most of the article's resolved places lie in (named twice at least, alone
    in the lead), as ISO alpha-3; None when there is no clear one."""
    code = leading(Counter(t.country_code for t in toponyms if t.country_code))
    return iso3_codes().get(code) if code else None


def place_at_home(events: list[Event], toponyms: list[Location], doc: Doc, ontology: Ontology) -> None:
    """Give the parties of no country the article's home country (see the module docstring)."""
    home = home_country(toponyms)
    if home is None:
        return
    sectors = {s.upper() for s in ontology.words("coref_home_sectors")}
    private = {s.upper() for s in ontology.words("home_guess_private_sectors")}
    for event in events:
        for party in event.actor + event.recipient:
            if party.country is not None:
                continue
            if party.sector in sectors:
                party.country = home
            elif party.sector not in private and _named_party(party, doc):
                party.country, party.country_source = home, HOME


def _named_party(party: Actor, doc: Doc) -> bool:
    """A person or body the text names, not a place ("Europe") nor a pronoun that resolved
    to no one."""
    words = coding.words_at(doc, party.span)
    if words is None:
        return False
    head = words.root
    if head.ent_type_ in _PLACE_ENTITIES:
        return False
    if head.pos_ == "PRON":
        return party.name is not None and head.lower_ not in UNRESOLVED_PRONOUNS
    return head.pos_ in {"NOUN", "PROPN"}
