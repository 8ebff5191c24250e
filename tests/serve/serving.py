"""A small store built by hand for the API's tests (no model), and a client over it.

Four articles: Lagos (one COERCE), Kyiv (ASSAULT and REQUEST), a joint operation in
Lagos (one COERCE with two actors, so the network and actor tables read the record
JSON), and seven PROTEST events in Kyiv for paging. Three stories, two with places.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from store.builders import KYIV, LAGOS, event  # tests/store/builders.py (tests/ is on the path)

from newsevents.records import Actor, Article, CodedArticle, Quote, Size, Story, Thread
from newsevents.serve import create_app
from newsevents.store import open_store

TOKEN = "s3cret-Token_0123456789"
N_EVENTS = 11

LAGOS_ARTICLE = Article("lagos", date(2023, 5, 30), "Police in Lagos arrested five protesters on Monday.",
                        title="Arrests in Lagos", url="https://example.org/lagos", source="wire")
KYIV_ARTICLE = Article("kyiv", date(2022, 3, 1), "Kyiv was shelled by Russian forces; Ukraine asked for aid.",
                       title="Shelling in Kyiv", source="agency")
JOINT_ARTICLE = Article("joint", date(2023, 6, 2),
                        "Police and soldiers dispersed protesters in Lagos and arrested ten on Friday.",
                        title="Joint operation", source="wire")
PROTESTS_ARTICLE = Article("protests", date(2024, 1, 10), "Protesters marched in Kyiv again today. " * 3,
                           title="Week of protests", source="Wire")


def coded() -> list[CodedArticle]:
    police = Actor("Police", (0, 6), country="NGA", sector="COP")
    protesters = Actor("protesters", (30, 40), country="NGA", sector="CVL")
    lagos = CodedArticle(LAGOS_ARTICLE, events=[
        event(LAGOS_ARTICLE, 0, "COERCE", date="2023-05-29", date_precision="day", location=LAGOS,
              quad="material conflict", actor=[police], recipient=[protesters],
              size=Size((25, 29), arrested=5), confidence=0.8),
    ], quotes=[
        Quote("q-lagos-0", "lagos", Actor("Police", (0, 6), name="Lagos police", country="NGA", sector="COP"),
              "five protesters", (25, 40), verb="arrested", verb_span=(16, 24)),
    ])
    kyiv = CodedArticle(KYIV_ARTICLE, events=[
        event(KYIV_ARTICLE, 0, "ASSAULT", date="2022-02-28", date_precision="day", location=KYIV,
              quad="material conflict",
              actor=[Actor("Russian forces", (20, 34), country="RUS", sector="MIL")],
              recipient=[Actor("Kyiv", (0, 4), country="UKR", sector="CVL")], confidence=0.9),
        event(KYIV_ARTICLE, 1, "REQUEST", date="2022-03-01", date_precision="day", quad="verbal cooperation",
              actor=[Actor("Ukraine", (36, 43), country="UKR", sector="GOV")], confidence=0.4),
    ], quotes=[
        Quote("q-kyiv-0", "kyiv", Actor("Ukraine", (36, 43), name="Ukraine", country="UKR", sector="GOV"),
              "asked for aid", (44, 57), verb="asked", verb_span=(44, 49)),
    ])
    joint = CodedArticle(JOINT_ARTICLE, events=[
        event(JOINT_ARTICLE, 0, "COERCE", date="2023-06-02", date_precision="day", location=LAGOS,
              quad="material conflict",
              actor=[Actor("Police", (0, 6), country="NGA", sector="COP"),
                     Actor("soldiers", (11, 19), country="NGA", sector="MIL")],
              recipient=[Actor("protesters", (30, 40), country="NGA", sector="CVL")], confidence=0.7),
    ])
    protests = CodedArticle(PROTESTS_ARTICLE, events=[
        event(PROTESTS_ARTICLE, n, "PROTEST", date=f"2024-01-0{n + 1}", date_precision="day", location=KYIV,
              quad="verbal conflict", actor=[Actor("Protesters", (0, 10), country="UKR", sector="CVL")],
              recipient=[Actor("government", (0, 4), country="UKR", sector="GOV")], confidence=0.6)
        for n in range(7)
    ])
    return [lagos, kyiv, joint, protests]


STORIES = [
    Story("st-kyiv", "ASSAULT", date="2022-02-28", date_precision="day", location=KYIV,
          actor=[Actor("Russian forces", (20, 34), country="RUS", sector="MIL")],
          mentions=["ev-kyiv-0"], sources=["kyiv"], articles=1),
    Story("st-lagos", "COERCE", date="2023-05-29", date_precision="day", location=LAGOS,
          actor=[Actor("Police", (0, 6), country="NGA", sector="COP")],
          mentions=["ev-lagos-0", "ev-joint-0"], sources=["lagos", "joint"], articles=2),
    Story("st-request", "REQUEST", date="2022-03-01", date_precision="day",
          mentions=["ev-kyiv-1"], sources=["kyiv"], articles=1),
]


THREADS = [  # the two Lagos reports are one happening
    Thread("th-lagos", "Arrests in Lagos", "2023-05-30", "2023-06-02", articles=2, terms=["lagos", "police"]),
    Thread("th-kyiv", "Shelling in Kyiv", "2022-03-01", "2022-03-01", articles=1, terms=["kyiv", "shelled"]),
    Thread("th-protests", "Week of protests", "2024-01-10", "2024-01-10", articles=1, terms=["marched"]),
]
MEMBERS = {"lagos": "th-lagos", "joint": "th-lagos", "kyiv": "th-kyiv", "protests": "th-protests"}


def build_store(path: Path) -> Path:
    """Write the store and close it (the app opens it read-only)."""
    with open_store(path) as store:
        store.add(coded())
        store.put_stories(STORIES)
        store.put_threads(THREADS, {}, MEMBERS)
    return path


@contextmanager
def serving(path: Path, token: str | None = None, **options) -> Iterator[TestClient]:
    """A client of the app over ``path``; the store closes when the block ends."""
    with TestClient(create_app(path, token=token, **options)) as client:
        yield client


def get(client: TestClient, url: str, status: int = 200) -> dict:
    """GET a URL, check the status, return the JSON body."""
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()  # type: ignore[no-any-return]
