"""Political relevance: events of sports, entertainment, lifestyle, business, tech, disaster and
accident text are not published.

PLOVER codes political interactions. An article is of a non-political domain when its
section (a URL path segment such as ``/sports/``, a title header such as "NFL: ...") says
so, or when more of its sentences speak of one domain than of politics; a sentence is of a
domain when it holds several of the domain's words (relevance.yaml). An event there is kept
only if a political actor takes part (sectors, countries, intergovernmental bodies) or its
trigger is an act only a state does (an arrest, a fine); in a sports article a place named as
a party is its team, not its state. In any article, an act between
private persons only (a stabbing, two men talking) is no political interaction either, unless
its sentence or the article's lead speaks of armed conflict, or violence names a force (police,
soldiers, an armed group) in its own clause; another mention of such an act (a headline's, by the
same doer with the same word) is that act. Nor is a standing state told
instead of an act (modality.standing: a position held, a habit, a measure in force), nor a
meeting that is only the occasion of another act (modality.occasion), nor harm
done by no one (a quake, a crash) or an inquiry into its cause with no suspect. A gated
event keeps its record with ``off_topic`` saying why; the confidence (scoring.py) weighs that,
and the gate's signals.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from spacy.tokens import Doc, Span, Token

from newsevents.extract.actor_phrases import mention_words
from newsevents.extract.coding import (
    doc_entities,
    doc_sentences,
    doc_words,
    sentence_lemmas,
    words_at,
)
from newsevents.extract.frames import children, prep_objects
from newsevents.extract.modality import occasion, standing
from newsevents.extract.private_acts import PrivateActs, party_lemmas, person_name, state_name
from newsevents.ontology import Ontology
from newsevents.ontology.load import Relevance
from newsevents.records import Actor, Article, Event

NON_POLITICAL = "non-political"
SPORTS = "sports"  # the domain whose places are teams ("Washington expressed interest in him")
PRIVATE = "private act"
INTERNAL = "one body's own business"
BUDGET = "one state's own budgeting"
CAMPAIGN = "campaigning"
STANDING = "a standing state, no act"
OCCASION = "the occasion of another act, no meeting of sides"
PUBLIC_CALL = "a call to one's own public"
_URL_LINE = re.compile(r"^\s*((?:https?\s*:\s*/\s*/|www\s*\.)\s*\S[^\n]*)$", re.MULTILINE | re.IGNORECASE)
_TITLE_PARTS = re.compile(r"\s*[|:\u2013\u2014]\s*|\s+-\s+")


def sections(article: Article, relevance: Relevance) -> list[str]:
    """Non-political sections the article's URL (or a URL line of its text) or title header names."""
    lines = _URL_LINE.finditer(article.text[:2000])  # "http : / / site . com / sports /" too
    urls = [article.url or ""] + ["".join(m.group(1).split()) for m in lines]
    words: set[str] = set()
    for url in filter(None, urls):
        parts = urlsplit(url if "//" in url else "//" + url)
        words.update((parts.hostname or "").split("."))
        words.update(segment.lower() for segment in parts.path.split("/"))
    if article.title:
        words.update(part.lower() for part in _TITLE_PARTS.split(article.title) if len(part.split()) <= 2)
    return [name for name, names in relevance.sections.items() if not names.isdisjoint(words)]


