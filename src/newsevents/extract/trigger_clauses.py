"""The clause around a trigger: its verb and tense, the words above it up to a clause
boundary, and the words that set it after or beside another act (episodes.py, retold_dates.py)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsevents.extract.date_grammar import grammar

_CLAUSE_BREAKS = {"relcl", "ccomp", "acl"}


def in_after_clause(entity: Span, trigger: Token) -> bool:
    """A date inside an "after" clause of the trigger's verb."""
    verb = clause_verb(trigger)
    marks = grammar().data["after_marks"]
    return any(a.dep_ == "advcl" and a.head in (trigger, verb)
               and any(c.dep_ == "mark" and c.lower_ in marks for c in a.children)
               for a in entity.root.ancestors)


def next_act(trigger: Token) -> bool:
    """A clause told as coming next: "then" or "later" on its verb, or on the verb its "when"
    clause hangs from ("died later in a shootout when the SWAT team stormed")."""
    verb = clause_verb(trigger)
    verbs = [verb, verb.head] if verb.dep_ in {"advcl", "conj", "xcomp"} else [verb]
    adverbs = grammar().data["sequence_adverbs"]
    return any(c.dep_ == "advmod" and c.lower_ in adverbs for v in verbs for c in v.children)


def main_clause(token: Token) -> bool:
    """A verb that heads its sentence, alone or in a coordination ("denies", "met and agreed")."""
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ == "ROOT"


def coordinated_verb(token: Token) -> bool:
    """A verb joined to another by "and" or "but": a clause with its own act and time ("was
    arrested and will appear in court on April 2", "pleaded guilty and served his sentence in 1973")."""
    return token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}


def one_clause(token: Token, other: Token | None) -> bool:
    """Two words of one statement: no reported clause parts them, nor a relative clause but
    one on ``other`` itself ("These bombings are a tactic used to injure", "a shootout when
    the team stormed an apartment"; not "'This discussion is important,' she said, as she
    suggested they discuss")."""
    if other is None:
        return False
    below = _climb(token, {other.i, *(t.i for t in other.ancestors)})
    meet = below[-1].head.i if below else token.i
    return not any(t.dep_ == "ccomp" or (t.dep_ == "relcl" and t.head.i != other.i)
                   for t in below + _climb(other, {meet}))


def _climb(token: Token, stop: set[int]) -> list[Token]:
    """The words from a token up to (not including) the first one in ``stop``."""
    path = []
    while token.i not in stop and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


def clause_verb(tok: Token) -> Token:
    """The verb of a word's clause: the word itself, or the first verb above it."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def perfect(trigger: Token) -> bool:
    """ "has killed", "have been murdered": the perfect of the trigger's clause."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in clause_verb(trigger).children)


def ongoing(trigger: Token) -> bool:
    """ "are demanding", "is looking into": the present progressive of the trigger's clause,
    what goes on as the article is written."""
    verb = clause_verb(trigger)
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)


def clause_ancestors(trigger: Token, separate: frozenset[str]) -> list[Token]:
    """The trigger and the words above it in its sentence, up to a reported or relative
    clause boundary or a preposition that introduces another event (not "during", dates.yaml
    ``while_preps``); not a gerund's "before" or "after" ("deliberated Thursday before convicting him")."""
    chain = [trigger]
    tok = trigger
    gerund = grammar().data["gerund_preps"]
    for _ in range(12):
        below = chain[-2] if len(chain) > 1 else tok
        if tok.head.i == tok.i or (tok.dep_ == "prep" and tok.lower_ in separate and not (
                tok.lower_ in gerund and below.dep_ == "pcomp" and below.tag_ == "VBG")):
            break
        crossing = tok.dep_ in _CLAUSE_BREAKS
        tok = tok.head
        chain.append(tok)
        if crossing and tok.ent_type_ != "DATE":
            break
    return chain


_SUBORDINATE = frozenset({"relcl", "ccomp", "advcl", "acl", "parataxis", "csubj"})


def in_main_clause(head: Token, root: Token) -> bool:
    """A word on the sentence's main clause (a date): its verb, a phrase of it, or a noun or gerund in one
    ("made a routine traffic stop Tuesday", "stopped a vehicle for speeding at 8:44 a.m. Tuesday"),
    not one inside a clause of its own ("the man who was arrested Tuesday")."""
    node = head
    while node != root:
        if node.dep_ in _SUBORDINATE or node.head == node:
            return False
        node = node.head
    return True
