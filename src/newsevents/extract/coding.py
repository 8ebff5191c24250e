"""Coding: mode, context, intensity and CAMEO mapping of an event, and the evidence its
confidence weighs (scored in scoring.py)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IS_ALPHA, IS_SPACE, LEMMA, LOWER, POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token

from newsevents.nlp.texts import token_texts
from newsevents.ontology import Ontology
from newsevents.ontology.load import Mapping
from newsevents.records import Actor

MAX_CONTEXTS = 3


_WORDS = "newsevents.words"
_TEXTS = "newsevents.texts"
_COMMON = "newsevents.common"
_SENTENCE_LEMMAS = "newsevents.sentence_lemmas"
_ENTITIES = "newsevents.entities"
_ENTITY_SPANS = "newsevents.entity_spans"
_SENTENCES = "newsevents.sentences"
_SPANS = "newsevents.spans"


def doc_words(doc: Doc) -> tuple[list[str], list[str], list[bool]]:
    """Each token's lower-case lemma, lower-case text and whether it is white space, read
    once per Doc (kept in its ``user_data``): many passes over each sentence ask for them,
    and every token read builds a new spaCy Token (read here from one array, building none)."""
    found = doc.user_data.get(_WORDS)
    if found is None:
        strings = doc.vocab.strings
        lemmas, lowers, spaces = doc.to_array([LEMMA, LOWER, IS_SPACE]).reshape(len(doc), 3).T.tolist()
        found = ([strings[h].lower() for h in lemmas], [strings[h] for h in lowers], [s == 1 for s in spaces])
        doc.user_data[_WORDS] = found
    return found  # type: ignore[no-any-return]


def doc_texts(doc: Doc) -> list[str]:
    """Each token's text, read once per Doc from one array (``doc_words``' reason): places
    look for country cues in them, actor phrases for line ends."""
    found = doc.user_data.get(_TEXTS)
    if found is None:
        found = doc.user_data[_TEXTS] = token_texts(doc)
    return found  # type: ignore[no-any-return]


def common_words(doc: Doc) -> list[bool]:
    """Whether each token is a common word: alphabetic and no proper noun (what learned_context
    sees of a sentence), read once per Doc from one array (``doc_words``' reason)."""
    found = doc.user_data.get(_COMMON)
    if found is None:
        rows = doc.to_array([IS_ALPHA, POS]).reshape(len(doc), 2).tolist()
        found = doc.user_data[_COMMON] = [alpha == 1 and pos != PROPN for alpha, pos in rows]
    return found  # type: ignore[no-any-return]


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """The Doc's named entities (``Doc.ents``), built once per Doc: every ``Doc.ents`` walks
    the whole article and builds a new Span per entity, and places, dates, coreference and
    quotes each ask."""
    found = doc.user_data.get(_ENTITY_SPANS)
    if found is None:
        found = doc.user_data[_ENTITY_SPANS] = tuple(doc.ents)
    return found  # type: ignore[no-any-return]


def doc_sentences(doc: Doc) -> tuple[Span, ...]:
    """The Doc's sentences (``Doc.sents``), built once per Doc for the same reason."""
    found = doc.user_data.get(_SENTENCES)
    if found is None:
        found = doc.user_data[_SENTENCES] = tuple(doc.sents)
    return found  # type: ignore[no-any-return]


def words_at(doc: Doc, span: tuple[int, int]) -> Span | None:
    """The words a record's character span covers in the parse (a trigger, an actor, a place),
    widened to whole tokens; None when it covers none. Found once per span and Doc: dates,
    places, tolls and attribution ask again for the same triggers, parties and places."""
    found = doc.user_data.setdefault(_SPANS, {})
    if span not in found:
        words = doc.char_span(*span, alignment_mode="expand")
        words = words if words is not None and len(words) else None
        found[span] = (words, words.root if words is not None else None)
    return found[span][0]  # type: ignore[no-any-return]


def head_at(doc: Doc, span: tuple[int, int]) -> Token | None:
    """The head word of the words a character span covers (``words_at``), None when it covers none."""
    words_at(doc, span)
    return doc.user_data[_SPANS][span][1]  # type: ignore[no-any-return]


def entity_at(tok: Token) -> Span | None:
    """The named entity a token is part of, if any: the one lookup of actors, coreference,
    quotes, noun frames and venues, from a token -> entity map built once per Doc."""
    doc = tok.doc
    found = doc.user_data.get(_ENTITIES)
    if found is None:
        found = {i: ent for ent in doc_entities(doc) for i in range(ent.start, ent.end)}
        doc.user_data[_ENTITIES] = found
    return found.get(tok.i)  # type: ignore[no-any-return]


def sentence_lemmas(sentence: Span) -> tuple[frozenset[str], str]:
    """The sentence's lower-case lemmas as a set and as a space-padded string (once per sentence)."""
    cache = sentence.doc.user_data.setdefault(_SENTENCE_LEMMAS, {})
    key = (sentence.start, sentence.end)
    if key not in cache:
        lemmas, texts, spaces = doc_words(sentence.doc)
        kept = [i for i in range(sentence.start, sentence.end) if not spaces[i]]
        words = [lemmas[i] for i in kept]
        cache[key] = frozenset(words) | frozenset(texts[i] for i in kept), f" {' '.join(words)} "
    return cache[key]  # type: ignore[no-any-return]


def scope_lemmas(trigger: Token) -> tuple[frozenset[str], str]:
    """Lemmas of the trigger's own clause (without coordinated clauses), for mode cues."""
    head = trigger
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    skip = {t.i for c in head.children if c.dep_ == "conj" for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in skip and not t.is_space]
    lemmas = [t.lemma_.lower() for t in tokens]
    return frozenset(lemmas) | frozenset(t.lower_ for t in tokens), f" {' '.join(lemmas)} "


def infer_mode(
    event_type: str, lemmas: frozenset[str], joined: str, ontology: Ontology
) -> str | None:
    """The first mode of the type whose cue occurs in the sentence."""
    for mode, cues in ontology.mode_cues.get(event_type, ()):
        if cues.found_in(lemmas, joined):
            return mode
    return None


def cued_contexts(lemmas: frozenset[str], joined: str, ontology: Ontology) -> list[str]:
    """The contexts whose cues occur in a sentence, in the order contexts.yaml lists them
    (only those one of its words can cue are checked: ``Ontology.context_words``)."""
    possible: set[str] = set()
    for word in lemmas:
        possible.update(ontology.context_words.get(word, ()))
    return [context for context, cues in ontology.context_cues.items()
            if context in possible and cues.found_in(lemmas, joined)]


def event_contexts(fixed: str | None, cued: list[str]) -> list[str]:
    """The trigger's own context first, then the sentence's, at most ``MAX_CONTEXTS``."""
    ordered = [fixed] if fixed else []
    ordered += [c for c in cued if c != fixed]
    return ordered[:MAX_CONTEXTS]


def _sectors(actors: list[Actor]) -> set[str]:
    return {a.sector for a in actors if a.sector}


def _fits(allowed: frozenset[str] | None, present: set[str]) -> bool:
    return allowed is None or not allowed.isdisjoint(present)


def find_mapping(
    event_type: str, mode: str | None, actors: list[Actor], recipients: list[Actor],
    ontology: Ontology,
) -> Mapping | None:
    """The first mappings.tsv row that fits the event."""
    modes = {mode} if mode else set()
    actor_sectors, recipient_sectors = _sectors(actors), _sectors(recipients)
    for row in ontology.mappings:
        if (
            row.event_type == event_type
            and _fits(row.mode, modes)
            and _fits(row.actor_sector, actor_sectors)
            and _fits(row.recipient_sector, recipient_sectors)
        ):
            return row
    return None


@dataclass(frozen=True, slots=True)
class Evidence:
    """What an event's confidence weighs (scoring.py) that its record does not say: the
    trigger sense and where the trigger stands, taken while its sentence is coded."""

    prior: float
    requires_recipient: bool
    type_ids: tuple[int, ...]  # the trigger's head token as learned_types sees it
    words: tuple[str, ...] = ()  # the sentence's words as learned_context sees them
    pos: str = "VERB"  # of the trigger sense: VERB, NOUN or AUX
    ambiguous: bool = False  # the word has senses of several event types
    quoted: bool = False  # inside quotation marks
    reported: bool = False  # what someone said ("police said ... arrested")
    infinitive: bool = False  # a to-infinitive ("decided to admit"): an aim, seldom a told act
    own_date: bool = False  # dated by its own clause, not by the episode or the article
    background: bool = False
    cooperative: bool = False  # of PLOVER's cooperation quads


def reciprocal(
    event_type: str, mode: str | None, actors: list[Actor], recipients: list[Actor], ontology: Ontology,
) -> tuple[list[Actor], list[Actor]]:
    """ "Moon held a meeting with Yang", "Trump made a call to Putin": a meeting or call is
    every side's act (PLOVER manual, compound and reciprocal actors), so the one met joins the
    actors and none is recipient; a visit keeps its host as recipient (``reciprocal_acts``)."""
    key = f"{event_type}/{mode}".lower() if mode else event_type.lower()
    if not actors or key not in ontology.words("reciprocal_acts"):
        return actors, recipients
    return actors + recipients, []
