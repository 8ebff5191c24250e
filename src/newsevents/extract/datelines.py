"""The dateline: the town in capitals that opens a wire story ("NAIROBI, Kenya (AP) -").

One definition read by story_places.py (where the article's statements were made),
place_names.py (the town is a city, not a namesake) and actor_phrases.py (a dateline is a line
of its own: a parse that runs it into the first clause, "MEXICO CITY (AP) Mexico's Senate has
passed", does not make it part of the doer). It sits at the body's start: after a headline the
text repeats from its title and after a byline ("By Nate Raymond. BOSTON (Reuters) -"); one an
agency or a dash marks ("(AP)", "XENIA —") is a dateline wherever a line or sentence starts near
the top (after a headline the title field does not repeat). The mark after it is a dash, a
colon, an underscore, a Windows-1252 dash read as Latin-1 (U+0096, U+0097) or a lost character
(U+FFFD); an agency-marked one may have none ("MEXICO CITY (AP) Mexico's Senate").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsevents.nlp import TITLE, doc_text

REACH = 400  # a marked dateline after a headline starts this near the top
_DASHES = "-_\u2013\u2014\u0096\u0097\ufffd"
_HEAD = r"(?P<town>[A-Z][A-Z.'&-]+(?:[ ][A-Z&][A-Z.'&-]*){0,3})"  # up to four words in capitals
_TAIL = r"(?:,+\s*[A-Z][\w.' ,]{0,30}?)?\s*"  # ", Kenya", ", N.M.", ", MARCH 29, 2018"
_AGENCY = r"\([A-Z][\w .&-]{0,30}\)"  # "(AP)", "(Thomson Reuters Foundation)"


def _marked(marks: str) -> str:
    return _TAIL + r"(?:" + _AGENCY + r"\s*[" + marks + r"]*|[" + marks + r"]+)"


_DATELINE = re.compile(_HEAD + r"(?:" + _marked(_DASHES + ":") + r"|(?P<run_in>(?=\s+[A-Z][a-z])))")
_MARKED_DATELINE = re.compile(  # after a headline, a colon only right after the town ("BEIRUT: The"),
    # not after a label ("POSTED : 05 / 02", "MUST SEE : Navy")
    r"(?:\A|(?<=\n)|(?<=[.!?]\s))\s*" + _HEAD + r"(?:" + _marked(_DASHES) + r"|:(?=\s+[A-Z][a-z]))")
_BYLINE = re.compile(r"By\s", re.IGNORECASE)
_BYLINE_END = re.compile(r"(?:\.\s+|\s+)(?=[A-Z]{2})")  # a stop, or the next word in capitals
_HEADLINE_END = re.compile(r"[\s.]*")  # the stop and space after a headline run into the text
BYLINE_CHARS = 150
_FOUND = "newsevents.dateline"


@dataclass(frozen=True, slots=True)
class Dateline:
    town: tuple[int, int]  # the words in capitals
    end: int  # after its mark: where the story's first sentence starts
    run_in: bool  # no mark: the capitals run into the first sentence ("SAN ANTONIO The coach")


def find(text: str, title: str | None = None) -> Dateline | None:
    """The article's dateline, if it has one (module docstring)."""
    start = _after_headline(text, title)
    start += len(text[start:]) - len(text[start:].lstrip())
    if _BYLINE.match(text, start):  # "By Nate Raymond. BOSTON (Reuters) -"
        found = next((d for m in _BYLINE_END.finditer(text, start, start + BYLINE_CHARS)
                      if (d := _at(text, m.end(), run_in=False)) is not None), None)
    else:
        found = _at(text, start)
    if found is None:
        marked = _MARKED_DATELINE.search(text, 0, REACH)
        found = None if marked is None else _at(text, marked.start("town"))
    return found


def in_doc(doc: Doc) -> Dateline | None:
    """The dateline of a parsed article (``find``, with the title the parse recorded), found once
    per Doc and kept in its ``user_data``: places, actor phrases and story places all ask."""
    if _FOUND not in doc.user_data:
        doc.user_data[_FOUND] = find(doc_text(doc), doc.user_data.get(TITLE))
    return doc.user_data[_FOUND]  # type: ignore[no-any-return]


def _at(text: str, start: int, *, run_in: bool = True) -> Dateline | None:
    """The dateline that starts at ``start`` (``run_in``: one that runs into the text too)."""
    match = _DATELINE.match(text, start, start + 200)
    if match is None or (match.group("run_in") is not None and not run_in):
        return None
    return Dateline(match.span("town"), match.end(), match.group("run_in") is not None)


def _after_headline(text: str, title: str | None) -> int:
    """Where the body starts in a text that repeats its headline first (0 when it does not)."""
    head = (title or "").strip()
    opening = text.lstrip()
    if not head or not opening.startswith(head):
        return 0
    start = len(text) - len(opening) + len(head)
    return start + len(_HEADLINE_END.match(text, start).group(0))  # type: ignore[union-attr]
