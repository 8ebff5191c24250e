"""Actors: the noun phrase of a participant, resolved to country and sector.

Resolution reads only what the text offers, in order of how tightly a word is
bound to the head: the head itself ("Beijing", "police"), its left modifiers
("Serbian President", "China's"), appositions, "of"/"from" phrases ("soldiers
of the NATO-led mission"), then an "in" place ("police in Kosovo"). A person
named once with a title keeps it for later bare mentions of the surname.
Unknown stays None: nothing is guessed. Which word of a phrase names the participant
(through "dozens of", "Serbia's", "who") is read by participant_heads.py, the phrase's words
by actor_phrases.py, the country and sector words by actor_lexicon.py.
"""

from __future__ import annotations

import dataclasses
import itertools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsevents.extract.actor_lexicon import ActorLexicon, Resolution
from newsevents.extract.actor_phrases import names_team, phrase_tiers, phrase_tokens
from newsevents.extract.coding import entity_at
from newsevents.extract.coref import FIRST_PERSON, PLURAL_PRONOUNS, SINGULAR_PRONOUNS, Coreference
from newsevents.extract.participant_heads import MAX_CLIMB, RELATIVE, ParticipantHeads
from newsevents.extract.roles import grammar_of
from newsevents.ontology import Ontology
from newsevents.records import Actor

_ACTOR_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
# times, ordinals and sums name no one, whatever the parse made of them ("killed dozens" does)
_NOT_ACTOR_ENTITIES = {"DATE", "TIME", "ORDINAL", "PERCENT", "MONEY"}
_OWNER_DEPS = {"amod", "compound", "poss", "nmod"}  # "an Israeli strike", "Hamas's attack"
_ACRONYM = re.compile(r"(?:[Tt]he )?[A-Z]{2,6}")
MAX_NESTING = 16
"""Resolutions in progress at once (an actor's phrase leads to a speaker, whose phrase leads
to a possessor ...): a bound, so no text can make resolution recurse without end."""


@dataclass(slots=True)
class ActorMemory:
    """What an article has told us so far about people (their titles' country and sector)."""

    people: dict[str, Resolution] = field(default_factory=dict)


