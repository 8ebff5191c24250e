"""Actors: the noun phrase of a participant, resolved to country and sector.

Resolution reads only what the text offers, in order of how tightly a word is
bound to the head: the head itself ("Beijing", "police"), its left modifiers
("Serbian President", "China's"), appositions, "of"/"from" phrases ("soldiers
of the NATO-led mission"), then an "in" place ("police in Kosovo"). A person
named once with a title keeps it for later bare mentions of the surname.
Unknown stays None: nothing is guessed.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsevents.extract.actor_phrases import names_team, phrase_tiers, phrase_tokens
from newsevents.extract.coref import FIRST_PERSON, PLURAL_PRONOUNS, SINGULAR_PRONOUNS, Coreference
from newsevents.ontology import Ontology
from newsevents.records import Actor

_NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_ACTOR_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
# times, ordinals and sums name no one, whatever the parse made of them ("killed dozens" does)
_NOT_ACTOR_ENTITIES = {"DATE", "TIME", "ORDINAL", "PERCENT", "MONEY"}
_RELATIVE = {"who", "which", "that", "whom"}
MAX_NESTING = 16
"""Resolutions in progress at once (an actor's phrase leads to a speaker, whose phrase leads
to a possessor ...): a bound, so no text can make resolution recurse without end."""
MAX_CLIMB = 12
"""Ancestors a pronoun climbs to find the speech verb whose speaker it is."""


@dataclass(slots=True)
class _Resolution:
    country: str | None = None
    sector: str | None = None
    ethnicity: str | None = None
    name: str | None = None


@dataclass(slots=True)
class ActorMemory:
    """What an article has told us so far about people (their titles' country and sector)."""

    people: dict[str, _Resolution] = field(default_factory=dict)


class ActorResolver:
    """Builds ``Actor`` records for head tokens, with memory across one article."""

    def __init__(self, ontology: Ontology, doc: Doc, *, text: str | None = None) -> None:
        self.onto = ontology
        self.memory = ActorMemory()
        self.text = doc.text if text is None else text  # Doc.text joins every token: pass it if known
        self.entities = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        self.coref = Coreference(ontology, doc, self.entities)
        self.active: set[int] = set()
        self.sentence: Span = doc[:]  # the sentence being coded; set by the caller
        self._places: dict[int, str | None] = {}
        self.speech = ontology.words("speech_verbs")
        self.quantifiers = ontology.words("quantifier_heads")
        self.stances = ontology.words("stance_prefixes")
        self.relations = ontology.words("relation_suffixes")
        self.outlets = ontology.words("outlet_heads")
        self.things = ontology.words("thing_pronouns")
        self.held_titles = ontology.words("held_titles")
        self.departments = ontology.words("state_departments")

    def actor(self, head: Token) -> Actor:
        """Resolve the phrase headed by ``head`` (quantifiers look through to "of")."""
        head = self.effective_head(head)
        tokens = phrase_tokens(head)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        text = self.text[start:end]
        if head.i in self.active or len(self.active) >= MAX_NESTING:
            return Actor(text=text, span=(start, end))  # a resolution that leads back to itself
        if head.pos_ == "PRON":
            return self._pronoun(head, text, (start, end))
        self.active.add(head.i)
        try:
            res = self._resolve(head, tokens)
        finally:
            self.active.discard(head.i)
        actor = Actor(
            text=text, span=(start, end), name=res.name or self._plain_name(tokens),
            country=res.country, sector=res.sector, ethnicity=res.ethnicity,
        )
        if actor.country is None and head.pos_ == "NOUN":  # "the ministry", "officials"
            actor.country = self.coref.description(head, actor, self.actor)
        return actor

    def actors(self, head: Token) -> list[Actor]:
        """The participants a head names: none if it names no one ("tear gas",
        "measures"); one per country of coordinated modifiers ("US and British
        forces" is two)."""
        first = self.actor(head)
        named = self.effective_head(head)
        if named.ent_type_ in _NOT_ACTOR_ENTITIES or named.lower_ in self.things:
            return []  # "First came the shooting", "something that meets"
        if not (first.country or first.sector or named.pos_ in {"PROPN", "PRON"}
                or named.ent_type_ in _ACTOR_ENTITIES):
            return []
        found = [first]
        for modifier in head.children:
            if modifier.dep_ not in {"amod", "compound"} or not modifier.conjuncts:
                continue
            for other in modifier.conjuncts:
                probe = _Resolution()
                self._country_from(other, probe)
                if probe.country and all(probe.country != a.country for a in found):
                    found.append(dataclasses.replace(first, country=probe.country))
        return found

    def is_outlet(self, head: Token) -> bool:
        """A news outlet of no country ("the newspaper", "Reuters"): it reports events and
        does not act in them (state media, "an official Syrian newspaper", do)."""
        head = self.effective_head(head)
        if head.pos_ == "NOUN":
            return head.lemma_.lower() in self.outlets and self.actor(head).country is None
        entity = self._entity_of(head)
        org = self.onto.organization(entity.text) if entity is not None and entity.label_ == "ORG" else None
        return org is not None and org.sector == "JRN"

    # -- resolution -------------------------------------------------------------

    def effective_head(self, head: Token) -> Token:
        """The word that names the participant: through quantifiers, possessors, "who"."""
        head = self._through_possessor(self._through_quantifier(head))
        if head.lower_ in _RELATIVE:  # "candidates, all of whom support": the clause's noun
            verb = next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            if verb is not None and verb.dep_ == "relcl":
                head = verb.head
        return head

    def _through_possessor(self, head: Token) -> Token:
        """ "Serbia's efforts", "the army's offensive": the possessor is the participant."""
        if head.pos_ != "NOUN" or head.ent_type_ or head.lemma_.lower() in self.onto.sectors:
            return head
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None and (owner.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"}
                                  or owner.lemma_.lower() in self.onto.sectors):
            return owner
        return head

    def _through_quantifier(self, head: Token) -> Token:
        if head.lemma_.lower() in self.quantifiers or head.like_num:
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
        return head

    def _resolve(self, head: Token, tokens: list[Token]) -> _Resolution:
        res = _Resolution()
        token_set = {t.i for t in tokens}
        entity = self._entity_of(head)
        if head.tag_ in {"NNS", "NNPS"} and head.lower_ in self.onto.demonyms and names_team(head, entity):
            res.name = entity.text if entity is not None else head.text  # "the Cleveland Indians"
            return res
        if head.tag_ in {"NNS", "NNPS"} and head.lower_ in self.onto.demonyms:
            # "Serbs", "Nigerians": a people, not a state; the country may come from context
            res.ethnicity, res.sector, res.name = head.text, "CVL", head.text
        elif entity is not None:
            self._from_head_entity(entity, res)
        elif head.pos_ == "PROPN" and head.lower_ in self.onto.country_names:
            # a country's own name the NER missed ("Nigeria said ...")
            res.country, res.sector = self.onto.country_names[head.lower_], "GOV"
            res.name = self.onto.country_labels.get(res.country)
        tiers = phrase_tiers(head, token_set)
        if head.pos_ == "ADJ" or head.ent_type_ == "NORP":  # "a Turkish drone strike"
            self._country_from(head, res)
        for tier in tiers:
            for tok in tier:
                self._country_from(tok, res)
            if res.country:
                break
        if not res.country:
            res.country = self._possessor_country(head)
        res.sector = res.sector or self._sector(head, tiers)
        if res.ethnicity and not res.country:
            res.country = self._sentence_place() or self.onto.demonyms.get(head.lower_)
        names = self._person_names(head, entity)
        if names:
            self._person_memory(names, res)
        elif res.country or res.sector:
            # "the UN coordinator for Sudan, Amina Rahal": a later "Rahal" is the coordinator
            for child in head.rights:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    self._person_memory(self._person_names(child, self._entity_of(child)), res)
        return res

    def _from_head_entity(self, entity: Span, res: _Resolution) -> None:
        key = entity.text.lower().removeprefix("the ")
        org = self.onto.organization(entity.text)
        if org is not None:
            res.country, res.sector, res.name = org.country, org.sector, org.name
        elif key in self.onto.country_names and entity.label_ in {"GPE", "ORG", "NORP", "LOC"}:
            res.country, res.sector = self.onto.country_names[key], "GOV"
            res.name = self.onto.country_labels.get(res.country)
        elif key in self.onto.capitals:  # the NER often calls a capital a person
            res.country, res.sector = self.onto.capitals[key], "GOV"
            res.name = entity.text
        elif entity.label_ in {"PERSON", "ORG"}:
            res.name = entity.text

    def _country_from(self, tok: Token, res: _Resolution) -> None:
        if res.country or tok.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return
        doc = tok.doc
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in self.stances:
            return  # "anti-Syria journalist", "pro-Russian separatists": not of that country
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and (
            doc[tok.i + 2].lower_ in self.relations
        ):
            return  # "Serb-dominated municipality", "Russian-backed separatists"
        entity = self._entity_of(tok)
        words = [tok.text]
        if entity is not None:
            words.insert(0, entity.text)
            if entity.label_ in {"GPE", "LOC"} and tok.i != entity.start:
                words.pop()  # "New Mexico", "Northern Ireland": a place of its own, not its last word's
        for word in words:
            org = self.onto.organization(word)
            key = word.lower().removeprefix("the ")
            named = not word.islower()  # "a car bomb", "turkey": a common noun, not CAR or Turkey
            country = (
                (org.country if org else None)
                or (self.onto.country_names.get(key) if named else None)
                or self.onto.demonyms.get(key)
                or (self.onto.capitals.get(key) if named else None)
            )
            if country:
                res.country = country
                return

    def _sector(self, head: Token, tiers: list[list[Token]]) -> str | None:
        sectors = self.onto.sectors
        lemma = head.lemma_.lower()
        modifiers = [c for c in head.lefts if c.dep_ in {"compound", "amod"}]
        for left in modifiers:  # "Hamas commander": the group decides, not the rank
            org = self.onto.organization(left.text)
            if org is not None and org.sector:
                return org.sector
        for left in modifiers:
            bigram = f"{left.lemma_.lower()} {lemma}"
            if bigram in sectors:
                return self._office(head, bigram)
        if lemma in sectors and head.ent_type_ not in _NAMED:
            return self._office(head, lemma)
        entity = self._entity_of(head)
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
        holders += [o for p in title.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"]
        for holder in holders:
            entity = self._entity_of(holder)
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

    def _person_names(self, head: Token, entity: Span | None) -> list[str]:
        """The name words of a person head ("Olufemi Balogun"), titles left out."""
        if entity is not None and entity.label_ == "PERSON":
            tokens = list(entity)
        elif head.pos_ == "PROPN" and (entity is None or entity.label_ == "PERSON"):
            tokens = [head] + [
                c for c in head.children
                if c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_
            ]
        elif head.is_title and head.lower_ in self.memory.people and (entity is None or len(entity) == 1):
            # a surname the article gave a person, which the tagger took for a firm or a verb
            # ("President Donald Trump ... Trump threatened"): still that person
            tokens = [head]
        else:
            return []
        return [
            t.lower_ for t in tokens
            if t.is_alpha and t.is_title and t.lemma_.lower() not in self.onto.sectors
        ]

    def _person_memory(self, names: list[str], res: _Resolution) -> None:
        if res.country or res.sector:
            for name in names:
                self.memory.people[name] = res
            return
        for name in reversed(names):
            known = self.memory.people.get(name)
            if known is not None:
                res.country, res.sector = known.country, known.sector
                res.name = known.name or res.name
                return

    def _possessor_country(self, head: Token) -> str | None:
        """ "Serbia ordered its army": a possessive pronoun points to the clause subject."""
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if poss is None:
            return None
        for verb in head.ancestors:
            if verb.pos_ in {"VERB", "AUX"}:
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.i != head.i and (
                    subject.lower_ not in FIRST_PERSON or poss.lower_ in FIRST_PERSON
                ):  # "we attacked their base": "their" is not "we"
                    return self.actor(subject).country
                break
        return self._pronoun(poss, poss.text, (poss.idx, poss.idx + len(poss))).country

    def _pronoun(self, head: Token, text: str, span: tuple[int, int]) -> Actor:
        """A pronoun's actor: the quotation's speaker for "we" inside one, the subject of
        the speech verb above it ("China said it ..."), else its antecedent (coref.py)."""
        word = head.lower_
        if head.i in self.active:  # "some of them said they ...": the speaker leads back here
            return Actor(text=text, span=span)
        self.active.add(head.i)
        try:
            found = self._antecedent(head, word)
        finally:
            self.active.discard(head.i)
        if found is None:
            return Actor(text=text, span=span)
        return Actor(
            text=text, span=span, name=found.name, country=found.country,
            sector=found.sector, ethnicity=found.ethnicity,
        )

    def _antecedent(self, head: Token, word: str) -> Actor | None:
        """Whom a pronoun means, in the order of how surely the text says it."""
        found = self.coref.pronoun(head, self.actor) if word in FIRST_PERSON else None
        if found is None and word in FIRST_PERSON | SINGULAR_PRONOUNS | PLURAL_PRONOUNS | {"he", "she"}:
            found = self._speaker(head)
        if found is None and word not in FIRST_PERSON:
            found = self.coref.pronoun(head, self.actor)
        return found

    def _speaker(self, pronoun: Token) -> Actor | None:
        """The subject of the nearest speech verb above a pronoun ("China said it ...")."""
        for ancestor in itertools.islice(pronoun.ancestors, MAX_CLIMB):
            if ancestor.lemma_.lower() in self.speech:
                for child in ancestor.children:
                    if child.dep_ == "nsubj" and child.pos_ != "PRON":
                        return self.actor(child)
        # a direct quotation: the speaker is the subject of the speech verb after it
        sentence = self.sentence
        if pronoun.lower_ in FIRST_PERSON and sentence.root.lemma_.lower() in self.speech:
            for child in sentence.root.children:
                if child.dep_ == "nsubj" and child.pos_ != "PRON":
                    return self.actor(child)
        return None

    def _entity_of(self, tok: Token) -> Span | None:
        return self.entities.get(tok.i)

    def _sentence_place(self) -> str | None:
        """The country of the first "in <country>" of the sentence, for peoples."""
        start = self.sentence.start
        if start not in self._places:
            self._places[start] = None
            for tok in self.sentence:
                if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.ent_type_ == "GPE":
                    entity = self._entity_of(tok)
                    key = entity.text.lower() if entity is not None else tok.lower_
                    if key in self.onto.country_names:
                        self._places[start] = self.onto.country_names[key]
                        break
        return self._places[start]

    @staticmethod
    def _plain_name(tokens: list[Token]) -> str | None:
        words = [t.text for t in tokens if t.dep_ not in {"det", "punct", "poss", "case"}]
        return " ".join(words) or None
