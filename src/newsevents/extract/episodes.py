"""Episodes: the date of an event whose own words give none.

An event takes the time expression of its own clause: one attached to a
trigger (events.py), else one on a verb above it that is no event ("lashed out
on Sunday, accusing them ...", "said on Monday it had closed ...") or a date
the clause hangs from ("in 1968, when the Soviets invaded"). Else it continues
the episode before it: the last event dated by its own words, a few sentences
back at most, in the same paragraph (or the sentence before) and sharing a
participant or the place; or a day set on a sentence's main verb that no event takes ("On
Tuesday, police investigators could be seen ..."), sharing a noun; not across a sentence
that names another day. An act told as coming
next ("then", "later") continues the act told just before it, whoever takes part.
Else the article date, which a retelling that names a day may still fix (retold_dates.py), as may
the one day a one-day story names (story_day.py).
A running total ("has killed 20,000 in seven years", "have fled since 2011") is no event
of one day, and an act "years ago" has no day we can name: both are marked historical,
with no date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from newsevents.extract.date_grammar import grammar
from newsevents.extract.dates import expression_span, ground_seen, is_a_name, is_ahead, is_decade, is_old
from newsevents.extract.roles import grammar_of
from newsevents.extract.trigger_clauses import (
    clause_ancestors,
    clause_verb,
    in_after_clause,
    in_main_clause,
    next_act,
    ongoing,
    perfect,
)
from newsevents.ontology import Ontology
from newsevents.records import Event

REACH = 2  # sentences back an episode carries its date
_SHORT_TEXT = 5  # sentences below which the layout tells nothing
_STRAY_SPLITS = 0.1  # share of sentences the parse may split inside a line ("Dr . Smith")
_AGO = re.compile(r"\b(?:ago|before|earlier|previously)$")
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
    event: Event | None = None  # the event dated, whose parties are known only after the pass
    said: bool = False  # a scene of saying: keys are its speaker's words, and statements alone go on


def participants(event: Event) -> frozenset[str]:
    """What identifies an event's episode: its parties' countries and names, its place."""
    keys = {k for a in event.actor + event.recipient for k in (a.country, a.name) if k}
    if event.location is not None and event.location.name:
        keys.add(event.location.name)
    return frozenset(keys)


class Episodes:
    """The dated events of one article so far, and the paragraphs of its text."""

    def __init__(self, text: str, ontology: Ontology, sentences: list[int] | None = None) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer(r"\n", text)]
        self.paragraphed = not _line_per_sentence(text, sentences or [])
        self.cues = ontology.words("aggregate_cues")
        self.repeats = Repeats.of(ontology)
        self.separate = ontology.words("separate_preps") - set(grammar().data["while_preps"])
        self.speech = ontology.words("speech_verbs")
        self.verbal = frozenset(t for t, info in ontology.event_types.items() if info.verbal)
        # nouns a date on which is theirs (read once per ontology, not per article)
        self.acts = grammar_of(ontology).event_nouns | ontology.words("happening_nouns")
        self.dated: list[Dated] = []
        self.told: list[int] = []  # the sentences of the events told so far
        self.pending: list[tuple[Event, Dated]] = []  # near an episode, parties not yet known
        self.days: dict[int, set[str]] = {}  # sentence -> the past days its untaken dates name

    def paragraph(self, char: int) -> int:
        """The index of the paragraph (line) holding a character."""
        return bisect.bisect_right(self.breaks, char)

    def clause_date(self, trigger: Token, loose: list[Span]) -> Span | None:
        """A date no trigger owns that dates the trigger's clause from above it, or that
        dates what it followed ("was arrested after police say he tried to rob a woman late
        Friday night": the annotation's day of the arrest, the nearest day the text gives).
        Of two dates on one word the nearer to the trigger ("shot Saturday, ... since agents died
        15 years ago during a raid": the raid's is "15 years ago")."""
        if _of_a_noun(trigger):
            return None
        above: dict[int, int] = {}
        for depth, ancestor in enumerate(clause_ancestors(trigger, self.separate)):
            above[ancestor.i] = depth
        best: tuple[int, int, Span] | None = None
        for entity in loose:
            if is_a_name(entity):
                continue
            if entity.root.i in above:  # "in 1968, when the Soviets invaded"
                depth = above[entity.root.i]
            elif (verb := _word_dated(entity, above)) is not None:
                if verb.i != trigger.i and verb.tag_ in {"VBZ", "VBP"}:
                    continue  # "the warning follows decisions last June": not the warning's date
                depth = above[verb.i]
            elif (opened := _clause_opened(entity)) is not None and opened.i in above:
                depth = above[opened.i]  # "in 1979 when the Soviets invaded"
            elif in_after_clause(entity, trigger):
                depth = len(above)  # behind any date above the trigger
            else:
                continue
            distance = min(abs(entity.start - trigger.i), abs(entity.end - 1 - trigger.i))
            if best is None or (depth, distance) < best[:2]:  # at one depth, the nearer date
                best = (depth, distance, entity)
        return best[2] if best else None

    def remember(self, event: Event, trigger: Token, sentence: int) -> None:
        """Keep an event dated by its own words as the current episode; not one told in a
        relative clause, which describes a noun of a clause about something else ("joined a
        vigil in Brooklyn, where a teen was shot on Saturday", "a case that has blocked the trial
        of two men suspected of blowing up a jet in 1988"): the acts told next continue that
        clause, not the described act; but a clause on the day itself ("began Monday, when he
        shot a man") tells the act of that day, which the next acts continue. Nor one still to
        come ("plans a series of protests beginning on April 9"): only acts not yet done could
        continue it, and they are dated by their own words."""
        self.told.append(sentence)
        if event.date is None or event.future or event.hypothetical or any(
                t.dep_ == "relcl" and t.head.ent_type_ not in {"DATE", "TIME"}
                for t in (trigger, *trigger.ancestors)):
            return
        self.dated.append(Dated(
            sentence, self.paragraph(event.sentence.span[0]), participants(event), event.date,
            event.date_precision, event.date_text, event.date_span, event.historical, event=event,
        ))

    def scene(self, sentence: Span, index: int, dates: list[Span], base: date | None) -> None:
        """A day set on a sentence's main verb that no event of it takes ("On Tuesday, police
        investigators could be seen inside the store"): an episode the next sentences may
        continue, with the sentence's nouns for participants. A day on a verb of saying is
        when something was said: only the speaker's next statements go on with it ("Izevbekhai
        yesterday insisted she had not ... Ms Izevbekhai "totally rejected" allegations")."""
        root = sentence.root
        if base is None:
            return
        said = root.lemma_.lower() in self.speech
        if not said:  # a day something was said is no day another act may have had
            self.days[index] = {g.value for g in (ground_seen(e.text, base, past=True) for e in dates
                                if not is_a_name(e)) if g is not None and not is_ahead(g, base)}
        for entity in dates:
            head = entity.root.head
            while head.ent_type_ in {"DATE", "TIME"} and head != root:  # "9 p.m. Saturday, March 28"
                head = head.head
            if is_a_name(entity) or not in_main_clause(head, root):
                continue
            grounded = ground_seen(entity.text, base, past=True)
            if grounded is None or is_ahead(grounded, base):
                continue
            words = [t for c in root.children if c.dep_ == "nsubj" for t in c.subtree] if said else sentence
            nouns = frozenset(t.lower_ if said else t.lemma_.lower() for t in words
                              if t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ != "DATE")
            span = expression_span(entity)
            self.dated.append(Dated(
                index, self.paragraph(sentence.start_char), nouns, grounded.value, grounded.precision,
                self.text[span[0]:span[1]], span, is_old(grounded, base), scene=True, said=said,
            ))
            return

    def carried(
        self, event: Event, trigger: Token, sentence: int, *, own_sentence: bool = True
    ) -> Dated | None:
        """The episode an undated event continues: the last dated one, in the same paragraph
        or the sentence before, with a participant or the place in common. A verb in the
        simple present ("the law requires") states what holds, and a perfect ("has denied")
        an indefinite past, not what happened then. An act told as coming next ("then",
        "later") continues the last act told before it, when that one is dated, whoever
        takes part and a little further back: what someone said about it may come between.
        A present progressive ("prosecutors are demanding") tells what goes on now: no episode.
        Without ``own_sentence`` an episode its own sentence opened is not carried (a statement's
        topic: event_dates.py)."""
        before = [s for s in self.told if s < sentence]
        self.told.append(sentence)
        if not self.dated or trigger.tag_ in {"VBZ", "VBP"} or perfect(trigger) or ongoing(trigger):
            return None
        # what a speaker said that day dates the speaker's next statements, not what anyone did
        told = self.dated if event.event_type in self.verbal else [d for d in self.dated if not d.said]
        if not told:
            return None
        last = told[-1]
        if (not own_sentence and last.sentence == sentence) or not self.continues(event, last):
            return None
        sequel = next_act(trigger)
        if sentence - last.sentence > REACH * (2 if sequel else 1) or sentence < last.sentence:
            return None
        if any(self.days.get(s, {last.date}) - {last.date} for s in range(last.sentence + 1, sentence)):
            return None  # a sentence between names another day: the act may be of that one
        if sequel:
            return last if last.sentence >= max(before, default=-1) else None
        near = (last.paragraph == self.paragraph(event.sentence.span[0]) or not self.paragraphed
                or sentence - last.sentence <= 1)
        if near and last.keys & (words(event) if last.scene else participants(event)):
            return last
        if near and not last.scene:  # any act of the episode's sentence on its day may share
            self.pending += [(event, d) for d in self.dated
                             if d.sentence == last.sentence and d.date == last.date and not d.scene]
        return None

    def settle(self) -> None:
        """Continue the episodes that wait on parties: doers and countries are found after the
        sentence pass (attribution.py), so "Texas authorities raided the compound in April 2008
        ... children placed in protective custody" shares Texas only once both are known."""
        for event, last in self.pending:
            if event.date_span is None and last.event is not None and self.continues(event, last) and (
                participants(event) & participants(last.event)
            ):
                take_episode(event, last)
        self.pending = []

    def continues(self, event: Event, last: Dated) -> bool:
        """A statement (PLOVER's verbal quads) continues no material act told before it: what a
        party says about an arrest or a raid it says later, not on the act's day ("Police arrested
        40 students on Friday. The students accused the police of beating them")."""
        return not (event.event_type in self.verbal and last.event is not None
                    and last.event.event_type not in self.verbal)

    def undated_past(self, trigger: Token, event_type: str, dates: list[Span], base: date | None) -> bool:
        """An act that is old but names no day: a running total, a time back from now too
        vague to date ("less than a year before", "years ago", "in the 1970s"), or a record
        ("prior arrests")."""
        earlier = grammar().data["earlier_adjectives"]
        if trigger.pos_ == "NOUN" and (any(c.dep_ == "amod" and c.lower_ in earlier for c in trigger.children)
                                       or _carried(trigger)):
            return True
        if dates:  # the clause is walked only when the sentence has a date for it
            clause = {t.i for t in _first_conjunct(clause_verb(trigger)).subtree}
            if any(entity.root.i in clause and (is_decade(entity.text) or (_AGO.search(entity.text.lower())
                   and ground_seen(entity.text, base, past=True) is None)) for entity in dates):
                return True
        return self._aggregate(trigger, event_type, dates, base)

    def earlier(self, trigger: Token) -> bool:
        """An act the text puts before the story without a time ("Earlier, the trade office
        proposed ..."): an adverb that is no date expression on the trigger's verb."""
        adverbs = grammar().data["earlier_adverbs"]
        return any(c.dep_ == "advmod" and c.lower_ in adverbs and c.ent_type_ != "DATE"
                   for c in clause_verb(trigger).children)

    def _aggregate(self, trigger: Token, event_type: str, dates: list[Span], base: date | None) -> bool:
        """A running total: a perfect verb with a duration, "since" or a cue ("so far"); or acts
        told as repeated ("has been arrested a dozen times", "against repeated attacks")."""
        verb = _first_conjunct(clause_verb(trigger))
        if not perfect(verb):
            return False
        subtree = list(verb.subtree)
        clause = {t.i for t in subtree}
        words = " ".join(t.lower_ for t in subtree)
        if any(f" {cue} " in f" {words} " for cue in self.cues) or self._repeated(trigger, verb, event_type):
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


    def _repeated(self, trigger: Token, verb: Token, event_type: str) -> bool:
        """A word saying the act recurred, on the trigger or its verb ("repeated attacks",
        "repeatedly"), or a count of times on the verb (``counted_times``)."""
        near = (*trigger.children, *verb.children)
        if any(c.lower_ in self.repeats.marks and c.dep_ in {"amod", "advmod"} for c in near):
            return True
        return counted_times(verb, event_type, self.repeats)


def _carried(noun: Token) -> bool:
    """A custody or sentence a person carries: theirs ("his arrests") or served ("serving a life
    sentence"), unless the clause it ends says the story's acts led to it. A named possessor may be
    the court that passed it ("the jury's sentence") or the day's news ("Park's conviction brings to
    close a scandal"): only a pronoun says it is the person's record."""
    data = grammar().data
    if noun.lemma_.lower() not in data["record_nouns"]:
        return False
    if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in data["outcome_verbs"]:
        return False
    served = noun.dep_ == "dobj" and noun.head.lemma_.lower() in data["serving_verbs"]
    return served or any(c.dep_ == "poss" and c.lower_ in data["carrier_pronouns"] for c in noun.children)


@dataclass(frozen=True, slots=True)
class Repeats:
    """The words that tell an act done again and again (modality.yaml ``repeat_counts``,
    ``repeat_marks``), and the types whose count of times counts one act's blows (``repeat_blows``)."""

    counts: frozenset[str]
    marks: frozenset[str]
    blows: frozenset[str]

    @classmethod
    def of(cls, ontology: Ontology) -> Repeats:
        return cls(ontology.words("repeat_counts"), ontology.words("repeat_marks"),
                   frozenset(t.upper() for t in ontology.words("repeat_blows")))


def counted_times(verb: Token, event_type: str, repeats: Repeats) -> bool:
    """A count of times on the verb ("has been arrested more than a dozen times", "four times",
    "several times"): many acts over time, not one; but "had been shot seven times" is the blows
    of one attack."""
    if event_type in repeats.blows:
        return False
    vague = set(grammar().data["vague_counts"])
    return any(c.lemma_.lower() in repeats.counts
               and any(n.dep_ == "nummod" or (n.dep_ == "amod" and n.lower_ in vague) for n in c.children)
               for c in verb.children)


def _line_per_sentence(text: str, sentences: list[int]) -> bool:
    """A text written a sentence a line (ECB+ pages, wires of one-sentence paragraphs): its
    line breaks end sentences, not episodes, so an act a sentence or two after a dated one
    may continue it across them ("shot and killed on Saturday night" ... "Both officers fired
    at the suspect"). Read off the parse: (almost) no sentence starts inside a line."""
    inside = sum(1 for start in sentences
                 if text[max(0, start - 40):start].rstrip(" \t")[-1:] not in {"\n", ""})
    return len(sentences) >= _SHORT_TEXT and inside <= len(sentences) * _STRAY_SPLITS


def _word_dated(entity: Span, above: dict[int, int]) -> Token | None:
    """The word above the trigger a date hangs from, directly or through a preposition and the
    adverb it qualifies ("speaking out as recently as last year to assail": speaking), or through
    the occasion its act took place at ("At the summit on March 5, the alliance agreed": agreed)."""
    head = entity.root.head
    occasions = grammar().data["occasion_preps"]
    for _ in range(3):
        if head.i in above:
            return head
        if head.dep_ == "pobj" and head.head.lower_ in occasions and head.head.head.i in above:
            return head.head.head
        if head.dep_ not in {"prep", "advmod"} or head.pos_ in {"VERB", "AUX"}:
            return None
        head = head.head
    return None


def _of_a_noun(trigger: Token) -> bool:
    """An act named as what a verb's object is of ("underscoring the seriousness of the fighting,
    television showed a meeting Friday"): a verb's date above is the verb's act, not this one's.
    Not a noun behind a preposition ("during the fiercest phase of the fighting"), which the
    clause's date holds."""
    head = trigger.head
    return trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and head.lower_ == "of" \
        and head.head.pos_ == "NOUN" and head.head.dep_ == "dobj"


def _clause_opened(entity: Span) -> Token | None:
    """The verb of a "when" clause right behind a date, which the date dates."""
    doc, after = entity.doc, entity.end
    if after < len(doc) and doc[after].text == ",":
        after += 1
    mark = doc[after] if after < len(doc) else None
    return mark.head if mark is not None and mark.lower_ in grammar().data["date_clause_marks"] else None


def _first_conjunct(verb: Token) -> Token:
    """The first of conjoined verbs, whose auxiliaries and adjuncts the others share ("Thus far,
    seven men have been tried and convicted": "convicted" is a perfect, counted "thus far")."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb


def take_episode(event: Event, last: Dated) -> None:
    """Write an episode's date on an event that continues it."""
    event.date, event.date_precision = last.date, last.precision
    event.date_text, event.date_span = last.text, last.span
    event.historical = last.historical


def words(event: Event) -> set[str]:
    """The words naming an event's parties and place, to meet the nouns of a scene."""
    texts = [a.text for a in event.actor + event.recipient]
    texts += [event.location.name] if event.location is not None and event.location.name else []
    return {w.lower() for text in texts for w in re.findall(r"[\w'’-]+", text)}
