"""Records survive ``to_dict`` and ``from_dict``: shards and stored JSON come back as records."""

from datetime import date

from newsevents.records import Actor, Article, Event, Location, Quote, SentenceRef, Size, TextRef, main_event


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


def _told(word, start, confidence, **flags):
    return Event(id=word, article_id="a", event_type="ASSAULT", trigger=TextRef(word, (start, start + 4)),
                 sentence=SentenceRef(0, (0, 80)), confidence=confidence, **flags)


def test_records_main_event_is_the_first_told_of_the_likely_ones():
    capture, battle = _told("took", 10, 0.5), _told("battle", 40, 0.7)
    assert main_event([battle, capture]) is capture  # at least half the best: told first wins
    assert main_event([battle, _told("took", 10, 0.3)]) is battle  # under half: not the main one
    assert main_event([_told("veto", 5, 0.9, hypothetical=True), capture]) is capture
    # "rallied to mourn those killed in last year's riots": the old act is background
    rally = _told("rallied", 10, 0.14)
    assert main_event([rally, _told("riots", 60, 0.29, historical=True)]) is rally
    assert main_event([]) is None