class RelevanceGate:
    """Judges each event of one parsed article (one instance per article)."""

    def __init__(self, doc: Doc, article: Article, ontology: Ontology) -> None:
        self.onto = ontology
        self.rel = ontology.relevance
        self.doc = doc
        self.sentences = doc_sentences(doc)
        self.sentence_domains = [self._domain_of(s) for s in self.sentences]
        self.domain = self._article_domain(article)
        self.private = PrivateActs(doc, self.sentences, ontology)

    def _domain_of(self, sentence: Span) -> tuple[str | None, dict[str, int], int]:
        """The domain a sentence is about (if any), its domain word counts, its political words."""
        lemmas, joined = sentence_lemmas(sentence)
        counts = self.rel.domain_counts(lemmas, joined)
        words = doc_words(sentence.doc)[0][sentence.start:sentence.end]
        political = self.rel.political.count(lemmas, joined) + sum(
            1 for w in words if self.onto.sectors.get(w) in self.rel.strict_sectors
        )
        name, best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
        is_domain = best >= self.rel.sentence_words and best > political
        return (name if is_domain else None), counts, political

    def _article_domain(self, article: Article) -> str | None:
        found = sections(article, self.rel)
        if found:
            return found[0]
        political = sum(p for _, _, p in self.sentence_domains)
        totals: dict[str, int] = {}
        for _, counts, _ in self.sentence_domains:
            for name, count in counts.items():
                totals[name] = totals.get(name, 0) + count
        name, best = max(totals.items(), key=lambda kv: kv[1], default=(None, 0))
        if name and best >= self.rel.domain_words and best >= self.rel.domain_ratio * political:
            return name
        if political == 0 and len(self.sentences) >= self.rel.min_sentences:
            return NON_POLITICAL
        return None

    def signals(self, index: int) -> dict[str, float]:
        """What the article and sentence ``index`` say of politics, for the confidence."""
        domain, _, political = self.sentence_domains[index] if index < len(self.sentences) else (None, {}, 0)
        return {
            "article_domain": float(self.domain is not None),
            "sentence_domain": float(domain is not None),
            "sentence_political": float(political > 0),
        }

    def judge(self, event: Event) -> str | None:
        """Why the event is no political interaction, or None if it may be one."""
        index = event.sentence.index
        trigger = self._trigger(event)
        if trigger is not None and standing(trigger.root, self.onto):
            return STANDING  # "Algeria opposes any presence", "the restriction expires"
        if trigger is not None and event.event_type in self.rel.occasion_types and occasion(
                trigger.root, self.onto):
            return OCCASION  # "Culver spoke at a meeting": where he spoke, not whom he met
        sentence_domain = self.sentence_domains[index][0] if index < len(self.sentences) else None
        # "the quake killed three", "struck by a car" however many crime words say "kill"
        harm = next((name for name in sorted(self.rel.harm_domains) if index < len(self.sentences)
                     and self.sentence_domains[index][1].get(name, 0) >= self.rel.sentence_words), None)
        harm = harm or self._harm_doer(event)  # "a quake in eastern China killed 14": one word is enough
        if harm and event.event_type == "ASSAULT" and not any(
            a.sector in self.rel.armed_sectors for a in event.actor
        ):
            return f"{harm} sentence"
        inquiry = event.event_type in self.rel.inquiry_types
        if inquiry and index < len(self.sentences) and self.rel.no_crime.found_in(
                *sentence_lemmas(self.sentences[index])):
            return "no-crime inquiry"  # "investigating the death, but ... no foul play is involved"
        if inquiry and not event.recipient:
            cause = harm or (self.domain if self.domain in self.rel.harm_domains else None) or (
                "cause" if _into_cause(trigger, self.rel.inquiry_objects) else None)
            if cause:
                return f"{cause} inquiry"  # "the crash is under investigation", "into the cause of"
        if self._state_act(event) or self._labour(event):
            return None
        if self.private.act(event):
            return PRIVATE
        if self._internal(event) or self._staff_dealings(event):
            return INTERNAL
        if self.private.visit(event):
            return PRIVATE
        if self._budgeting(event):
            return BUDGET
        if self._public_call(event):
            return PUBLIC_CALL
        if event.event_type in self.rel.campaign_types and event.actor and all(
            party_lemmas(self.doc, a)[0] in self.rel.candidate_heads for a in event.actor
        ):
            return CAMPAIGN  # "all candidates stressed support for the president"
        domain = sentence_domain or self.domain
        if domain is None:
            return None
        # a game, a film or a product: only officials, forces and courts make it political,
        # and a country only as the actor ("touring Canada" is no interaction with Canada)
        strict = domain not in self.rel.harm_domains and domain != NON_POLITICAL
        sectors = self.rel.strict_sectors if strict else self.rel.political_sectors
        teams = self.domain == SPORTS
        if any(self._political(a, sectors, as_actor=True, teams=teams) for a in event.actor) or any(
            self._political(a, sectors, as_actor=not strict, teams=teams) for a in event.recipient
        ):
            return None
        return f"{sentence_domain} sentence" if sentence_domain else f"{self.domain} article"

    def retelling(self, event: Event) -> tuple[str, str, str] | None:
        """What makes two mentions one act: its type, its trigger's word and its stated doer's
        head word ("Crafton man suing WPXI", headline, and "A Crafton man is suing WPXI-TV").
        One real act is one event (docs/annotation.md): a mention that names a party less
        fully, as a headline does, is judged as the mention found private."""
        trigger = self._trigger(event)
        stated = [a for a in event.actor if not a.inferred]
        words = mention_words(self.doc, stated[0]) if len(stated) == 1 else None
        if trigger is None or words is None or words.root.pos_ == "PRON":
            return None  # "he" and "he" may be two people
        return event.event_type, trigger.root.lemma_.lower(), words.root.lemma_.lower()

    def _political(self, actor: Actor, sectors: frozenset[str], *, as_actor: bool, teams: bool) -> bool:
        """A political party to an interaction: an official, force or court by sector, an
        intergovernmental body, or (as the actor) a state named by its country or capital; with
        ``teams`` (a sports article) a bare place name is a team whatever sector it was given."""
        state = state_name(actor, self.onto)
        if teams and (state or self._place_entity(actor)):
            return False
        if state:
            return as_actor
        return actor.sector in sectors or actor.country == "IGO"

    def _place_entity(self, actor: Actor) -> bool:
        """The party is a named place and nothing more ("Baltimore", "New York")."""
        words = mention_words(self.doc, actor)
        named = [t for t in words or () if not (t.is_punct or t.lower_ == "the")]
        return bool(named) and all(t.ent_type_ == "GPE" for t in named)

    def _harm_doer(self, event: Event) -> str | None:
        """The harm domain (disaster, accident) whose word names the doer ("the quake", "the
        crash"): no party did what a force of nature or an accident did."""
        heads = {party_lemmas(self.doc, a)[0] for a in event.actor}
        domains = self.rel.domains
        return next((name for name in sorted(self.rel.harm_domains)
                     if name in domains and not domains[name].words.isdisjoint(heads)), None)

    def _internal(self, event: Event) -> bool:
        """A council, board or cabinet meeting or voting on its own: every actor is such a body,
        its members or officers ("council members", "board president Becky Jordon"), or a
        person named beside them, and no one else takes part."""
        if event.recipient or not event.actor:
            return False
        if event.event_type in self.rel.internal_types:
            bodies = self.rel.deliberative_bodies
        elif event.event_type in self.rel.vote_types:
            bodies = self.rel.local_bodies
        else:
            return False
        names = 0
        for actor in event.actor:
            head, lemmas = party_lemmas(self.doc, actor)
            of_body = not bodies.isdisjoint(lemmas) and (
                head in bodies or not self.rel.body_roles.isdisjoint(lemmas))
            if of_body and actor.country != "IGO":
                continue
            if actor.sector is not None or actor.own_country is not None or not person_name(self.doc, actor):
                return False
            names += 1  # "... and Pete Thaw": a name beside the members
        return names < len(event.actor)

    def _public_call(self, event: Event) -> bool:
        """A party other than the police urging the public or its own people ("exhorted citizens to
        keep rallying", "urged motorists to remain alert"): every recipient is such a public."""
        return (event.event_type in self.rel.public_call_types and bool(event.recipient)
                and not any(a.sector in self.rel.public_call_sectors for a in event.actor)
                and all(party_lemmas(self.doc, r)[0] in self.rel.own_publics for r in event.recipient))

    def _staff_dealings(self, event: Event) -> bool:
        """An administration managing its own people: every party is of it (relevance.yaml
        ``administration_roles``), one of them its staff ("Kelly tried to curtail Trump's
        meetings", Kelly the chief of staff), all of one country or all of none."""
        parties = event.actor + event.recipient
        if event.event_type not in self.rel.staff_types or not event.recipient or not event.actor:
            return False
        if len({a.country for a in parties}) > 1:
            return False  # an aide and a foreign ("Russian") president are two sides
        titles = [self._titles(a) for a in parties]
        return all(not self.rel.administration_roles.isdisjoint(t) for t in titles) and any(
            not self.rel.staff_roles.isdisjoint(t) for t in titles)

    def _titles(self, actor: Actor) -> set[str]:
        """The lemmas of a party's mention and, for a person's name, of the title before its
        fuller mention earlier in the article ("White House chief of staff John Kelly")."""
        words = mention_words(self.doc, actor)
        lemmas = party_lemmas(self.doc, actor)[1]
        if words is None or words.root.ent_type_ not in {"PERSON", "ORG"}:
            return lemmas
        surname = words.root.text
        for entity in doc_entities(self.doc):
            if entity.start >= words.start:
                break
            if entity.label_ == "PERSON" and entity[-1].text == surname:
                lemmas |= {t.lemma_.lower() for t in _title_before(entity)}
        return lemmas

    def _budgeting(self, event: Event) -> bool:
        """A state funding its own: a state party (of a country, of no sector or a budget-making
        one) funds parties of no other country and no armed sector ("all candidates are funded
        by the state", "legislators have funded the schools programme")."""
        if event.event_type not in self.rel.budget_types or not event.recipient or not event.actor:
            return False
        if not self._trigger_has(self.rel.budget_triggers, event):
            return False
        countries = {a.own_country for a in event.actor}
        if None in countries or any(a.sector not in (None, *self.rel.budget_sectors) for a in event.actor):
            return False
        return all(r.own_country in (None, *countries) and r.sector not in self.rel.armed_sectors
                   for r in event.recipient)

    def _state_act(self, event: Event) -> bool:
        return self._trigger_has(self.rel.state_acts, event)

    def _labour(self, event: Event) -> bool:
        """A strike, labour talks or a labour pact: a labour noun in the trigger or on it
        ("prolonged labor talks", "miners' strike"); violence at work is judged as violence."""
        words = self._trigger(event)
        return event.event_type not in self.rel.conflict_types and words is not None and any(
            t.pos_ == "NOUN" and t.lemma_.lower() in self.rel.labour_words
            for w in words for t in (w, *w.children))

    def _trigger(self, event: Event) -> Span | None:
        return words_at(self.doc, event.trigger.span)

    def _trigger_has(self, lemmas: frozenset[str], event: Event) -> bool:
        """A word of the event's trigger is one of ``lemmas``."""
        words = self._trigger(event)
        return words is not None and any(t.lemma_.lower() in lemmas for t in words)


