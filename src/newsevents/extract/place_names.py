"""Place names: which entities of a parse name places (read by place_mentions.py, resolved by places.py).

The small model's labels are a start, not the answer: a known city is a place whatever it
tags it ("in Tunis" read as a language or as nothing), while a firm's or a person's name that
is also a village's ("Ford", "Webster") is not; a country or capital that speaks or acts is an
actor, and a town's name inside a person's or organization's name says who, not where.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, ENT_TYPE, POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token

from newsevents.extract import datelines
from newsevents.extract.coding import doc_entities
from newsevents.extract.gazetteer import Gazetteer, fold
from newsevents.ontology import Ontology

LABELS = {"GPE", "LOC", "FAC"}
MISLABELLED = {"ORG", "PERSON", "NORP"}  # the small model often calls "Ohio" or "Gainesville" these
MISLABELLED_MIN_POPULATION = 50000
SURE_POPULATION = 10000  # a town this big is read out of a longer name ("Newark Live Bait")
SIDES = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                   "northern", "southern", "eastern", "western", "central", "downtown", "metro",
                   "upstate", "downstate"})  # "North Texas", "Western Massachusetts"
DATELINE_CHARS = 300  # a dateline after a headline starts this near the top
DASHES = frozenset({"—", "–", "--", "-", "_"})
POSSESSIVES = frozenset({"'s", "’s"})
COUNTY_WORDS = frozenset({"county", "parish", "borough"})  # the last word of a county's name
AUTHORITY_SECTORS = frozenset({"COP", "JUD", "GOV", "LEG"})
TOWN_BODY_SECTORS = frozenset({"COP", "JUD"})  # police and courts serve a town ("the Troy police")
GENERIC_HEADS = frozenset({"department", "office", "service", "bureau", "division"})  # "Police Department"
STREETS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr",
                     "lane", "ln", "way", "highway", "hwy", "parkway", "pike", "trail"})


def place_in(ent: Span, gazetteer: Gazetteer, body: Ontology | None) -> Span | None:
    """The place a longer name holds when the name itself is none: "Boone County's", "North
    Texas", "Henderson County Jail", "South Korea's" (a country by any of its names); only a place
    by its own name, not a town's alternate name ("White" for Whitesboro). In an organization's
    name (``body``: the ontology), only a county or a state at its start ("the Henderson County
    Commissioners Court", "Texas Forest Service"), or a town before a court, council or police
    (``_serves``): a body named by the place it serves; a town before other names is as often
    another one's."""
    doc, start, end = ent.doc, ent.start, ent.end
    while end - start > 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in POSSESSIVES):
        end -= 1
    if end < ent.end and any(p.kind == "country" for p in gazetteer.index.get(fold(doc[start:end].text), ())):
        return doc[start:end]  # a country by any of its names before a possessive ("South Korea's")
    if body is None and end - start > 1 and doc[start].lower_ in SIDES:
        start += 1
    if doc[end - 1].lower_.rstrip(".") in STREETS:  # "Evergreen Street" is no town
        return None
    for stop in range(end if body is None else end - 1, start, -1):
        if stop < end and doc[stop].lower_ == "of":  # "Gulf of Aden", "Port of Los Angeles"
            continue
        key = fold(doc[start:stop].text)
        if key in SIDES or (body is not None and key in body.demonyms):  # "East Bank", "Canadian Forces"
            continue
        places = [p for p in gazetteer.index.get(key, ()) if fold(p.name) == key]
        if body is None and any(p.kind != "town" or p.population >= SURE_POPULATION for p in places):
            return doc[start:stop]
        if body is not None and any(p.kind in {"admin1", "admin2"} for p in places):
            return doc[start:stop]
        if body is not None and places and _serves(doc[start:stop], doc[stop:end], body):
            return doc[start:stop]
    return None


