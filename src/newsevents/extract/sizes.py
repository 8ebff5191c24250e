"""Sizes: how many were killed, injured or arrested, as counts that can be summed.

A figure counts only when the parse ties it to a casualty or arrest word
(ontology/data/sizes.yaml): as the victim of the verb ("killing 12 people",
"five people were detained"), as a number on the word ("12 dead", "40 deaths"),
through a noun the word modifies ("people killed in the attack"), or through a
running total ("the death toll rose to 40"). Numbers that sit near such a word
without that link (years, ages, money, percentages, the attackers) are not sizes.

Figures are never added across sentences. Inside one event, two figures of one
kind are added only when they count clearly distinct groups: coordinated victims
of one word ("killed three soldiers and two civilians" = 5) or coordinated clauses
about different, non-generic groups ("30 soldiers were injured and 53 civilians
were also injured" = 83). Otherwise the largest figure stands ("12 people were
killed ... the death toll rose to 40" = 40): repeating a count is not a new count.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml
from number_parser import parse_number
from spacy.tokens import Span, Token

from newsevents.extract.modality import clause_head
from newsevents.ontology.load import DATA_DIR, load_ontology
from newsevents.records import Size

KINDS = ("dead", "injured", "arrested")
_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_AFTER_NOT_COUNTS = {"%", "percent", "per", "pc", "percentage"}
_RELATIVE = {"who", "that", "which", "whom"}
_ARTICLES = {"a", "an"}
_LOWER_BOUNDS = {None, "at least", "more than"}


@dataclass(frozen=True, slots=True)
class SizeMention:
    """One count in a sentence: ``text == article_text[span[0]:span[1]]``.

    ``word`` is the casualty or arrest word the count hangs on (it ties the count
    to an event); ``noun`` the counted head, None when the number stands alone.
    """

    kind: str
    value: int
    qualifier: str | None
    text: str
    span: tuple[int, int]
    group: str | None
    word: Token
    noun: Token | None
    total: bool = False


@dataclass(frozen=True, slots=True)
class _Lexicon:
    words: dict[str, str]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]
    passive_only: dict[str, str]
    intransitive: frozenset[str]
    tolls: frozenset[str]
    totals: frozenset[str]
    toll_default: dict[str, str]
    toll_modifiers: dict[str, str]
    vague: dict[str, int]
    estimates: frozenset[str]
    multipliers: dict[str, int]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]
    umbrella: frozenset[str]
    persons: frozenset[str]
    largest: int
    id_digits: int


def _words(items: Any) -> list[str]:
    return [str(w).lower().strip() for w in items or ()]


@functools.lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """sizes.yaml as lookup tables, read once per process."""
    with (DATA_DIR / "sizes.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    words: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, spec in (data.get("kinds") or {}).items():
        words.update(dict.fromkeys(_words(spec.get("words")), kind))
        for phrase in _words(spec.get("phrases")):
            head, *rest = phrase.split()
            phrases.setdefault(head, []).append((tuple(rest), kind))
    passive_only = {w: kind for kind, ws in (data.get("passive_only") or {}).items() for w in _words(ws)}
    qualifiers = sorted(
        ((tuple(p.split()), norm) for norm, ps in (data.get("qualifiers") or {}).items() for p in _words(ps)),
        key=lambda item: -len(item[0]),
    )
    persons = frozenset(_words(data.get("persons"))) | frozenset(load_ontology().sectors)
    return _Lexicon(
        words=words,
        phrases=phrases,
        passive_only=passive_only,
        intransitive=frozenset(_words(data.get("intransitive"))),
        tolls=frozenset(_words(data.get("tolls"))),
        totals=frozenset(_words(data.get("totals"))),
        toll_default={str(k): str(v) for k, v in (data.get("toll_default") or {}).items()},
        toll_modifiers={str(k): str(v) for k, v in (data.get("toll_modifiers") or {}).items()},
        vague={str(k): int(v) for k, v in (data.get("vague") or {}).items()},
        estimates=frozenset(_words(data.get("vague_estimates"))),
        multipliers={str(k): int(v) for k, v in (data.get("multipliers") or {}).items()},
        qualifiers=tuple(qualifiers),
        umbrella=frozenset(_words(data.get("umbrella"))),
        persons=persons,
        largest=int(data.get("largest", 20_000_000)),
        id_digits=int(data.get("id_digits", 7)),
    )


# ------------------------------------------------------------------ numbers


@functools.lru_cache(maxsize=4096)
def _word_number(text: str) -> float | None:
    """A number written in words ("twenty-three", "two hundred"); number-parser is slow, so cached."""
    value = parse_number(text)
    return float(value) if value is not None else None


def _token_value(tok: Token, lex: _Lexicon) -> float | None:
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


def _numeric(tok: Token, lex: _Lexicon) -> bool:
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


def _number_tokens(head: Token, lex: _Lexicon) -> list[Token]:
    """The words of the number headed by ``head``: "Twenty-three", "1.5 million", "tens of thousands"."""
    found = [head]
    for child in head.children:
        if child.dep_ in {"compound", "quantmod", "nummod", "det", "punct", "prep", "pobj"} and (
            _numeric(child, lex) or (child.lower_ in _ARTICLES and child.i < head.i)
        ):
            found.extend(_number_tokens(child, lex))
        elif child.dep_ in {"quantmod", "prep"} and child.lower_ == "of" and child.i < head.i:
            found.extend(t for c in child.children for t in _number_tokens(c, lex) if _numeric(c, lex))
    if any(t.dep_ == "punct" for t in head.children if t.text == "-"):
        found.extend(t for t in head.children if t.text == "-")
    return sorted(set(found), key=lambda t: t.i)


def _value(tokens: list[Token], lex: _Lexicon) -> int | None:
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


def _qualifier(first: Token, lex: _Lexicon, sentence_start: int) -> tuple[str | None, int]:
    """The normalised qualifier just before a number and the index where it starts."""
    doc = first.doc
    for words, norm in lex.qualifiers:
        start = first.i - len(words)
        if start < sentence_start:
            continue
        if all(doc[start + k].lower_ == w for k, w in enumerate(words)):
            return norm, start
    return None, first.i


# ------------------------------------------------------------------ counted nouns


@dataclass(slots=True)
class _Count:
    value: int
    qualifier: str | None
    start: int
    end: int
    group: Token | None
    total: bool = False


def _count(noun: Token, lex: _Lexicon, sentence_start: int) -> _Count | None:
    """How many ``noun`` counts: "30 soldiers", "two", "dozens of people", "several people",
    "a man", "a total of 1,200 people" (marked as a total); None when the noun carries no
    figure ("soldiers", "the 19-year-old")."""
    if noun.lemma_.lower() in lex.totals:
        of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
        inner = _count(of[0], lex, sentence_start) if of else None
        if inner is not None:
            inner.total = True
        return inner
    number: Token | None = None
    group: Token | None = noun
    if _numeric(noun, lex):
        number = noun
        group = next(
            (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj" and not _numeric(g, lex)),
            None,
        )
    else:
        number = next((c for c in noun.children if c.dep_ == "nummod" and _numeric(c, lex)), None)
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
        return _Count(value, qualifier, start, tokens[-1].i, group)
    if _one_person(noun, lex):
        first = next((c.i for c in noun.children if c.dep_ == "det" and c.lower_ in _ARTICLES), noun.i)
        return _Count(1, None, first, noun.i, noun)
    return None


def _one_person(noun: Token, lex: _Lexicon) -> bool:
    """"a journalist", "he", "Mohammed Mamoun": one person, counted as 1."""
    if noun.tag_ == "PRP":
        return noun.lower_ in lex.persons
    if noun.ent_type_ == "PERSON" and noun.pos_ == "PROPN":
        return True
    return (
        noun.tag_ == "NN" and noun.lemma_.lower() in lex.persons
        and any(c.dep_ == "det" and c.lower_ in _ARTICLES for c in noun.children)
    )


def _passive(tok: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in {"acl", "amod"}
    )


def _near(tok: Token) -> list[Token]:
    """The words within two links below ``tok``."""
    return [t for c in tok.children for t in (c, *c.children)]


def _below(tok: Token, rest: tuple[str, ...]) -> bool:
    """The remaining phrase lemmas hang below ``tok`` within two links ("take into custody")."""
    near = {t.lemma_.lower() for t in _near(tok)}
    return all(word in near for word in rest)


def _word_tokens(word: Token, lex: _Lexicon) -> list[int]:
    """Indices of the whole casualty word: "death toll", "rounded up", "taken into custody"."""
    rest = {w for phrase, _ in lex.phrases.get(word.lemma_.lower(), ()) for w in phrase}
    return [word.i] + [
        t.i for t in _near(word)
        if (t.head == word and t.dep_ in {"compound", "prt"} and t.i < word.i + 2) or t.lemma_.lower() in rest
    ]


def _kind(tok: Token, lex: _Lexicon) -> str | None:
    if tok.pos_ not in {"VERB", "NOUN", "ADJ"}:
        return None
    lemma = tok.lemma_.lower()
    kind = lex.words.get(lemma) or lex.words.get(tok.lower_)
    if kind:
        return kind
    for rest, phrase_kind in lex.phrases.get(lemma, ()):
        if _below(tok, rest):
            return phrase_kind
    if lemma in lex.passive_only and _passive(tok):
        return lex.passive_only[lemma]
    return None


def _victims(word: Token, lex: _Lexicon) -> list[Token]:
    """The nouns (or bare numbers) a casualty word counts, found through the parse."""
    found: list[Token] = []
    children = list(word.children)
    if word.pos_ == "VERB":
        if _passive(word):
            found += [c for c in children if c.dep_ == "nsubjpass"]
        elif word.lemma_.lower() in lex.intransitive:
            found += [c for c in children if c.dep_ == "nsubj"]
        else:
            found += [c for c in children if c.dep_ == "dobj"]
            # "... and 30 wounded": a bare number as subject is who was hurt, not who hurt
            found += [c for c in children if c.dep_ in {"nsubj", "npadvmod"} and _numeric(c, lex)]
    # "left 58 killed": a participle after its verb's object counts that object
    participle = word.tag_ == "VBN" and word.dep_ in {"oprd", "xcomp", "advcl"} and not _passive(word)
    if (word.pos_ == "ADJ" and word.dep_ in {"oprd", "acomp", "xcomp", "ccomp"}) or participle:
        # "were shot dead", "12 people are dead", "left five people dead"
        verb = word.head
        deps = {"nsubj"} if word.dep_ == "acomp" else {"dobj", "nsubjpass"}
        found += [c for c in verb.children if c.dep_ in deps and (not participle or c.i < word.i)]
    if word.pos_ in {"VERB", "ADJ"} and word.dep_ in {"acl", "amod", "relcl"} and word.head.pos_ in {
        "NOUN", "PROPN", "NUM"
    }:
        found = [t for t in found if t.lower_ not in _RELATIVE]  # "people who were killed"
        if word.dep_ != "relcl" or not found:
            found.append(word.head)
    if word.pos_ == "NOUN":
        # "the deaths of 12 people", "the bodies of five men"
        found += [g for c in children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj"]
        # "dozens of arrests"
        if word.dep_ == "pobj" and word.head.lower_ == "of" and _numeric(word.head.head, lex):
            found.append(word.head.head)
    more = [c for t in found for c in t.conjuncts if c not in found]
    return [t for t in found + more if t.lower_ not in _RELATIVE]


def _toll(word: Token, lex: _Lexicon) -> tuple[str, Token] | None:
    """The kind and number of a running total: "the death toll rose to 40", "a toll of 12"."""
    lemma = word.lemma_.lower()
    kind = next(
        (lex.toll_modifiers[c.lemma_.lower()] for c in word.children
         if c.dep_ in {"compound", "amod"} and c.lemma_.lower() in lex.toll_modifiers),
        lex.toll_default.get(lemma),
    )
    if kind is None:
        return None
    places = [g for c in word.children if c.dep_ == "prep" and c.lower_ in {"of", "at"}
              for g in c.children if g.dep_ == "pobj"]
    places += [c for c in word.children if c.dep_ in {"appos", "nummod"}]
    if word.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        verb = word.head
        places += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "at"}
                   for g in c.children if g.dep_ == "pobj"]
        if word.dep_ == "nsubj":
            places += [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
    number = next((t for t in places if _numeric(t, lex)), None)
    return (kind, number) if number is not None else None


def _mention(
    kind: str, word: Token, noun: Token | None, count: _Count, sentence: Span
) -> SizeMention:
    doc = sentence.doc
    indices = [count.start, count.end, *_word_tokens(word, lexicon())]
    if noun is not None:
        indices.append(noun.i)
    evidence = doc[min(indices) : max(indices) + 1]
    return SizeMention(
        kind=kind,
        value=count.value,
        qualifier=count.qualifier,
        text=evidence.text,
        span=(evidence.start_char, evidence.end_char),
        group=count.group.text if count.group is not None else None,
        word=word,
        noun=noun,
        total=count.total,
    )


def _either(word: Token, kind: str, lex: _Lexicon) -> bool:
    """"killing or wounding 50": the figure mixes two kinds and fits neither column."""
    first = word if word.dep_ != "conj" else word.head
    alternatives = [t for t in (first, *first.conjuncts) if t != word]
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in first.children) and any(
        _kind(t, lex) not in {None, kind} for t in alternatives
    )


def find_sizes(sentence: Span) -> list[SizeMention]:
    """Every dead, injured and arrested count in one parsed sentence, in text order."""
    lex = lexicon()
    mentions: dict[tuple[str, int], SizeMention] = {}
    for word in sentence:
        kind = _kind(word, lex)
        if kind is not None and not _either(word, kind, lex):
            if word.pos_ in {"NOUN", "ADJ"}:
                own = _count(word, lex, sentence.start) if not _one_person(word, lex) else None
                if own is not None and own.group is word:
                    own.group = None  # "40 deaths", "12 dead": the word is not a group
                if own is not None:
                    mentions.setdefault((kind, own.start), _mention(kind, word, None, own, sentence))
            for noun in _victims(word, lex):
                count = _count(noun, lex, sentence.start)
                if count is not None:
                    mentions.setdefault((kind, count.start), _mention(kind, word, noun, count, sentence))
        elif word.pos_ == "NOUN" and word.lemma_.lower() in lex.tolls:
            toll = _toll(word, lex)
            if toll is not None:
                count = _count(toll[1], lex, sentence.start)
                if count is not None:
                    count.group = None
                    count.total = True
                    mention = _mention(toll[0], word, None, count, sentence)
                    mentions.setdefault((toll[0], count.start), mention)
    return sorted(mentions.values(), key=lambda m: m.span)


# ------------------------------------------------------------------ sizes of events


def _distance(a: Token, b: Token) -> int | None:
    """Links between two words when one governs the other or they share a clause, else None."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    if b in up_a:
        return up_a.index(b)
    if a in up_b:
        return up_b.index(a)
    if clause_head(a) != clause_head(b):
        return None
    common = next(t for t in up_a if t in up_b)
    return up_a.index(common) + up_b.index(common)


