"""What every quotation finder reads: the article's sentences, its reporting verbs, which
words stand inside a direct quotation, and the subject of a reporting verb.

The finders (direct_quotes.py, reported_speech.py) and the speakers' resolution
(quote_speakers.py) are parts of one reader per article; quotes.py puts them together.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.extract.actors import ActorResolver
from newsevents.extract.coding import doc_sentences
from newsevents.ontology import Ontology
from newsevents.records import Article

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
MARKS = OPEN_MARKS + CLOSE_MARKS + '"'
NOT_SAID = {"nsubj", "nsubjpass", "csubj", "csubjpass"}  # a quoted title in the subject
MAX_CLIMB = 8
_INHERIT = {"advcl", "conj", "xcomp"}  # "said ..., adding that": adding's speaker is said's


@dataclass(slots=True)
class Found:
    """A quotation before its speaker is resolved."""

    start: int
    end: int
    verb: Token | None
    verb_end: int | None
    speaker: Token | None
    statement: Token | None  # the quoted clause's head, for a spokesperson's government
    direct: bool


class QuoteReader:
    """One article as the quotation finders read it; one instance per article."""

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
        self.sents = doc_sentences(doc)
        self.sent_starts = [s.start for s in self.sents]
        self.quoted: dict[int, int] = {}  # token index -> index of the direct quotation holding it

    def _subject(self, verb: Token, index: int | None) -> Token | None:
        """The subject of a reporting verb, or of the verb it continues ("..., adding that")."""
        node = verb
        for _ in range(MAX_CLIMB):
            for child in node.children:
                if child.dep_ == "nsubj" and (index is None or self._outside(child, index)):
                    return child if child.i not in self.quoted else None
                if child.dep_ == "nsubj" and index is not None:
                    named = self._named_after(child, index)
                    if named is not None:
                        return named
            if node.dep_ not in _INHERIT or node.head.i == node.i:
                return None
            outer = self._reporter_of(node.head) if node.dep_ == "conj" else None
            node = outer or node.head  # "said X was necessary and denied that": said's subject
        return None

    def _named_after(self, quoted: Token, index: int) -> Token | None:
        """The speaker named after a quotation whose last words the parser took for the verb's
        subject, hanging the name from them ('"... help those who need it," aid chief Ann Ross
        said': "those" the subject, "chief" in apposition to it)."""
        for tok in quoted.subtree:
            if tok.dep_ == "appos" and tok.i > quoted.i and tok.i not in self.quoted and (
                    self.quoted.get(tok.head.i) == index):
                return tok
        return None

    def _reporter_of(self, tok: Token) -> Token | None:
        """The reporting verb whose reported clause holds ``tok``, if any."""
        for _ in range(MAX_CLIMB):
            if tok.dep_ == "ccomp" and self._is_reporting(tok.head, None):
                return tok.head
            if tok.head.i == tok.i or tok.dep_ in NOT_SAID:
                return None
            tok = tok.head
        return None

    def _is_reporting(self, tok: Token, index: int | None) -> bool:
        return (
            tok.pos_ == "VERB" and tok.lemma_.lower() in self.reporting
            and (index is None or self._outside(tok, index)) and tok.i not in self.quoted
        )

    def _outside(self, tok: Token, index: int) -> bool:
        return self.quoted.get(tok.i) != index

    def _sentence_index(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1
