"""Place mentions: the toponyms an article writes, each with what is written after it.

places.py resolves each name to one place; this module only reads the text: which entities
(or untagged names, or the dateline's town) are place names (by place_names.py), the span and
folded key of each, and the name written after a comma ("Paris, Tenn.", "Yida, South Sudan,
on"), marked as a qualifier when it is plainly the country or first-level division of the name.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsevents.extract.coding import doc_entities, entity_at
from newsevents.extract.gazetteer import Gazetteer, fold
from newsevents.extract.place_names import (
    COUNTY_WORDS,
    LABELS,
    SURE_POPULATION,
    acts,
    dateline_town,
    firms,
    in_name,
    named_place,
    no_place,
    persons_body,
    place_in,
    state_named,
    untagged,
    widened,
)
from newsevents.ontology import Ontology

_ACRONYM_LETTERS = 4  # "SOS", "NATO": longer words in capitals are names ("TUCSON" in a dateline)
PRIVATE_PERSON = "CVL"  # the sector of kin and private persons' words (sectors.tsv: "wife", "son")


@dataclass(slots=True)
class Mention:
    text: str
    span: tuple[int, int]
    key: str
    after: str | None  # the folded name written right after ", "
    qualifier: str | None = None  # ... when it is plainly the country or division of the name
    town: bool = False  # the dateline's name: a city
    inner: bool = False  # read inside a longer name ("Valley" of "Valley Hotel")
    body: bool = False  # read inside a body's name ("Peel" of "Peel Regional Police")
    state: bool = False  # written before "state" ("Washington state"): the division of the name


def find_mentions(doc: Doc, ontology: Ontology, gazetteer: Gazetteer) -> list[Mention]:
    """Every place name the article writes, in order: tagged places, untagged known names and the
    dateline's town, less actors, names inside persons' and firms' names, and excluded words."""
    speech, held = ontology.words("speech_verbs"), ontology.words("custody_verbs")
    # a person's full name, or a name the article puts before a person's body ("the Bush
    # administration"): that person's name all through, not a town's ("into Bush's rulemaking")
    names = {t.lower_ for e in doc_entities(doc) if e.label_ == "PERSON" and (
        len(e) > 1 or persons_body(e.root, ontology)) for t in e}
    names |= firms(doc, gazetteer, ontology)
    opening = dateline_town(doc, gazetteer)
    own = _untagged_opening(opening)
    ents = [own] if own is not None else []
    inner: set[int] = set()  # the ends of names read inside longer ones
    bodies: set[int] = set()  # ... inside bodies' names
    for ent in [*doc_entities(doc), *untagged(doc, ontology)]:
        if own is not None and (ent.start <= own.start < ent.end or own.start <= ent.start < own.end):
            continue  # the dateline run into a name ("SAN ANTONIO Turner Sports analyst"), or cut ("ST.")
        labelled = ent.label_ in LABELS
        if labelled or (ent.text.lower() not in names and named_place(ent, ontology, gazetteer)):
            place = ent if fold(ent.text) in gazetteer.index else place_in(ent, gazetteer, None)
            if place is not None and place.end < ent.end:
                inner.add(place.end)
            ents.append(widened(place or ent, gazetteer))
        elif (ent.label_ == "ORG" or _county_body(ent)) and (
                place := place_in(ent, gazetteer, ontology)) is not None:
            bodies.add(place.end)
            ents.append(place)
    parties = [e for e in doc_entities(doc) if e.label_ in {"PERSON", "ORG"}]
    surnames = {e[-1].lower_ for e in parties if len(e) > 1 and (e.label_ == "PERSON" or _initialled(e))}
    held_names = {e.text.lower() for e in ents if _held_person(e, held, ontology) and not (
        opening is not None and opening.start <= e.start < opening.end)}  # a person all through
    found: list[Mention] = []
    widened_to: set[tuple[int, int]] = set()
    for number, ent in enumerate(ents):
        while len(ent) > 1 and ent[0].lower_ == "the":
            ent = ent[1:]
        town = opening is not None and opening.start <= ent.start < opening.end
        if (acts(ent, speech, ontology) and not town) or no_place(ent, gazetteer.excluded) \
                or not ent.text[:1].isupper():  # "meth", "n't": a tag on a common word
            continue  # a dateline's capital is no actor, though a parse runs it into the clause
        if in_name(ent, surnames, parties, ontology, gazetteer) or _named_person(ent, ontology) \
                or (ent.text.lower() in held_names and not town) \
                or _speaker(ent, speech, gazetteer) or _model_year(ent) \
                or (_acronym(ent, gazetteer) and not town):
            continue
        if (ent.start_char, ent.end_char) in widened_to:
            continue  # two pieces of one hyphened name, each widened to it ("Guinea-Bissau")
        widened_to.add((ent.start_char, ent.end_char))
        key, after, qualifier = fold(ent.text), None, None
        if "," in ent.text:  # "Paris, Tenn." read as one entity
            head, _, tail = ent.text.partition(",")
            key, after = fold(head), fold(tail)
            qualifier = after if _closed(doc, ent.end) and _division(after, gazetteer) else None
            ent = doc.char_span(ent.start_char, ent.start_char + len(head)) or ent
        elif ent.end + 1 < len(doc) and doc[ent.end].text == ",":
            following = ents[number + 1:number + 2]
            if following and following[0].start == ent.end + 1:
                after = fold(following[0].text)
            qualifier = _qualifier(doc, ent.end + 1, gazetteer)
        state = ent.end < len(doc) and doc[ent.end].text == "state"
        found.append(Mention(ent.text, (ent.start_char, ent.end_char), key, after, qualifier, town,
                             ent.end in inner, ent.end in bodies, state))
    return found