def _summable(a: SizeMention, b: SizeMention, lex: _Lexicon) -> bool:
    """Clearly distinct groups of one event (see the module docstring)."""
    if a.word == b.word:
        return a.noun is not None and b.noun is not None and b.noun in a.noun.conjuncts
    if b.word not in a.word.conjuncts or a.group is None or b.group is None:
        return False
    ga, gb = a.noun.lemma_.lower() if a.noun else "", b.noun.lemma_.lower() if b.noun else ""
    return ga != gb and ga not in lex.umbrella and gb not in lex.umbrella


def _combine(mentions: list[SizeMention], lex: _Lexicon) -> list[SizeMention]:
    """The mentions that give one kind's figure: the largest sum of summable groups."""
    best: list[SizeMention] = []
    for seed in mentions:
        cluster = [seed]
        for other in mentions:
            if other not in cluster and all(_summable(m, other, lex) for m in cluster):
                cluster.append(other)
        if sum(m.value for m in cluster) > sum(m.value for m in best):
            best = cluster
    return best


def _joint_qualifier(parts: list[SizeMention]) -> str | None:
    qualifiers = {m.qualifier for m in parts}
    if len(qualifiers) == 1:
        return qualifiers.pop()
    return "at least" if qualifiers <= _LOWER_BOUNDS else "about"