def _serves(town: Span, rest: Span, ontology: Ontology) -> bool:
    """The rest of a body's name ends in a court, council or police ("Belfast Magistrates Court",
    "Leeds City Council", "Dallas Police Department"): a public authority named by the town it
    serves (docs/annotation.md: jurisdiction words), not a firm or a team ("Cambridge Analytica"),
    nor a court's rank read as a town ("the Supreme Court", "Superior Court": body_ranks)."""
    named = [t for t in town if t.lower_ != "the"]
    if not named or named[0].lower_ in ontology.words("body_ranks") or any("." in t.text for t in named) \
            or ontology.organization(town.text) is not None:
        return False  # "the U.N. Security Council": an organisation's short name, no town
    words = [t for t in rest if not t.is_punct and t.lower_ not in POSSESSIVES]
    heads = words[-1:] if not words or words[-1].lower_ not in GENERIC_HEADS else words[-2:]
    return any(ontology.sectors.get(t.lemma_.lower()) in AUTHORITY_SECTORS for t in heads)


def no_place(ent: Span, excluded: frozenset[str]) -> bool:
    """ "Mars", "the West": a name listed as no place (after "the" if listed with it)."""
    key = fold(ent.text)
    after_the = ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the"
    return key in excluded or (after_the and "the " + key in excluded)


def in_name(ent: Span, surnames: set[str], parties: list[Span], ontology: Ontology,
             gazetteer: Gazetteer) -> bool:
    """A town's name that is here part of a person's or organization's name: one word written
    against a one-word name ("Harvey" + "Weinstein", "Cambridge" + "Analytica"), or the surname
    of a person the article names in full, standing as a person does ("attacked by Palin",
    "Palin said") or, when no town of the name is big, standing anywhere but as a place
    ("Convicted of murder, Lopez, 20, faces": not Lopez, Quezon). Countries and first-level
    divisions, places in a list ("Paris and Roxton") and names the text puts as places ("in
    Washington") stay places."""
    places = gazetteer.lookup(ent.text)
    if any(p.kind in {"country", "admin1"} for p in places):
        return False
    if len(ent) == 1 and any(len(p) == 1 and p.start == ent.end for p in parties):
        return True
    root = ent.root
    as_person = root.dep_ in {"nsubj", "nsubjpass", "dobj", "poss"} or (
        root.dep_ == "pobj" and root.head.lower_ == "by"
    )
    if ent.text.lower() not in surnames or any(c.dep_ == "conj" for c in root.children):
        return False
    # a surname the parse misreads ("Convicted of murder, Lopez, 20, faces"): a small town's
    # name it shares is no place unless the text puts it as one ("in Lopez")
    placed = root.dep_ == "pobj" and root.head.lower_ in ontology.words("location_preps")
    small = all(p.population < MISLABELLED_MIN_POPULATION for p in places)
    return as_person or (small and not placed)


def firms(doc: Doc, gazetteer: Gazetteer, ontology: Ontology) -> set[str]:
    """The first words of organization names that are no sizeable place by their own name
    ("Ford" of "Ford Motor Co.", not "Henderson" of "Henderson County Commissioners Court" nor
    "Gainesville" of "Gainesville Police Department"): the same word alone is the firm's short
    name ("a stake in Ford"), not a namesake village."""
    return {e[0].lower_ for e in doc_entities(doc) if e.label_ == "ORG" and len(e) > 1 and e[0].is_title
            and place_in(e, gazetteer, ontology) is None and not any(
                fold(p.name) == e[0].lower_ and (p.kind != "town" or p.population >= SURE_POPULATION)
                for p in gazetteer.lookup(e[0].text))}


def untagged(doc: Doc, ontology: Ontology) -> list[Span]:
    """Proper names after a location preposition that the model tags as no entity at all
    ("fled to Tunis"), and capitalised words inside a sentence before a police or court word ("A
    Norwalk jury", "the Troy police"), the town the body serves: candidates ``named_place`` weighs."""
    preps = ontology.words("location_preps")
    rows = doc.to_array([POS, DEP, ENT_TYPE])  # a pass over arrays, not a Token per word
    untyped = rows[:, 2] == 0
    proper = (rows[:, 0] == PROPN) & (rows[:, 1] == doc.vocab.strings["pobj"]) & untyped
    found = []
    for i in numpy.nonzero(proper)[0]:
        token = doc[int(i)]
        if token.is_title and token.head.lower_ in preps:
            found.append(_named_from(token))
    modifier = (rows[:, 1] == doc.vocab.strings["compound"]) & untyped
    for i in numpy.nonzero(modifier)[0]:
        token = doc[int(i)]
        head = token.head
        if token.is_title and not token.is_sent_start and head.pos_ == "NOUN" and head.i > token.i \
                and ontology.sectors.get(head.lemma_.lower()) in TOWN_BODY_SECTORS:
            found.append(_named_from(token))
    return found


