"""One exception tree, so callers can catch ``NewsEventsError`` and nothing else.

    NewsEventsError
    ├── InputError            (terminal: this input will never work as it is)
    │   ├── MissingInputError     E001 no such file or directory
    │   ├── BinaryInputError      E002 not a text file
    │   ├── BadJSONError          E003 a JSONL line that is not an article object
    │   ├── EmptyArticleError     E004 an article with no text
    │   ├── ArticleTooLongError   E005 longer than the spaCy pipeline accepts
    │   └── BadFeedError          E006 neither an RSS/Atom feed nor a web page
    ├── CodingError           E007 a stage failed on one article (a bug or a limit); the others go on
    ├── OutputError           E008 an output file that cannot be written (checked before coding)
    ├── OntologyError         E010 an ontology data file is malformed
    ├── StoreError            E020 the event store cannot be opened or written
    ├── FilterError           E021 a filter value that means nothing (bad date, unknown type ...)
    ├── FetchError            E030 a URL could not be fetched (network, HTTP status, size)
    ├── MissingExtraError     E040 an optional dependency (pip extra) is not installed
    └── ShardError            E041 Parquet shards that are missing or not newsevents shards

Messages start with their code so users and tests can grep them.
"""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base of every error newsevents raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"{self.code} {message}")


class TerminalError(NewsEventsError):
    """Retrying will not help: the input or data must change."""


class InputError(TerminalError):
    """An input that cannot be read as articles; other inputs go on."""


class MissingInputError(InputError):
    code = "E001"


class BinaryInputError(InputError):
    code = "E002"


class BadJSONError(InputError):
    code = "E003"


class EmptyArticleError(InputError):
    code = "E004"


class ArticleTooLongError(InputError):
    code = "E005"


class BadFeedError(InputError):
    code = "E006"


class CodingError(TerminalError):
    """One article made a stage (parse, extract, quotes, places, dates) fail.

    The pipeline's guard turns the exception into this, so the run reports one line
    naming the article and goes on with the others; ``article_id`` says which one.
    """

    code = "E007"

    def __init__(self, article_id: str, detail: str) -> None:
        self.article_id = article_id
        self.reason = f"could not be coded ({detail})"
        super().__init__(f"{one_line(article_id)}: {self.reason}")

    @classmethod
    def of(cls, article_id: str, exc: BaseException) -> CodingError:
        """The one-line error for an exception raised while coding ``article_id``."""
        if isinstance(exc, NewsEventsError):
            detail = str(exc)
        else:
            detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        detail = " ".join(detail.split())
        if len(detail) > MAX_DETAIL:
            detail = detail[:MAX_DETAIL - 3] + "..."
        return cls(article_id, detail)

    def __reduce__(self) -> tuple[type[CodingError], tuple[str, str]]:
        return type(self), (self.article_id, self.reason[len("could not be coded ("):-1])


class OutputError(TerminalError):
    """An output path that cannot be written: a directory, a path under a file, a folder
    without write permission. Checked before any article is coded."""

    code = "E008"


MAX_DETAIL = 200
"""Characters of an exception's own message kept in a ``CodingError`` line."""


def one_line(text: str) -> str:
    """User text (an id, a file name) fit for a one-line message: line breaks and other
    control characters shown as escapes, never printed."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


class OntologyError(TerminalError):
    code = "E010"


class StoreError(NewsEventsError):
    """The store is locked by another process, of another schema version, or a write failed.

    Not terminal: a lock held by another process goes away; a failed batch left nothing behind.
    """

    code = "E020"


class FilterError(TerminalError, ValueError):
    """A filter of a query, export or API request that cannot be read (a date that is no date,
    an unknown event type, a bounding box off the globe). ``option`` names the filter as the
    store calls it (``date_from``); the CLI and the API each show it in their own spelling.

    A ``ValueError`` too, so the API's validators turn it into a 422 like any bad parameter.
    """

    code = "E021"

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


class FetchError(NewsEventsError):
    """A URL could not be fetched: no connection, a timeout, an HTTP error status, too large.

    Not terminal: a server that is down now may answer later (``newsevents watch`` retries).
    """

    code = "E030"


class MissingExtraError(TerminalError):
    """A feature needs an optional dependency: ``pip install 'newsevents[EXTRA]'``."""

    code = "E040"


class ShardError(TerminalError):
    """A shard directory that is missing, empty of shards, or holds rows out of their article."""

    code = "E041"
