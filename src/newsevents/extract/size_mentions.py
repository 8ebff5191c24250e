"""Size mentions: the counts one sentence ties to a casualty or arrest word.

A figure counts only when the parse ties it to a casualty or arrest word
(ontology/data/sizes.yaml): as the victim of the verb ("killing 12 people",
"five people were detained"), as a number on the word ("12 dead", "40 deaths"),
through a noun the word modifies ("people killed in the attack"), or through a
running total ("the death toll rose to 40"). Numbers that sit near such a word
without that link (years, ages, money, percentages, the attackers) are not sizes.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsevents.extract.coding import doc_words
from newsevents.extract.size_counts import Count, counted, is_numeric, one_person
from newsevents.extract.size_lexicon import SizeLexicon, lexicon

_RELATIVE = {"who", "that", "which", "whom"}


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


def _word_tokens(word: Token, lex: SizeLexicon) -> list[int]:
    """Indices of the whole casualty word: "death toll", "rounded up", "taken into custody"."""
    rest = {w for phrase, _ in lex.phrases.get(word.lemma_.lower(), ()) for w in phrase}
    return [word.i] + [
        t.i for t in _near(word)
        if (t.head == word and t.dep_ in {"compound", "prt"} and t.i < word.i + 2) or t.lemma_.lower() in rest
    ]


def casualty_kind(tok: Token) -> str | None:
    """The kind of count a casualty or arrest word reports ("killed": dead), if it is one."""
    return _kind(tok, lexicon())


def _kind(tok: Token, lex: SizeLexicon) -> str | None:
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


def _victims(word: Token, lex: SizeLexicon) -> list[Token]:
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
            found += [c for c in children if c.dep_ in {"nsubj", "npadvmod"} and is_numeric(c, lex)]
    # "left 58 killed": a participle after its verb's object counts that object
    participle = word.tag_ == "VBN" and word.dep_ in {"oprd", "xcomp", "advcl"} and not _passive(word)
    if (word.pos_ == "ADJ" and word.dep_ in {"oprd", "acomp", "xcomp", "ccomp"}) or participle:
        # "were shot dead", "12 people are dead", "left five people dead"
        verb = word.head
        # "12 people are dead" counts the subject; "police shot dead three protesters" the object
        copular = word.dep_ == "acomp" and not any(c.dep_ == "dobj" for c in verb.children)
        deps = {"nsubj"} if copular else {"dobj", "nsubjpass"}
        found += [c for c in verb.children if c.dep_ in deps and (not participle or c.i < word.i)]
    if word.pos_ in {"VERB", "ADJ"} and word.dep_ in {"acl", "amod", "relcl"} and word.head.pos_ in {
        "NOUN", "PROPN", "NUM"
    }:
        found = [t for t in found if t.lower_ not in _RELATIVE]  # "people who were killed"
        if word.dep_ != "relcl" or not found:
            found.append(word.head)
    if word.pos_ == "NOUN":
        if word.dep_ == "dobj" and word.head.lemma_.lower() in lex.sufferers:
            found += [c for c in word.head.children if c.dep_ == "nsubj"]  # "two officers suffered injuries"
        # "the deaths of 12 people", "the bodies of five men"
        found += [g for c in children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj"]
        # "dozens of arrests"
        if word.dep_ == "pobj" and word.head.lower_ == "of" and is_numeric(word.head.head, lex):
            found.append(word.head.head)
    more = [c for t in found for c in t.conjuncts if c not in found]
    return [t for t in found + more if t.lower_ not in _RELATIVE]


def _toll(word: Token, lex: SizeLexicon) -> tuple[str, Token] | None:
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
    number = next((t for t in places if is_numeric(t, lex)), None)
    return (kind, number) if number is not None else None


def _mention(
    kind: str, word: Token, noun: Token | None, count: Count, sentence: Span
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


def _either(word: Token, kind: str, lex: SizeLexicon) -> bool:
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
    lemmas, texts, _ = doc_words(sentence.doc)
    for i in range(sentence.start, sentence.end):
        if lemmas[i] not in lex.heads and texts[i] not in lex.words:
            continue  # no count hangs on it (``SizeLexicon.heads``): no Token built
        word = sentence.doc[i]
        kind = _kind(word, lex)
        if kind is not None and not _either(word, kind, lex):
            if word.pos_ in {"NOUN", "ADJ"}:
                own = counted(word, lex, sentence.start) if not one_person(word, lex) else None
                if own is not None and own.group is word:
                    own.group = None  # "40 deaths", "12 dead": the word is not a group
                if own is not None:
                    mentions.setdefault((kind, own.start), _mention(kind, word, None, own, sentence))
            for noun in _victims(word, lex):
                count = counted(noun, lex, sentence.start)
                if count is not None:
                    mentions.setdefault((kind, count.start), _mention(kind, word, noun, count, sentence))
        elif word.pos_ == "NOUN" and word.lemma_.lower() in lex.tolls:
            toll = _toll(word, lex)
            if toll is not None:
                count = counted(toll[1], lex, sentence.start)
                if count is not None:
                    count.group = None
                    count.total = True
                    mention = _mention(toll[0], word, None, count, sentence)
                    mentions.setdefault((toll[0], count.start), mention)
    return sorted(mentions.values(), key=lambda m: m.span)
