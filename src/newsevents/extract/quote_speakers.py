"""Speakers: the actor behind each quotation, and the quote records.

The speaker is the subject of the reporting verb, resolved like any actor, in
text order so that "he said" finds the person named before it. A spokesperson
with no country of their own speaks for the government their "for" phrase or
their statement names; otherwise the country stays unknown.
"""

from __future__ import annotations

import dataclasses
import hashlib

import numpy
from spacy.attrs import DEP, POS
from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Token

from newsevents.extract.actor_phrases import phrase_tokens
from newsevents.extract.coding import doc_entities, entity_at
from newsevents.extract.quote_reader import Found, QuoteReader
from newsevents.records import Actor, Quote

_HE_SHE = {"he", "she"}


def _quote_id(article_id: str, start: int, end: int) -> str:
    key = f"{article_id}|{start}|{end}"
    return "q-" + hashlib.sha1(key.encode()).hexdigest()[:16]


class QuoteSpeakers(QuoteReader):
    """Resolves the speakers of one article's quotations and makes its quote records."""

    def _resolve(self, found: list[Found]) -> list[Quote]:
        """Speakers in text order, with the people named before each remembered."""
        known = self._known_people()
        seen = 0
        cache: dict[int, Actor] = {}
        order = sorted(found, key=lambda f: f.speaker.i if f.speaker is not None else len(self.doc))
        speakers: dict[int, Actor | None] = {}
        last: tuple[int, Actor] | None = None  # the last person quoted, by sentence
        for item in order:
            head = item.speaker
            if head is None:
                speakers[id(item)] = None
                continue
            while seen < len(known) and known[seen].i < head.i:
                self._resolve_at(known[seen])
                seen += 1
            if head.i not in cache:
                cache[head.i] = self._speaker(head, item)
                recent = last is not None and last[0] >= self._sentence_index(head.i) - 1
                if head.lower_ in _HE_SHE and last is not None and recent:
                    # "A Chinese spokesman said ... He denied ...": the person just quoted
                    span = (head.idx, head.idx + len(head.text))
                    cache[head.i] = dataclasses.replace(last[1], text=head.text, span=span)
                elif head.pos_ != "PRON" and (head.ent_type_ == "PERSON" or self._spokesperson(head)):
                    last = (self._sentence_index(head.i), cache[head.i])
            speakers[id(item)] = cache[head.i]
        quotes: dict[tuple[int, int], Quote] = {}
        for item in sorted(found, key=lambda f: (f.start, f.end)):
            verb_span = None
            if item.verb is not None:
                verb_span = (item.verb.idx, item.verb_end or item.verb.idx + len(item.verb.text))
            quotes.setdefault((item.start, item.end), Quote(
                id=_quote_id(self.article.id, item.start, item.end),
                article_id=self.article.id,
                speaker=speakers[id(item)],
                text=self.text[item.start:item.end],
                span=(item.start, item.end),
                verb=self.text[verb_span[0]:verb_span[1]] if verb_span else None,
                verb_span=verb_span,
            ))
        return list(quotes.values())

    def _known_people(self) -> list[Token]:
        """People and sentence subjects that a later "he said" or "it said" may mean."""
        heads = [e.root for e in doc_entities(self.doc) if e.label_ == "PERSON"]
        rows = self.doc.to_array([DEP, POS])
        nouns = numpy.isin(rows[:, 1], numpy.array([NOUN, PROPN], dtype=rows.dtype))
        subjects = (rows[:, 0] == self.doc.vocab.strings["nsubj"]) & nouns
        heads += [self.doc[int(i)] for i in numpy.nonzero(subjects)[0]]
        return sorted({t.i: t for t in heads}.values(), key=lambda t: t.i)

    def _resolve_at(self, head: Token) -> Actor:
        self.resolver.sentence = self.sents[self._sentence_index(head.i)]
        return self.resolver.actor(head)

    def _speaker(self, head: Token, item: Found) -> Actor:
        actor = self._resolve_at(head)
        spokes = self._spokesperson(head)
        if spokes is None or actor.country is not None:
            return actor
        body = next((o for c in spokes.children if c.dep_ == "prep" and c.lower_ == "for"
                     for o in c.children if o.dep_ == "pobj"), None)
        if body is not None:  # "a spokesman for the interior ministry"
            represented = self._resolve_at(body)
            end = max(actor.span[1], body.right_edge.idx + len(body.right_edge.text))
            actor = Actor(
                text=self.text[actor.span[0]:end], span=(actor.span[0], end),
                name=actor.name, country=actor.country or represented.country,
                sector=actor.sector or represented.sector, ethnicity=actor.ethnicity,
            )
            if actor.country or represented.sector != "GOV":
                return actor
        country = self._government(head, item)
        if country is not None:
            actor.country, actor.sector = country, actor.sector or "GOV"
        return actor

    def _spokesperson(self, head: Token) -> Token | None:
        """The spokesperson word of a speaker phrase ("Foreign Ministry spokeswoman Mao Ning")."""
        head = self.resolver.heads.effective_head(head)
        for tok in phrase_tokens(head):
            lemma = tok.lemma_.lower()
            left = tok.doc[tok.i - 1].lemma_.lower() if tok.i > 0 else ""
            if lemma in self.spokes or f"{left} {lemma}" in self.spokes:
                return tok
        return None

    def _government(self, head: Token, item: Found) -> str | None:
        """The state a spokesperson speaks for: the subject of the statement when it is a
        country, else the subject of a clause in the same or the previous sentence."""
        candidates: list[Token] = []
        if item.statement is not None:
            candidates += [c for c in item.statement.children if c.dep_ == "nsubj"]
        index = self._sentence_index(head.i)
        for sentence in (self.sents[index], self.sents[index - 1] if index else None):
            if sentence is not None:
                candidates += [t for t in sentence if t.dep_ == "nsubj" and t.i != head.i]
        for tok in candidates:
            country = self._state(tok)
            if country is not None:
                return country
        return None

    def _state(self, tok: Token) -> str | None:
        """The country a word names as a state ("China", "Beijing"), if it does."""
        entity = entity_at(tok)
        if entity is None or entity.label_ != "GPE":
            return None
        key = entity.text.lower().removeprefix("the ")
        return self.onto.country_names.get(key) or self.onto.capitals.get(key)
