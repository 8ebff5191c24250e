"""Background acts: a past perfect past the lead, or an aside about a party, with no time word:
no date we can name.

"Officials had threatened to revoke his parole": the past perfect puts the act before the story's
own past, and with nothing that dates it the day is not given (docs/annotation.md, second round:
an act with no time words takes the article date "unless the text makes plain it came earlier:
then `date_precision: unknown`"). Not in the lead, which tells the day's news, nor in reported
speech, where "had" only shifts a simple past behind "said" ("police said he had fired"). An act
that continues an episode or is retold takes that date first, so this runs after them. An act told
in a comma-set relative clause about its doer ("Libya, which brought the case, hailed the ruling")
says who the party is, from before the story: unknown too, in the lead as well, and so is any act
told inside such an aside ("LaRue, who became the first person found guilty"), whatever date its
sentence's main clause or the episode gives: only a time word inside the aside dates it. Such acts
are historical when the article has a date: background the article recalls.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsevents.extract.coding import words_at
from newsevents.extract.episodes import Episodes
from newsevents.extract.retold_dates import by_article_date
from newsevents.extract.trigger_clauses import clause_verb
from newsevents.records import Event


def undate_background(episodes: Episodes, events: list[Event], doc: Doc, *, dated: bool) -> None:
    """An act told in the past perfect past the lead and dated by nothing but the article date, or
    in an aside about its doer and dated by nothing inside the aside: unknown, the aside historical
    when the article is ``dated``."""
    for event in events:
        words = words_at(doc, event.trigger.span)
        if words is None or event.future or event.date_precision == "unknown":
            continue
        aside = _aside(words.root)
        lead = event.sentence.index == 0 or episodes.paragraph(event.sentence.span[0]) == 0
        if aside is not None and not _dated_inside(event, aside):
            _undate(event)
            event.historical = dated
        elif by_article_date(event) and _past_perfect(words.root) and not lead:
            _undate(event)


def _undate(event: Event) -> None:
    """No day we can name: the date and its evidence go."""
    event.date, event.date_precision, event.date_text, event.date_span = None, "unknown", None, None


def _dated_inside(event: Event, aside: Token) -> bool:
    """The event's date is a time word of the aside itself ("who was arrested in 2004")."""
    if event.date_span is None:
        return False
    words = list(aside.subtree)
    return words[0].idx <= event.date_span[0] < words[-1].idx + len(words[-1])


def _past_perfect(trigger: Token) -> bool:
    """ "had threatened", "had been arrested", in a clause that no verb reports ("said he had")."""
    verb = clause_verb(trigger)
    had = any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children)
    return had and not any(a.dep_ in {"ccomp", "advcl", "relcl"} for a in (verb, *verb.ancestors))


def _aside(trigger: Token) -> Token | None:
    """The relative clause set off by commas about the act's own doer or a party ("Libya, which
    brought the case to the court, hailed the ruling"; "Mitchell, the former leader who negotiated
    the accord, does not receive a salary"; "Brooks, who was the boy's carer after his mother was
    arrested"), when the act lies inside it: what the party did before, to say who it is, not the
    day's news. Told in the simple past only, the clause and the act's own verb: a perfect aside
    ("Britain, which has accused Russia") may be the news."""
    for clause in (trigger, *trigger.ancestors):
        if clause.dep_ == "relcl":
            break
    else:
        return None
    if clause.tag_ != "VBD" or not _simple_past(clause_verb(trigger)):
        return None
    pronoun = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}
                    and c.lower_ in {"who", "which"}), None)
    set_off = pronoun is not None and pronoun.i > 0 and (
        pronoun.doc[pronoun.i - 1].text == "," or clause.head.dep_ == "appos")
    return clause if set_off else None


def _simple_past(verb: Token) -> bool:
    """ "arrested", "was arrested", "found guilty" (a participle on a noun): no perfect, no modal,
    no present."""
    if verb.tag_ not in {"VBD", "VBN"}:
        return False
    return not any(c.dep_ in {"aux", "auxpass"} and c.lower_ not in {"was", "were"} for c in verb.children)
