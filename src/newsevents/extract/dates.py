"""Dates: the time expressions of a parsed article and the event each one dates.

The expression is the DATE entity the parse attaches to the event (directly,
through the clause that governs it, or through a clause inside it); grounding.py
says which date it names.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsevents.extract.coding import doc_entities
from newsevents.extract.date_grammar import grammar
from newsevents.extract.grounding import GroundedDate, ground, ground_absolute, is_decade
from newsevents.extract.modality import infinitive
from newsevents.extract.trigger_clauses import coordinated_verb
from newsevents.nlp import doc_text
from newsevents.records import Article

_SUBJECTS = {"nsubj", "nsubjpass", "poss"}
_YEAR_NAMED = re.compile(r"(?:[A-Z][a-z]{2,8}\.? )?(?:1[6-9]|20)\d\d")  # "2012", "March 2003"
_NOUN_MODIFIERS = {"compound", "amod", "nmod", "nummod", "poss", "npadvmod", "appos"}
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_DIGITS = re.compile(r"^\(?\d{3,}\)?(?:-\d+)*$")  # "0208", "868-5811", "(513)": a telephone number's groups
_CLOCK_NUMBER = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d$")  # "1023", "2359": a time of day as well as a year
_WORDS = re.compile(r"[^\W\d_]+")
_WEEKDAY = re.compile(r"\b([A-Z][a-z]+day)\b")  # a weekday written whole: "Sun" is a paper
# a weekday its own date follows: "Tuesday (6 January)", "Wednesday, Nov. 2"
_DATED_WEEKDAY = re.compile(r"\s*[,(]?\s*(?:\d|[A-Z][a-z]+\.?\s+\d)")
_ISO = re.compile(r"\b(\d{4})\s*-\s*(\d{2})\s*-\s*(\d{2})\b")  # "Posted 2007 - 11 - 12": a dateline only
# "Posted : 03 / 14 / 2013", "First Posted : 10 / 25 / 11": month first, as US sites print it
_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?(\d{4}|\d{2})(?![\d/])")

__all__ = ["GroundedDate", "TimeExpression", "attachment", "dated_by_text",
           "dates_as_records", "expression_span", "find_dates", "ground", "ground_absolute", "ground_seen",
           "is_a_name", "is_ahead", "is_decade", "is_no_date", "is_old", "noun_of", "on_dateline",
           "present_year", "printed_date", "wire_day"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date expression of the article: its characters and the date it names.

    ``span`` indexes the article text and includes a leading preposition ("on
    Monday"); ``value`` is the first day of the period (``precision``: day,
    week, month or year) the expression names, seen from the article date.
    """

    text: str
    span: tuple[int, int]
    value: str
    precision: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span), "value": self.value, "precision": self.precision}


def expression_span(entity: Span) -> tuple[int, int]:
    """The characters of a date expression, with its preposition ("on Monday")."""
    start = entity.start_char
    before = entity.doc[entity.start - 1] if entity.start > 0 else None
    if before is not None and before.lower_ in grammar().prepositions and before.dep_ == "prep":
        start = before.idx
    return start, entity.end_char


def find_dates(doc: Doc, article_date: date | None) -> list[TimeExpression]:
    """Every DATE entity that names a date, grounded against the article date."""
    if article_date is None:
        return []
    found, text = [], doc_text(doc)
    for entity in doc_entities(doc):
        if entity.label_ != "DATE" or is_a_name(entity) or is_no_date(entity):
            continue
        grounded = ground(entity.text, article_date)
        if grounded is not None:
            start, end = expression_span(entity)
            found.append(TimeExpression(text[start:end], (start, end), grounded.value, grounded.precision))
    return found


def ground_seen(
    expression: str, base: date | None, *, future: bool = False, past: bool = False
) -> GroundedDate | None:
    """The date an expression names seen from the article date; in an article with no date,
    only a date it prints whole (docs/annotation.md: relative words there stay unknown)."""
    return ground_absolute(expression) if base is None else ground(expression, base, future=future, past=past)


def is_old(grounded: GroundedDate, article_date: date) -> bool:
    """An act whose period ended more than about a week before the article date is historical
    (docs/annotation.md, ``historical``): background the article recalls, not what it reports."""
    start = date.fromisoformat(grounded.value)
    span_days = {"day": 1, "week": 7, "month": 31, "year": 366}.get(grounded.precision, 1)
    # ordinals, not dates: year 1 and year 9999 have no day before or after them
    return start.toordinal() + span_days < article_date.toordinal() - int(grammar().data["old_after_days"])


