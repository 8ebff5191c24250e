"""Nearest place: the place closest to an event's trigger in the sentence's parse (venues.py).

When nothing ties a place to the event's own clause, the place nearest the trigger in the
parse is its place, not the first one written ("who lived in Moscow and was visiting her father
in Salisbury when they were attacked": Salisbury). Distance counts the arcs between the two
words; a place told in a clause of its own (a relative or reported clause, a coordinated clause
with its own subject) is out of reach, and places the sentence names as parties, owners or a
person's address are no candidates.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsevents.extract.localities import residence
from newsevents.extract.seats import toponym_token
from newsevents.extract.story_places import of_body, whose
from newsevents.extract.trigger_clauses import coordinated_verb
from newsevents.records import Location

_FAR = 1000  # the tree distance of tokens in different sentences
_CLAUSES = {"relcl", "ccomp"}
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "poss"}


def nearest_place(trigger: Token, toponyms: list[Location], sentence: Span,
                  preps: frozenset[str]) -> Location | None:
    """The place closest to the trigger in the parse, among those the sentence puts as
    places (a country that is some verb's subject or object is a party, not a place, one
    before a noun says whose it is: "U.S. embassies", and an address where a person lives:
    "Tom Miller, 31, of Ohio,"); at the
    same distance a town before a wider place ("in Grodno, Belarus"), then the closer in the
    text."""
    ranked = []
    for toponym in toponyms:
        token = toponym_token(sentence, toponym)
        if (token is None or token.dep_ in _ARGUMENTS or whose(toponym, sentence)
                or of_body(toponym, sentence) or residence(token, preps)):
            continue
        distance = _distance(trigger, token)
        if distance < _FAR:
            apart = abs(toponym.span[0] - trigger.idx)
            ranked.append((distance, toponym.precision != "town", apart, toponym.span, toponym))
    return min(ranked, key=lambda r: r[:4])[4] if ranked else None


def _distance(a: Token, b: Token) -> int:
    """The number of arcs between two tokens in the parse; ``_FAR`` across a clause of its own
    ("a charge that Russia denies", "said the talks in Geneva failed"): what is told there has
    a place of its own."""
    up = [a, *a.ancestors]
    depth_of = {t.i: depth for depth, t in enumerate(up)}
    down = [b, *b.ancestors]
    for depth, t in enumerate(down):
        if t.i in depth_of:
            arcs = up[:depth_of[t.i]] + down[:depth]
            return _FAR if any(_clause(x) for x in arcs) else depth + depth_of[t.i]
    return _FAR


def _clause(token: Token) -> bool:
    """A token heading a clause of its own: a relative or reported clause, or a coordinated
    clause with its own subject ("each expelled the other's diplomats and Russia ordered
    Britain to cut its staff in Moscow": Moscow is the order's). A relative clause of "where"
    tells what happens at the place it hangs on ("in Kosovo, where Milosevic is resisting")."""
    if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
        return False
    return token.dep_ in _CLAUSES or (coordinated_verb(token) and any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in token.children))
