"""Private acts: an act between private persons only is no political interaction.

PLOVER codes political interactions, and the annotation protocol codes crime only where the
police or the state acts (docs/annotation.md, "Not annotated"). The relevance gate
(relevance.py) asks this module whether an event is such an act: a stabbing or a lawsuit
between people of no public role, unless armed conflict or a weapon of war is spoken of or a
force (police, soldiers, an armed group) takes part in the act's own clause, or a court or
official is named beside a dispute (anywhere in the article for a denial, a refusal, an
admission or an apology, which answers the state's proceeding); or a private person calling at
an office. A force or a court that only suffers one private person's violence ("he shot two
officers") does not take part: the murder rule codes that as private crime. The word lists are
relevance.yaml's.
"""

from __future__ import annotations

from functools import cached_property

from spacy.tokens import Doc, Span, Token

from newsevents.extract.actor_phrases import head_lemma, mention_words
from newsevents.extract.coding import cued_contexts, sentence_lemmas, words_at
from newsevents.extract.coref import FIRST_PERSON, PERSON_PRONOUNS
from newsevents.ontology import Ontology
from newsevents.records import Actor, Event

_COLLECTIVE_ENTITIES = {"NORP", "GPE", "LOC", "FAC"}  # a people or a place acting: never private
# reported speech, asides and clauses that describe a participant ("a mechanic who alerted police",
# "a boss arrested in a police operation"): not the act's own clause
_OTHER_CLAUSES = {"ccomp", "parataxis", "relcl", "acl"}
_SINGULAR_TAGS = {"NN", "NNP"}
_PHRASE_DEPS = {"compound", "amod", "conj", "appos"}  # a word inside or beside a party's phrase
_OBJECT_DEPS = {"dobj", "nsubjpass", "dative"}  # what a verb is done to
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_THING_RELATIVE = "WDT"  # "which", "that" as a relative pronoun; a person's is "who" (WP)


def state_name(actor: Actor, ontology: Ontology) -> bool:
    """The party is a country or a capital by name; a lower-case word ("the car") is not."""
    key = actor.text.lower().removeprefix("the ")
    named = not actor.text.islower()
    return named and (key in ontology.country_names or key in ontology.capitals)


def party_lemmas(doc: Doc, actor: Actor) -> tuple[str, set[str]]:
    """The lemma of the word a party's mention is about, and all its lemmas."""
    words = mention_words(doc, actor)
    return head_lemma(words), {t.lemma_.lower() for t in words or ()}


def person_name(doc: Doc, actor: Actor) -> bool:
    """The party is a person by name."""
    words = mention_words(doc, actor)
    return words is not None and words.root.ent_type_ == "PERSON"