def is_ahead(grounded: GroundedDate, article_date: date) -> bool:
    """A period that starts after the article date dates no act already done ("promised to
    put the question to a referendum next year": the year is the referendum's, not the promise's)."""
    return date.fromisoformat(grounded.value) > article_date


def dates_as_records(doc: Doc, article: Article) -> list[dict[str, Any]]:
    """The article's grounded date expressions as JSON-ready rows (for ``newsevents dates``)."""
    return [{"article_id": article.id, **t.to_dict()} for t in find_dates(doc, article.date)]


def is_a_name(entity: Span) -> bool:
    """A month's name that here names a person ("May has received strong backing", "Theresa
    May ... May said"): one word, behind no preposition, standing as a subject or possessor
    or written as the last name of a person the article names."""
    if len(entity) != 1 or entity.text.lower() not in grammar().months or not entity.text[:1].isupper():
        return False
    before = entity.doc[entity.start - 1] if entity.start else None
    if before is not None and before.dep_ == "prep":
        return False
    persons = {e[-1].lower_ for e in doc_entities(entity.doc) if e.label_ == "PERSON" and len(e) > 1}
    return entity.root.dep_ in _SUBJECTS or entity.root.lower_ in persons


def is_no_date(entity: Span) -> bool:
    """A number the parse takes for a date that names no day: four digits that tell a time of
    day, before a zone ("1023 GMT", "1430 hrs", "0600 local time") or alone behind "at" ("struck
    at 1353"; a year is "in 1353"), an ordinal that numbers a street ("on 14th St. Thursday"), a
    house number ("of 1205 Lone Oak Road", "at 3125 Clarksville St.") or the end of a telephone or
    serial number ("868-5811, Ext. 1223", "call 0208 892 1789")."""
    words = [t for t in entity.doc[entity.start:entity.end + 1] if not t.is_punct]
    streets = grammar().data["street_words"]
    if len(words) > 1 and _ORDINAL.match(words[0].text) and words[1].lower_.rstrip(".") in streets:
        return True
    if entity.text.replace(" ", "").isdigit() and (_house_number(entity, streets) or _numbered(entity)):
        return True
    if not _CLOCK_NUMBER.match(entity.text):
        return False
    after = entity.doc[entity.end:entity.end + 2]
    text = entity.doc[entity.start:entity.end + len(after)].text.lower()  # Doc.text joins every token
    zone = grammar().clock.match(text)
    if zone is not None and not (len(after) and after[0].lower_ == "local" and "time" not in zone[0]):
        return True  # "the 2014 local elections": a year before "local", unless "local time"
    return entity.root.dep_ == "pobj" and entity.root.head.lower_ == "at"


def _numbered(entity: Span) -> bool:
    """A number after a word that numbers things (``number_words``: "Ext.", "Room") or right
    after another group of digits, as in a telephone number."""
    before = [t for t in entity.doc[max(0, entity.start - 2):entity.start] if t.text not in {",", "."}]
    if not before:
        return False
    last = before[-1]
    return last.lower_.rstrip(".") in grammar().data["number_words"] or (
        last.whitespace_ != "" and _DIGITS.match(last.text) is not None)


def _house_number(entity: Span, streets: Collection[str]) -> bool:
    """A number before a street's name: up to four capitalised words, the last a street word."""
    for number, token in enumerate(entity.doc[entity.end:entity.end + 4], start=1):
        if not token.text[:1].isupper():
            return False
        if number > 1 and token.lower_.rstrip(".") in streets:
            return True
    return False


def noun_of(entity: Span) -> Token | None:
    """The noun a date modifies ("the 1967 killings", "the Nov. 10 bombing", "the bombing of
    two embassies last month", "the attack on Monday"): when that noun is another act, the
    date is that act's, not the clause's ("arrested in the 1967 killings"). A subject is the
    act its verb tells ("Sunday night's shooting killed two"): no such noun."""
    root = entity.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif root.dep_ not in _NOUN_MODIFIERS:
        return None
    if head.pos_ in {"NOUN", "PROPN"} and head.dep_ not in {"nsubj", "nsubjpass"} \
            and head.ent_type_ not in {"DATE", "TIME"}:
        return head  # not "Saturday night": the night is the day's
    return None


