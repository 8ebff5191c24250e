"""Records built by hand for the store's tests (no model needed)."""

from datetime import date
from pathlib import Path

from newsevents.records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    Location,
    Quote,
    SentenceRef,
    Size,
    Story,
    TextRef,
)
from newsevents.store import Store, open_store

LAGOS = Location("Lagos", (10, 15), name="Lagos", lat=6.45, lon=3.39, country_code="NG", admin1="Lagos",
                 precision="town")
KYIV = Location("Kyiv", (0, 4), name="Kyiv", lat=50.45, lon=30.52, country_code="UA", precision="town")


def event(article: Article, n: int, event_type: str, **fields) -> Event:
    """Event ``n`` of an article, its trigger four characters at ``n * 10``."""
    start = n * 10
    return Event(
        id=f"ev-{article.id}-{n}", article_id=article.id, event_type=event_type,
        trigger=TextRef(article.text[start:start + 4], (start, start + 4)),
        sentence=SentenceRef(n, (0, len(article.text))), **fields,
    )


def make_coded(i: int) -> CodedArticle:
    """Article ``i`` with ``i % 4`` events and ``i % 3`` quotes: the crash test's generator."""
    article = Article(id=f"gen-{i}", date=date(2023, 1, 1 + i % 28), title=f"Report {i}",
                      text=f"Article number {i}. " + "Police arrested protesters in Lagos. " * 5)
    events = [event(article, n, "COERCE", confidence=0.6) for n in range(i % 4)]
    quotes = [Quote(id=f"q-{i}-{n}", article_id=article.id, speaker=None, text="x", span=(0, 1))
              for n in range(i % 3)]
    return CodedArticle(article, events=events, quotes=quotes)


def lagos_and_kyiv() -> list[CodedArticle]:
    """Two articles: arrests in Lagos (one event), Kyiv shelled and asking for aid (two)."""
    lagos = Article("lagos", date(2023, 5, 30), "Police in Lagos arrested five protesters on Monday.",
                    title="Arrests in Lagos", source="wire")
    kyiv = Article("kyiv", date(2022, 3, 1), "Kyiv was shelled by Russian forces; Ukraine asked for aid.")
    return [
        CodedArticle(lagos, events=[
            event(lagos, 0, "COERCE", date="2023-05-29", date_precision="day", location=LAGOS,
                  actor=[Actor("Police", (0, 6), country="NGA", sector="COP")],
                  recipient=[Actor("protesters", (30, 40), country="NGA", sector="CVL")],
                  size=Size((25, 29), arrested=5), confidence=0.8),
        ]),
        CodedArticle(kyiv, events=[
            event(kyiv, 0, "ASSAULT", date="2022-02-28", date_precision="day", location=KYIV,
                  actor=[Actor("Russian forces", (20, 34), country="RUS", sector="MIL")],
                  recipient=[Actor("Kyiv", (0, 4), country="UKR", sector="CVL")], confidence=0.9),
            event(kyiv, 1, "REQUEST", date="2022-03-01", date_precision="day",
                  actor=[Actor("Ukraine", (36, 43), country="UKR", sector="GOV")], confidence=0.4),
        ]),
    ]


def filled_store(folder: Path) -> Store:
    """A new store in ``folder`` holding ``lagos_and_kyiv``."""
    store = open_store(folder / "test.duckdb")
    store.add(lagos_and_kyiv())
    return store


def story(story_id: str, mentions: list[str], **fields) -> Story:
    return Story(id=story_id, event_type=fields.pop("event_type", "ASSAULT"), mentions=mentions,
                 articles=len(mentions), **fields)


def ids(frame) -> set[str]:
    return set(frame["id"])


QUAKE = ("A magnitude 6.1 earthquake struck near Quetzaltenango on Tuesday, killing 40 people; "
         "rescuers in Quetzaltenango searched collapsed homes as President Morales declared an emergency.")
QUAKE_AGAIN = ("Rescuers dug through rubble in Quetzaltenango after Tuesday's 6.1 earthquake; "
               "President Morales said 40 people had died and ordered emergency aid for the western "
               "highlands.")
VIGIL = "Churches held vigils for the 40 victims of the 6.1 quake in Guatemala."


def moving_coded() -> list[CodedArticle]:
    """Background articles, then a quake report, a short report of it that starts a thread of its
    own when threads join strictly (threshold 0.6, moves at 0.52), and a second report that
    moves it in."""
    texts = [f"Markets in city{n} closed higher as traders weighed results from firm{n}." for n in range(6)]
    texts += [QUAKE, VIGIL, QUAKE_AGAIN]
    ids = [f"market{n}" for n in range(6)] + ["quake", "vigil", "again"]
    found = []
    for aid, text in zip(ids, texts, strict=True):
        article = Article(id=aid, date=None, text=text)
        found.append(CodedArticle(article, events=[event(article, 0, "ASSAULT", confidence=0.8)]))
    return found
