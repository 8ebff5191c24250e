"""Triggers: the words that signal an event, matched against triggers.tsv.

A row may ask for a particle or preposition ("call for") or restrict the
direct object ("impose" + sanction), so one verb can carry several senses.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsevents.extract.coding import doc_words
from newsevents.extract.predicates import feeling_causes, judging_verb, predicate_key
from newsevents.ontology import Ontology
from newsevents.ontology.load import NO_EVENT, TriggerSense

_SKIP_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "WORK_OF_ART", "LAW", "EVENT"}
_TIME_ENTITIES = {"DATE", "TIME"}
_MODIFIER_DEPS = {"amod", "compound", "nmod"}
_OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "acomp"}  # "pleaded guilty"
_NOUN_OBJECT_DEPS = {"compound", "amod", "nmod", "poss"}
_RELATIVE_TAGS = {"WDT", "WP"}  # "which", "that", "who": the object is the noun they stand for
_COMPLEMENT_DEPS = {"xcomp", "ccomp"}  # "vowed to retaliate", "vowed they would block"
_CLAUSE_DEPS = {"advcl", "acl", "xcomp", "ccomp"}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched trigger: its token, the sense that matched, and the words it spans."""

    token: Token
    sense: TriggerSense
    words: tuple[Token, ...]

    @property
    def start(self) -> int:
        return min(t.idx for t in self.words)

    @property
    def end(self) -> int:
        last = max(self.words, key=lambda t: t.i)
        return last.idx + len(last.text)


def _coarse_pos(tok: Token) -> str | None:
    if tok.pos_ == "VERB":
        return "VERB"
    if tok.tag_ == "MD":
        return "AUX"
    if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower):
        return "NOUN"
    return None


def _objects(tok: Token, venue_preps: frozenset[str], quantities: frozenset[str]) -> list[Token]:
    """Words a trigger's ``object`` column may name.

    For a verb: its objects ("impose sanctions", "calls for talks"), or the noun its clause
    describes ("the sanctions it imposed"), not where it happened
    ("established an orchestra in the camp" sets up no camp). For a noun:
    its modifiers and who or what it is about ("hunger strike", "strike by
    workers", "workers went on strike"). Through a noun of quantity, what it counts ("seizing
    a number of vessels", "fired a barrage of rockets").
    """
    deps = _NOUN_OBJECT_DEPS if tok.pos_ != "VERB" else _OBJECT_DEPS
    found = [c for c in tok.children if c.dep_ in deps and c.tag_ not in _RELATIVE_TAGS]
    if tok.pos_ == "VERB":
        found.extend(c for c in tok.children if _complement(c))
        # "found him guilty": the parser makes the adjective a clause of its own
        found.extend(c for c in tok.children if c.dep_ == "ccomp" and c.pos_ == "ADJ")
        if _object_gap(tok):
            found.append(tok.head)
    for child in tok.children:
        if child.dep_ in {"prep", "prt"} and not (tok.pos_ == "VERB" and child.lower_ in venue_preps):
            found.extend(c for c in child.children if _prep_object(c))
    if tok.pos_ != "VERB" and tok.dep_ in {"dobj", "pobj"}:
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        found.extend(c for c in verb.children if c.dep_ == "nsubj")
    found.extend(c for o in list(found) for c in o.conjuncts)  # "threw garbage and bottles": both
    found.extend(g for o in list(found) if o.lemma_.lower() in quantities
                 for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj")
    return [o for o in found if o.ent_type_ not in _TIME_ENTITIES]  # "join NATO on March 12": no march


def _prep_object(tok: Token) -> bool:
    """The word a preposition governs: its object, or an adjective the parser hangs on it
    ("treated as suspicious": amod of "as", where a noun would be pobj)."""
    return tok.dep_ == "pobj" or (tok.dep_ in {"amod", "acomp"} and tok.pos_ == "ADJ")


def _object_gap(verb: Token) -> bool:
    """The verb's object is the noun its clause describes: "the agreement they signed", "the
    ruling, which was appealed", "a verdict handed down by a jury" (not "the man who signed")."""
    children = list(verb.children)
    if verb.dep_ == "acl":
        return verb.tag_ == "VBN" and not any(c.dep_ in {"dobj", "nsubjpass"} for c in children)
    own_object = any(c.dep_ in {"dobj", "nsubjpass"} and c.tag_ not in _RELATIVE_TAGS for c in children)
    relative_doer = any(c.dep_ == "nsubj" and c.tag_ in _RELATIVE_TAGS for c in children)
    return verb.dep_ == "relcl" and not own_object and not relative_doer


def _complement(tok: Token) -> bool:
    """A verb's clause that names the act it commits to ("vowed to hunt down")."""
    return tok.dep_ in _COMPLEMENT_DEPS and tok.pos_ == "VERB"


def _act_clause(obj: Token) -> bool:
    """An object that is such a clause, or a verb coordinated with one ("vowed those responsible
    would be found and punished": to find, to punish)."""
    return _complement(obj) or (obj.dep_ == "conj" and obj.pos_ == "VERB" and _complement(obj.head))


def _object_names(obj: Token) -> set[str]:
    """What an object column may say of one object: its lemma, or a modifier and its lemma
    ("fired warning shots" is "warning shot": a warning, not an attack; "papers of accession"
    are "accession paper"), or "to VERB" for the act a verb's complement names ("vowed to
    retaliate", "vowed they would block": "to block"), "to *" for any infinitive one ("told
    them to leave" is an order whatever the act; "told them it would fail" is none), and
    "someone to *" for an infinitive with a subject of its own ("wants Tehran to halt": what
    another party is to do; "wants to run" is the subject's own aim)."""
    lemma = obj.lemma_.lower()
    if _act_clause(obj):
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in obj.children):
            return {f"to {lemma}"}
        if obj.dep_ == "xcomp":
            return {f"to {lemma}", "to *"}
        subject = any(c.dep_ == "nsubj" for c in obj.children)
        return {f"to {lemma}", "someone to *"} if subject else {f"to {lemma}"}
    if any(c.dep_ == "neg" for c in obj.children):  # "found not guilty" is no finding of guilt
        return {f"not {lemma}"}
    modifiers = [c for c in obj.children if c.dep_ in _MODIFIER_DEPS]
    modifiers += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    return {lemma} | {f"{c.lemma_.lower()} {lemma}" for c in modifiers}