def attachment(entity: Span, triggers: set[int], separate: frozenset[str],
               acts: frozenset[str] = frozenset()) -> Token | None:
    """The first trigger token above a date entity in the parse, if any.

    A date inside a relative or reported clause, or behind a preposition that
    introduces another event ("over the election last month"), is not ours;
    nor is a month's name that names a person, nor a date on a noun that names
    another act (``acts``: "questioned in connection with the bombing last month").
    A possessive date ("last month's stimulus bill") dates its noun: only a trigger
    there takes it; so does a year written before its noun ("convicted in the 2012 shooting
    death", "a verdict under the 1990 law"): the death and the law are older than the verdict.
    A day written so is the occasion of the clause's act ("killed 12 in a Monday night raid").
    """
    noun = noun_of(entity)
    if is_a_name(entity) or (noun is not None and noun.i not in triggers and noun.lemma_.lower() in acts):
        return None
    before = noun is not None and entity.root.dep_ in _NOUN_MODIFIERS and entity.end <= noun.i \
        and _YEAR_NAMED.fullmatch(entity.text) is not None
    if before or (_possessive(entity) and (noun is not None or entity.root.dep_ != "poss")):
        return noun if noun is not None and noun.i in triggers else None  # a subject's: its verb's
    for ancestor in entity.root.ancestors:
        if ancestor.i in triggers:
            return ancestor
        if ancestor.dep_ in {"relcl", "ccomp"} or coordinated_verb(ancestor) or (
            ancestor.dep_ == "prep" and ancestor.lower_ in separate
        ):
            return None
    return None


def in_infinitive(entity: Span, owner: Token) -> bool:
    """A date inside an infinitive clause below its owner ("subpoenaed him to testify on Feb. 10",
    "agreed to meet next month"): the time of the act the infinitive names, which may lie ahead
    of the owner's, so it is read with no past tense, and a coming date is then no date of the owner."""
    for ancestor in entity.root.ancestors:
        if ancestor.i == owner.i:
            return False
        if infinitive(ancestor):
            return True
    return False


def _possessive(entity: Span) -> bool:
    """A date written as a possessor ("last month's bill", also when the parse hangs it from a
    preposition with its "’s" beside it)."""
    root = entity.root
    return root.dep_ == "poss" or any(c.dep_ == "case" and c.lower_ in {"'s", "’s"} for c in root.children)


def printed_date(text: str) -> date | None:
    """The date a text saved without its own prints for itself: the first dateline or
    publication line of its head ("Published : Tuesday , Aug . 2 2011 7 : 08 p . m . MDT",
    "Posted 2007 - 11 - 12"),
    else the first full date (day, month and year) of its first lines (not one the text tells
    a later year after, ``_told_later``), else a full date its body prints for the weekday it
    told the story's act on (``_named_day``). Not the date in a page address it opens with
    (".com / 2008 / 07 / 23 / ..."): the address is no text, and a site may file a story days
    from its act (docs/annotation.md, batch R)."""
    g = grammar()
    for line in text[: int(g.data["dateline_reach"])].splitlines():
        found = _line_date(line)
        if found is not None and _a_dateline(line):
            return found
    first = _full_date(text[: int(g.data["printed_date_reach"])])
    if first is not None and not _told_later(text, first):
        return first
    return _named_day(text)


_IN_YEAR = re.compile(r"\b[Ii]n ((?:1[89]|20)\d\d)\b")


def _told_later(text: str, day: date) -> bool:
    """The text names a year years after the day as a time ("In 2001 the brothers pleaded guilty"):
    the day is one of the acts it retells, not its own."""
    gap = int(grammar().data["later_year_gap"])
    return any(int(m[1]) >= day.year + gap for m in _IN_YEAR.finditer(text))


def on_dateline(text: str, at: int) -> bool:
    """A character on a publication line of the head ("Published : March 13 , 2013"): the
    article's own date, which dates no act though the parse may join it to a headline's."""
    if at >= int(grammar().data["dateline_reach"]):
        return False
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)]
    return _line_date(line) is not None and _a_dateline(line)


def _named_day(text: str) -> date | None:
    """A full date printed further down that falls on a weekday the text named alone before
    it, in a sentence naming someone or somewhere the date's sentence names too ("the serviceman
    Tonroe died on Thursday" ... "Tonroe was killed ... on the 29th March 2018", a Thursday):
    the day of the story's act, which places the article in its week (docs/annotation.md: an
    undated article's police statement "On April 4, 2018" dates the arrest its text told on
    "Wednesday"). A date on another weekday, or of other people, is some other, older act."""
    g = grammar()
    for match in g.printed.finditer(text):
        found = _full_date(match[0])
        if found is None:
            continue
        names = _names(_sentence_at(text, match.start()))
        for told in _WEEKDAY.finditer(text, 0, match.start()):
            word = told[1].lower()
            if word in g.weekdays and g.weekdays[word] == found.weekday() \
                    and not _DATED_WEEKDAY.match(text, told.end()) \
                    and names & _names(_sentence_at(text, told.start())):
                return found
    return None


