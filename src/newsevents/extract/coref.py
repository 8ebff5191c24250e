"""Coreference within one article: whom a pronoun or a bare description means.

Candidates are the article's named people, organisations and countries and its
role nouns ("the ministry", "rebels"), in text order. A pronoun takes the
main clause's subject when it sits in a clause fronted before it ("By recalling
its ambassador, Slovenia ..."), a possessive its own clause's subject when that can be
meant ("Israel expanded its air strikes"), else the nearest compatible candidate before it:
in its own sentence first (never its own clause's subject for an object
pronoun), then the sentences before it, up to a few back; a sentence's subject
pronoun that repeats the one subject of the sentence before means what it
means ("He beat a deputy. He shot a judge"); in each sentence
subjects come before other mentions. "he" and
"she" want a person, "it" a singular group or country, "they" any group. An "it" whose
antecedent has a rival of another country as near ("Britain and the US ... it") is a guess
and stays unresolved. A
first-person pronoun inside a direct quotation is its speaker. A bare
description ("the ministry", "officials", "the group", "the country", "the Navy", "the
Navy spokesman") takes the country of an earlier mention with the same head or body, else of the nearest
organisation or country it can mean, else the article's main country so far; a plural
one ("the unions", "other countries") is no single body or country named before.
What cannot be found stays unresolved: the coder does not publish a bare
pronoun without a country.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsevents.extract.coding import doc_entities, doc_sentences, doc_words, entity_at
from newsevents.ontology import Ontology
from newsevents.records import Actor

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
# pronouns coreference does not resolve, which name no one on their own ("those who help")
UNRESOLVED_PRONOUNS = frozenset({"you", "your", "this", "that", "these", "those", "one", "who"})
PRONOUNS = PERSON_PRONOUNS | SINGULAR_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON | UNRESOLVED_PRONOUNS
_SUBJECTS = {"nsubj", "nsubjpass"}
_MENTION_DEPS = _SUBJECTS | {"dobj", "pobj", "appos", "conj", "dative", "attr", "poss", "ROOT"}
_PLURAL_TAGS = {"NNS", "NNPS"}
_INDEFINITE = {"a", "an", "another", "some", "any", "several", "many", "few", "other"}
_WINDOW = 3  # sentences back that a pronoun may reach
_DESCRIPTION_REACH = 40  # sentences back that a bare description may reach
MAX_EARLIER = 200
"""Mentions (the nearest) a bare description is compared with: a bound, so that a text of
one noun over and over ("who met the woman who met the woman ...") costs no square."""

Resolve = Callable[[Token], Actor]
Speakers = Callable[[], list[tuple[int, int, Actor | None]]]


@dataclass(frozen=True, slots=True)
class _Mention:
    """A candidate antecedent, with what the comparisons read taken from the parse once
    (a description compares itself with up to ``MAX_EARLIER`` of them)."""

    token: Token
    person: bool
    plural: bool
    sentence: int
    rank: tuple[bool, int]  # subjects first, then text order
    words: frozenset[str]  # its lemma and its compounds' ("President Peres": president, peres)
    label: str | None  # its named entity's label


def is_bare_pronoun(actor: Actor) -> bool:
    """An actor that is only a pronoun and has no country: never published."""
    return actor.country is None and actor.text.lower() in PRONOUNS


def leading(counts: Counter[str]) -> str | None:
    """The key named most, when it is named twice at least and no other ties it: the country
    an article is set in, from the countries of its mentions or of its places."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