def _match(
    tok: Token, senses: list[TriggerSense], venue_preps: frozenset[str], quantities: frozenset[str]
) -> tuple[TriggerSense, tuple[Token, ...]] | None:
    best: tuple[float, TriggerSense, tuple[Token, ...]] | None = None
    objects: list[tuple[Token, set[str]]] | None = None  # read once, for every sense that asks
    for sense in senses:
        words: list[Token] = [tok]
        score = sense.prior
        if sense.particle:
            parts = sense.particle.split()
            child = next(
                (c for c in tok.rights
                 if c.dep_ in {"prt", "prep", "agent", "dobj", "advmod"} and c.lower_ == parts[0]
                 and not any(o.ent_type_ in _TIME_ENTITIES for o in c.children)),
                None,
            ) or _clause_mark(tok, parts[0])
            if child is None:
                continue
            words.append(child)
            score += 1.0
        if sense.objects:
            if objects is None:
                objects = [(o, _object_names(o)) for o in _objects(tok, venue_preps, quantities)]
            obj = next((o for o, names in objects if not sense.objects.isdisjoint(names)), None)
            if obj is None:
                continue
            # the noun a clause describes ("diplomats being expelled") keeps its role; a
            # complement is an act of its own, not part of the trigger
            if obj.i != tok.head.i and not _act_clause(obj):
                words.append(obj)
            score += 1.0
        if sense.event_type == NO_EVENT:
            score += 1.0  # the exception outranks the senses it excepts
        if best is None or score > best[0]:
            best = (score, sense, tuple(words))
    return (best[1], best[2]) if best else None


def _clause_mark(tok: Token, word: str) -> Token | None:
    """The particle opening a clause the trigger governs: in "called for the army to withdraw"
    the parser makes "for" the mark of "withdraw", not a preposition of "called"."""
    return next((m for c in tok.rights if c.dep_ in _CLAUSE_DEPS
                 for m in c.children if m.dep_ == "mark" and m.lower_ == word and m.i == tok.i + 1), None)


