"""Reported speech: what someone said without quotation marks.

An indirect quotation is the clausal complement of a reporting verb ("Police
said that at least five people were detained") or the clause an "according to
X" phrase is attached to. A clause that stands mostly inside a direct quotation
is that quotation, not a second one.
"""

from __future__ import annotations

import bisect
import re

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Token

from newsevents.extract.quote_reader import MARKS, MAX_CLIMB, Found, QuoteReader

_COVERED = 0.5  # an indirect quotation mostly in quotation marks is the direct one


class ReportedSpeech(QuoteReader):
    """Finds the indirect quotations of one article (after its direct ones)."""

    def _indirect(self, direct: list[Found]) -> list[Found]:
        found: list[Found] = []
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

    def _reported(self, verb: Token) -> Found | None:
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
        return Found(*bounds, verb=verb, verb_end=None, speaker=speaker, statement=comp, direct=False)

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

    def _according(self, tok: Token, last: Token) -> Found | None:
        source = next((c for c in last.children if c.dep_ == "pobj"), None)
        clause = tok.head
        for _ in range(MAX_CLIMB):
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
        return Found(*bounds, verb=tok, verb_end=last.idx + len(last.text), speaker=source,
                      statement=clause, direct=False)

    def _clause_bounds(self, tokens: list[Token]) -> tuple[int, int] | None:
        """Character bounds of a reported clause without its "that", commas and final stop."""
        tokens = [t for t in tokens if not t.is_space]
        while tokens and (
            (tokens[0].is_punct and tokens[0].text not in MARKS)
            or (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that")
        ):
            tokens.pop(0)
        while tokens and (tokens[-1].dep_ == "cc" or (tokens[-1].is_punct and tokens[-1].text not in MARKS)):
            tokens.pop()
        if not any(t.is_alpha or t.like_num for t in tokens):
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if sum(self.text.count(m, start, end) for m in MARKS) % 2:
            # a quotation closes just after the clause ('showed "real results,"'): take it in
            close = re.match(r'[,.;]?["”»]', self.text[end:end + 2])
            if close is not None:
                end += close.end()
            elif self.text[start] in MARKS:
                start += 1
        return start, end


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _covered(item: Found, quoted: list[tuple[int, int]], starts: list[int]) -> float:
    """The share of a reported clause's characters that stand in quotation marks
    (``quoted``: the direct quotations in text order, ``starts`` their starts)."""
    length = item.end - item.start
    first = max(0, bisect.bisect_right(starts, item.start) - 1)  # quotations never overlap
    inside = 0
    for s, e in quoted[first:bisect.bisect_left(starts, item.end)]:
        inside += max(0, min(item.end, e) - max(item.start, s))
    return inside / length if length else 1.0
