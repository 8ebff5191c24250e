"""Participant heads: the word of a noun phrase that names its participant (actors.py resolves it).

A trigger's subject or object is often not the word that says who: "dozens of protesters"
(a quantifier), "Serbia's efforts" (a possessor), "rebels, who fled" (a relative pronoun, read
as its antecedent). The answer is read from the parse alone, so it is kept per word: every
trigger word, outlet check, speaker and resolution of an article asks for it.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.ontology import Ontology

RELATIVE = {"who", "which", "that", "whom", "what", "whatever"}
_PLACES = {"GPE", "LOC", "FAC"}
MAX_CLIMB = 12
"""Ancestors climbed from a word: by a pronoun to find the speech verb whose speaker it is
(actors.py), by a relative's noun through conjuncts and place phrases to what they locate."""


class ParticipantHeads:
    """The participant's word of each head, kept for one article."""

    def __init__(self, ontology: Ontology) -> None:
        self.onto = ontology
        self.quantifiers = ontology.words("quantifier_heads")
        self.venue_preps = ontology.words("venue_preps")
        self._heads: dict[int, Token] = {}  # word -> the word that names its participant

    def effective_head(self, head: Token) -> Token:
        """The word that names the participant: through quantifiers, possessors, "who"; read
        from the parse alone, so found once per word (every trigger word, outlet check and
        resolution asks)."""
        found = self._heads.get(head.i)
        if found is None:
            found = self._heads[head.i] = self._effective_head(head)
        return found

    def _effective_head(self, head: Token) -> Token:
        head = self._through_possessor(self._through_quantifier(head))
        if head.lower_ in RELATIVE:  # "candidates, all of whom support": the clause's noun
            verb = next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            if verb is not None and verb.dep_ == "relcl" and not self._told_act(verb):
                head = self._relative_antecedent(head, verb.head)
        return head

    def _told_act(self, verb: Token) -> bool:
        """"the bombing of an abortion clinic that killed an officer": a relative clause the parser
        hangs on the object of an act noun, whose verb is an act of that noun's type, tells what
        the act did; the object ("the clinic") did nothing, and the act names no participant."""
        noun = verb.head
        if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.pos_ != "NOUN":
            return False
        acts = {s.event_type for s in self.onto.triggers.get((noun.head.head.lemma_.lower(), "NOUN"), [])}
        return any(s.event_type in acts for s in self.onto.triggers.get((verb.lemma_.lower(), "VERB"), []))

    def _relative_antecedent(self, relative: Token, noun: Token) -> Token:
        """ "the bombings at U.S. embassies in Kenya and Tanzania, which have killed 250": a
        "which" the parser hangs on a place names what the place phrase locates ("police in
        Kabul, which arrested"), and when that is an act, no participant (the relative itself,
        which ``actors`` drops); "Kenya, which has a large army" stays Kenya."""
        if relative.lower_ in {"who", "whom"} or noun.ent_type_ not in _PLACES:
            return noun
        found = noun
        for _ in range(MAX_CLIMB):
            if found.dep_ == "conj":
                found = found.head
            elif found.dep_ == "pobj" and found.head.lower_ in self.venue_preps and (
                    found.head.head.pos_ == "NOUN"):
                found = found.head.head
            else:
                break
        return relative if (found.lemma_.lower(), "NOUN") in self.onto.triggers else found

    def _through_possessor(self, head: Token) -> Token:
        """ "Serbia's efforts", "the army's offensive": the possessor is the participant."""
        if head.pos_ != "NOUN" or head.ent_type_ or head.lemma_.lower() in self.onto.sectors:
            return head
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None and (owner.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"}
                                  or owner.lemma_.lower() in self.onto.sectors):
            return owner
        return head

    def _through_quantifier(self, head: Token) -> Token:
        if head.lemma_.lower() in self.quantifiers or head.like_num:
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
        return head