def reported_obligation(aux: Token, speech: frozenset[str]) -> bool:
    """ "X said Y must go": a modal in a clause reported by a speech verb, with its own subject."""
    verb = aux.head
    return (
        verb.dep_ == "ccomp" and verb.head.lemma_.lower() in speech
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def asks_a_question(verb: Token, marks: frozenset[str]) -> bool:
    """ "asking what level of expertise they had", "asked on what basis": the verb's clause or
    phrase opens with a question word, so it asks for information, not for an act."""
    for child in verb.rights:
        if child.dep_ in {"ccomp", "xcomp", "prep", "advcl", "dobj"}:
            first = next(iter(child.subtree))
            if first.lower_ in marks or (child.dep_ == "prep" and any(
                t.lower_ in marks for t in child.subtree if t.i <= child.i + 2
            )):
                return True
    return False


def _predicate(
    tok: Token, ontology: Ontology, venue_preps: frozenset[str], quantities: frozenset[str]
) -> Trigger | None:
    """A word that judges a party, said by someone, or a feeling about a named party
    (predicates.py): "said China was responsible for", "were angry with Younis"."""
    senses = ontology.triggers.get((predicate_key(tok), "PRED"))
    if not senses or (tok.tag_ == "VBN" and not _stative(tok)):
        return None  # "had not fabricated a story" is an act, "the claims were fabricated" a state
    if predicate_key(tok) in ontology.words("feeling_predicates"):
        framed = bool(feeling_causes(tok, ontology.sectors))
    else:
        framed = judging_verb(tok, ontology.words("speech_verbs"), ontology.words("naming_verbs")) is not None
    matched = _match(tok, senses, venue_preps, quantities) if framed else None
    if matched is None or matched[0].event_type == NO_EVENT:
        return None
    return Trigger(tok, matched[0], matched[1])


def _stative(participle: Token) -> bool:
    passive = any(c.dep_ == "auxpass" for c in participle.children)
    return passive or participle.dep_ in {"acomp", "oprd", "attr"}


def find_triggers(sentence: Span, ontology: Ontology) -> list[Trigger]:
    """Every trigger in a sentence, at most one per token, in text order."""
    found: list[Trigger] = []
    speech = ontology.words("speech_verbs")
    generic_heads = ontology.words("generic_event_heads")
    venue_preps, quantities = ontology.words("venue_preps"), ontology.words("quantity_nouns")
    questions, marks = ontology.words("question_verbs"), ontology.words("question_marks")
    behests = ontology.words("behest_nouns")
    lemmas, texts, _ = doc_words(sentence.doc)
    for i in range(sentence.start, sentence.end):
        if lemmas[i] not in ontology.trigger_words and texts[i] not in ontology.trigger_words:
            continue  # no sense is read from either of its words (a Token is built for the rest only)
        tok = sentence.doc[i]
        judged = _predicate(tok, ontology, venue_preps, quantities) if not tok.ent_type_ else None
        if judged is not None:
            found.append(judged)
            continue
        pos = _coarse_pos(tok)
        if pos is None or tok.ent_type_ in _SKIP_ENTITIES:
            continue
        if pos == "AUX" and not reported_obligation(tok, speech):
            continue
        framed = tok.dep_ == "compound" and tok.head.lemma_.lower() in generic_heads
        if (tok.dep_ in _MODIFIER_DEPS and not framed) or (pos == "VERB" and tok.dep_ == "amod"):
            continue
        if pos == "VERB" and tok.lemma_.lower() in questions and asks_a_question(tok, marks):
            continue
        if pos == "NOUN" and tok.lemma_.lower() in behests and tok.dep_ == "pobj" and tok.head.lower_ == "at":
            continue  # "sealed the courtroom at the request of prosecutors": why the act was done
        senses = ontology.triggers.get((tok.lemma_.lower(), pos))
        matched = _match(tok, senses, venue_preps, quantities) if senses else None
        if matched is not None and matched[0].event_type != NO_EVENT:
            found.append(Trigger(tok, matched[0], matched[1]))
    return found