class PrivateActs:
    """Judges whether events of one parsed article are private acts (one instance per article)."""

    def __init__(self, doc: Doc, sentences: list[Span], ontology: Ontology) -> None:
        self.doc = doc
        self.sentences = sentences
        self.onto = ontology
        self.rel = ontology.relevance
        self._cued: dict[int, list[str]] = {}
        self._state: dict[int, bool] = {}

    def act(self, event: Event) -> bool:
        """An act of a type judged so whose every participant is a private person; violence
        only where nothing speaks of armed conflict and no force is in its clause, a legal or
        public dispute (a complaint, a lawsuit, a refusal) only where no state party is named
        beside it."""
        parties = event.actor + event.recipient
        if event.event_type not in self.rel.private_types or not parties:
            return False  # with no one named, nothing says the act is private
        violent = event.event_type in self.rel.conflict_types
        # one private person's violence: a force or a court that it hits is its victim
        lone = violent and self._lone_doer(event.actor) and not self._political_violence
        victims = self.rel.victim_sectors if lone else frozenset()
        parties = event.actor + [r for r in event.recipient if r.sector not in victims]
        if not all(self._private_party(a, violent=violent) for a in parties):
            return False
        index = event.sentence.index
        if event.event_type in self.rel.proceeding_types and any(
            self._names_state(i) for i in (index - 1, index)
        ):
            return False
        if event.event_type in self.rel.answer_types and self._article_names_state:
            return False
        if not violent:
            return True
        if self._war_weapons(index):
            return False  # "killed when a car bomb exploded": a bombing, not a private crime
        words = words_at(self.doc, event.trigger.span)
        if words is not None and any(
                self._force_takes_part(t, words.root, lone=lone) for t in _clause(words.root)):
            return False  # a force in the act's own clause ("throwing bottles at police", "shot by police")
        lead = range(min(self.rel.lead_sentences, len(self.sentences)))
        return not any(self._speaks_of_conflict(i) for i in (index, *lead))

    def _lone_doer(self, actors: list[Actor]) -> bool:
        """One person does the act: a single actor whose mention is a singular noun, name or
        personal pronoun ("a parolee", "Nichols", "he"; not "youths" or "they"), and not a thing
        a relative clause's "which" or "that" stands for ("the bombing of a clinic that killed
        an officer": the roles' doer is the clinic, what killed was the bombing)."""
        words = mention_words(self.doc, actors[0]) if len(actors) == 1 else None
        head = words.root if words is not None else None
        if head is None or any(c.dep_ in _SUBJECT_DEPS and c.tag_ == _THING_RELATIVE
                               for r in head.children if r.dep_ == "relcl" for c in r.children):
            return False
        return head.tag_ in _SINGULAR_TAGS or head.lower_ in PERSON_PRONOUNS

    def _force_takes_part(self, tok: Token, trigger: Token, *, lone: bool) -> bool:
        """``tok`` names a force that takes part in the act: as its doer or a side of it, or as
        its target unless a lone person does it ("he shot two officers": their victim)."""
        sector = _word_sector(tok, self.onto.sectors)
        if sector not in self.rel.force_sectors:
            return False
        victim = sector in self.rel.victim_sectors and _target(tok, trigger, self.rel.target_preps)
        return not (lone and victim)

    def _private_party(self, actor: Actor, *, violent: bool) -> bool:
        """A private person or body: of a private sector (``violent``: or of a sector private
        in violence, workers shooting a co-worker), or a person or common noun of no sector and
        no country. A people ("Bosnian Serbs", a name with a country), people in public life
        ("protesters": relevance.yaml public_persons) or an unknown name are not."""
        if state_name(actor, self.onto):
            return False
        words = mention_words(self.doc, actor)
        head = words.root if words is not None else None
        if head is not None and (head.ent_type_ in _COLLECTIVE_ENTITIES or (
            _name(head) and actor.own_country is not None
        ) or head.lemma_.lower() in self.rel.public_persons):
            return False
        if actor.sector is not None:
            return actor.sector in self.rel.private_sectors or (
                violent and actor.sector in self.rel.violence_private_sectors)
        if actor.own_country is not None or head is None or (not violent and _unknown_person(actor, head)):
            return False
        return head.ent_type_ == "PERSON" or not _name(head)

    def _names_state(self, index: int) -> bool:
        """Sentence ``index`` names an official, a legislature or a court ("a federal judge
        ruled"): relevance.yaml ``proceeding_sectors``."""
        if index not in self._state:
            inside = 0 <= index < len(self.sentences)
            self._state[index] = inside and any(
                self.onto.sectors.get(t.lemma_.lower()) in self.rel.proceeding_sectors
                for t in self.sentences[index])
        return self._state[index]

    def _speaks_of_conflict(self, index: int) -> bool:
        return not self.rel.conflict_contexts.isdisjoint(self._contexts(index))

    def _contexts(self, index: int) -> list[str]:
        """The contexts sentence ``index`` speaks of (contexts.yaml), read once."""
        if index not in self._cued:
            inside = index < len(self.sentences)
            lemmas = sentence_lemmas(self.sentences[index]) if inside else None
            self._cued[index] = cued_contexts(*lemmas, self.onto) if lemmas else []
        return self._cued[index]

    def _war_weapons(self, index: int) -> bool:
        """Sentence ``index`` names a weapon of war (relevance.yaml ``war_weapons``)."""
        inside = index < len(self.sentences)
        return inside and self.rel.war_weapons.found_in(*sentence_lemmas(self.sentences[index]))

    @cached_property
    def _article_names_state(self) -> bool:
        """Some sentence of the article names an official, a legislature or a court."""
        return any(self._names_state(i) for i in range(len(self.sentences)))

    @cached_property
    def _political_violence(self) -> bool:
        """The article speaks somewhere of political violence (relevance.yaml ``violence_contexts``)."""
        return any(not self.rel.violence_contexts.isdisjoint(self._contexts(i))
                   for i in range(len(self.sentences)))

    def visit(self, event: Event) -> bool:
        """A private person calling at an office (relevance.yaml ``visit_types``, ``premises``):
        every actor of a private sector ("a resident"; not a protester) or a person of no sector
        and no country of their own (a guess at most), the recipient a building or the one whose
        building it is ("visited the mayor's office")."""
        if event.event_type not in self.rel.visit_types or not event.actor or not event.recipient:
            return False
        people = all(party_lemmas(self.doc, a)[0] not in self.rel.public_persons and (
            a.sector in self.rel.private_sectors or (
                a.sector is None and a.own_country is None and self._person(a))) for a in event.actor)
        return people and all(self._premises(r) for r in event.recipient)

    def _premises(self, actor: Actor) -> bool:
        words = mention_words(self.doc, actor)
        if words is None:
            return False
        head = words.root
        owner = head.dep_ == "poss" and head.head.lemma_.lower() in self.rel.premises
        return owner or head.lemma_.lower() in self.rel.premises

    def _person(self, actor: Actor) -> bool:
        """A person by name, or a pronoun that resolved to one ("she" meaning "Li")."""
        words = mention_words(self.doc, actor)
        pronoun = words is not None and words.root.lower_ in PERSON_PRONOUNS and actor.name is not None
        return pronoun or person_name(self.doc, actor)


