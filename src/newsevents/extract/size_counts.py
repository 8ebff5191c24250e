"""Counts: the number a phrase says ("Twenty-three", "1.5 million", "dozens of", "a man"),
with its qualifier ("at least", "about"); years, sums, percentages and identifiers are no counts.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from number_parser import parse_number
from spacy.tokens import Token

from newsevents.extract.size_lexicon import SizeLexicon

_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_AFTER_NOT_COUNTS = {"%", "percent", "per", "pc", "percentage"}
_ARTICLES = {"a", "an"}
_ONE = _ARTICLES | {"the"}  # determiners of one person


@functools.lru_cache(maxsize=4096)
def _word_number(text: str) -> float | None:
    """A number written in words ("twenty-three", "two hundred"); number-parser is slow, so cached."""
    value = parse_number(text)
    return float(value) if value is not None else None


def _token_value(tok: Token, lex: SizeLexicon) -> float | None:
    low = tok.lower_
    if low in lex.multipliers:
        return float(lex.multipliers[low])
    if low in lex.vague:
        return float(lex.vague[low])
    if low in _ARTICLES:
        return 1.0
    digits = low.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return _word_number(low) if tok.like_num else None


def is_numeric(tok: Token, lex: SizeLexicon) -> bool:
    """A token that can be (part of) a count: a number, "dozen", "thousands", "several"."""
    low = tok.lower_
    return (tok.like_num or low in lex.multipliers or low in lex.vague) and not _not_count(tok)


def _not_count(tok: Token) -> bool:
    """A date, time, sum or measure. The tagger also calls a bare small number a DATE ("killed
    58, and ..."): a lone number of under four digits is a count whatever its tag."""
    if tok.ent_type_ not in _NOT_COUNTS:
        return False
    lone = tok.ent_iob_ == "B" and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
    return not (tok.ent_type_ == "DATE" and lone and tok.is_digit and len(tok.text) < 4)


def _number_tokens(head: Token, lex: SizeLexicon) -> list[Token]:
    """The words of the number headed by ``head``: "Twenty-three", "1.5 million", "tens of thousands"."""
    found = [head]
    for child in head.children:
        if child.dep_ in {"compound", "quantmod", "nummod", "det", "punct", "prep", "pobj"} and (
            is_numeric(child, lex) or (child.lower_ in _ARTICLES and child.i < head.i)
        ):
            found.extend(_number_tokens(child, lex))
        elif child.dep_ in {"quantmod", "prep"} and child.lower_ == "of" and child.i < head.i:
            found.extend(t for c in child.children for t in _number_tokens(c, lex) if is_numeric(c, lex))
    if any(t.dep_ == "punct" for t in head.children if t.text == "-"):
        found.extend(t for t in head.children if t.text == "-")
    return sorted(set(found), key=lambda t: t.i)


def _value(tokens: list[Token], lex: SizeLexicon) -> int | None:
    """The integer the number words say, or None for fractions, percentages and the like."""
    doc = tokens[0].doc
    after = doc[tokens[-1].i + 1].lower_ if tokens[-1].i + 1 < len(doc) else ""
    before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if after in _AFTER_NOT_COUNTS or (before is not None and before.tag_ == "$"):
        return None
    if any(_not_count(t) for t in tokens):
        return None
    if any(t.is_digit and len(t.text) >= lex.id_digits for t in tokens):
        return None  # an identifier, not a count
    words = [t for t in tokens if t.text != "-" and t.lower_ != "of"]
    value: float | None = None
    if len(words) > 1 and all(t.is_alpha and t.lower_ not in lex.vague for t in words):
        value = _word_number(doc[tokens[0].i : tokens[-1].i + 1].text.lower())
    if value is None:
        value = 1.0
        for tok in words:
            part = _token_value(tok, lex)
            if part is None:
                return None
            value *= part
    if value < 1 or value != int(value) or value > lex.largest:
        return None
    return int(value)


def _qualifier(first: Token, lex: SizeLexicon, sentence_start: int) -> tuple[str | None, int]:
    """The normalised qualifier just before a number and the index where it starts."""
    doc = first.doc
    for words, norm in lex.qualifiers:
        start = first.i - len(words)
        if start < sentence_start:
            continue
        if all(doc[start + k].lower_ == w for k, w in enumerate(words)):
            return norm, start
    return None, first.i


@dataclass(slots=True)
class Count:
    value: int
    qualifier: str | None
    start: int
    end: int
    group: Token | None
    total: bool = False


def counted(noun: Token, lex: SizeLexicon, sentence_start: int) -> Count | None:
    """How many ``noun`` counts: "30 soldiers", "two", "dozens of people", "several people",
    "a man", "a total of 1,200 people" (marked as a total); None when the noun carries no
    figure ("soldiers", "the 19-year-old")."""
    if noun.lemma_.lower() in lex.totals:
        of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
        inner = counted(of[0], lex, sentence_start) if of else None
        if inner is not None:
            inner.total = True
        return inner
    number: Token | None = None
    group: Token | None = noun
    if is_numeric(noun, lex):
        number = noun
        group = next(
            (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj" and not is_numeric(g, lex)),
            None,
        )
    else:
        number = next((c for c in noun.children if c.dep_ == "nummod" and is_numeric(c, lex)), None)
        if number is None:
            number = next(
                (c for c in noun.children if c.dep_ in {"amod", "det"} and c.lower_ in lex.vague), None
            )
    if number is not None:
        tokens = _number_tokens(number, lex)
        value = _value(tokens, lex)
        if value is None:
            return None
        qualifier, start = _qualifier(tokens[0], lex, sentence_start)
        vague = [t.lower_ for t in tokens if t.lower_ in lex.vague]
        if qualifier is None and vague:
            qualifier = "about" if any(v in lex.estimates for v in vague) else "at least"
        return Count(value, qualifier, start, tokens[-1].i, group)
    if one_person(noun, lex):
        first = min((c.i for c in _determiners(noun)), default=noun.i)
        return Count(1, None, first, noun.i, noun)
    return None


def one_person(noun: Token, lex: SizeLexicon) -> bool:
    """"a journalist", "the driver", "his son", "a 19-year-old", "he", "Mohammed Mamoun":
    one person, counted as 1."""
    if noun.tag_ == "PRP":
        return noun.lower_ in lex.persons
    if noun.ent_type_ == "PERSON" and noun.pos_ == "PROPN":
        return True
    determiners = {c.lower_ for c in _determiners(noun)}
    if _age(noun, lex):
        return bool(determiners)
    if noun.tag_ != "NN":
        return False
    lemma = noun.lemma_.lower()
    if determiners & _ARTICLES and lemma in lex.persons:
        return True
    return bool(determiners) and lemma in lex.people


def _determiners(noun: Token) -> list[Token]:
    """"a", "an", "the" or a possessive before a noun: what makes it one person ("no man" is none)."""
    return [c for c in noun.children if c.i < noun.i and (
        (c.dep_ == "det" and c.lower_ in _ONE) or c.dep_ == "poss")]


def _age(noun: Token, lex: SizeLexicon) -> bool:
    """"19-year-old", "a six-month-old": an age used as a noun."""
    return noun.lower_ == lex.age_word and any(
        c.lemma_.lower() in lex.age_units and any(n.dep_ == "nummod" for n in c.children)
        for c in noun.children)
