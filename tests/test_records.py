"""Records survive ``to_dict`` and ``from_dict``: shards and stored JSON come back as records."""

from datetime import date

from newsevents.records import Actor, Article, Event, Location, Quote, SentenceRef, Size, TextRef


def test_article_event_quote_round_trip() -> None:
    article = Article("a", date(2023, 5, 30), "Police arrested five.", title="t", url="u", source="s")
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_dict({**article.to_dict(), "date": None}).date is None
    event = Event(
        id="e", article_id="a", event_type="COERCE", trigger=TextRef("arrested", (7, 15)),
        sentence=SentenceRef(0, (0, 21)), context=["riot"], acled={"event_type": "Riots"},
        actor=[Actor("Police", (0, 6), country="NGA", sector="COP")], recipient=[Actor("five", (16, 20))],
        date="2023-05-29", date_span=(0, 6), location=Location("Lagos", (0, 5), lat=6.4, geonameid=1),
        size=Size((16, 20), arrested=5), negated=True, confidence=0.7,
    )
    assert Event.from_dict(event.to_dict()) == event
    quote = Quote("q", "a", Actor("Police", (0, 6)), "five", (16, 20), verb="said", verb_span=(1, 2))
    assert Quote.from_dict(quote.to_dict()) == quote
    assert Quote.from_dict({**quote.to_dict(), "speaker": None}).speaker is None