class Coreference:
    """Antecedents for one article's pronouns and descriptions, built on first use."""

    def __init__(self, ontology: Ontology, doc: Doc) -> None:
        self.onto = ontology
        self.doc = doc
        self.speakers: Speakers | None = None  # quotation spans and speakers, asked lazily
        self._quotes: list[tuple[int, int, Actor | None]] | None = None
        self._mentions: list[_Mention] | None = None
        self._starts: list[int] = []
        self._sentence_starts: list[int] = []
        self._first: list[int] = []  # per mention, the index of the first mention of its sentence
        self._ranked: dict[int, list[_Mention]] = {}  # a whole sentence's mentions, ranked
        self._resolved: dict[int, Actor] = {}
        self._chained: dict[int, Actor | None] = {}  # a subject pronoun -> whom it means
        self._busy = False
        self._named: dict[str, tuple[list[Span], list[int]]] = {}  # label -> entities, their ends
        self._first_with: dict[str, int] = {}  # a mention's word -> the first mention that has it
        self.group_nouns = ontology.words("coref_group_nouns")
        self.country_nouns = ontology.words("coref_country_nouns")
        self.person_roles = ontology.words("coref_person_roles")
        self.home_sectors = {s.upper() for s in ontology.words("coref_home_sectors")}  # read lower-case

    # -- pronouns ----------------------------------------------------------------

    def pronoun(self, pronoun: Token, resolve: Resolve) -> Actor | None:
        """The actor a third-person or quoted first-person pronoun refers to, if found."""
        word = pronoun.lower_
        if word in FIRST_PERSON:
            return self._speaker(pronoun)
        if word not in PERSON_PRONOUNS | SINGULAR_PRONOUNS | PLURAL_PRONOUNS or self._busy:
            return None
        person, plural = word in PERSON_PRONOUNS, word in PLURAL_PRONOUNS
        later = _main_subject_after(pronoun)  # "By recalling its ambassador, Slovenia ..."
        if later is not None and (later.ent_type_ == "PERSON") == person and (
            person or plural or later.tag_ not in _PLURAL_TAGS
        ):
            found = self._resolve(later, resolve)
            if found is not None:
                return found
        bound = self._bound(pronoun, person, plural)  # "Israel expanded its air strikes"
        if bound is not None:
            found = self._resolve(bound.token, resolve)
            if found is not None:
                return found
        before = self._subject_before(pronoun)  # "He beat a deputy ... He burst into the courtroom"
        if before is not None:
            if before.i not in self._chained:
                self._chained[before.i] = self.pronoun(before, resolve)
            if self._chained[before.i] is not None:
                return self._chained[before.i]
        excluded = _own_subjects(pronoun)
        candidates = [
            m for m in self._before(pronoun.i, _WINDOW)
            if m.token.i not in excluded and m.person == person
            and (person or plural or not m.plural)  # "it" is not "the rebels"
        ]
        for mention in candidates:
            found = self._resolve(mention.token, resolve)
            if found is not None:
                if not (person or plural) and self._rivalled(mention, found, candidates, resolve):
                    return None  # "Britain and the US expelled ... it": which one is a guess
                return found
        return None

    def _subject_before(self, pronoun: Token) -> Token | None:
        """The same "he" or "she" as the subject of the sentence before, when ``pronoun`` is its
        own sentence's subject: a run of sentences with one subject keeps its topic ("He beat a
        deputy guarding him. He burst into the courtroom": the same man, not the deputy)."""
        if pronoun.lower_ not in PERSON_PRONOUNS or pronoun.dep_ not in _SUBJECTS or (
                pronoun.head != pronoun.sent.root):
            return None  # "It was ... It took": an "it" is as often no one
        self._all()
        here = bisect.bisect_right(self._sentence_starts, pronoun.i) - 1
        if here < 1:
            return None
        root = doc_sentences(self.doc)[here - 1].root
        subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
        return subject if subject is not None and subject.lower_ == pronoun.lower_ else None

    def _bound(self, pronoun: Token, person: bool, plural: bool) -> _Mention | None:
        """The subject of the clause a possessive pronoun sits in, when it can be meant: "Israel
        expanded its air strikes", "the minister renewed his call" (its own phrase's subject is
        not: "its army attacked")."""
        if pronoun.dep_ != "poss":
            return None
        verb = next((a for a in pronoun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        while verb is not None and verb.dep_ == "conj" and not any(
                c.dep_ in _SUBJECTS for c in verb.children):
            verb = verb.head  # "Israel shelled the town and expanded its strikes"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if subject is None or subject.i > pronoun.i or subject in pronoun.ancestors:
            return None
        mentions = self._all()
        at = bisect.bisect_left(self._starts, subject.i)
        found = mentions[at] if at < len(mentions) and mentions[at].token.i == subject.i else None
        if found is None or found.person != person or not (person or plural or not found.plural):
            return None
        return found

    def _rivalled(self, chosen: _Mention, found: Actor, candidates: list[_Mention], resolve: Resolve) -> bool:
        """Another state or group of another country stands as near as the antecedent of an
        "it": in the same sentence and the same place in it (both subjects, or neither, or
        coordinated: "Britain and the US")."""
        for other in candidates:
            if other is chosen or other.sentence != chosen.sentence:
                continue
            if other.rank[0] != chosen.rank[0] and chosen.token not in other.token.conjuncts:
                continue
            rival = self._resolve(other.token, resolve)
            if rival is not None and rival.country and found.country and rival.country != found.country:
                return True
        return False

    def _speaker(self, pronoun: Token) -> Actor | None:
        """The speaker of the direct quotation holding a first-person pronoun."""
        if self.speakers is None:
            return None
        if self._quotes is None:
            self._quotes = sorted(self.speakers(), key=lambda q: q[0])
        at = pronoun.idx
        for start, end, speaker in self._quotes:
            if start <= at < end:
                return speaker
        return None

    def named_before(self, i: int, label: str) -> list[Span]:
        """The article's named entities of one label ("PERSON", "ORG") before token ``i``,
        nearest first (at most ``MAX_EARLIER``)."""
        if label not in self._named:
            found = [e for e in doc_entities(self.doc) if e.label_ == label]
            self._named[label] = (found, [e.end for e in found])
        found, ends = self._named[label]
        end = bisect.bisect_right(ends, i)
        return found[max(0, end - MAX_EARLIER):end][::-1]

    # -- descriptions --------------------------------------------------------------

    def description(self, head: Token, actor: Actor, resolve: Resolve) -> str | None:
        """The country a bare description ("the ministry", "officials", "the Navy", "the
        Navy spokesman") names, if found."""
        if actor.country is not None or self._busy or _indefinite(head):
            return None
        words = self.described(head)
        if not words:
            return None
        lemma = head.lemma_.lower()
        country, group = lemma in self.country_nouns, lemma in self.group_nouns
        self._all()
        if min(self._first_with.get(word, head.i) for word in words) >= head.i and not (
                country or group or actor.sector in self.home_sectors):
            return None  # no earlier mention has its words, and no other reading applies
        earlier = self._before(head.i, _DESCRIPTION_REACH, MAX_EARLIER)
        plural = head.tag_ in _PLURAL_TAGS  # "unions" are not the one "European Union" before
        for mention in earlier:  # "the Kenyan foreign ministry ... the ministry"
            if words & mention.words and not (plural and mention.label and not mention.plural):
                found = self._resolve(mention.token, resolve)  # also "President Peres ... the president"
                if found is not None and found.country:
                    return found.country
        if (country or group) and not plural:
            wanted = {"GPE"} if country else {"ORG"}
            for mention in earlier:
                if mention.label in wanted:
                    found = self._resolve(mention.token, resolve)
                    if found is not None and found.country:
                        return found.country
            return None
        if actor.sector in self.home_sectors:
            return self._main_country(earlier, resolve)
        return None

    def described(self, head: Token) -> frozenset[str]:
        """The words a description is matched on: a common noun's lemma with the body its
        compounds name ("the Navy spokesman": spokesman, navy), or a body's name that is only its
        sector's word ("the Navy", "the Army": how a house style capitalises the country's own);
        none for a proper name of its own."""
        lemma = head.lemma_.lower()
        bodies = {c.lemma_.lower() for c in head.lefts if c.dep_ == "compound"} & self.onto.sectors.keys()
        if head.pos_ == "NOUN" or (head.pos_ == "PROPN" and lemma in self.onto.sectors and all(
                c.dep_ == "det" or c.lemma_.lower() in bodies for c in head.lefts)):
            return frozenset({lemma} | bodies)
        return frozenset()

    def _main_country(self, earlier: list[_Mention], resolve: Resolve) -> str | None:
        """The country the article has named most so far, if one leads and is named twice."""
        counts: Counter[str] = Counter()
        for mention in earlier:
            if mention.label == "GPE":
                found = self._resolve(mention.token, resolve)
                if found is not None and found.country and found.country != "IGO":
                    counts[found.country] += 1
        return leading(counts)

    # -- candidates ----------------------------------------------------------------

    def _before(self, i: int, reach: int, limit: int | None = None) -> list[_Mention]:
        """Mentions before token ``i``, nearest sentence first, subjects first within one
        (the first ``limit`` of them: whole sentences are read until there are as many)."""
        mentions = self._all()
        end = bisect.bisect_left(self._starts, i)
        here = bisect.bisect_right(self._sentence_starts, i) - 1
        ordered: list[_Mention] = []
        while end and here - mentions[end - 1].sentence <= reach:
            first = self._first[end - 1]
            whole = end == len(mentions) or mentions[end].sentence != mentions[end - 1].sentence
            ordered += self._sentence(mentions, first, end) if whole else _ranked(mentions[first:end])
            if limit is not None and len(ordered) >= limit:
                break
            end = first
        return ordered[:limit]

    def _sentence(self, mentions: list[_Mention], first: int, end: int) -> list[_Mention]:
        """The ranked mentions ``first:end``, one whole sentence's, sorted once."""
        if first not in self._ranked:
            self._ranked[first] = _ranked(mentions[first:end])
        return self._ranked[first]

    def _all(self) -> list[_Mention]:
        if self._mentions is None:
            self._sentence_starts = [s.start for s in doc_sentences(self.doc)]
            found: dict[int, _Mention] = {}
            for entity in doc_entities(self.doc):
                if entity.label_ in {"PERSON", "ORG", "GPE", "NORP"} and entity.root.i not in found:
                    root = entity.root
                    if entity.label_ == "NORP" and root.tag_ not in _PLURAL_TAGS:
                        continue  # "Kenyan" is a modifier, "Kenyans" a group
                    person = entity.label_ == "PERSON" and root.tag_ not in _PLURAL_TAGS  # not "Greeks"
                    found[root.i] = self._mention(root, person=person)
            for i, lemma in enumerate(doc_words(self.doc)[0]):
                role = lemma in self.person_roles
                if not role and lemma not in self.onto.sectors:
                    continue  # no mention: no Token built for it
                tok = self.doc[i]
                if role and tok.dep_ == "compound" and _titled_name(tok.head):
                    # "Cllr Morris", "Gov. Crist": a person, whatever the NER called the name
                    found[tok.head.i] = self._mention(tok.head, person=True)
                if i in found:
                    continue
                if tok.pos_ == "NOUN" and tok.dep_ in _MENTION_DEPS:  # "the ministry", "the chief"
                    person = tok.tag_ not in _PLURAL_TAGS and lemma in self.person_roles
                    found[i] = self._mention(tok, person=person)
            self._mentions = sorted(found.values(), key=lambda m: m.token.i)
            self._starts = [m.token.i for m in self._mentions]
            for mention in self._mentions:
                for word in mention.words:
                    self._first_with.setdefault(word, mention.token.i)
            for index, mention in enumerate(self._mentions):
                same = index > 0 and self._mentions[index - 1].sentence == mention.sentence
                self._first.append(self._first[index - 1] if same else index)
        return self._mentions

    def _mention(self, tok: Token, *, person: bool) -> _Mention:
        sentence = bisect.bisect_right(self._sentence_starts, tok.i) - 1
        words = {tok.lemma_.lower()} | {c.lemma_.lower() for c in tok.lefts if c.dep_ == "compound"}
        entity = entity_at(tok)
        return _Mention(tok, person, tok.tag_ in _PLURAL_TAGS, sentence, (tok.dep_ not in _SUBJECTS, tok.i),
                        frozenset(words), entity.label_ if entity is not None else None)

    def _resolve(self, tok: Token, resolve: Resolve) -> Actor | None:
        """The mention resolved once; no nested coreference while it is (bounded)."""
        if tok.i not in self._resolved:
            self._busy = True
            try:
                self._resolved[tok.i] = resolve(tok)
            finally:
                self._busy = False
        found = self._resolved[tok.i]
        return found if (found.country or found.sector or found.name) else None


def _indefinite(head: Token) -> bool:
    """ "a ministry", "three doctors": a new referent, not one named before."""
    return any(c.dep_ in {"nummod", "quantmod"} or (c.dep_ == "det" and c.lower_ in _INDEFINITE)
               for c in head.children)


def _titled_name(head: Token) -> bool:
    """A single proper name under a person's title ("Cllr Morris"), not a body's name."""
    return head.pos_ == "PROPN" and head.tag_ not in _PLURAL_TAGS and head.dep_ in _MENTION_DEPS and (
        head.ent_type_ in {"", "PERSON", "ORG"})


def _ranked(group: list[_Mention]) -> list[_Mention]:
    """One sentence's mentions: subjects first, then the rest from left to right."""
    return sorted(group, key=lambda m: m.rank)


def _main_subject_after(pronoun: Token) -> Token | None:
    """The subject of the main clause, when a pronoun in a clause fronted before it
    comes first ("After its talks with Kenya, Uganda said ...")."""
    root = pronoun.sent.root
    if pronoun.i > root.i or not any(a.dep_ in {"advcl", "prep"} for a in pronoun.ancestors):
        return None
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subject is None or subject.i < pronoun.i or subject.pos_ == "PRON":
        return None
    return subject


def _own_subjects(pronoun: Token) -> set[int]:
    """The subjects of the clause an object pronoun sits in ("struck it" is not the striker)."""
    if pronoun.dep_ not in {"dobj", "pobj", "dative"}:
        return set()
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    while verb.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in verb.children):
        verb = verb.head
    return {c.i for c in verb.children if c.dep_ in _SUBJECTS}
