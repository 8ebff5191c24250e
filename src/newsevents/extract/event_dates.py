"""Event dates: the date of an event's own clause, else of the episode it continues.

One instance per article, fed sentence by sentence: ``attach`` hands each date
expression to the trigger that owns it (the rest are the sentence's loose dates),
``own`` grounds an event's date, ``continue_episode`` carries the episode's date to
an event that names none (episodes.py). An act a statement is about ("condemned Thursday the
bomb attacks") is older than the statement: it takes a day only from a mention of its own.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from newsevents.extract.coding import head_at
from newsevents.extract.date_anaphora import ground_anaphoric, is_anaphoric, told_text
from newsevents.extract.dates import (
    GroundedDate,
    attachment,
    expression_span,
    ground_seen,
    in_infinitive,
    is_ahead,
    is_old,
    noun_of,
    on_dateline,
    present_year,
    wire_day,
)
from newsevents.extract.episodes import Episodes, take_episode
from newsevents.extract.grounding import in_present_year, is_relative
from newsevents.extract.grouping import Group
from newsevents.extract.retold_dates import by_article_date
from newsevents.extract.trigger_clauses import coordinated_verb
from newsevents.records import Event


class EventDates:
    """The dating memory of one article."""

    def __init__(self, text: str, base: date | None, episodes: Episodes,
                 verbal: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.verbal = verbal  # the event types that are statements (PLOVER's verbal quads)
        self.topics: set[int] = set()  # acts told as what a statement is about (``_topic``)
        self.base = base
        self.day = wire_day(text, base) or base  # the day of the acts that name none
        self.year = present_year(text) if base is None else None  # undated: the present year, if printed
        self.episodes = episodes
        self.loose: list[Span] = []  # the sentence's dates that no trigger owns
        self.dates: list[Span] = []  # all of the sentence's dates

    def attach(self, dates: list[Span], by_token: dict[int, Group], separate_preps: frozenset[str]) -> None:
        """Give each of the sentence's dates to the trigger it modifies, if any; a publication
        line the parse joined to a headline dates nothing."""
        dates = [e for e in dates if not on_dateline(self.text, e.start_char)]
        self.loose, self.dates = [], dates
        for entity in dates:
            owner = attachment(entity, set(by_token), separate_preps, self.episodes.acts)
            if owner is not None and not _another_act(entity, owner, by_token[owner.i]):
                by_token[owner.i].dates.append(entity)
            else:
                self.loose.append(entity)

    def own(
        self, group: Group, groups: list[Group], *, future: bool, announced: bool
    ) -> tuple[GroundedDate | None, Span | None]:
        """The event's own date, else its governing clause's, else one inside it, else
        a loose date of its clause ("said on Monday it would ..."), past one that names no date
        ("Three days of fighting ended Saturday": a duration, then the day). An announcement,
        promise or refusal happened when it was made: only that last is its date. An act a
        statement is about takes no date of the statement's clause (``_topic``)."""
        grounded, entity = (None, None) if announced else self._from_groups(group, groups, future=future)
        if self._topic(group, groups):
            self.topics.add(group.main.token.i)
            if grounded is None:  # a date loose in the statement's clause is the statement's
                return None, None
        loose = list(self.loose)  # a span that names no date gives way to the clause's next one
        while grounded is None and (entity := self.episodes.clause_date(group.main.token, loose)) is not None:
            grounded = self._ground(entity, future=future)
            if self.base is None and is_relative(entity.text):
                break  # undated, "on Saturday" is a day we cannot name: no date further up either
            loose.remove(entity)
        return grounded, entity

    def _topic(self, group: Group, groups: list[Group]) -> bool:
        """A material act named by a noun under a statement of another type ("condemned Thursday
        the bomb attacks", "vowed to punish those responsible for the bombings"): what the statement
        reacts to, done before it, so the statement's day is not its day (docs/annotation.md: an act
        the text makes plain came earlier is `unknown` when no mention dates it); so is a relative
        clause telling the same act ("the bombings, which have killed 250")."""
        token = group.main.token
        if group.main.sense.event_type in self.verbal:
            return False
        mains = {g.main.token.i: g for g in groups if g is not group}
        if token.dep_ == "relcl" and token.head.i in mains:  # "the bombings, which have killed 250"
            head = mains[token.head.i]
            return head.main.sense.event_type == group.main.sense.event_type and self._topic(head, groups)
        if token.pos_ != "NOUN":
            return False
        below = token
        for ancestor in token.ancestors:
            if ancestor.i in mains:  # not its doer: "a federal crackdown indicted 12"
                kind = mains[ancestor.i].main.sense.event_type
                return kind in self.verbal and kind != group.main.sense.event_type \
                    and below.dep_ not in _SUBJECTS
            if ancestor.dep_ in _OWN_CLAUSES and any(c.dep_ in _SUBJECTS for c in ancestor.children):
                return False  # a clause with its own doer tells its own act ("a trial that led to a verdict")
            if coordinated_verb(ancestor):
                return False  # a clause of its own: "pleaded guilty and served his sentence in 1973"
            below = ancestor
        return False

    def undate_topics(self, events: list[Event], doc: Doc) -> None:
        """Acts a statement is about that no other mention dated (retold_dates.py ran first) keep
        no date: the text makes plain they came before the statement, not on which day."""
        for event in events:
            token = head_at(doc, event.trigger.span)
            if token is not None and token.i in self.topics and by_article_date(event):
                event.date, event.date_precision = None, "unknown"

    def _ground(self, entity: Span, *, future: bool, later: bool = False) -> GroundedDate | None:
        """The date an expression names; in an undated article only a date it prints whole, or a
        month or day in the present year it prints; "the following year" from the date the text told
        before it (date_anaphora.py). A date of an act that may come ``later`` than the event is
        read with no past tense."""
        if is_anaphoric(told_text(entity)):
            return ground_anaphoric(entity, lambda other: self._ground(other, future=False))
        # undated, the printed words with their preposition ("in 2015") are read whole
        text = entity.text if self.base is not None else self.text[slice(*expression_span(entity))]
        if self.year is not None and (found := in_present_year(text, self.year)) is not None:
            return found  # undated, "on February 14" of the present year the text prints
        return ground_seen(text, self.base, future=future, past=not (future or later))

    def _from_groups(
        self, group: Group, groups: list[Group], *, future: bool
    ) -> tuple[GroundedDate | None, Span | None]:
        ordered, lent = [group], set()
        dated = [g for g in groups if g is not group and g.dates]
        if dated:  # the tree is walked only when another event has a date to lend
            ancestors = {a.i for a in group.main.token.ancestors}
            inside = {t.i for t in group.main.token.subtree}
            if not self._topic(group, groups):  # a statement's day is not its topic's
                ordered += [g for g in dated if g.main.token.i in ancestors]
            # "the blasts which killed scores earlier in the day": a relative clause of the same act
            kind = group.main.sense.event_type
            lent = {id(g) for g in dated if g.main.token.i in inside
                    and (g.main.sense.event_type == kind or not _described(g.main.token, group.main.token))}
            ordered += [g for g in dated if id(g) in lent]
        base = self.base
        for candidate in ordered:
            dates = sorted(candidate.dates, key=lambda e: abs(e.root.i - group.main.token.i))
            if id(candidate) in lent:  # "charged over the 2014 abduction": the abduction's date only
                dates = [e for e in dates if _noun_index(e) != candidate.main.token.i]
            for entity in dates:
                later = in_infinitive(entity, candidate.main.token)
                grounded = self._ground(entity, future=future, later=later)
                if grounded is not None and (base is None or future or not is_ahead(grounded, base)):
                    return grounded, entity
                if base is None and is_relative(entity.text):  # "found guilty last month of murder in
                    return None, None  # the March 2005 rampage", undated: unknown, not the rampage's date
        return None, None

    def historical(self, grounded: GroundedDate | None) -> bool:
        return grounded is not None and self.base is not None and is_old(grounded, self.base)

    def set(self, event: Event, grounded: GroundedDate | None, entity: Span | None) -> None:
        """Write the grounded date and its evidence on the event; else the story's day (the
        article's, or the day its wire dateline names), else the present year an undated text prints."""
        if grounded is not None and entity is not None:
            start, end = expression_span(entity)
            event.date, event.date_precision = grounded.value, grounded.precision
            event.date_text, event.date_span = self.text[start:end], (start, end)
        elif self.day is not None:
            event.date, event.date_precision = self.day.isoformat(), "day"
        elif self.year is not None:  # undated, the present year its text prints
            event.date, event.date_precision = f"{self.year:04d}-01-01", "year"

    def continue_episode(self, event: Event, trigger: Token, index: int, *, announced: bool) -> None:
        """An event without a date of its own continues the episode before it; a running
        total is historical, not dated today (episodes.py). In an article with no date the
        episodes are those a date the text prints whole opens ("In 2015 ...")."""
        if event.date_span is not None:
            self.episodes.remember(event, trigger, index)
        elif self.episodes.undated_past(trigger, event.event_type, self.dates, self.base):
            event.date, event.date_precision = None, "unknown"
            event.historical = self.base is not None  # with no article date, nothing says how old it is
        elif self.episodes.earlier(trigger):  # "Earlier, ... proposed": no day named
            event.date, event.date_precision = None, "unknown"
        elif not (event.future or announced or (self.base is None and self.dates)):
            # undated, a sentence with time words of its own ("on Saturday") is no continuation
            # a statement's topic is not dated by the statement
            last = self.episodes.carried(event, trigger, index, own_sentence=trigger.i not in self.topics)
            if last is not None:
                take_episode(event, last)

    def scene(self, sentence: Span, index: int, events: list[Event]) -> None:
        """The sentence's loose dates that no event took open an episode (episodes.py)."""
        taken = {e.date_span for e in events}
        self.episodes.scene(sentence, index, [d for d in self.loose if expression_span(d) not in taken],
                            self.base)


