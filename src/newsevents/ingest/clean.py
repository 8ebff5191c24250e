"""Cleaning: mark the parts of an article that are not news, so nothing is coded from them.

Menus, "most read" lists, newsletter sign-ups, photo captions and credits, share lines
and copyright lines come through every input (pages, JSONL, text). They are not cut out:
the article's ``masked`` ranges name them, the text stays as it is (every span still
indexes it), and the parser reads the masked characters as blank space. The patterns are
data (ontology/data/boilerplate.yaml, plus the same file in extra ontology folders).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from pathlib import Path

from newsevents.errors import OntologyError
from newsevents.ontology.files import read_mapping
from newsevents.ontology.load import data_files
from newsevents.records import Article, Span

_LINE = re.compile(r"[^\n]+")
_UNIT = re.compile(r".+?(?:[.!?][\"'”’)]*(?=\s+[\"“(]?[A-Z])|$)")  # a sentence, roughly
LONG_LINE = 300
"""Lines longer than this (characters) are judged a sentence at a time."""
MAX_COPIES = 2
"""A line met more often than this in one article (a menu item, an ad slot, a broken page's
junk repeated) is not news after its second copy: those later copies are masked, which also
keeps a page of one line repeated thousands of times from costing the parser seconds."""
CAPTION_SENTENCES = 3
"""How many sentences before its credit a caption run into the text may open (boilerplate.yaml
``captions``): a wire caption is a sentence on the picture and one or two of background."""
MIN_NEWS_WORDS = 2
"""A line that is a credit but for this many words ("Photo by Ann | Lee") is all credit."""
C1_REPAIR = {code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0)
             if code not in {0x81, 0x8D, 0x8F, 0x90, 0x9D}}
"""Windows-1252 text read as Latin-1 holds C1 control characters where its dashes and quotes
were ("INDIANAPOLIS (AP) \x97 The mayor"); each stands for one character, so the repair keeps
every offset."""


@dataclasses.dataclass(frozen=True, slots=True)
class BoilerplateRules:
    """Patterns of a whole line that is not news, of pieces of a paragraph, and of the credit
    and first sentence of a caption run into the text."""

    lines: tuple[re.Pattern[str], ...]
    inline: tuple[re.Pattern[str], ...]
    credits: tuple[re.Pattern[str], ...] = ()
    openings: tuple[re.Pattern[str], ...] = ()


@functools.lru_cache(maxsize=8)
def load_rules(extra: tuple[Path, ...] = ()) -> BoilerplateRules:
    """The bundled boilerplate.yaml and any in the ``extra`` ontology folders."""
    found: dict[str, list[re.Pattern[str]]] = {"lines": [], "inline": [], "credit": [], "opening": []}
    for path in data_files("boilerplate.yaml", extra):
        for key, patterns in read_mapping(path).items():
            captions = key == "captions" and isinstance(patterns, dict)
            for part, listed in patterns.items() if captions else [(key, patterns)]:
                if part not in (("credit", "opening") if captions else ("lines", "inline")):
                    raise OntologyError(f"{path.name}: unknown key {part!r} (lines, inline, captions: "
                                        "credit, opening)")
                try:  # inline patterns and credits tell names by case
                    flags = re.IGNORECASE if part in {"lines", "opening"} else 0
                    found[part].extend(re.compile(p, flags) for p in listed or ())
                except re.error as exc:
                    raise OntologyError(f"{path.name}: bad pattern in {part}: {exc}") from exc
    return BoilerplateRules(tuple(found["lines"]), tuple(found["inline"]),
                            tuple(found["credit"]), tuple(found["opening"]))


def boilerplate_spans(text: str, rules: BoilerplateRules) -> list[Span]:
    """The ranges of ``text`` that are not news, in order and without overlaps.

    A line is judged whole; a long line (a page flattened into one paragraph) is judged
    sentence by sentence, so a copyright line at its end does not take the article with it.
    """
    spans: list[Span] = []
    copies: Counter[str] = Counter()
    for line in _LINE.finditer(text):
        whole = line.group().strip()
        copies[whole] += 1
        if whole and copies[whole] > MAX_COPIES:  # a copy too many (``MAX_COPIES``)
            start = line.start() + line.group().index(whole)
            spans.append((start, start + len(whole)))
            continue
        text = line.group()
        news = text[:_caption_start(text, rules)]
        if len(news) < len(text.rstrip()):
            spans.append((line.start() + len(news), line.start() + len(text.rstrip())))
        short = len(text) <= LONG_LINE
        pieces = [(0, news)] if short else [(u.start(), u.group()) for u in _UNIT.finditer(news)]
        for at, piece in pieces:
            body = piece.strip()
            if body:
                spans.extend(_unit_spans(body, line.start() + at + piece.index(body), rules))
    return _merged(spans)


def _caption_start(line: str, rules: BoilerplateRules) -> int:
    """Where a caption run into the end of a line starts (boilerplate.yaml ``captions``): the
    first sentence naming the picture within ``CAPTION_SENTENCES`` before the credit, else the
    credit; the line's length when it ends with no credit."""
    credit = next((m for p in rules.credits if (m := p.search(line))), None)
    if credit is None:
        return len(line)
    before = list(_UNIT.finditer(line[:credit.start()]))[-CAPTION_SENTENCES:]
    opening = next((u for u in before if any(p.search(u.group()) for p in rules.openings)), None)
    if opening is None:
        return credit.start()
    return opening.start() + len(opening.group()) - len(opening.group().lstrip())


def _unit_spans(body: str, start: int, rules: BoilerplateRules) -> list[Span]:
    pieces = _merged([(m.start(), m.end()) for p in rules.inline for m in p.finditer(body) if m.group()])
    rest = " ".join(body[a:b] for a, b in _gaps(pieces, len(body))).strip()
    all_credit = bool(pieces) and len(rest.split()) <= MIN_NEWS_WORDS
    if all_credit or (rest and any(p.search(rest) for p in rules.lines)):
        return [(start, start + len(body))]  # a whole line of no news
    return [(start + a, start + b) for a, b in pieces]  # captions or credits inside news


def _gaps(spans: list[Span], length: int) -> list[Span]:
    """The ranges of [0, length) outside ``spans`` (sorted, not overlapping)."""
    gaps, last = [], 0
    for start, end in spans:
        gaps.append((last, start))
        last = end
    gaps.append((last, length))
    return [(a, b) for a, b in gaps if b > a]


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def repair_characters(article: Article) -> Article:
    """The article with its C1 control characters read as Windows-1252 (``C1_REPAIR``), one
    character for one: the parser then sees a dash, a quote, not a control character."""
    text = article.text.translate(C1_REPAIR)
    title = None if article.title is None else article.title.translate(C1_REPAIR)
    if text == article.text and title == article.title:
        return article
    return dataclasses.replace(article, text=text, title=title)


def mark_boilerplate(article: Article, rules: BoilerplateRules) -> Article:
    """The article with its non-news ranges in ``masked`` (its text unchanged)."""
    spans = boilerplate_spans(article.text, rules)
    if spans == list(article.masked):
        return article
    return dataclasses.replace(article, masked=spans)