def _sentence_at(text: str, at: int) -> str:
    """The sentence of the text that holds a character."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0]
    return text[start:min(ends, default=len(text))]


def _names(sentence: str) -> set[str]:
    """The capitalised words of a sentence past its first that name no day or month."""
    g = grammar()
    return {w for w in _WORDS.findall(sentence)[1:] if w[:1].isupper() and len(w) > 3
            and w.lower() not in g.weekdays and w.lower() not in g.months}


def _full_date(text: str) -> date | None:
    """The first full date (day, month and year) the text prints."""
    g = grammar()
    for match in g.printed.finditer(text):
        month, day, year = (match[1], match[2], match[3]) if match[1] else (match[5], match[4], match[6])
        try:
            return date(int(year), g.months[month.lower()], int(day))
        except ValueError:  # "February 30, 2010": not a date, look further
            continue
    return None


def _line_date(line: str) -> date | None:
    """The date a publication line prints: written out, ISO or numeric."""
    return _full_date(line) or _iso_date(line) or _numeric_date(line)


def _iso_date(line: str) -> date | None:
    match = _ISO.search(line)
    try:
        return None if match is None else date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:  # "2013 - 13 - 45": no date
        return None


def _numeric_date(line: str) -> date | None:
    """A numeric date of a publication line ("12 / 23 / 12 06 : 03 PM"): month first, or day
    first where the first number cannot be a month ("25/10/2011"); a two-digit year as POSIX
    strptime reads it (69-99 in the last century)."""
    match = _NUMERIC.search(line)
    if match is None:
        return None
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    if len(match[3]) == 2:
        year += 1900 if year >= 69 else 2000
    month, day = (second, first) if first > 12 else (first, second)
    try:
        return date(year, month, day)
    except ValueError:  # "13 / 13 / 2012": no date
        return None


def _a_dateline(line: str) -> bool:
    """A line that is a date and labels only ("Published :", a weekday, a clock time, a zone):
    no lower-case word of a sentence beside the date."""
    g = grammar()
    rest = _NUMERIC.sub(" ", _ISO.sub(" ", g.printed.sub(" ", line)))
    labels = set(g.data["dateline_labels"])
    return not any(len(w) > 2 and w[0].islower() and w not in labels for w in _WORDS.findall(rest))


def present_year(text: str) -> int | None:
    """The year that the text prints as its present, which fixes the present year of an article
    saved without a date: a copyright line ("Copyright 2018 The Associated Press") or a running
    count up to now ("12 purchases so far in 2018"); None without one, or with two different
    years (a text pasted from several pages)."""
    g = grammar()
    marks = "|".join(re.escape(m) for m in g.data["copyright_marks"])
    years = {int(m[1]) for m in re.finditer(r"(?i)(?:" + marks + r")\s*(?:\(c\)\s*)?((?:19|20)\d\d)\b", text)}
    counts = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in g.data["present_year_marks"])
    years |= {int(m[1]) for m in re.finditer(r"(?i)\b(?:" + counts + r")\s+((?:19|20)\d\d)\b", text)}
    return years.pop() if len(years) == 1 else None


def wire_day(text: str, base: date | None) -> date | None:
    """The day a wire dateline at the head names ("WARSAW, February 26 (Xinhua) --") when it lies
    a few days before the article date: the story was filed that day, and its acts that name no
    day of their own happened on it, not on the day the article is dated (docs/annotation.md,
    seventh dev round)."""
    g = grammar()
    match = None if base is None else g.wire_dateline.search(text[: int(g.data["dateline_reach"])])
    if base is None or match is None:
        return None
    for year in (base.year, base.year - 1):  # "BRUSSELS, December 31" in an article of January 2
        try:
            day = date(year, g.months[match[1].lower()], int(match[2]))
        except (KeyError, ValueError):  # "February 30": no day
            continue
        if 0 < (base - day).days <= int(g.data["wire_dateline_days"]):
            return day
    return None


def dated_by_text(article: Article) -> Article:
    """The article as its dates are grounded: without a date of its own, the date its head
    prints stands for it (docs/annotation.md, "A date the text itself prints")."""
    if article.date is not None:
        return article
    found = printed_date(article.text)
    return article if found is None else replace(article, date=found)