_OWN_CLAUSES = {"relcl", "ccomp", "advcl", "acl", "parataxis"}
_SUBJECTS = {"nsubj", "nsubjpass", "expl"}


def _another_act(entity: Span, owner: Token, group: Group) -> bool:
    """A date on a noun merged into an event of another type dates that noun's act only
    ("arrested in the 1967 killings": the killings, not the arrest)."""
    if _noun_index(entity) != owner.i or owner.i == group.main.token.i:
        return False
    member = next(t for t in group.members if t.token.i == owner.i)
    return member.sense.event_type != group.main.sense.event_type


def _described(inner: Token, outer: Token) -> bool:
    """An act told in a relative clause under another ("joined a vigil in Brooklyn, where a teen
    was shot on Saturday"): it describes a noun, and its date is no date of the act above it."""
    for ancestor in (inner, *inner.ancestors):
        if ancestor == outer:
            return False
        if ancestor.dep_ == "relcl":
            return True
    return False


def _noun_index(entity: Span) -> int | None:
    """The noun a date modifies, directly or through a participle on it ("shootings dating
    to 1994": the shootings' date, which no act told over them borrows)."""
    noun = noun_of(entity)
    if noun is not None:
        return noun.i
    for ancestor in entity.root.ancestors:
        if ancestor.dep_ == "acl":
            return ancestor.head.i
        if ancestor.pos_ in {"VERB", "AUX"}:
            return None
    return None