def _into_cause(trigger: Span | None, objects: frozenset[str]) -> bool:
    """The inquiry looks into an accident or a cause ("investigating the crash", "an
    investigation into the cause of the fire"), not at a suspect, and names no crime it is
    looked into as ("investigating the crash as a homicide"). A fire is no such object: it may
    be arson (on DEV, gating fire inquiries withdrew a right published event and no wrong one)."""
    if any(p.dep_ == "prep" and p.lower_ == "as" for t in trigger or () for p in t.children):
        return False
    looked_into = [w for t in trigger or () for w in children(t, {"dobj"}) + prep_objects(t, {"into"})]
    return any(w.lemma_.lower() in objects for w in looked_into)


def _title_before(entity: Span) -> list[Token]:
    """The words before a name in its sentence up to a verb or a punctuation mark: its title
    ("White House chief of staff" before "John Kelly")."""
    found: list[Token] = []
    for tok in reversed(entity.doc[entity.sent.start:entity.start]):
        if tok.pos_ in {"VERB", "AUX", "PUNCT"}:
            break
        found.append(tok)
    return found


def gate_events(doc: Doc, article: Article, events: list[Event], ontology: Ontology) -> RelevanceGate | None:
    """Mark the events that are no political interaction (``off_topic``); the gate, kept for
    its signals to the confidence (scoring.py), or None when there is no event."""
    if not events:
        return None
    gate = RelevanceGate(doc, article, ontology)
    for event in events:
        event.off_topic = gate.judge(event)
    private = {gate.retelling(e) for e in events if e.off_topic == PRIVATE} - {None}
    for event in events:
        if event.off_topic is None and gate.retelling(event) in private:
            event.off_topic = PRIVATE
    return gate