class ActorResolver:
    """Builds ``Actor`` records for head tokens, with memory across one article."""

    def __init__(self, ontology: Ontology, doc: Doc, *, text: str | None = None) -> None:
        self.onto = ontology
        self.memory = ActorMemory()
        self.text = doc.text if text is None else text  # Doc.text joins every token: pass it if known
        self.coref = Coreference(ontology, doc)
        self.lexicon = ActorLexicon(ontology)
        self.heads = ParticipantHeads(ontology)
        self.active: set[int] = set()
        self.sentence: Span = doc[:]  # the sentence being coded; set by the caller
        self._places: dict[int, str | None] = {}
        self._done: dict[tuple[int, int], Actor] = {}  # (head, sentence) -> a whole resolution
        self._mentions: dict[int, Resolution] = {}  # earlier person mentions read for a surname
        self._searching = False
        self._names: frozenset[str] | None = None  # the article's name words (``_a_name``)
        self.speech = ontology.words("speech_verbs")
        self.outlets = ontology.words("outlet_heads")
        self.things = ontology.words("thing_pronouns")
        self.parties = ontology.words("party_nouns")
        # act nouns that are no sector word ("opposition" acts), read once per ontology
        self.acts = grammar_of(ontology).sectorless_acts

    def _a_name(self, token: Token) -> bool:
        """A capitalised word the tagger took for a common noun ("Vehof refuted the claim", at
        a sentence's start) that the article writes elsewhere as a name: inside a person or
        organisation, or as a proper noun within a sentence ("Tina Vehof said")."""
        if token.pos_ != "NOUN" or not token.text[:1].isupper():
            return False
        if self._names is None:
            self._names = frozenset(t.lower_ for t in token.doc if t.ent_type_ in {"PERSON", "ORG"} or (
                t.pos_ == "PROPN" and not t.is_sent_start))
        return token.lower_ in self._names

    def actor(self, head: Token) -> Actor:
        """Resolve the phrase headed by ``head`` (quantifiers look through to "of"). A phrase
        resolved whole (no other resolution in progress) is resolved once per sentence coded:
        several triggers share a subject, and coreference asks again for its mentions."""
        head = self.heads.effective_head(head)
        if self.active:
            return self._actor(head)
        key = (head.i, self.sentence.start)
        if key not in self._done:
            self._done[key] = self._actor(head)
        return _copy(self._done[key])

    def _actor(self, head: Token) -> Actor:
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
        if actor.country is None and head.pos_ in {"NOUN", "PROPN"}:  # "the ministry", "the Navy"
            actor.country = self.coref.description(head, actor, self.actor)
        return actor

    def actors(self, head: Token) -> list[Actor]:
        """The participants a head names: none if it names no one ("tear gas",
        "measures"); one per country of coordinated modifiers ("US and British
        forces" is two)."""
        first = self.actor(head)
        named = self.heads.effective_head(head)
        if named.ent_type_ in _NOT_ACTOR_ENTITIES or named.lower_ in self.things | RELATIVE:
            return []  # "First came the shooting", "something that meets", "the raid, which"
        if not (first.country or first.sector or named.pos_ in {"PROPN", "PRON"}
                or named.lemma_ in self.parties  # "the committee", "both sides"
                or named.ent_type_ in _ACTOR_ENTITIES or self._a_name(named)):
            return []
        found = [first]
        for modifier in head.children:
            if modifier.dep_ not in {"amod", "compound"} or not modifier.conjuncts:
                continue
            for other in modifier.conjuncts:
                probe = Resolution()
                self.lexicon.country_from(other, probe)
                if probe.country and all(probe.country != a.country for a in found):
                    found.append(dataclasses.replace(first, country=probe.country))
        return found

    def act_owners(self, heads: list[Token]) -> list[Token]:
        """Doer heads, each common noun that triggers.tsv codes as an act replaced by the names
        that own it: "sniper shootings injured doctors" names the attack, not who shot, but "an
        Israeli strike that killed 40" tells whose it was. A sector word that is also an act
        ("opposition", "forces") still acts; recipients keep act nouns ("resisted the plan")."""
        found = []
        for head in heads:
            named = self.heads.effective_head(head)
            if named.pos_ != "NOUN" or named.ent_type_ or named.lemma_.lower() not in self.acts:
                found.append(head)
            else:
                found += [c for c in named.lefts if c.dep_ in _OWNER_DEPS and c.ent_type_ in _ACTOR_ENTITIES]
        return found

    def is_outlet(self, head: Token) -> bool:
        """A news outlet of no country ("the newspaper", "Reuters"): it reports events and
        does not act in them (state media, "an official Syrian newspaper", do)."""
        head = self.heads.effective_head(head)
        if head.pos_ == "NOUN":
            return head.lemma_.lower() in self.outlets and self.actor(head).country is None
        entity = entity_at(head)
        org = self.onto.organization(entity.text) if entity is not None and entity.label_ == "ORG" else None
        return org is not None and org.sector == "JRN"

    # -- resolution -------------------------------------------------------------

    def _resolve(self, head: Token, tokens: tuple[Token, ...]) -> Resolution:
        res = Resolution()
        token_set = {t.i for t in tokens}
        entity = entity_at(head)
        if head.tag_ in {"NNS", "NNPS"} and head.lower_ in self.onto.demonyms and names_team(head, entity):
            res.name = entity.text if entity is not None else head.text  # "the Cleveland Indians"
            return res
        if head.tag_ in {"NNS", "NNPS"} and head.lower_ in self.onto.demonyms:
            # "Serbs", "Nigerians": a people, not a state; the country may come from context
            res.ethnicity, res.sector, res.name = head.text, "CVL", head.text
        elif self.lexicon.ship(head, res):
            pass
        elif entity is not None:
            self.lexicon.from_head_entity(entity, res)
        elif head.pos_ == "PROPN" and head.lower_ in self.onto.country_names:
            # a country's own name the NER missed ("Nigeria said ...")
            res.country, res.sector = self.onto.country_names[head.lower_], "GOV"
            res.name = self.onto.country_labels.get(res.country)
        tiers = phrase_tiers(head, token_set)
        if head.pos_ == "ADJ" or head.ent_type_ == "NORP":  # "a Turkish drone strike"
            self.lexicon.country_from(head, res)
        for tier in tiers:
            for tok in tier:
                self.lexicon.country_from(tok, res)
            if res.country:
                break
        if not res.country and entity is not None and entity.label_ == "ORG":
            self._acronym(head, entity, res)
        res.sector = res.sector or self.lexicon.sector(head, tiers)
        if not res.country and res.sector:  # people or a body of a town the article places, whoever's
            towns = (self.lexicon.town_country(tok) for tier in tiers for tok in tier)
            res.country = next((c for c in towns if c), None)
        if not res.country:
            res.country = self._possessor_country(head)
        if res.ethnicity and not res.country:
            res.country = self._sentence_place() or self.onto.demonyms.get(head.lower_)
        names = self._person_names(head, entity)
        if names:
            self._person_memory(names, res, head)
        elif res.country or res.sector:
            # "the UN coordinator for Sudan, Amina Rahal": a later "Rahal" is the coordinator
            for child in head.rights:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    self._person_memory(self._person_names(child, entity_at(child)), res, child)
        return res

    def _person_names(self, head: Token, entity: Span | None) -> list[str]:
        """The name words of a person head ("Olufemi Balogun", "Glenn McConnell": capitalised,
        not title-cased), titles left out."""
        if entity is not None and entity.label_ == "PERSON":
            tokens = list(entity)
        elif head.pos_ == "PROPN" and (entity is None or entity.label_ == "PERSON"):
            tokens = [head] + [
                c for c in head.children
                if c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_
            ]
        elif head.text[0].isupper() and (entity is None or len(entity) == 1) and (
                head.lower_ in self.memory.people or any(
                    e[-1].text == head.text for e in self.coref.named_before(head.i, "PERSON"))):
            # a surname the article gave a person, which the tagger took for a firm or a verb
            # ("President Donald Trump ... Trump threatened", "Premier Doug Ford ... Ford said"):
            # still that person
            tokens = [head]
        else:
            return []
        return [
            t.lower_ for t in tokens
            if t.is_alpha and t.text[0].isupper() and t.lemma_.lower() not in self.onto.sectors
        ]

    def _person_memory(self, names: list[str], res: Resolution, head: Token) -> None:
        if res.country or res.sector:
            for name in names:
                self.memory.people[name] = res
            return
        surname = head.lower_ if head.lower_ in names else names[-1]
        for name in reversed(names):
            known = self.memory.people.get(name)
            if known is None and name == surname:
                known = self._fuller_mention(head, "PERSON", lambda e, n=name: e[-1].lower_ == n)
            if known is not None:
                res.country, res.sector = known.country, known.sector
                res.name = known.name or res.name
                return

    def _acronym(self, head: Token, entity: Span, res: Resolution) -> None:
        """An acronym takes the body it abbreviates, named before it in the article ("the U.S.
        Immigration and Naturalization Service ... INS")."""
        if not _ACRONYM.fullmatch(entity.text):
            return
        acronym = entity.text.split()[-1]
        known = self._fuller_mention(head, "ORG", lambda e: acronym in {_initials(e), _initials(e)[1:]})
        if known is not None:
            res.country, res.sector, res.name = known.country, known.sector or res.sector, known.name

    def _fuller_mention(self, head: Token, label: str, same: Callable[[Span], bool]) -> Resolution | None:
        """An earlier mention of the same party that says more, resolved now: a surname's
        ("Palestinian President Mahmoud Abbas ... Abbas"), an acronym's ("the U.S. Immigration
        and Naturalization Service ... INS"). The memory holds only the mentions that were some
        event's participant, and the fuller one often is none ("with US Vice President Al
        Gore"). Each earlier mention is read on its own words once (no search from it)."""
        if self._searching:
            return None
        self._searching = True
        try:
            for entity in self.coref.named_before(head.i, label):
                if entity.root.i != head.i and same(entity):
                    if entity.root.i not in self._mentions:
                        found = self.actor(entity.root)
                        self._mentions[entity.root.i] = Resolution(
                            found.country, found.sector, found.ethnicity, found.name)
                    known = self._mentions[entity.root.i]
                    if known.country or known.sector:
                        return known
        finally:
            self._searching = False
        return None

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

    def _sentence_place(self) -> str | None:
        """The country of the first "in <country>" of the sentence, for peoples."""
        start = self.sentence.start
        if start not in self._places:
            self._places[start] = None
            for tok in self.sentence:
                if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.ent_type_ == "GPE":
                    entity = entity_at(tok)
                    key = entity.text.lower() if entity is not None else tok.lower_
                    if key in self.onto.country_names:
                        self._places[start] = self.onto.country_names[key]
                        break
        return self._places[start]

    @staticmethod
    def _plain_name(tokens: tuple[Token, ...]) -> str | None:
        words = [t.text for t in tokens if t.dep_ not in {"det", "punct", "poss", "case"}]
        return " ".join(words) or None


_FIELDS = operator.attrgetter(*(f.name for f in dataclasses.fields(Actor)))


def _copy(actor: Actor) -> Actor:
    """An actor's copy, for the caller to change (what ``dataclasses.replace`` makes with no
    change, at a fifth of its cost: it is asked for every participant of every event)."""
    return Actor(*_FIELDS(actor))


def _initials(entity: Span) -> str:
    """The capitals of a name's capitalised words ("U.S. Immigration and Naturalization
    Service": INS): its acronym, or one word more ("the US Federal Bureau of Investigation": FBI)."""
    return "".join(t.text[0] for t in entity if t.is_alpha and t.text[0].isupper())
