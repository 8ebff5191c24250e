"""Direct quotations: the text between double quotation marks and the verb that says it.

A direct quotation is the text between double quotation marks (straight or
curly), paired within a paragraph, so it may run over several sentences and
keeps any single-quoted words inside it. Its verb is the reporting verb it
hangs from ('"We will not give up," the minister said', 'China "supports ...",
spokeswoman Mao Ning said'), else the one that introduces it with a colon in the
sentence before or closes it in the sentence after. A quotation of one or two
words needs a reporting verb, or it is a scare quote; a longer one is
attributed to whatever verb governs it ("condemned the attack as \"a flagrant
violation\""), or continues the quotation just before it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsevents.extract.quote_reader import CLOSE_MARKS, MAX_CLIMB, NOT_SAID, OPEN_MARKS, Found, QuoteReader

_MARK_OR_PARAGRAPH = re.compile(r'["“”„«»]|\n[ \t]*\n')
_CONTENT_LINKS = {"parataxis", "ccomp", "advcl", "conj"}  # "... win," he said: said hangs from win
_MIN_WORDS = 3  # below this, quotation marks without a reporting verb are scare quotes


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
        elif mark in OPEN_MARKS:
            opened = at
        elif opened is not None:
            if mark in CLOSE_MARKS or mark == '"':
                pairs.append((opened + 1, at))
                opened = None
        elif mark == '"' and not (at > 0 and (text[at - 1].isalnum() or text[at - 1] in ".,;!?")):
            opened = at
    return pairs


class DirectQuotes(QuoteReader):
    """Finds the direct quotations of one article and marks the words inside them."""

    def _direct(self) -> list[Found]:
        spans: list[tuple[int, int, Span]] = []
        for start, end in quotation_marks(self.text):
            start, end = self._trim(start, end)
            span = self.doc.char_span(start, end, alignment_mode="expand") if end > start else None
            if span is None or not any(t.is_alpha or t.like_num for t in span):
                continue
            for tok in span:
                self.quoted[tok.i] = len(spans)
            spans.append((start, end, span))
        found: list[Found] = []
        for index, (start, end, span) in enumerate(spans):
            words = sum(1 for t in span if t.is_alpha or t.like_num)
            verb = self._attribution(span, index, long=words >= _MIN_WORDS)
            if verb is None and words < _MIN_WORDS:
                continue  # a scare quote
            item = Found(start, end, verb, None, None, self._statement(span), direct=True)
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
        for _ in range(MAX_CLIMB):
            if child.dep_ in NOT_SAID:
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

    def _continues(self, previous: Found, span: Span) -> bool:
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


def _distance(verb: Token, span: Span) -> int:
    return span.start - verb.i if verb.i < span.start else verb.i - span.end + 1
