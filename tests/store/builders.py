"""Records built by hand for the store's tests (no model needed)."""

from newsevents.records import Article, Event, Location, SentenceRef, TextRef

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
