"""What a word or a name says of a party: its country and its sector (actors.py).

A word names a country by an organisation, a country's name or capital (capitalised: "turkey"
is no state), or a demonym, unless a stance or relation word binds it to another ("anti-Syria",
"Russian-backed"). A sector comes from an organisation, a role word or its two-word form, and a
title that states and other bodies share takes its holder's (ontology: held_titles).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsevents.extract.coding import entity_at
from newsevents.ontology import Ontology
from newsevents.ontology.load import Organization

_NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


@dataclass(slots=True)
class Resolution:
    """What the words of a phrase have told of its party so far."""

    country: str | None = None
    sector: str | None = None
    ethnicity: str | None = None
    name: str | None = None


class ActorLexicon:
    """The ontology's reading of one word or entity of an actor's phrase."""

    def __init__(self, ontology: Ontology) -> None:
        self.onto = ontology
        self.stances = ontology.words("stance_prefixes")
        self.relations = ontology.words("relation_suffixes")
        self.held_titles = ontology.words("held_titles")
        self.departments = ontology.words("state_departments")
        self.leader_titles = ontology.words("leader_titles")
        self.leader_bodies = ontology.words("leader_bodies")
        self.placed: dict[int, str] = {}  # a resolved place's first character -> its country (events.py)
        self.named: dict[str, set[str]] = {}  # a resolved place name, lower case -> its countries

    def from_head_entity(self, entity: Span, res: Resolution) -> None:
        """Fill in what the entity a phrase's head belongs to names: a body, a state, a person."""
        key = entity.text.lower().removeprefix("the ")
        org = self.onto.organization(entity.text) or self._titled_person(entity)
        if org is not None:
            res.country, res.sector, res.name = org.country, org.sector, org.name
        elif key in self.onto.country_names and entity.label_ in {"GPE", "ORG", "NORP", "LOC"}:
            country = self.onto.country_names[key]
            town = self._country(key, entity.root, entity)
            if town != country:  # "a Palestine man" where the places read Palestine, Texas: a town's
                res.country, res.name = town, entity.text
                return
            res.country, res.sector = country, "GOV"
            res.name = self.onto.country_labels.get(res.country)
        elif (capital := self._capital(key, entity.root, entity)) is not None:
            res.country, res.sector = capital, "GOV"  # the NER often calls a capital a person
            res.name = entity.text
        elif entity.label_ in {"PERSON", "ORG"}:
            res.name = entity.text

    def _titled_person(self, entity: Span) -> Organization | None:
        """A leader of people.tsv named after titles the tagger takes into the name ("Crown
        Prince Mohammed bin Salman"): the name's last two words or more; or a leader's last name
        alone after a leader's title ("President Bush", "Prime Minister Sharif"), when every
        leader of people.tsv who bears it is of one country (modality.yaml ``leader_titles``)."""
        if entity.label_ != "PERSON":
            return None
        if len(entity) == 1:
            countries = self.onto.leader_surnames.get(entity.text.lower(), frozenset())
            before = entity.doc[max(0, entity.start - 2):entity.start]  # "President", "Prime Minister"
            titles = {before.text.lower(), before[-1:].text.lower()} & self.leader_titles
            if len(countries) != 1 or not titles:
                return None
            return Organization(entity.text, next(iter(countries)), "GOV")
        return next((org for start in range(1, len(entity) - 1)
                     if (org := self.onto.organization(entity[start:].text)) is not None), None)

    def ship(self, head: Token, res: Resolution) -> bool:
        """A ship named with its navy's prefix ("the INS Mysore", "USS Harry S. Truman") is that
        state's military: the NER reads its name as a person or a town. The prefix must open the
        head's run of name words, none of them a role ("INS Commissioner Meissner" is the agency's).
        A prefix two navies use takes the one whose country the article's places lie in."""
        if head.pos_ != "PROPN" or not head.text[:1].isupper():
            return False
        start = head.i
        while start > 0 and head.doc[start - 1].pos_ == "PROPN" and head.doc[start - 1].head.i > start - 1:
            start -= 1
        if start == head.i:
            return False
        navies = self.onto.ship_prefixes.get(head.doc[start].text)
        name_words = head.doc[start + 1:head.i + 1]
        if not navies or any(t.lemma_.lower() in self.onto.sectors for t in name_words):
            return False
        placed = set(self.placed.values())
        navy = next((n for n in navies if n.country in placed), navies[0])
        res.country, res.sector, res.name = navy.country, navy.sector, head.doc[start:head.i + 1].text
        return True

    def country_from(self, tok: Token, res: Resolution) -> None:
        """Set the country a word names, unless one is already set."""
        if res.country or tok.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return
        doc = tok.doc
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in self.stances:
            return  # "anti-Syria journalist", "pro-Russian separatists": not of that country
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and (
            doc[tok.i + 2].lower_ in self.relations
        ):
            return  # "Serb-dominated municipality", "Russian-backed separatists"
        if tok.i >= 1 and tok.i + 1 < len(doc) and doc[tok.i - 1].lower_ == "former" and (
            doc[tok.i + 1].lemma_.lower() == "republic"
        ):
            return  # "the former Soviet republic of Georgia": no longer that state
        if (country := self._leader_body(tok)) is not None:
            res.country = country
            return
        entity = entity_at(tok)
        words = [tok.text]
        if entity is not None:
            words.insert(0, entity.text)
            if entity.label_ in {"GPE", "LOC"} and len(entity) > 1 and (
                    tok.i != entity.start or tok.lower_ in self.onto.demonyms):
                # "New Mexico", "Northern Ireland", "Indian Lake Road": a place of its own, not
                # its last word's or a people's ("Gaza City" is still Gaza's)
                words.pop()
        for word in words:
            org = self.onto.organization(word)
            key = word.lower().removeprefix("the ")
            named = not word.islower()  # "a car bomb", "turkey": a common noun, not CAR or Turkey
            country = (
                (org.country if org else None)
                or (self._country(key, tok, entity) if named else None)
                or self.onto.demonyms.get(key)
                or (self._capital(key, tok, entity) if named else None)
            )
            if country:
                res.country = country
                return

    def town_country(self, tok: Token) -> str | None:
        """The country of the resolved place a word names ("Miami" in "the Miami relatives",
        "leaders in Buffalo"): the people or body it modifies are that town's."""
        entity = entity_at(tok)
        return self._placed(tok, entity) if entity is not None and entity.label_ in {"GPE", "LOC"} else None

    def _leader_body(self, tok: Token) -> str | None:
        """The country of a government named by its leader ("the Trump administration", "the
        Castro regime"): a last name every leader of people.tsv who bears it shares a country with."""
        if tok.dep_ not in {"compound", "poss"} or tok.head.lemma_.lower() not in self.leader_bodies:
            return None
        countries = self.onto.leader_surnames.get(tok.lower_, frozenset())
        return next(iter(countries)) if len(countries) == 1 else None

    def _country(self, key: str, tok: Token, entity: Span | None) -> str | None:
        """The country a name names, unless the article's places read this mention as a division of
        another country: "Police in Atlanta, Georgia", "Georgia authorities" in a story of US towns
        are the US state's (places.py weighs the namesakes by the article's other places); so is a
        mention the places do not read ("the Georgia Bureau of Investigation") when every place of
        that name in the article lies in one other country."""
        country = self.onto.country_names.get(key)
        if country is None:
            return None
        placed = self._placed(tok, entity)
        if placed is None and len(self.named.get(key, ())) == 1:
            placed = next(iter(self.named[key]))
        return placed or country

    def _placed(self, tok: Token, entity: Span | None) -> str | None:
        """The country the article's places put this mention in, None when they do not read it."""
        return self.placed.get(entity.start_char if entity is not None else tok.idx)

    def _capital(self, key: str, tok: Token, entity: Span | None) -> str | None:
        """The country whose capital a name is, unless the article's places read it as a town
        of another country, here or wherever else it names it ("Dunkerson of Paris" in a Tennessee
        story: Paris, Tennessee; so is its "Paris Police Department")."""
        country = self.onto.capitals.get(key)
        placed = self._placed(tok, entity)
        if placed is None and country is not None and key in self.named:
            return country if country in self.named[key] else None
        return None if placed is not None and placed != country else country

    def sector(self, head: Token, tiers: list[list[Token]]) -> str | None:
        """The sector of a phrase: its modifiers' body, its head's role, then its tiers' roles."""
        sectors = self.onto.sectors
        lemma = head.lemma_.lower()
        modifiers = [c for c in head.lefts if c.dep_ in {"compound", "amod"}]
        for left in modifiers:  # "Hamas commander": the group decides, not the rank
            org = self.onto.organization(left.text)
            if org is not None and org.sector:
                return org.sector
        owners = [c for c in head.lefts if c.dep_ == "poss"]  # "sheriff's deputies"
        for left in modifiers + owners:  # "the lower house": a comparative's lemma ("low") is no key
            for bigram in (f"{left.lemma_.lower()} {lemma}", f"{left.lower_} {lemma}"):
                if bigram in sectors:
                    return self._office(head, bigram)
        if lemma in sectors and head.ent_type_ not in _NAMED:
            return self._office(head, lemma)
        entity = entity_at(head)
        if entity is not None and entity.label_ == "ORG":
            for tok in entity:  # "Nigeria Labour Congress": the first role word is the specific one
                if tok.lemma_.lower() in sectors:
                    return sectors[tok.lemma_.lower()]
        for tier in tiers:
            for tok in sorted(tier, key=lambda t: -t.i):
                word = tok.lemma_.lower()
                if word in sectors and tok.pos_ in {"NOUN", "PROPN"}:
                    return self._office(tok, word)
        return None

    def _office(self, title: Token, key: str) -> str | None:
        """The sector of a role word; a title shared by states and other bodies (held_titles)
        takes its holder's: a known body's, none for an unknown organisation ("KLM president")."""
        if key not in self.held_titles:
            return self.onto.sectors[key]
        holders = [c for c in title.children if c.dep_ in {"poss", "compound"} and c.i < title.i]
        holders += [o for p in title.children if p.dep_ == "prep" and p.lower_ in {"of", "to"}
                    for o in p.children if o.dep_ == "pobj"]
        for holder in holders:
            entity = entity_at(holder)
            name = entity.text if entity is not None else holder.text
            bare = name.lower().removeprefix("the ")
            if holder.ent_type_ in {"GPE", "NORP"} or bare in self.onto.country_names or (
                bare in self.onto.demonyms or holder.lower_ in self.departments
            ):
                break
            org = self.onto.organization(name)
            if org is not None:
                return org.sector
            if holder.lemma_.lower() in self.onto.sectors:
                return self.onto.sectors[holder.lemma_.lower()]
            if holder.ent_type_ == "ORG" and not holder.is_lower:  # "treasury secretary" is no firm's
                return None
        return self.onto.sectors[key]