def size_for(
    trigger: Token, mentions: list[SizeMention], others: Iterable[Token] = ()
) -> Size | None:
    """The counts of the event whose trigger is ``trigger``, or None if it has none.

    A count belongs to the event when its casualty word is the trigger, governs it,
    is governed by it, or shares its clause ("30 soldiers were injured in clashes":
    the clash). ``others`` are the triggers of the sentence's other events; a count
    then goes only to the nearest of them in the parse, so one figure is not given
    to two events. The span is the smallest one covering every count used; the
    qualifier is that of the first count in the text that has one.
    """
    lex = lexicon()
    rivals = [t for t in others if t != trigger]
    own: list[SizeMention] = []
    for mention in mentions:
        distance = _distance(trigger, mention.word)
        if distance is None:
            continue
        closer = (_distance(t, mention.word) for t in rivals)
        if all(d is None or d >= distance for d in closer):
            own.append(mention)
    if not own:
        return None
    figures: dict[str, int] = {}
    used: list[SizeMention] = []
    qualified: list[tuple[tuple[int, int], str]] = []
    for kind in KINDS:
        parts = _combine([m for m in own if m.kind == kind], lex)
        if parts:
            figures[kind] = sum(m.value for m in parts)
            used += parts
            qualifier = _joint_qualifier(parts)
            if qualifier is not None:
                qualified.append((min(m.span for m in parts), qualifier))
    span = (min(m.span[0] for m in used), max(m.span[1] for m in used))
    return Size(span=span, qualifier=min(qualified)[1] if qualified else None,
                total=any(m.total for m in used), **figures)