def _named_from(token: Token) -> Span:
    """The untagged name ending at ``token``, with the capitalised compounds before it."""
    doc, start = token.doc, token.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i \
            and doc[start - 1].is_title and not doc[start - 1].ent_type_:
        start -= 1
    return Span(doc, start, token.i + 1, label="UNTAGGED")


def dateline_town(doc: Doc, gazetteer: Gazetteer) -> Span | None:
    """The town that opens a dateline in capitals (datelines.py: "INDEPENDENCE, Mo. _", "HAVANA
    (AP) --", "By Nate Raymond. BOSTON (Reuters) -"), tagged or not: the words in capitals
    before the first mark, when they name a town, or run into the text's first word when they
    name a sizeable one ("SAN ANTONIO The coach said": "DEAL Reached" opens a headline, not
    Deal, Kent); or, after a headline, a place the model tags in capitals before a dash ("Bill
    passes. WASHINGTON — Lawmakers": the city, not Washington, Iowa; an untagged one there is as
    often a namesake the text never places, "COLUMBUS" in a local paper). A dateline names a
    city (news style), so places.py reads it as one."""
    found = datelines.in_doc(doc)
    town = None if found is None else doc.char_span(*found.town, alignment_mode="expand")
    if town is not None and found is not None:
        opening = _capitals(doc, town.start, gazetteer, run_in=found.run_in)
        if opening is not None:
            return opening
    for token in doc[1:]:
        if token.idx > DATELINE_CHARS:
            break
        if _upper(token) and not _upper(doc[token.i - 1]) and token.ent_type_ in LABELS | MISLABELLED:
            found_here = _capitals(doc, token.i, gazetteer)
            if found_here is not None and len(found_here.text) >= 4 and doc[found_here.end].text in DASHES:
                return found_here
    return None


def _upper(token: Token) -> bool:
    return token.is_alpha and token.is_upper


def _capitals(doc: Doc, start: int, gazetteer: Gazetteer, *, run_in: bool = False) -> Span | None:
    """The words in capitals from ``start`` up to a mark (or, ``run_in``, up to a title-case
    word), when they name a town; an abbreviation's period is part of the name ("ST. PAUL",
    "FT. WORTH")."""
    end = start
    while end < len(doc) and end - start < 4 and (_upper(doc[end]) or _abbreviated(doc, start, end)):
        end += 1
    if end == start or end >= len(doc):
        return None
    marked = doc[end].is_punct or doc[end].is_space
    if not marked and not (run_in and doc[end].is_title):
        return None
    name = doc[start:end]
    least = 0 if marked else SURE_POPULATION
    towns = gazetteer.index.get(fold(name.text), ())
    if not any(p.kind == "town" and p.population >= least for p in towns):
        return None
    return Span(doc, start, end, label="DATELINE")


def _abbreviated(doc: Doc, start: int, end: int) -> bool:
    """The period of a short word in capitals, written against it, with more capitals after it."""
    before = doc[end - 1]
    return (end > start and doc[end].text == "." and not before.whitespace_ and len(before) <= 2
            and end + 1 < len(doc) and _upper(doc[end + 1]))