def _speaker(ent: Span, speech: frozenset[str], gazetteer: Gazetteer) -> bool:
    """One word that says something ("Petrova said", "Buhari said") and names no country, division
    or town of any size: a person the model tags as a place (a capital that speaks is ``acts``')."""
    root = ent.root
    if len(ent) != 1 or root.dep_ != "nsubj" or root.head.lemma_.lower() not in speech:
        return False
    return not any(p.kind != "town" or p.population >= SURE_POPULATION for p in gazetteer.lookup(ent.text))


def _acronym(ent: Span, gazetteer: Gazetteer) -> bool:
    """A short word in capitals that the gazetteer holds as no country or division, only as towns
    or not at all ("SOS" read as Sos del Rey Católico, Spain): an acronym; a state's ("US", "UAE")
    is kept, and the caller keeps the dateline's town."""
    text = ent.text
    return len(text) <= _ACRONYM_LETTERS and text.isalpha() and text.isupper() \
        and all(p.kind == "town" for p in gazetteer.lookup(text))


def _model_year(ent: Span) -> bool:
    """A maker's name on a thing told by its model year ("a grey 2013 Toyota Camry", "a 2007
    Lincoln Navigator"), which the model tags as a firm or a product: a vehicle, not the town of
    that name. The year is the word before the name, with a model's name after it, or a number on
    the thing the name is part of; a name tagged as a place is left alone ("the 2010 Vancouver Games")."""
    if ent.label_ in LABELS:
        return False
    doc, root = ent.doc, ent.root
    thing = root.head if root.dep_ == "compound" else root
    before = doc[ent.start - 1] if ent.start else None
    model = ent.end < len(doc) and doc[ent.end].is_title
    return (before is not None and _year(before) and (model or len(ent) > 1)) or any(
        c.dep_ == "nummod" and _year(c) for c in thing.children)


def _year(tok: Token) -> bool:
    text = tok.text
    return len(text) == 4 and text.isascii() and text.isdigit() and 1900 <= int(text) < 2100


def _initialled(ent: Span) -> bool:
    """A name with a middle initial ("Tyrise M. Bell"), whatever kind the model tags it: a
    person's, so its last word is a surname, not the town of that name."""
    return (len(ent) == 3 and ent[0].is_title and ent[2].is_title and len(ent[1].text) == 2
            and ent[1].text[0].isupper() and ent[1].text[1] == ".")


def _named_person(ent: Span, ontology: Ontology) -> bool:
    """One word in apposition to a word for a private person ("Crolley's wife, Amelia,", "his
    son, Jordan,"): that person's name, not the town of that name. Words of bodies are left out
    ("Carle Foundation Hospital, Urbana", "the University of Technology, Owerri")."""
    root = ent.root
    return (len(ent) == 1 and root.dep_ == "appos"
            and ontology.sectors.get(root.head.lemma_.lower()) == PRIVATE_PERSON)


def _held_person(ent: Span, verbs: frozenset[str], ontology: Ontology) -> bool:
    """One word that an act done only to persons is done to ("Jackson was arrested", "will not
    discipline Jackson", a headline's "Chargers' Jackson arrested" that the tagger reads as a
    person): a person, not the town of that name; a state is named by its country's name."""
    root = ent.root
    undergoes = root.dep_ in {"nsubjpass", "dobj"} or (root.dep_ == "nsubj" and ent.label_ == "PERSON")
    return (len(ent) == 1 and undergoes and root.head.lemma_.lower() in verbs
            and not state_named(ent, ontology))


def _county_body(ent: Span) -> bool:
    """A body named by its county that the model tags as a person ("Rapides Parish Fire District",
    "McMinn County Sheriff"): no person's name holds a county's word, so it is read as a body's."""
    return ent.label_ == "PERSON" and any(t.lower_ in COUNTY_WORDS for t in ent[1:])


def _untagged_opening(opening: Span | None) -> Span | None:
    """The dateline's town as a mention of its own, unless the model tags it whole as a place
    itself (read with the other places then): one it runs into a name ("SAN ANTONIO Turner
    Sports/CBS analyst Charles Barkley", tagged as one ORG) or cuts ("ST." and "PAUL") is still
    the dateline."""
    if opening is None:
        return None
    name = entity_at(opening[0])
    return opening if name is None or name.label_ not in LABELS or name.end < opening.end else None


def _closed(doc: Doc, end: int) -> bool:
    return end >= len(doc) or doc[end].is_punct or doc[end].is_sent_start


def _division(key: str, gazetteer: Gazetteer) -> bool:
    """A name that is one country or one first-level division and no town ("South Sudan",
    "Pa."); "Hamburg", "Palestine" or "North" may be another item of a list."""
    places = gazetteer.index.get(key, ())
    return sum(p.kind in {"country", "admin1"} for p in places) == 1 and not any(
        p.kind == "town" for p in places)


def _qualifier(doc: Doc, start: int, gazetteer: Gazetteer) -> str | None:
    """The country or division written after "X, " as an aside, whether tagged or not
    ("Yida, South Sudan, on", "Springfield, Ill., on"): a title-case word or two ended by
    punctuation (not 'in Frankston," West said' nor "from Sirte, the US gave")."""
    if not doc[start].is_title or doc[start].ent_type_ in {"PERSON", "ORG", "NORP"}:
        return None
    for end in (start + 3, start + 2, start + 1):
        key = fold(doc[start:end].text)
        if end <= len(doc) and _closed(doc, end) and _division(key, gazetteer):
            return key
    return None
