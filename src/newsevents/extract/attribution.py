"""Agentless events: the doer of an act whose own clause names none, read from the article.

"Five people were arrested", "two men were shot dead", "a curfew was imposed":
ACLED and conflict researchers attribute such acts from context. The doer is
the force or group the article names nearest the act whose sector can do it
(ontology/data/attribution.yaml: the act's sentence first, then sentences
before, then after), else the nearest mention anywhere in the article of the
sector the act itself implies (police for arrests). A doer the article never
names is not made up: the act's own word ("arrested") is no actor, and a force of no
country ("the attackers", "terrorists") is taken only from the act's own paragraph. A force
that only reports the act ("a woman was stabbed, police said") is its doer only
where the rule allows speakers (the police report their own arrests). Attributed
actors are marked ``inferred`` with the act's words as ``evidence_span``, so
users can tell them from stated ones or filter them out.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from spacy.attrs import POS
from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Doc, Token

from newsevents.extract.actor_phrases import head_lemma, mention_words
from newsevents.extract.actors import ActorResolver
from newsevents.extract.coding import doc_sentences, head_at
from newsevents.extract.episodes import Repeats, counted_times
from newsevents.extract.trigger_clauses import clause_verb, perfect
from newsevents.ontology import Ontology
from newsevents.ontology.attribution import DoerRule
from newsevents.records import Actor, Event

_HEAD_DEPS_SKIPPED = {"compound", "amod", "poss"}
_PHRASE_DEPS = {"compound", "appos", "conj", "poss"}
_FORCE_POS = {NOUN, PROPN}  # the parts of speech ``_names_force`` takes, as the parse's ids


class DoerFinder:
    """The forces an article names, by sentence, and the doer each agentless event gets."""

    def __init__(
        self, doc: Doc, resolver: ActorResolver, ontology: Ontology, home: str | None = None
    ) -> None:
        self.doc = doc
        self.home = home  # the country the article is set in (home_country.py), of victims of none
        self.resolver = resolver
        self.onto = ontology
        self.table = ontology.doers
        self.repeats = Repeats.of(ontology)
        self.wanted = frozenset(s for rule in self.table.rules for s in rule.named)
        self.speech = ontology.words("speech_verbs")
        self.record_verbs = ontology.words("record_verbs")  # "he has prior arrests"
        self.sources = self.speech | ontology.words("learning_verbs")  # their subjects tell or learn
        self.venue_preps = ontology.words("venue_preps")
        self.according = [tuple(p.split()) for p in ontology.words("attribution_phrases")]
        self.observers = ontology.words("observer_verbs")
        self._named: list[list[Actor]] | None = None
        self._speakers: set[tuple[int, int]] = set()  # spans of forces that report, not act
        self._venues: set[tuple[int, int]] = set()  # spans of courts named as where ("in federal court")
        self._heads: dict[tuple[int, int], frozenset[str]] = {}  # span -> its head's words, for ``never``
        self.suffering: dict[int, list[tuple[int, int]]] = {}  # sentence -> recipients' spans there
        self.victims: set[str] = set()  # head words of whom the article's attacks harm
        self.acting: dict[tuple[int, int], set[str]] = {}  # stated doer span -> TYPE, TYPE/mode
        self._breaks = [m.start() for m in re.finditer("\n", resolver.text)]  # not a loop over characters
        self._home = {s.upper() for s in ontology.words("coref_home_sectors")}  # placed later
        undergone = ontology.words("of_recipient_types")
        # act nouns whose "of" phrase is whom the act was done to ("the murder of", "the arrest of")
        self.undergone_acts = frozenset(
            lemma for (lemma, pos), senses in ontology.triggers.items()
            if pos == "NOUN" and any(s.event_type.lower() in undergone for s in senses))

    def _names_force(self, tok: Token) -> bool:
        """A phrase head that may name a doer: a sector word ("police", "security forces") or an
        organisation's name."""
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ in _HEAD_DEPS_SKIPPED:
            return False
        if self._venue(tok) and self.onto.sectors.get(tok.lemma_.lower()) != "JUD":
            return False  # "taken in a helicopter", "at the police station": where, not who
        of = tok.head
        if tok.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in self.undergone_acts:
            return False  # "the murder of a sheriff's deputy": whom an act was done to, not who acts
        lemma = tok.lemma_.lower()
        if lemma in self.table.buildings:
            return False  # "attacked a police station": where the police sit, not who acts
        if lemma in self.onto.sectors or tok.ent_type_ == "ORG":
            return True
        return any(f"{c.lemma_.lower()} {lemma}" in self.onto.sectors for c in tok.lefts)

    def _venue(self, tok: Token) -> bool:
        """The word is named as where something happened ("in federal court", "at the station")."""
        return tok.dep_ == "pobj" and tok.head.lower_ in self.venue_preps

    def _reports(self, tok: Token) -> bool:
        """The phrase of ``tok`` is a source: the subject of a speech or learning verb ("police
        said", "said a spokesman of the police", "police identified"), the one told, or the
        object of "according to"."""
        for _ in range(6):
            if tok.dep_ in _PHRASE_DEPS or (tok.dep_ == "pobj" and tok.head.head.pos_ in {"NOUN", "PROPN"}):
                tok = tok.head if tok.dep_ != "pobj" else tok.head.head
                continue
            break
        verb = tok.head.lemma_.lower()
        if tok.dep_ in {"nsubj", "nsubjpass"} and verb in self.sources:
            return True  # "police said", "police identified the man killed"
        if tok.dep_ in {"dobj", "dative"} and verb in self.speech:
            return True  # "the teenager told police": who is told of an act did not do it
        if tok.dep_ != "pobj":
            return False
        words = tuple(t.lower_ for t in tok.doc[max(tok.head.i - 1, 0):tok.head.i + 1])
        return any(words[-len(p):] == p for p in self.according)

    def named(self) -> list[list[Actor]]:
        """Per sentence, the actors it names whose sector can do one of the acts (built once)."""
        if self._named is None:
            self._named = []
            nouns = [pos in _FORCE_POS for pos in self.doc.to_array(POS).tolist()]
            for sentence in doc_sentences(self.doc):
                self.resolver.sentence = sentence
                found = []
                for i in range(sentence.start, sentence.end):
                    if not nouns[i]:
                        continue  # only a noun or a name heads a force (``_names_force``)
                    tok = self.doc[i]
                    if self._names_force(tok):
                        actor = self.resolver.actor(tok)
                        if actor.sector in self.wanted and all(a.span != actor.span for a in found):
                            found.append(actor)
                            self._heads[actor.span] = self._titles(tok)
                            if self._reports(tok):
                                self._speakers.add(actor.span)
                            if self._venue(tok):
                                self._venues.add(actor.span)
                self._named.append(found)
        return self._named

    def _titles(self, tok: Token) -> frozenset[str]:
        """A force's head words; a surname's are also its fuller mention's, whose title gave
        it its sector ("coroner Gary Hargrove ... Hargrove said": a coroner, who convicts no one)."""
        words = _head_words(tok)
        for entity in self.resolver.coref.named_before(tok.i, "PERSON"):
            if entity.root.i != tok.i and entity[-1].text == tok.text:
                return words | {t.lemma_.lower() for t in entity.root.lefts if t.dep_ == "compound"}
        return words

    def _order(self, index: int) -> list[int]:
        """Sentences to search: the act's own, then back, then ahead (attribution.yaml)."""
        last = len(self.named()) - 1
        back = [i for i in range(index - 1, index - 1 - self.table.before, -1) if i >= 0]
        ahead = [i for i in range(index + 1, index + 1 + self.table.after) if i <= last]
        return [index, *back, *ahead]

    def _from_article(self, event: Event, rule: DoerRule) -> Actor | None:
        assault = event.event_type == "ASSAULT"
        victims = {r.sector for r in event.recipient if r.sector} if assault else set()
        # a country's own army did not do it to its people (attribution.yaml ``own_side``); a
        # victim the text gives no country is the article's home country's, as it will be placed
        sides = {r.country or self.home for r in event.recipient} - {None}
        watching = self._watching(event)  # "a warship repulsed an attack"
        # who undergoes an act of the sentence ("someone hit an officer, a brick was thrown"), and
        # for an attack of any sentence searched ("attacks on Sunday ... Three soldiers were killed
        # in the clashes"; a wounded officer may still arrest)
        def taken(index: int) -> list[tuple[int, int]]:
            spans = [r.span for r in event.recipient] + watching
            if assault or index == event.sentence.index:
                spans += self.suffering.get(index, [])
            return spans
        # "Judge Turner ... He was convicted": whom the act is done to, named elsewhere, did not do it
        undergoing = {r.name for r in event.recipient if r.name}
        position = event.trigger.span[0]

        def fits(index: int, sectors: tuple[str, ...]) -> list[Actor]:
            blocked = taken(index)
            return [
                a for a in self.named()[index]
                if a.sector in sectors and a.sector not in victims
                and not (a.sector in rule.own_side and self._country(a) in sides)
                and (rule.speakers or a.span not in self._speakers)
                and (a.span not in self._venues or (rule.venues and index == event.sentence.index))
                and not rule.never & self._heads.get(a.span, frozenset())
                and not any(a.span[0] < end and start < a.span[1] for start, end in blocked)
                and a.name not in undergoing
                and (rule.heads is None or head_lemma(mention_words(self.doc, a)) in rule.heads
                     or bool(rule.heads & self._heads.get(a.span, frozenset())))
                # "the soldier who was killed by a buried bomb ... The SAS soldier had been embedded
                # with US forces when the bomb exploded": whom the article's attacks harm did not attack
                and not (assault and self._one(a) in self.victims)
                and not self._busy(a, event, rule)
            ]

        for index in self._order(event.sentence.index):
            found = [a for a in fits(index, rule.named) if self._placed(a) or self._beside(a, event)]
            if found:
                return min(found, key=lambda a: (rule.named.index(a.sector or ""), abs(a.span[0] - position)))
        if rule.implied_sector is None:
            return None
        # the sector the act implies (police for arrests), named anywhere in the article
        found = [a for index in range(len(self.named())) for a in fits(index, (rule.implied_sector,))]
        return min(found, key=lambda a: abs(a.span[0] - position)) if found else None

    def _watching(self, event: Event) -> list[tuple[int, int]]:
        """The subject of a verb that stops, follows or judges the act its object names
        (observer_verbs: "a warship repulsed an attack", "police investigated the shooting"): it
        did not do the act."""
        noun = head_at(self.doc, event.trigger.span)
        if noun is None or noun.dep_ not in {"dobj", "attr", "oprd"} or (
                noun.head.lemma_.lower() not in self.observers):
            return []
        return [(t.idx, t.idx + len(t)) for t in noun.head.children if t.dep_ in {"nsubj", "nsubjpass"}]

    def _busy(self, actor: Actor, event: Event, rule: DoerRule) -> bool:
        """The force is stated, where it is named, to do an act of another kind the rule sets
        apart ("police searched for a suspect in the bombings", "detectives from the state police
        arrested two men") and none of this one's."""
        start, end = actor.span
        acts = {kind for (a, b), kinds in self.acting.items() if a <= start and end <= b for kind in kinds}
        return bool(acts & rule.busy) and event.event_type not in acts

    def _one(self, actor: Actor) -> str:
        """The head lemma of an actor that is one person ("the SAS soldier"), else "": a force
        ("police", "troops") is often on both sides of an article's clashes."""
        words = mention_words(self.doc, actor)
        return head_lemma(words) if words is not None and words.root.tag_ == "NN" else ""

    def harmed(self, event: Event) -> None:
        """Note whom an attack harms, one person by head word: that soldier did not attack."""
        if event.event_type == "ASSAULT" and not (event.negated or event.hypothetical):
            self.victims.update(self._one(r) for r in event.recipient if r.sector in self.wanted)
            self.victims.discard("")

    def _placed(self, actor: Actor) -> bool:
        """A force of a country, or one the article's home country will place ("police")."""
        return actor.country is not None or actor.sector in self._home

    def _beside(self, actor: Actor, event: Event) -> bool:
        """A force the text cannot place ("the attackers", "terrorists") is the doer only when
        told in the act's paragraph: in another, an unplaced force is as likely another group,
        or a kind ("we will pursue terrorists"), as the one that acted."""
        return self._paragraph(actor.span[0]) == self._paragraph(event.trigger.span[0])

    def _record(self, event: Event) -> bool:
        """A perfect act counted in times ("has been arrested more than a dozen times") or one a
        party has on record ("he has prior arrests") is a record of acts over years, not one act a
        force of the article did (episodes.counted_times, modality.yaml record_verbs)."""
        root = head_at(self.doc, event.trigger.span)
        if root is None:
            return False
        if root.dep_ == "dobj" and root.head.lemma_.lower() in self.record_verbs:
            return True  # "he has prior arrests": acts he underwent over years, no one force's
        return perfect(root) and counted_times(clause_verb(root), event.event_type, self.repeats)

    def _country(self, actor: Actor) -> str | None:
        """A force's country, or the article's home country that ``place_at_home`` will give it."""
        return actor.country or (self.home if actor.sector in self._home else None)

    def _paragraph(self, char: int) -> int:
        return bisect.bisect_right(self._breaks, char)

    def doer(self, event: Event) -> Actor | None:
        """The inferred doer of an event that has no actor, or None when nothing fits."""
        if event.actor or event.historical or self._record(event):
            # an act told as background, long before the story ("was killed in 2003") or as a
            # record ("had been arrested four times"): the forces the story names now hunt, try or
            # report it; an article that knows who did it says so in the act's own clause
            return None
        rule = self.table.rule_for(event.event_type, event.mode)
        if rule is None:
            return None
        named = self._from_article(event, rule)
        if named is None:
            return None  # a doer the article never names is not made up from the act's words
        return dataclasses.replace(named, inferred=True, evidence_span=event.trigger.span)


