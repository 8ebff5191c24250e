"""Background acts: a past perfect past the lead, or an aside about a party, with no time word:
no date we can name.

"Officials had threatened to revoke his parole": the past perfect puts the act before the story's
own past, and with nothing that dates it the day is not given (docs/annotation.md, second round:
an act with no time words takes the article date "unless the text makes plain it came earlier:
then `date_precision: unknown`"). Not in the lead, which tells the day's news, nor in reported
speech, where "had" only shifts a simple past behind "said" ("police said he had fired"). An act
that continues an episode or is retold takes that date first, so this runs after them. An act told
in a comma-set relative clause about its doer ("Libya, which brought the case, hailed the ruling")
says who the party is, from before the story: unknown too, in the lead as well.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsevents.extract.coding import words_at
from newsevents.extract.episodes import Episodes
from newsevents.extract.retold_dates import by_article_date
from newsevents.extract.trigger_clauses import clause_verb
from newsevents.records import Event


def undate_background(episodes: Episodes, events: list[Event], doc: Doc) -> None:
    """An act told in the past perfect past the lead, or in an aside about its doer, dated by nothing
    but the article date: unknown; so is an aside dated only by a time word of its host clause."""
    for event in events:
        words = words_at(doc, event.trigger.span)
        if words is None:
            continue
        if by_article_date(event):
            lead = event.sentence.index == 0 or episodes.paragraph(event.sentence.span[0]) == 0
            if (_past_perfect(words.root) and not lead) or _aside(words.root):
                event.date, event.date_precision = None, "unknown"
        elif _aside(words.root) and _borrowed(event, words.root):
            event.date, event.date_precision, event.date_text, event.date_span = None, "unknown", None, None


def _borrowed(event: Event, verb: Token) -> bool:
    """The event's date is a time word of the clause its aside sits in ("imposed the sentence Friday
    on Pimstein, who pleaded guilty"), not one of the aside's own: the sentencing's day, not the plea's."""
    if event.date_span is None:
        return False
    start, end = event.date_span
    s0, s1 = event.sentence.span
    inside = {t.idx for t in verb.subtree}
    return s0 <= start < s1 and not any(start <= i < end for i in inside)


def _past_perfect(trigger: Token) -> bool:
    """ "had threatened", "had been arrested", in a clause that no verb reports ("said he had")."""
    verb = clause_verb(trigger)
    had = any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children)
    return had and not any(a.dep_ in {"ccomp", "advcl", "relcl"} for a in (verb, *verb.ancestors))


def _aside(trigger: Token) -> bool:
    """An act told in a relative clause set off by commas about its own doer ("Libya, which brought
    the case to the court, hailed the ruling"; "Mitchell, who negotiated the accord, does not
    receive a salary"), or on a noun set beside it ("Mitchell, the former leader who negotiated the
    accord, does not receive a salary"): what the party did before, to say who it is, not the day's
    news. Told in the simple past only: a perfect aside ("Britain, which has accused Russia") may be
    the news."""
    if trigger.dep_ != "relcl" or trigger.tag_ != "VBD":  # the clause's verb is the act
        return False
    pronoun = next((c for c in trigger.children if c.dep_ == "nsubj" and c.lower_ in {"who", "which"}), None)
    return pronoun is not None and pronoun.i > 0 and (
        pronoun.doc[pronoun.i - 1].text == "," or trigger.head.dep_ == "appos")
