"""Quotes: who said what, in quotation marks or in reported speech.

A direct quotation is the text between double quotation marks (straight or
curly), paired within a paragraph, so it may run over several sentences and
keeps any single-quoted words inside it. Its verb is the reporting verb it
hangs from ('"We will not give up," the minister said', 'China "supports ...",
spokeswoman Mao Ning said'), else the one that introduces it with a colon in the
sentence before or closes it in the sentence after. A quotation of one or two
words needs a reporting verb, or it is a scare quote; a longer one is
attributed to whatever verb governs it ("condemned the attack as \"a flagrant
violation\""), or continues the quotation just before it.

An indirect quotation is the clausal complement of a reporting verb ("Police
said that at least five people were detained") or the clause an "according to
X" phrase is attached to. The speaker is the subject of the verb, resolved like
any actor, in text order so that "he said" finds the person named before it. A
spokesperson with no country of their own speaks for the government their "for"
phrase or their statement names; otherwise the country stays unknown.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.parts_of_speech import NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from newsevents.extract.actors import ActorResolver, phrase_tokens
from newsevents.ontology import Ontology
from newsevents.records import Actor, Article, Quote

_OPEN = "“„«"
_CLOSE = "”»"
_MARKS = _OPEN + _CLOSE + '"'
_MARK_OR_PARAGRAPH = re.compile(r'["“”„«»]|\n[ \t]*\n')
_CONTENT_LINKS = {"parataxis", "ccomp", "advcl", "conj"}  # "... win," he said: said hangs from win
_NOT_SAID = {"nsubj", "nsubjpass", "csubj", "csubjpass"}  # a quoted title in the subject
_INHERIT = {"advcl", "conj", "xcomp"}  # "said ..., adding that": adding's speaker is said's
_HE_SHE = {"he", "she"}
_MAX_CLIMB = 8
_MIN_WORDS = 3  # below this, quotation marks without a reporting verb are scare quotes
_COVERED = 0.5  # an indirect quotation mostly in quotation marks is the direct one


@dataclass(slots=True)
class _Found:
    """A quotation before its speaker is resolved."""

    start: int
    end: int
    verb: Token | None
    verb_end: int | None
    speaker: Token | None
    statement: Token | None  # the quoted clause's head, for a spokesperson's government
    direct: bool


def quotation_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text between each pair of double quotation marks.

    Marks pair within a paragraph; a mark left open at a paragraph's end is
    dropped, and a straight mark right after a word or a stop opens nothing.
    """
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _MARK_OR_PARAGRAPH.finditer(text):
        at, mark = match.start(), match.group()
        if mark[0] == "\n":
            opened = None
        elif mark in _OPEN:
            opened = at
        elif opened is not None:
            if mark in _CLOSE or mark == '"':
                pairs.append((opened + 1, at))
                opened = None
        elif mark == '"' and not (at > 0 and (text[at - 1].isalnum() or text[at - 1] in ".,;!?")):
            opened = at
    return pairs


def _quote_id(article_id: str, start: int, end: int) -> str:
    key = f"{article_id}|{start}|{end}"
    return "q-" + hashlib.sha1(key.encode()).hexdigest()[:16]


