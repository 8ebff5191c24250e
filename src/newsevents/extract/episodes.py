"""Episodes: the date of an event whose own words give none.

An event takes the time expression of its own clause: one attached to a
trigger (events.py), else one on a verb above it that is no event ("lashed out
on Sunday, accusing them ...", "said on Monday it had closed ...") or a date
the clause hangs from ("in 1968, when the Soviets invaded"). Else it continues
the episode before it: the last event dated by its own words, a few sentences
back at most, in the same paragraph (or the sentence before) and sharing a
participant or the place; or a day set on a sentence's main verb that no event takes ("On
Tuesday, police investigators could be seen ..."), sharing a noun. An act told as coming
next ("then", "later") continues the act told just before it, whoever takes part.
A statement in the present or perfect ("denies", "has condemned") takes the day the next
sentences give the same party's statement, and a toll the date of its act in the clause.
Else the article date. A running total ("has killed 20,000 in seven years",
"have fled since 2011") is no event of one day, and an act "years ago" has no
day we can name: both are marked historical, with no date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsevents.extract.date_grammar import grammar
from newsevents.extract.dates import expression_span, ground_seen, is_a_name, is_ahead, is_decade, is_old
from newsevents.ontology import Ontology
from newsevents.ontology.load import NO_EVENT
from newsevents.records import Event

_REACH = 2  # sentences back an episode carries its date
_CLAUSE_BREAKS = {"relcl", "ccomp", "acl"}
_AGO = re.compile(r"\b(?:ago|before|earlier|previously)$")
_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]{2,}")
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|several|many|few)\b")


@dataclass(frozen=True, slots=True)
class Dated:
    """An event dated by its own words, as an episode later events may continue."""

    sentence: int
    paragraph: int
    keys: frozenset[str]
    date: str
    precision: str
    text: str | None
    span: tuple[int, int] | None
    historical: bool
    scene: bool = False  # a sentence with no event that sets the day; keys are its nouns


def participants(event: Event) -> frozenset[str]:
    """What identifies an event's episode: its parties' countries and names, its place."""
    keys = {k for a in event.actor + event.recipient for k in (a.country, a.name) if k}
    if event.location is not None and event.location.name:
        keys.add(event.location.name)
    return frozenset(keys)


class Episodes:
    """The dated events of one article so far, and the paragraphs of its text."""

    def __init__(self, text: str, ontology: Ontology) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer(r"\n", text)]
        self.cues = ontology.words("aggregate_cues")
        self.separate = ontology.words("separate_preps") - set(grammar().data["while_preps"])
        self.speech = ontology.words("speech_verbs")
        self.acts = frozenset(lemma for (lemma, pos), senses in ontology.triggers.items()
                              if pos == "NOUN" and any(s.event_type != NO_EVENT for s in senses))
        self.dated: list[Dated] = []
        self.told: list[int] = []  # the sentences of the events told so far

    def paragraph(self, char: int) -> int:
        """The index of the paragraph (line) holding a character."""
        return bisect.bisect_right(self.breaks, char)

    def clause_date(self, trigger: Token, loose: list[Span]) -> Span | None:
        """A date no trigger owns that dates the trigger's clause from above it, or that
        dates what it followed ("was arrested after police say he tried to rob a woman late
        Friday night": the annotation's day of the arrest, the nearest day the text gives)."""
        above: dict[int, int] = {}
        for depth, ancestor in enumerate(_ancestors(trigger, self.separate)):
            above[ancestor.i] = depth
        best: tuple[int, Span] | None = None
        for entity in loose:
            if is_a_name(entity):
                continue
            if entity.root.i in above:  # "in 1968, when the Soviets invaded"
                depth = above[entity.root.i]
            elif entity.root.head.i in above or (
                entity.root.head.dep_ == "prep" and entity.root.head.head.i in above
            ):
                verb = entity.root.head if entity.root.head.i in above else entity.root.head.head
                if verb.i != trigger.i and verb.tag_ in {"VBZ", "VBP"}:
                    continue  # "the warning follows decisions last June": not the warning's date
                depth = above[verb.i]
            elif _after(entity, trigger):
                depth = len(above)  # behind any date above the trigger
            else:
                continue
            if best is None or depth < best[0]:
                best = (depth, entity)
        return best[1] if best else None

    def remember(self, event: Event, sentence: int) -> None:
        """Keep an event dated by its own words as the current episode."""
        self.told.append(sentence)
        if event.date is None:
            return
        self.dated.append(Dated(
            sentence, self.paragraph(event.sentence.span[0]), participants(event), event.date,
            event.date_precision, event.date_text, event.date_span, event.historical,
        ))

    def scene(self, sentence: Span, index: int, dates: list[Span], base: date | None) -> None:
        """A day set on a sentence's main verb that no event of it takes ("On Tuesday, police
        investigators could be seen inside the store"): an episode the next sentences may
        continue, with the sentence's nouns for participants. A day on a verb of saying is
        when something was said, no scene."""
        root = sentence.root
        if base is None or root.lemma_.lower() in self.speech:
            return
        for entity in dates:
            head = entity.root.head
            if is_a_name(entity) or not (head == root or (head.dep_ == "prep" and head.head == root)):
                continue
            grounded = ground_seen(entity.text, base, past=True)
            if grounded is None or is_ahead(grounded, base):
                continue
            nouns = frozenset(t.lemma_.lower() for t in sentence
                              if t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ != "DATE")
            span = expression_span(entity)
            self.dated.append(Dated(
                index, self.paragraph(sentence.start_char), nouns, grounded.value, grounded.precision,
                self.text[span[0]:span[1]], span, is_old(grounded, base), scene=True,
            ))
            return

    def carried(self, event: Event, trigger: Token, sentence: int) -> Dated | None:
        """The episode an undated event continues: the last dated one, in the same paragraph
        or the sentence before, with a participant or the place in common. A verb in the
        simple present ("the law requires") states what holds, and a perfect ("has denied")
        an indefinite past, not what happened then. An act told as coming next ("then",
        "later") continues the last act told before it, when that one is dated, whoever
        takes part and a little further back: what someone said about it may come between."""
        before = [s for s in self.told if s < sentence]
        self.told.append(sentence)
        if not self.dated or trigger.tag_ in {"VBZ", "VBP"} or _perfect(trigger):
            return None
        last = self.dated[-1]
        sequel = _next_act(trigger)
        if sentence - last.sentence > _REACH * (2 if sequel else 1) or sentence < last.sentence:
            return None
        if sequel:
            return last if last.sentence >= max(before, default=-1) else None
        near = last.paragraph == self.paragraph(event.sentence.span[0]) or sentence - last.sentence <= 1
        return last if near and last.keys & (_words(event) if last.scene else participants(event)) else None

    def undated_past(self, trigger: Token, dates: list[Span], base: date | None) -> bool:
        """An act that is old but names no day: a running total, or a time back from now too
        vague to date ("less than a year before", "years ago", "in the 1970s")."""
        top = _verb(trigger)
        while top.dep_ == "conj":  # "shot and killed": the date on "shot" dates both
            top = top.head
        clause = {t.i for t in top.subtree}
        if any(entity.root.i in clause and (is_decade(entity.text) or (_AGO.search(entity.text.lower())
               and ground_seen(entity.text, base, past=True) is None)) for entity in dates):
            return True
        return self._aggregate(trigger, dates, base)

    def earlier(self, trigger: Token) -> bool:
        """An act the text puts before the story without a time ("Earlier, the trade office
        proposed ..."): an adverb that is no date expression on the trigger's verb."""
        adverbs = grammar().data["earlier_adverbs"]
        return any(c.dep_ == "advmod" and c.lower_ in adverbs and c.ent_type_ != "DATE"
                   for c in _verb(trigger).children)

    def _aggregate(self, trigger: Token, dates: list[Span], base: date | None) -> bool:
        """A running total: a perfect verb with a duration, "since" or a cue ("so far")."""
        verb = _verb(trigger)
        if not _perfect(trigger):
            return False
        clause = {t.i for t in verb.subtree}
        words = " ".join(t.lower_ for t in verb.subtree)
        if any(f" {cue} " in f" {words} " for cue in self.cues):
            return True
        for entity in dates:
            if entity.root.i not in clause:
                continue
            before = entity.doc[entity.start - 1].lower_ if entity.start else ""
            if before == "since" or (
                _NUMBER.search(entity.text.lower()) and ground_seen(entity.text, base) is None
            ):  # "in seven years", "over the past decade": a duration, not a date
                return True
        return False

    def share(self, events: list[Event], doc: Doc) -> None:
        """The same act told again takes the date of the mention that gives one: an event
        dated only by the article date, told with the same word and type as one dated by its
        own words, naming the same person or body ("Nuiry was arrested Thursday" ... "Nuiry
        was arrested when he went back"), or standing in the lead, which tells first what the
        body dates; or a noun that refers back ("the shooting", "these bombings") to the last
        act of its type told before, dated or too old to date ("less than a year before, a
        detective shot ... Vigils followed that shooting"); or an act of the same type told
        before it in its clause. A standing statement may take the day the next sentences
        give it (``_statements``)."""
        def word(event: Event) -> str:
            token = _token(event, doc)
            return token.lemma_.lower() if token is not None else event.trigger.text.lower()

        self._statements(events, doc)
        own = [(e, word(e)) for e in events if e.date_span is not None and not e.future]
        told = [e for e in events if not (e.future or e.negated or e.hypothetical)
                and (e.date_span is not None or _undated_past(e))]
        for event in events:
            if not by_article_date(event):
                continue
            lead = self.paragraph(event.sentence.span[0]) == 0
            names, lemma = _names(event), word(event)
            same = [e for e, w in own if e.event_type == event.event_type and w == lemma
                    and (lead or names & _names(e))]
            before = [e for e in told if e.event_type == event.event_type
                      and e.trigger.span[0] < event.trigger.span[0]]
            if same:
                take_date(event, min(same, key=lambda e: abs(e.sentence.index - event.sentence.index)))
            elif before and _refers_back(_token(event, doc)):
                take_date(event, before[-1])
        _same_sentence(events, doc)

    @staticmethod
    def _statements(events: list[Event], doc: Doc) -> None:
        """A statement told in the present or perfect with no time ("Sudan denies a link", "the
        White House has condemned the bombing") takes the date of the next sentences when they
        tell the same party's statement made on a day ("In a statement released Nov. 10, the
        White House urged ..."): the one statement, told first as a standing position."""
        for event in events:
            token = _token(event, doc)
            if not (by_article_date(event) and _verbal(event) and token is not None
                    and _main_clause(token) and (token.tag_ in {"VBZ", "VBP"} or _perfect(token))):
                continue
            later = [e for e in events if 0 < e.sentence.index - event.sentence.index <= _REACH]
            told = next((e for e in later if e.date_span is not None and not e.future), None)
            if told is not None and _verbal(told) and _speakers(told) & _speakers(event):
                take_date(event, told)


def _same_sentence(events: list[Event], doc: Doc) -> None:
    """An act told again in the clause that dates it takes its date: "The Friday explosions
    killed 110, and the number injured topped 2,200", "these bombings are a tactic used to
    injure and kill"."""
    for event in events:
        token = _token(event, doc)
        if not by_article_date(event) or token is None:
            continue
        peer = next((e for e in events if e.date_span is not None and not e.future
                     and e.sentence.index == event.sentence.index and e.event_type == event.event_type
                     and e.trigger.span[0] < event.trigger.span[0]
                     and _one_clause(token, _token(e, doc))), None)
        if peer is not None:
            take_date(event, peer)


def _after(entity: Span, trigger: Token) -> bool:
    """A date inside an "after" clause of the trigger's verb."""
    verb = _verb(trigger)
    marks = grammar().data["after_marks"]
    return any(a.dep_ == "advcl" and a.head in (trigger, verb)
               and any(c.dep_ == "mark" and c.lower_ in marks for c in a.children)
               for a in entity.root.ancestors)


def _next_act(trigger: Token) -> bool:
    """A clause told as coming next: "then" or "later" on its verb, or on the verb its "when"
    clause hangs from ("died later in a shootout when the SWAT team stormed")."""
    verb = _verb(trigger)
    verbs = [verb, verb.head] if verb.dep_ in {"advcl", "conj", "xcomp"} else [verb]
    adverbs = grammar().data["sequence_adverbs"]
    return any(c.dep_ == "advmod" and c.lower_ in adverbs for v in verbs for c in v.children)


def _main_clause(token: Token) -> bool:
    """A verb that heads its sentence, alone or in a coordination ("denies", "met and agreed")."""
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ == "ROOT"


def _one_clause(token: Token, other: Token | None) -> bool:
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


def _words(event: Event) -> set[str]:
    """The words naming an event's parties and place, to meet the nouns of a scene."""
    texts = [a.text for a in event.actor + event.recipient]
    texts += [event.location.name] if event.location is not None and event.location.name else []
    return {w.lower() for text in texts for w in re.findall(r"[\w'’-]+", text)}


def _verbal(event: Event) -> bool:
    return event.quad.startswith("verbal")


def _speakers(event: Event) -> set[str]:
    """The countries of an event's actors and the capitalised words naming them."""
    return {a.country for a in event.actor if a.country} | _names(event, ("actor",))


def _token(event: Event, doc: Doc) -> Token | None:
    span = doc.char_span(*event.trigger.span, alignment_mode="expand")
    return span.root if span is not None else None


def by_article_date(event: Event) -> bool:
    """An event dated by nothing but the article date, which a mention that names a day may fix."""
    return not (event.date is None or event.date_span is not None or event.historical or event.future)


def _undated_past(event: Event) -> bool:
    """An act marked old with no day we can name (episodes: "years ago", a running total)."""
    return event.historical and event.date is None


def _refers_back(token: Token | None) -> bool:
    """A noun behind a determiner that points back: "the shooting", "these bombings"; not
    one whose "of" brings someone new ("the arrest of a 19-year-old": a new act)."""
    if token is None or token.pos_ != "NOUN":
        return False
    referring = grammar().data["referring_determiners"]
    new = any(c.dep_ == "prep" and c.lower_ == "of" and any(
        o.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in o.children)
        for o in c.children) for c in token.children)
    return not new and any(c.dep_ == "det" and c.lower_ in referring for c in token.children)


def take_date(event: Event, told: Event) -> None:
    """The date of the mention that tells when the act happened."""
    event.date, event.date_precision = told.date, told.date_precision
    event.date_text, event.date_span = told.date_text, told.date_span
    event.historical = told.historical


def _names(event: Event, parties: tuple[str, ...] = ("actor", "recipient")) -> set[str]:
    """The capitalised words naming an event's parties ("Nuiry", "Miami", "Herald"); a
    determiner that opens a sentence ("The police") names no one."""
    words = {w.lower() for p in parties for a in getattr(event, p) for w in _NAME_WORD.findall(a.text)}
    return words - set(grammar().data["referring_determiners"])


def _verb(tok: Token) -> Token:
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _perfect(trigger: Token) -> bool:
    """ "has killed", "have been murdered": the perfect of the trigger's clause."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in _verb(trigger).children)


def _ancestors(trigger: Token, separate: frozenset[str]) -> list[Token]:
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