def named_place(ent: Span, ontology: Ontology, gazetteer: Gazetteer) -> bool:
    """An entity of another kind, or none, that is a place name (and not the surname of a
    person the article names in full). An organization or person that the text puts as a
    place ("in Zvecan", "Zvecan municipality", the town a police or council serves: "Staunton
    police") or that is a country, first-level division or city by its own name (not a county's
    bare name: "Ford" is no Ford County); a name of no entity kind, or of another ("in Tunis"
    read as a language), only both."""
    if ent.label_ == "PERSON" and len(ent) > 1:
        return False
    if ontology.organization(ent.text) is not None or not ent.text[:1].isupper():
        return False
    if ent.text.lower() in ontology.demonyms:  # "Serbs" is a people, not a place
        return False
    root = ent.root
    if ent.label_ == "PERSON" and persons_body(root, ontology):
        return False
    placed = (root.dep_ == "pobj" and root.head.lower_ in ontology.words("location_preps")) or (
        root.dep_ in {"compound", "amod"} and root.head.lemma_.lower() in ontology.words("place_nouns")
    ) or (root.dep_ == "compound" and ontology.sectors.get(root.head.lemma_.lower()) in AUTHORITY_SECTORS)
    # "in Zvecan", "Zvecan municipality", "Staunton police": the text itself says it is a place
    places = gazetteer.lookup(ent.text)
    if ent.label_ == "PERSON":  # a surname is often a county's or a town's other name
        places = [p for p in places if fold(p.name) == fold(ent.text)]
    known = any(p.kind in {"country", "admin1"} or p.population >= MISLABELLED_MIN_POPULATION for p in places)
    if ent.label_ not in MISLABELLED:
        return placed and known
    return known or (placed and bool(places))


def persons_body(root: Token, ontology: Ontology) -> bool:
    """A name the model tags as a person's before a body or people of a person's ("the Obama
    administration", modality.yaml person_bodies): the person's, not the town of that name. (A
    possessive is no such sign: "Gainesville's supermarket", "Joliet's building inspector".)"""
    return root.dep_ == "compound" and root.head.lemma_.lower() in ontology.words("person_bodies")


def acts(ent: Span, speech: frozenset[str], ontology: Ontology) -> bool:
    """ "Moscow said", "Washington imposed sanctions": a country or capital as actor."""
    root = ent.root
    if root.dep_ != "nsubj":
        return False
    lemma = root.head.lemma_.lower()
    if lemma not in speech and (lemma, "VERB") not in ontology.triggers:
        return False
    return state_named(ent, ontology)


def state_named(ent: Span, ontology: Ontology) -> bool:
    """The name is a country's or a capital's: a state acts and suffers by it."""
    key = ent.text.lower()
    return key in ontology.capitals or key in ontology.country_names


def _hyphened(ent: Span, gazetteer: Gazetteer) -> Span:
    """A name the model cuts at a hyphen ("Guinea" of "Guinea-Bissau", "Stratford" of
    "Stratford-upon-Avon"): the whole hyphened word, when the gazetteer holds it by that name."""
    doc = ent.doc

    def joined(at: int) -> bool:  # "-" at ``at`` binds the words either side, with no space
        return (0 < at < len(doc) - 1 and doc[at].text == "-" and not doc[at - 1].whitespace_
                and not doc[at].whitespace_ and doc[at - 1].is_alpha and doc[at + 1].is_alpha)

    start, end = ent.start, ent.end
    while joined(end):
        end += 2
    while joined(start - 1):
        start -= 2
    if (start, end) == (ent.start, ent.end):
        return ent
    return _if_named(doc[start:end], ent, gazetteer)


def widened(ent: Span, gazetteer: Gazetteer) -> Span:
    """A place the model tags without the title-case word before it that belongs to its name
    ("Little Havana" tagged as "Havana", "Fort Worth" as "Worth"): the longer name, when the
    gazetteer holds it by its own name, is the place; the shorter one is another town. A side
    ("North Side", "East Harlem") is read by ``place_in``."""
    ent = _hyphened(ent, gazetteer)
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    if before is None or not before.is_title or before.ent_type_ in {"PERSON", "ORG"}:
        return ent
    if before.lower_ in SIDES:  # "North Side" of a city is no island's district
        return ent
    return _if_named(doc[ent.start - 1:ent.end], ent, gazetteer)


def _if_named(longer: Span, ent: Span, gazetteer: Gazetteer) -> Span:
    """The longer span when the gazetteer holds a place by that very name (not an alternate
    one), else the entity as tagged."""
    key = fold(longer.text)
    return longer if any(fold(p.name) == key for p in gazetteer.index.get(key, ())) else ent