class QuoteExtractor:
    """Finds every quotation of one article; one instance per article."""

    def __init__(self, doc: Doc, article: Article, resolver: ActorResolver, ontology: Ontology) -> None:
        self.doc = doc
        self.article = article
        self.resolver = resolver
        self.onto = ontology
        self.text = resolver.text
        self.speech = ontology.words("speech_verbs")
        self.reporting = self.speech | ontology.words("quote_verbs")
        self.attributions = [tuple(p.split()) for p in ontology.words("attribution_phrases")]
        self.spokes = ontology.words("spokesperson_heads")
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]
        self.quoted: dict[int, int] = {}  # token index -> index of the direct quotation holding it

    def run(self) -> list[Quote]:
        direct = self._direct()
        found = direct + self._indirect(direct)
        return self._resolve(found)

    # -- direct quotations --------------------------------------------------------

    def _direct(self) -> list[_Found]:
        spans: list[tuple[int, int, Span]] = []
        for start, end in quotation_marks(self.text):
            start, end = self._trim(start, end)
            span = self.doc.char_span(start, end, alignment_mode="expand") if end > start else None
            if span is None or not any(t.is_alpha or t.like_num for t in span):
                continue
            for tok in span:
                self.quoted[tok.i] = len(spans)
            spans.append((start, end, span))
        found: list[_Found] = []
        for index, (start, end, span) in enumerate(spans):
            words = sum(1 for t in span if t.is_alpha or t.like_num)
            verb = self._attribution(span, index, long=words >= _MIN_WORDS)
            if verb is None and words < _MIN_WORDS:
                continue  # a scare quote
            item = _Found(start, end, verb, None, None, self._statement(span), direct=True)
            if verb is not None:
                item.speaker = self._subject(verb, index)
            elif found and self._continues(found[-1], span):
                item.verb, item.speaker = found[-1].verb, found[-1].speaker
            found.append(item)
        return found

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ",;:"):
            end -= 1
        return start, end

    def _attribution(self, span: Span, index: int, *, long: bool) -> Token | None:
        """The verb that introduces a quotation: a reporting verb, else (for a long one)
        the verb that governs it."""
        reporting: list[Token] = []
        governing: list[Token] = []
        for tok in span:
            if self._outside(tok.head, index) and tok.head.i != tok.i:
                verb, said = self._governor(tok, index)
                if verb is not None:
                    (reporting if said else governing).append(verb)
            for child in tok.children:  # '"... win," he said' parsed with said under win
                if child.dep_ in _CONTENT_LINKS and self._is_reporting(child, index):
                    reporting.append(child)
        if reporting:
            return min(reporting, key=lambda v: _distance(v, span))
        verb = self._neighbour(span, index)
        if verb is None and long and governing:
            verb = min(governing, key=lambda v: _distance(v, span))
        return verb

    def _governor(self, tok: Token, index: int) -> tuple[Token | None, bool]:
        """Climb from a quoted word that leaves the quotation: the first reporting verb,
        else the first verb; never through a subject (a quoted name is not a quotation)."""
        first: Token | None = None
        child, node = tok, tok.head
        for _ in range(_MAX_CLIMB):
            if child.dep_ in _NOT_SAID:
                break
            if self._is_reporting(node, index):
                return node, True
            if first is None and node.pos_ == "VERB" and self._outside(node, index):
                first = node
            if node.head.i == node.i:
                break
            child, node = node, node.head
        return first, False

    def _neighbour(self, span: Span, index: int) -> Token | None:
        """'The minister said: "..."' or '"... ." the minister said.' split by the parser."""
        first = self._sentence_index(span.start)
        last = self._sentence_index(span.end - 1)
        before = [t for t in self.sents[first] if t.i < span.start and not (t.is_punct or t.is_space)]
        if not before and first > 0:
            previous = self.sents[first - 1]
            words = [t for t in previous if not t.is_space]
            if words and words[-1].text == ":":
                verbs = [t for t in previous if self._is_reporting(t, index)]
                if verbs:
                    return verbs[-1]
        after = [t for t in self.sents[last] if t.i >= span.end and not (t.is_punct or t.is_space)]
        if not after and last + 1 < len(self.sents):
            root = self.sents[last + 1].root
            if self._is_reporting(root, index) and not any(c.dep_ == "ccomp" for c in root.children):
                return root
        return None

    def _continues(self, previous: _Found, span: Span) -> bool:
        """A quotation standing alone right after an attributed one goes on with it."""
        if previous.speaker is None or not previous.direct:
            return False
        first = self._sentence_index(span.start)
        before = [t for t in self.sents[first] if t.i < span.start and not (t.is_punct or t.is_space)]
        end = self.doc.char_span(previous.start, previous.end, alignment_mode="expand")
        return not before and end is not None and self._sentence_index(end.end - 1) >= first - 1

    def _statement(self, span: Span) -> Token | None:
        """The head of the clause a quotation states ("China \"supports ...\"")."""
        for tok in span:
            if tok.pos_ in {"VERB", "AUX"} and (tok.head.i == tok.i or tok.head.i not in range(
                    span.start, span.end)):
                return tok
        return None

    # -- indirect quotations -------------------------------------------------------

    def _indirect(self, direct: list[_Found]) -> list[_Found]:
        found: list[_Found] = []
        quoted_chars = [(q.start, q.end) for q in direct]
        starts = [start for start, _ in quoted_chars]
        for i in self._candidates():
            tok = self.doc[i]
            if tok.i in self.quoted:
                continue
            phrase = self._attribution_phrase(tok)
            if phrase is not None:
                item = self._according(tok, phrase)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in self.reporting:
                item = self._reported(tok)
            else:
                continue
            if item is not None and _covered(item, quoted_chars, starts) < _COVERED:
                found.append(item)
        return found

    def _candidates(self) -> list[int]:
        """Indices of reporting verbs and "according" words, read from the token arrays
        (a Python pass over every token would cost more than the rest together)."""
        strings = self.doc.vocab.strings
        rows = self.doc.to_array([LEMMA, LOWER, POS])
        lemmas = numpy.array([strings.add(w) for w in self.reporting], dtype=rows.dtype)
        firsts = numpy.array([strings.add(w[0]) for w in self.attributions], dtype=rows.dtype)
        verbs = numpy.isin(rows[:, 0], lemmas) & (rows[:, 2] == VERB)
        return numpy.nonzero(verbs | numpy.isin(rows[:, 1], firsts))[0].tolist()

    def _reported(self, verb: Token) -> _Found | None:
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if comp is not None:
            speaker = self._subject(verb, None)
            tokens = list(comp.subtree)
            # "said the rates were necessary and denied that ...": the denial is said's own
            for other in tokens:
                if other.dep_ == "conj" and self._is_reporting(other, None) and not _has_subject(other):
                    tokens = [t for t in tokens if t.i < other.left_edge.i]
                    break
        elif self._trailing(verb):
            # "Protesters breached the cordon, police said": the words before the attribution
            speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            comp = verb.head
            while comp.dep_ == "conj" and comp.head.i < comp.i:
                comp = comp.head
            tokens = [t for t in comp.subtree if t.i < verb.left_edge.i]
        else:
            return None
        if speaker is None and comp.i < verb.i:
            # "..., the Foreign Ministry in Tallinn said." parsed into the clause
            speaker, tokens = self._stranded(verb, tokens)
        bounds = self._clause_bounds(tokens)
        if bounds is None:
            return None
        return _Found(*bounds, verb=verb, verb_end=None, speaker=speaker, statement=comp, direct=False)

    def _trailing(self, verb: Token) -> bool:
        """A reporting clause after a comma that the parser hung from the reported one."""
        head, edge = verb.head, verb.left_edge
        return (
            verb.dep_ in {"parataxis", "conj"} and head.pos_ in {"VERB", "AUX"} and head.i < verb.i
            and (edge.text == "," or (edge.i > 0 and self.doc[edge.i - 1].text == ","))
            and not any(c.dep_ == "cc" for c in verb.children)
        )

    def _stranded(self, verb: Token, tokens: list[Token]) -> tuple[Token | None, list[Token]]:
        """The verbless phrase between the reported clause and a subjectless verb is its
        subject ("..., Oumar Diarra, the defence minister of Mali, said")."""
        words = [t for t in tokens if not t.is_space]
        while words and words[-1].is_punct:
            words.pop()
        if not words or words[-1].i + 2 < verb.i:
            return None, tokens
        boundary = None
        for tok in reversed(words):
            if tok.pos_ in {"VERB", "AUX"}:
                break
            if tok.text == ",":
                boundary = tok.i
        if boundary is None:
            return None, tokens
        phrase = range(boundary + 1, words[-1].i + 1)
        heads = [self.doc[i] for i in phrase if self.doc[i].head.i not in phrase and not self.doc[i].is_punct]
        if not heads or heads[0].pos_ not in {"NOUN", "PROPN", "PRON"}:
            return None, tokens
        return heads[0], [t for t in tokens if t.i < boundary]

    def _attribution_phrase(self, tok: Token) -> Token | None:
        """The last word of an "according to" phrase starting at ``tok``, if one does."""
        for words in self.attributions:
            end = tok.i + len(words)
            if end <= len(self.doc) and all(
                self.doc[tok.i + k].lower_ == word for k, word in enumerate(words)
            ):
                return self.doc[end - 1]
        return None

    def _according(self, tok: Token, last: Token) -> _Found | None:
        source = next((c for c in last.children if c.dep_ == "pobj"), None)
        clause = tok.head
        for _ in range(_MAX_CLIMB):
            if clause.pos_ in {"VERB", "AUX"} or clause.head.i == clause.i:
                break
            clause = clause.head
        if source is None or clause.i == tok.i:
            return None
        inner = {t.i for t in tok.subtree}
        if tok.i < clause.i:
            tokens = [t for t in clause.subtree if t.i > tok.right_edge.i]
        else:
            tokens = [t for t in clause.subtree if t.i < tok.left_edge.i and t.i not in inner]
        bounds = self._clause_bounds(tokens)
        if bounds is None:
            return None
        return _Found(*bounds, verb=tok, verb_end=last.idx + len(last.text), speaker=source,
                      statement=clause, direct=False)

    def _clause_bounds(self, tokens: list[Token]) -> tuple[int, int] | None:
        """Character bounds of a reported clause without its "that", commas and final stop."""
        tokens = [t for t in tokens if not t.is_space]
        while tokens and (
            (tokens[0].is_punct and tokens[0].text not in _MARKS)
            or (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that")
        ):
            tokens.pop(0)
        while tokens and (tokens[-1].dep_ == "cc" or (tokens[-1].is_punct and tokens[-1].text not in _MARKS)):
            tokens.pop()
        if not any(t.is_alpha or t.like_num for t in tokens):
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if sum(self.text.count(m, start, end) for m in _MARKS) % 2:
            # a quotation closes just after the clause ('showed "real results,"'): take it in
            close = re.match(r'[,.;]?["”»]', self.text[end:end + 2])
            if close is not None:
                end += close.end()
            elif self.text[start] in _MARKS:
                start += 1
        return start, end

    # -- speakers ------------------------------------------------------------------

    def _subject(self, verb: Token, index: int | None) -> Token | None:
        """The subject of a reporting verb, or of the verb it continues ("..., adding that")."""
        node = verb
        for _ in range(_MAX_CLIMB):
            for child in node.children:
                if child.dep_ == "nsubj" and (index is None or self._outside(child, index)):
                    return child if child.i not in self.quoted else None
            if node.dep_ not in _INHERIT or node.head.i == node.i:
                return None
            outer = self._reporter_of(node.head) if node.dep_ == "conj" else None
            node = outer or node.head  # "said X was necessary and denied that": said's subject
        return None

    def _reporter_of(self, tok: Token) -> Token | None:
        """The reporting verb whose reported clause holds ``tok``, if any."""
        for _ in range(_MAX_CLIMB):
            if tok.dep_ == "ccomp" and self._is_reporting(tok.head, None):
                return tok.head
            if tok.head.i == tok.i or tok.dep_ in _NOT_SAID:
                return None
            tok = tok.head
        return None

    def _resolve(self, found: list[_Found]) -> list[Quote]:
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
        heads = [e.root for e in self.doc.ents if e.label_ == "PERSON"]
        rows = self.doc.to_array([DEP, POS])
        nouns = numpy.isin(rows[:, 1], numpy.array([NOUN, PROPN], dtype=rows.dtype))
        subjects = (rows[:, 0] == self.doc.vocab.strings["nsubj"]) & nouns
        heads += [self.doc[int(i)] for i in numpy.nonzero(subjects)[0]]
        return sorted({t.i: t for t in heads}.values(), key=lambda t: t.i)

    def _resolve_at(self, head: Token) -> Actor:
        self.resolver.sentence = self.sents[self._sentence_index(head.i)]
        return self.resolver.actor(head)

    def _speaker(self, head: Token, item: _Found) -> Actor:
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
        head = self.resolver.effective_head(head)
        for tok in phrase_tokens(head):
            lemma = tok.lemma_.lower()
            left = tok.doc[tok.i - 1].lemma_.lower() if tok.i > 0 else ""
            if lemma in self.spokes or f"{left} {lemma}" in self.spokes:
                return tok
        return None

    def _government(self, head: Token, item: _Found) -> str | None:
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
        entity = self.resolver.entities.get(tok.i)
        if entity is None or entity.label_ != "GPE":
            return None
        key = entity.text.lower().removeprefix("the ")
        return self.onto.country_names.get(key) or self.onto.capitals.get(key)

    # -- helpers -------------------------------------------------------------------

    def _is_reporting(self, tok: Token, index: int | None) -> bool:
        return (
            tok.pos_ == "VERB" and tok.lemma_.lower() in self.reporting
            and (index is None or self._outside(tok, index)) and tok.i not in self.quoted
        )

    def _outside(self, tok: Token, index: int) -> bool:
        return self.quoted.get(tok.i) != index

    def _sentence_index(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _distance(verb: Token, span: Span) -> int:
    return span.start - verb.i if verb.i < span.start else verb.i - span.end + 1


def _covered(item: _Found, quoted: list[tuple[int, int]], starts: list[int]) -> float:
    """The share of a reported clause's characters that stand in quotation marks
    (``quoted``: the direct quotations in text order, ``starts`` their starts)."""
    length = item.end - item.start
    first = max(0, bisect.bisect_right(starts, item.start) - 1)  # quotations never overlap
    inside = 0
    for s, e in quoted[first:bisect.bisect_left(starts, item.end)]:
        inside += max(0, min(item.end, e) - max(item.start, s))
    return inside / length if length else 1.0


class ArticleQuotes:
    """One article's quotations, found on first use and kept: the events' coreference (a
    quoted "we" is its speaker's side) and the quote records share one pass."""

    def __init__(self, doc: Doc, article: Article, ontology: Ontology) -> None:
        self.doc = doc
        self.article = article
        self.onto = ontology
        self._found: list[Quote] | None = None

    def __call__(self) -> list[Quote]:
        if self._found is None:
            # a resolver of its own: speakers are resolved in text order
            resolver = ActorResolver(self.onto, self.doc, text=self.article.text)
            self._found = extract_quotes(self.doc, self.article, resolver=resolver, ontology=self.onto)
        return self._found


def extract_quotes(doc: Doc, article: Article, *, resolver: ActorResolver, ontology: Ontology) -> list[Quote]:
    """Every direct and indirect quotation of the article with its speaker, in text order.

    ``resolver`` should be a fresh ``ActorResolver(ontology, doc)``: speakers are
    resolved in text order, and its memory is what lets "he said" find a name.
    """
    return QuoteExtractor(doc, article, resolver, ontology).run()
