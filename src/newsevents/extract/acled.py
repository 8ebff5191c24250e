"""ACLED coding: the ACLED event and sub-event type of a PLOVER event (rules in acled.yaml).

ACLED types an event by what was used and against whom: the weapon ("a grenade
was hurled"), whether demonstrators were violent or were dispersed, whether
territory changed hands. Those words are often a sentence away from the
trigger, so an event is read with its context: its own sentence and the
``window`` sentences either side. The first rule that fits decides; a rule
with no ACLED type marks what ACLED does not code (disasters, ordinary crime,
a claim of responsibility for an attack told elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import ENT_TYPE
from spacy.tokens import Doc

from newsevents.extract.coding import doc_sentences, doc_words
from newsevents.ontology import Ontology
from newsevents.ontology.acled import AcledRule, AcledTable
from newsevents.records import Actor

Lemmas = tuple[frozenset[str], str]
_DATES = {"DATE", "TIME"}


@dataclass(frozen=True, slots=True)
class AcledEvent:
    """What the rules look at: the PLOVER coding, the trigger's lemma and part of speech, the parties."""

    event_type: str
    mode: str | None
    pos: str
    actors: list[Actor]
    recipients: list[Actor]
    lemma: str = ""


@dataclass(frozen=True, slots=True)
class Context:
    """An event's words: all of them, and those outside what a protest or demand is about."""

    words: Lemmas
    acts: Lemmas


_TOPIC_DEPS = {"dobj", "xcomp", "ccomp", "advcl", "acl"}


class AcledContexts:
    """The words of each sentence of one article, and of each sentence with its neighbours.

    What people protest, demand, denounce or mourn ("rallied to mourn protesters killed last
    month") is the topic of their act, not something done at it: the words of such topics are
    left out of the ``acts`` context that the demonstration cues read (acled.yaml ``topic_free``).
    """

    def __init__(self, doc: Doc, table: AcledTable) -> None:
        lemmas, texts, spaces = doc_words(doc)
        dates = {doc.vocab.strings[label] for label in _DATES}
        kinds = doc.to_array(ENT_TYPE).tolist()  # a pass over an array, not a Token per word
        kept = [not space and kind not in dates for space, kind in zip(spaces, kinds, strict=True)]
        self._sentences_kept = [[i for i in range(s.start, s.end) if kept[i]] for s in doc_sentences(doc)]
        topic = self._topics(doc, lemmas, table.topic_heads)
        self._acts = [[i for i in s if i not in topic] for s in self._sentences_kept]
        self._words = (lemmas, texts)
        self._size = table.window
        self._sentences: dict[int, Lemmas] = {}  # read for the sentences that have events only
        self._windows: dict[int, Context] = {}

    def _window(self, i: int) -> Context:
        around = slice(max(0, i - self._size), i + self._size + 1)
        kept = [t for s in self._sentences_kept[around] for t in s]
        acts = [t for s in self._acts[around] for t in s]  # ``kept`` less any topic's words
        words = _lemmas(kept, self._words)
        return Context(words=words, acts=words if len(acts) == len(kept) else _lemmas(acts, self._words))

    @staticmethod
    def _topics(doc: Doc, lemmas: list[str], heads: frozenset[str]) -> set[int]:
        """Tokens inside the object or purpose of a protest, demand or condemnation."""
        found: set[int] = set()
        for i, lemma in enumerate(lemmas):
            if lemma not in heads:
                continue
            for child in doc[i].children:
                about = child.dep_ == "prep" and child.lower_ in {"against", "over", "about", "for"}
                if child.dep_ in _TOPIC_DEPS or about:
                    found.update(t.i for t in child.subtree)
        return found

    def sentence(self, index: int) -> Context:
        if index not in self._sentences:
            self._sentences[index] = _lemmas(self._sentences_kept[index], self._words)
        words = self._sentences[index]
        return Context(words=words, acts=words)

    def window(self, index: int) -> Context:
        if index not in self._windows:
            self._windows[index] = self._window(index)
        return self._windows[index]


def _lemmas(indices: list[int], words: tuple[list[str], list[str]]) -> Lemmas:
    """Lemmas and words of the tokens at ``indices`` (white space and dates left out before:
    "March" is a month); a phrase may match either ("mass graves" when the lemmatizer errs)."""
    lemmas = [words[0][i] for i in indices]
    texts = [words[1][i] for i in indices]
    return frozenset(lemmas) | frozenset(texts), f" {' '.join(lemmas)} | {' '.join(texts)} "


def _sectors(actors: list[Actor]) -> set[str]:
    return {a.sector for a in actors if a.sector}


def _fits(rule: AcledRule, event: AcledEvent, table: AcledTable, context: Context) -> bool:
    if rule.modes is not None and event.mode not in rule.modes:
        return False
    if rule.pos is not None and event.pos not in rule.pos:
        return False
    actor_sectors = _sectors(event.actors)
    if rule.actor_sectors is not None and rule.actor_sectors.isdisjoint(actor_sectors):
        return False
    if rule.recipient_sectors is not None and rule.recipient_sectors.isdisjoint(_sectors(event.recipients)):
        return False
    if rule.state_actor is not None and rule.state_actor == table.state_sectors.isdisjoint(actor_sectors):
        return False
    def found(name: str) -> bool:
        cues = table.cues[name]
        if name not in table.topic_free:
            return cues.found_in(*context.words)
        # the event's own word is what happened, even inside what a protest is about
        return cues.found_in(*context.acts) or event.lemma in cues.words

    return (
        all(found(n) for n in rule.cues)
        and (not rule.any_cues or any(found(n) for n in rule.any_cues))
        and not any(found(n) for n in rule.unless)
    )


def code_acled(
    event: AcledEvent, sentence: int, contexts: AcledContexts, ontology: Ontology
) -> dict[str, str] | None:
    """``{"event_type", "sub_event_type"}`` from the first fitting rule, or None."""
    table = ontology.acled
    for rule in table.rules:
        if event.event_type not in rule.types:  # first: a window is read only when a rule may fit
            continue
        context = contexts.sentence(sentence) if rule.sentence_only else contexts.window(sentence)
        if _fits(rule, event, table, context):
            if rule.acled is None:
                return None
            return {"event_type": rule.acled[0], "sub_event_type": rule.acled[1]}
    return None
