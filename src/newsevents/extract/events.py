"""Events: from a parsed article to PLOVER event records with evidence.

Per sentence: find triggers and group them into events (grouping.py); read
roles, actors, date, modes and context; then code the event.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Span, Token

from newsevents.extract import coding, learned_context, learned_types, scoring, type_remap
from newsevents.extract.acled import AcledContexts, AcledEvent
from newsevents.extract.actor_phrases import in_dateline, past_dateline
from newsevents.extract.actors import ActorResolver
from newsevents.extract.ahead_dates import hold_ahead
from newsevents.extract.attribution import DoerFinder, attribute_doers
from newsevents.extract.background_dates import undate_background
from newsevents.extract.custody import fold_charges
from newsevents.extract.dates import is_no_date
from newsevents.extract.episodes import Episodes
from newsevents.extract.event_dates import EventDates
from newsevents.extract.grouping import Group, acted_on, group_triggers
from newsevents.extract.home_country import home_country, place_at_home
from newsevents.extract.modality import member_denies, read_modality
from newsevents.extract.noun_roles import noun_roles
from newsevents.extract.place_episodes import named_nation, share_places
from newsevents.extract.place_ranker import PlaceRanker, rank_places
from newsevents.extract.predicates import predicate_key, predicate_roles
from newsevents.extract.quotes import ArticleQuotes
from newsevents.extract.relevance import gate_events
from newsevents.extract.retold_dates import share_dates
from newsevents.extract.roles import Roles, grammar_of, names_party, obligation_roles, verb_roles
from newsevents.extract.sittings import share_sittings
from newsevents.extract.sizes import find_sizes, size_for
from newsevents.extract.story_day import one_day
from newsevents.extract.story_places import dateline
from newsevents.extract.triggers import Trigger, find_triggers
from newsevents.extract.venues import event_location
from newsevents.ontology import Ontology
from newsevents.ontology.codes import iso3_codes
from newsevents.records import Actor, Article, Event, Location, SentenceRef, TextRef

EXTRACTOR = "rules-1"


def _reported_by(member: Token, main: Token) -> bool:
    """ "Rebels shelled the camp, alleges the organization": the doer of a clause that a verbal
    act reports (its complement) is not the doer of the report."""
    tok = member
    while tok.i != main.i and tok.head.i != tok.i:
        if tok.dep_ == "ccomp":
            return True
        tok = tok.head
    return False


def _event_id(article_id: str, trigger: Trigger, event_type: str) -> str:
    key = f"{article_id}|{trigger.start}|{trigger.end}|{event_type}"
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:16]


_MEMBER_ENTITIES = {"GPE", "NORP", "ORG", "PERSON"}


def _expand(heads: list[Token]) -> list[Token]:
    """Each head with its conjuncts; a plural noun that lists its members ("several EU
    countries - Austria, Slovakia and Greece - declined") stands for them. A word the tagger
    took for a verb is no one, unless it is a name ("Trump on May 2 threatened": the small
    model tags a sentence-initial name before a phrase as a verb)."""
    found: list[Token] = []
    for head in heads:
        members = next((c for c in head.children
                        if c.dep_ == "appos" and c.ent_type_ in _MEMBER_ENTITIES), None)
        if members is not None and head.pos_ == "NOUN" and head.tag_ == "NNS":
            head = members
        for tok in (head, *head.conjuncts):
            named = tok.ent_type_ in _MEMBER_ENTITIES
            if tok not in found and (named or tok.pos_ not in {"VERB", "AUX", "ADP", "CCONJ"}):
                found.append(tok)
    return found


def _sentence_ref(index: int, sentence: Span) -> SentenceRef:
    spaces = coding.doc_words(sentence.doc)[2]
    words = [i for i in range(sentence.start, sentence.end) if not spaces[i]]
    if not words:
        return SentenceRef(index=index, span=(sentence.start_char, sentence.end_char))
    last = sentence.doc[words[-1]]
    return SentenceRef(index=index, span=(sentence.doc[words[0]].idx, last.idx + len(last.text)))


class EventExtractor:
    """Codes every event of one article; one instance per article (it keeps memory)."""

    def __init__(
        self, doc: Doc, article: Article, ontology: Ontology, toponyms: list[Location] | None = None,
        quotes: ArticleQuotes | None = None,
    ) -> None:
        self.doc = doc
        self.text = article.text  # the Doc's text; Doc.text would join every token again
        self.article = article
        self.onto = ontology
        self.actors = ActorResolver(ontology, doc, text=article.text)
        self.quotes = quotes or ArticleQuotes(doc, article, ontology)
        self.actors.coref.speakers = self._quote_speakers
        self.toponyms = toponyms or []
        codes = iso3_codes()
        for t in self.toponyms:  # where the article places each name, for the actors' countries
            if t.country_code in codes:
                self.actors.lexicon.placed[t.span[0]] = codes[t.country_code]
                self.actors.lexicon.named.setdefault(t.text.lower(), set()).add(codes[t.country_code])
        self.dateline = dateline(self.toponyms, doc)
        self.grammar = grammar_of(ontology)
        self._local_sectors = {s.upper() for s in ontology.words("local_speaker_sectors")}  # ``_place``
        self.acled_contexts = AcledContexts(doc, ontology.acled)
        self.episodes = Episodes(article.text, ontology, [s.start_char for s in coding.doc_sentences(doc)])
        self.dating = EventDates(article.text, article.date, self.episodes,
                                 frozenset(t for t, i in ontology.event_types.items() if i.verbal))
        self.evidence: dict[str, coding.Evidence] = {}  # per event id, what its confidence weighs
        self._unplaced: list[tuple[Event, Token, Span, bool]] = []  # acts to place again (``_place``)
        self._undergoing: dict[int, list[tuple[int, int]]] = {}  # sentence -> victims of acts events are for
        self._verb_frames: dict[tuple[int, str, str | None], Roles] = {}  # ``_participants``' verb roles

    def _quote_speakers(self) -> list[tuple[int, int, Actor | None]]:
        """Quotations and their speakers, for "we" inside a quotation (asked at most once;
        the quotations are the article's one pass, shared with its quote records)."""
        return [(q.span[0], q.span[1], q.speaker) for q in self.quotes()]

    def run(self) -> list[Event]:
        events: list[Event] = []
        # a time of day with a day in it ("Sunday night", "last night") dates an event too;
        # a clock time ("10:30 a.m.", "1023 GMT") or a street ("14th St.") does not
        dates = [e for e in coding.doc_entities(self.doc) if (e.label_ == "DATE" and not is_no_date(e)) or (
            e.label_ == "TIME" and not any(t.like_num or t.is_digit for t in e))]
        for index, sentence in enumerate(coding.doc_sentences(self.doc)):
            triggers = find_triggers(sentence, self.onto)
            inside = [e for e in dates if sentence.start <= e.start < sentence.end]
            if triggers:
                self.actors.sentence = sentence
                events.extend(self._sentence_events(index, sentence, triggers, inside))
            else:  # a day no event takes (episodes.py)
                self.episodes.scene(sentence, index, inside, self.article.date)
        if events:
            finder = DoerFinder(self.doc, self.actors, self.onto, home_country(self.toponyms))
            finder.suffering.update(self._undergoing)
            told = {e.id: (e.event_type, e.mode) for e in events}
            type_remap.surrenders(self.onto, events, self.doc)
            attribute_doers(events, finder)
            type_remap.armed_seizures(self.onto, events, self.doc)
            type_remap.relief_deployments(self.onto, events, self.doc)
            for event in (e for e in events if (e.event_type, e.mode) != told[e.id]):  # retyped
                lemma = self._trigger_lemma(event)
                self.evidence[event.id] = type_remap.recode(event, self.onto, self.acled_contexts,
                                                            self.evidence[event.id], lemma)
            events = fold_charges(events, self._trigger_lemma, self.onto.words("custody_charges"),
                                  self.onto.words("custody_modes"))
            place_at_home(events, self.toponyms, self.doc, self.onto, self.dateline)
            unplaced, self._unplaced = self._unplaced, []
            for event, trigger, sentence, heard in unplaced:  # their doers (and countries) are known now
                if heard or event.actor:
                    self._place(event, trigger, sentence)
            share_places(events, self.onto, self.episodes.paragraph)
            share_dates(self.episodes, events, self.doc)
            self.episodes.settle()  # parties known now; a retold act's own mention came first
            one_day(self.episodes, events, self.doc, self.dating.day)
            self.dating.undate_topics(events, self.doc)
            undate_background(self.episodes, events, self.doc)
            share_sittings(events, self.onto.words("sitting_bodies"))
            hold_ahead(events, self.article.date)
        return events

    def _trigger_lemma(self, event: Event) -> str:
        """The lemma of the first word of an event's trigger."""
        words = coding.words_at(self.doc, event.trigger.span)
        return words[0].lemma_.lower() if words is not None else ""

    def _place(self, event: Event, trigger: Token, sentence: Span) -> None:
        """Where the event happened (venues.py). A statement placed by nothing but the dateline
        or the main place needs its speakers' countries, which attribution and ``place_at_home`` may give
        only after the sentence pass, and an act with no place and no doer yet may be placed by the
        seat in the doer's phrase ("A Georgia judge handed him four life sentences": the doer is
        read after the sentence pass): such events are placed again at the end of ``run``."""
        if not self.toponyms:
            return
        said = self.onto.event_types[event.event_type].verbal
        local_speaker = bool(event.actor) and all(a.sector in self._local_sectors for a in event.actor)
        event.location = event_location(
            trigger, self.toponyms, sentence, self.onto,
            exclude=tuple(a.span for a in event.actor + event.recipient),
            venue=self.dateline if said else None,
            actors=self._actor_countries(event), said=said, text=self.text,
            local_speaker=local_speaker, meeting=event.event_type.lower() in self.onto.words("meeting_types"),
            historical=event.historical, here=self.dateline,
            state_speaker=said and named_nation(event, self.onto) is not None,
        )
        heard = said and (self.dateline is not None or local_speaker)
        if event.location is None and (heard or not event.actor):
            self._unplaced.append((event, trigger, sentence, heard))

    def _actor_countries(self, event: Event) -> tuple[str, ...]:
        """The actors' countries, and those their phrases name ("Presidents Kuchma of Ukraine
        and Yeltsin of Russia signed" under a MOSCOW dateline: a party of Russia acted, though
        the phrase is read as one actor of Ukraine's), ISO alpha-3."""
        codes = iso3_codes()
        named = [codes[t.country_code] for t in self.toponyms for a in event.actor
                 if t.country_code in codes and a.span[0] <= t.span[0] and t.span[1] <= a.span[1]]
        return tuple(dict.fromkeys([*(a.country for a in event.actor if a.country), *named]))

    def _sentence_events(
        self, index: int, sentence: Span, triggers: list[Trigger], dates: list[Span]
    ) -> list[Event]:
        groups, by_token = group_triggers(triggers, self.onto)
        self.dating.attach(dates, by_token, self.onto.words("separate_preps"))
        cued = coding.cued_contexts(*coding.sentence_lemmas(sentence), self.onto)
        sentence_ref = _sentence_ref(index, sentence)
        mentions = find_sizes(sentence)
        marks = scoring.sentence_marks(sentence)
        words = learned_context.sentence_words(sentence)  # once for all the sentence's events
        events = []
        for group in groups:
            event = self._code(group, groups, sentence_ref, cued, marks, words)
            self._place(event, group.main.token, sentence)
            self.dating.continue_episode(event, group.main.token, index, announced=group.announced)
            if mentions and not (event.negated or event.hypothetical):
                # a count belongs to one event only: the nearest trigger in the parse
                others = [g.main.token for g in groups if g is not group]
                event.size = size_for(group.main.token, mentions, others)
            events.append(event)
        self.dating.scene(sentence, index, events)
        return events

    def _participants(self, group: Group) -> tuple[list[Actor], list[Actor], list[Actor]]:
        """Actors and recipients, each slot filled by the first trigger of the group that
        names someone in it ("killed 4 Iraqis in an attack on a depot": the Iraqis); and the
        victims of an act the event is for ("arrested for attacking a soldier"), who are not
        its doers either."""
        actors: list[Actor] = []
        recipients: list[Actor] = []
        undergoing: list[Actor] = []
        reports = self.onto.event_types[group.main.sense.event_type].verbal
        # a statement the event answers still names its maker: "denied a request from X"
        for trig in [group.main, *group.members, *group.answers]:
            info = self.onto.event_types[trig.sense.event_type]
            extra = {trig.sense.particle} if trig.sense.particle else set()
            if trig.sense.pos == "AUX":
                frame = obligation_roles(trig.token)
            elif trig.sense.pos == "PRED":
                frame = predicate_roles(
                    trig.token, predicate_key(trig.token) in self.onto.words("feeling_predicates"),
                    self.onto.words("speech_verbs"), self.onto.words("naming_verbs"), self.onto.sectors,
                )
            elif trig.sense.pos == "NOUN":
                frame = noun_roles(trig.token, info, extra, self.grammar,
                                   answered=group.answered and trig is group.main)
            else:  # read from the parse alone: once per word and sense, though groups share words
                key = (trig.token.i, trig.sense.event_type, trig.sense.particle)
                if key not in self._verb_frames:
                    self._verb_frames[key] = verb_roles(trig.token, info, extra, self.grammar)
                frame = self._verb_frames[key]
            # "put its weight behind": the weight is part of the trigger; "expelled diplomats"
            # (a role word) and "protested Sweden's decision" (an owner) still name someone
            # "the embassy bombings killed 247 people": the group's own trigger is no participant
            light = {
                t for t in trig.words
                if t.lemma_.lower() not in self.onto.sectors and self.actors.heads.effective_head(t) == t
            } - {trig.token} | {group.main.token}
            own_doer = trig in group.answers or (
                trig is not group.main and acted_on(trig.token, group.main.token))
            if not (own_doer or (reports and _reported_by(trig.token, group.main.token))):
                found = self._resolve([
                    t for t in map(past_dateline, self.actors.act_owners(frame.actors))
                    if t not in light and not self.actors.is_outlet(t) and self._same_line(t, trig.token)
                ])
                # "Smith was arrested for attacking a soldier": who undergoes the act did the
                # act it is for, not this one
                kept = [a for a in found if all(a.span != r.span for r in recipients)]
                if found and not kept and trig is not group.main:
                    undergoing = self._resolve(
                        [t for t in frame.recipients if self._same_line(t, trig.token)])
                actors = actors or kept
            own = {trig.token, group.main.token}  # "joined NATO": a party in the trigger's words
            recipients = recipients or self._resolve([
                t for t in frame.recipients if self._same_line(t, trig.token)
                and (t not in light or (t not in own and names_party(t, self.grammar)))
            ])
            if actors and recipients:
                break
        return actors, [r for r in recipients if all(r.span != a.span for a in actors)], undergoing

    def _same_line(self, head: Token, trigger: Token) -> bool:
        """A participant and its act share a line, and it is not the dateline: a parse that
        runs a headline or dateline into the first sentence ("Refugee Camp Bombed ... , alleges
        the organization", "TORONTO — A young man ...") does not make either the doer."""
        start, end = sorted((head.idx, trigger.idx))
        if in_dateline(head) or (self.dateline is not None and
                                 self.dateline.span[0] <= head.idx < self.dateline.span[1]):
            return False  # "TORONTO — A young man ... launched a lawsuit": the dateline's town
        return "\n" not in self.text[start:end]

    def _resolve(self, heads: list[Token]) -> list[Actor]:
        """Actors for the heads; things that are no one ("tear gas", "measures") drop out."""
        resolved = []
        for head in _expand(heads):
            resolved.extend(self.actors.actors(head))
        return resolved

    def _code(
        self, group: Group, groups: list[Group], sentence: SentenceRef, cued: list[str],
        marks: scoring.Marks, words: tuple[str, ...],
    ) -> Event:
        main = group.main
        event_type = main.sense.event_type
        actors, recipients, undergoing = self._participants(group)
        self._undergoing.setdefault(sentence.index, []).extend(a.span for a in undergoing)
        modality = read_modality(main.token, self.onto)
        for member in group.members:
            same = member.sense.event_type == main.sense.event_type
            if same and member is not main and not (modality.future or modality.hypothetical):
                modality.negated = modality.negated or member_denies(main.token, member.token, self.onto)
        announced = modality.future
        past = main.token.tag_ in {"VBD", "VBN"}
        event_type, modality = type_remap.remap(self.onto, event_type, modality, past)
        event_type = type_remap.proposed(self.onto, group) or event_type
        remapped = event_type != main.sense.event_type
        info = self.onto.event_types[event_type]
        mode = main.sense.mode if main.sense.event_type == event_type else None
        if mode is None:
            scope_lemmas, scope_joined = coding.scope_lemmas(main.token)
            mode = coding.infer_mode(event_type, scope_lemmas, scope_joined, self.onto)
        if mode in info.state_modes and actors and not any(a.sector not in info.state_forces for a in actors):
            # police blocking a street cordon it off (event_types.yaml state_modes)
            event_type, mode = info.state_modes[mode]
            info = self.onto.event_types[event_type]
        actors, recipients = coding.reciprocal(event_type, mode, actors, recipients, self.onto)
        group.announced = remapped and announced
        grounded, date_entity = self.dating.own(group, groups, future=modality.future,
                                                announced=group.announced)
        historical = self.dating.historical(grounded)
        acted = AcledEvent(event_type, mode, main.sense.pos, actors, recipients, main.sense.lemma)
        codes = type_remap.type_codes(acted, sentence.index, self.acled_contexts, self.onto)
        trigger_text = self.text[main.start:main.end]
        event = Event(
            id=_event_id(self.article.id, main, event_type),
            article_id=self.article.id,
            event_type=event_type,
            trigger=TextRef(text=trigger_text, span=(main.start, main.end)),
            sentence=sentence,
            mode=mode,
            context=coding.event_contexts(main.sense.context, cued),
            quad=codes.quad,
            intensity=codes.intensity,
            cameo_root=codes.cameo_root,
            acled=codes.acled,
            actor=actors,
            recipient=recipients,
            negated=modality.negated,
            hypothetical=modality.hypothetical,
            future=modality.future,
            historical=historical,
            confidence=0.0,
            extractor=EXTRACTOR,
        )
        senses = self.onto.triggers.get((main.sense.lemma, main.sense.pos), [])
        self.evidence[event.id] = coding.Evidence(
            prior=main.sense.prior, requires_recipient=info.requires_recipient, pos=main.sense.pos,
            type_ids=learned_types.token_ids(main.token, self.onto),
            words=words,
            ambiguous=len({s.event_type for s in senses}) > 1,
            quoted=scoring.quoted(main.token, marks),
            reported=scoring.reported(main.token, marks, self.onto.words("speech_verbs")),
            infinitive=scoring.infinitive(main.token),
            own_date=grounded is not None, background=self._background(main),
            cooperative="cooperation" in codes.quad,
        )
        self.dating.set(event, grounded, date_entity)
        return event

    def _background(self, trigger: Trigger) -> bool:
        """A noun after "after", "amid", "since" ... refers back to an event told elsewhere."""
        tok = trigger.token
        return (
            tok.pos_ == "NOUN" and tok.dep_ == "pobj"
            and tok.head.lower_ in self.onto.words("separate_preps")
        )


def extract_events(
    doc: Doc, article: Article, *, ontology: Ontology, toponyms: list[Location] | None = None,
    quotes: ArticleQuotes | None = None,
) -> list[Event]:
    """Every event the article's text reports, in text order; ``toponyms`` (from
    ``resolve_places``) give events their locations; ``quotes`` are the article's quotations
    when its caller wants them too (found once). Events that are no political interaction
    (sports, entertainment, business, disasters) are marked ``off_topic``."""
    extractor = EventExtractor(doc, article, ontology, toponyms, quotes)
    events = extractor.run()
    scoring.score_events(events, extractor.evidence, gate_events(doc, article, events, ontology))
    rank_places(events, PlaceRanker(doc, extractor.episodes, extractor.toponyms, extractor.dateline,
                                    ontology.words("fixture_nouns")))
    return events