def _unknown_person(actor: Actor, head: Token) -> bool:
    """A personal pronoun resolved to no one ("I agree", "he apologized"): nothing says who it
    is, so nothing says the party is private (the confidence holds a bare pronoun down). Violence
    is judged apart: a pronoun there is mostly a victim or an assailant of a private crime."""
    return head.pos_ == "PRON" and actor.name is None and head.lower_ in PERSON_PRONOUNS | FIRST_PERSON


def _name(head: Token) -> bool:
    """A proper name; a lower-case word the tagger took for one is not ("shot by parolee" in a
    headline)."""
    return head.pos_ == "PROPN" and not head.is_lower


def _word_sector(tok: Token, sectors: dict[str, str]) -> str | None:
    """The sector of a noun with its modifiers, the longest listed ("chief executive officer"
    is a firm's, "officer" alone the police's)."""
    words = [c.lemma_.lower() for c in tok.lefts if c.dep_ in {"compound", "amod"}] + [tok.lemma_.lower()]
    return next((sectors[key] for i in range(len(words)) if (key := " ".join(words[i:])) in sectors), None)


def _target(tok: Token, trigger: Token, preps: frozenset[str]) -> bool:
    """``tok`` is what the act is done to: the object or passive subject of the trigger or of a
    verb joined to it ("shot and killed a deputy", "officers were shot"), or the object of a
    preposition of aim on it ("fired on police", "the killing of an officer"), with the words of
    its phrase ("police" in "two police officers") and those listed beside it."""
    while tok.dep_ in _PHRASE_DEPS and tok.head != trigger:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in preps:
        tok = tok.head
    elif tok.dep_ not in _OBJECT_DEPS:
        return False
    return tok.head == trigger or tok.head in trigger.conjuncts


def _clause(head: Token) -> list[Token]:
    """The words of ``head``'s clause: its subtree without the clauses it reports, sits beside or
    describes a participant with (``_OTHER_CLAUSES``: "he was shot, police said")."""
    found, stack = [], [head]
    while stack:
        tok = stack.pop()
        found.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _OTHER_CLAUSES)
    return found