def _head_words(tok: Token) -> frozenset[str]:
    """A force's head lemma and its two-word names ("prosecutor", "attorney general")."""
    lemma = tok.lemma_.lower()
    return frozenset({lemma} | {f"{c.lemma_.lower()} {lemma}" for c in tok.lefts})


def attribute_doers(events: list[Event], finder: DoerFinder) -> None:
    """Give each agentless event that an act rule covers its inferred doer (in place)."""
    stated: dict[tuple[int, str], set[tuple[int, int]]] = {}  # (sentence, type) -> doers' spans
    for event in events:
        if (event.quad or "").startswith("material"):  # "said IRA commanders were responsible": no victims
            finder.suffering.setdefault(event.sentence.index, []).extend(r.span for r in event.recipient)
        stated.setdefault((event.sentence.index, event.event_type), set()).update(
            a.span for a in event.actor)
        finder.harmed(event)
        if not (event.negated or event.hypothetical):
            for actor in event.actor:
                finder.acting.setdefault(actor.span, set()).update(
                    {event.event_type, f"{event.event_type}/{event.mode}"})
    for event in events:
        doer = finder.doer(event)
        # "First came the shooting: a teenager killed by police officers": the doer of the
        # sentence's act of the same type makes the noun another mention of that act, not a
        # second one; it stays without a doer (and below publishing if nothing else holds it)
        if doer is not None and doer.span not in stated.get((event.sentence.index, event.event_type), ()):
            event.actor = [doer]
