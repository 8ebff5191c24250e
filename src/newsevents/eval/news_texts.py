"""The real-news pool of the shared eval folder: every article's text exactly as the pipeline gets it.

The hand-annotated news gold set (docs/annotation.md) keeps only spans and labels, keyed by
article id and the sha256 of the text; the texts themselves are read from here. Sources:

- ``ecbplus:<doc>``: ``ecbplus/ecbplus_docs.jsonl``; ECB+ gives no date (None), no title.
- ``lgl:<docid>``: ``geo/lgl.xml``; date = the day of ``dltime`` (when the feed was fetched).
- ``gwn:<file>``: ``geo/GWN.xml``; date = a full day in the ``link`` URL (``/2018/04/05/``,
  ``2018-04-05`` or ``20180405`` not inside a longer number), else None: a month alone
  (``/2018/01/``) is not a day.
- ``timebank:<doc>``: ``timebank/tbaq_docs.jsonl``; date = the document's ``dct``.

The text is the stored text field, never normalised; the LGL/GWN title is passed apart, not
prepended (LGL texts already open with their headline).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsevents.eval.readers import read_jsonl, xml_articles

SOURCES = ("ecbplus", "lgl", "gwn", "timebank")
_FILES = {
    "ecbplus": Path("ecbplus/ecbplus_docs.jsonl"),
    "lgl": Path("geo/lgl.xml"),
    "gwn": Path("geo/GWN.xml"),
    "timebank": Path("timebank/tbaq_docs.jsonl"),
}
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)([/-]?)(\d\d)\2(\d\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class NewsText:
    article_id: str
    source: str
    date: date | None
    title: str | None
    text: str

    @property
    def sha256(self) -> str:
        return text_hash(self.text)


def text_hash(text: str) -> str:
    """The key a gold file stores in place of the text: sha256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def url_day(url: str | None) -> date | None:
    """The first full, valid day written in a URL (see the module docstring), else None."""
    for match in _URL_DAY.finditer(url or ""):
        try:
            return date(int(match[1]), int(match[3]), int(match[4]))
        except ValueError:
            continue
    return None


def _iso_day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _ecbplus(file: Path) -> Iterator[NewsText]:
    for row in read_jsonl(file):
        yield NewsText(f"ecbplus:{row['doc']}", "ecbplus", None, None, str(row["text"]))


def _timebank(file: Path) -> Iterator[NewsText]:
    for row in read_jsonl(file):
        yield NewsText(f"timebank:{row['doc']}", "timebank", _iso_day(row.get("dct")), None, str(row["text"]))


def _lgl(file: Path) -> Iterator[NewsText]:
    for ident, article in xml_articles(file):
        yield NewsText(f"lgl:{ident}", "lgl", _iso_day(article.findtext("dltime")),
                       article.findtext("title"), article.findtext("text") or "")


def _gwn(file: Path) -> Iterator[NewsText]:
    for ident, article in xml_articles(file):
        yield NewsText(f"gwn:{ident}", "gwn", url_day(article.findtext("link")),
                       article.findtext("title"), article.findtext("text") or "")


_READERS = {"ecbplus": _ecbplus, "lgl": _lgl, "gwn": _gwn, "timebank": _timebank}


def news_texts(folder: Path, sources: tuple[str, ...] = SOURCES) -> Iterator[NewsText]:
    """Every article of the pool under a shared-eval folder; a source whose file is absent is skipped."""
    for source in sources:
        file = folder / _FILES[source]
        if file.exists():
            yield from _READERS[source](file)


def find_eval_dir(start: Path) -> Path | None:
    """The nearest ``shared/eval`` beside ``start`` or one of its parents (a checkout or a worktree of it)."""
    for folder in (start, *start.parents):
        if (folder / "shared" / "eval").is_dir():
            return folder / "shared" / "eval"
    return None


def eval_dir_or_exit(given: Path | None) -> Path:
    """The shared eval folder a developer script was given, else the nearest (``find_eval_dir``);
    without one the script stops with a one-line message."""
    folder = given or find_eval_dir(Path.cwd())
    if folder is None:
        raise SystemExit("no shared/eval folder here or above; give --eval-dir")
    return folder


def news_text_index(folder: Path) -> dict[str, NewsText]:
    """The pool by article id."""
    return {item.article_id: item for item in news_texts(folder)}
