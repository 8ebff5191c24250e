from datetime import date

from newsevents.dedup import StoryIndex, merge_stories, story_id
from newsevents.records import Actor, Article, CodedArticle, Event, Location, SentenceRef, Size, TextRef

LAGOS = Location("Lagos", (0, 5), name="Lagos", geonameid=2332459, lat=6.4541, lon=3.3947,
                 country_code="NG", admin1="Lagos", precision="town")
ABUJA = Location("Abuja", (0, 5), name="Abuja", geonameid=2352778, lat=9.0579, lon=7.4951,
                 country_code="NG", admin1="FCT", precision="town")
NIGERIA = Location("Nigeria", (0, 7), name="Nigeria", geonameid=2328926, lat=9.0, lon=8.0,
                   country_code="NG", precision="country")
POLICE = Actor("Police", (0, 6), name="Nigeria Police Force", country="NGA", sector="COP")
CROWD = Actor("protesters", (0, 10), name="protesters", country="NGA", sector="CVL")


def article(id: str, text: str, published: str = "2023-05-30") -> Article:
    return Article(id=id, date=date.fromisoformat(published), text=text)


def event(art: Article, n: int = 0, *, event_type: str = "ASSAULT", day: str | None = "2023-05-29",
          precision: str = "day", location: Location | None = LAGOS, size: Size | None = None,
          confidence: float = 0.8, negated: bool = False, sentence: tuple[int, int] | None = None,
          trigger: str = "fired") -> Event:
    span = sentence or (0, len(art.text))
    return Event(
        id=f"ev-{art.id}-{n}", article_id=art.id, event_type=event_type,
        trigger=TextRef(trigger, (0, len(trigger))), sentence=SentenceRef(n, span),
        actor=[POLICE], recipient=[CROWD], date=day, date_precision=precision,
        date_text="on Monday" if day else None, location=location, size=size,
        confidence=confidence, negated=negated,
    )


REPORT_A = "Police opened fire on protesters at the Lekki toll gate in Lagos on Monday, killing four."
REPORT_B = "Four protesters were shot dead by police at the Lekki toll gate in Lagos on Monday night."


def coded(art: Article, *events: Event) -> CodedArticle:
    return CodedArticle(art, events=list(events))


def test_same_event_from_two_articles_is_one_story():
    a, b = article("a", REPORT_A), article("b", REPORT_B, "2023-05-31")
    stories = merge_stories([coded(a, event(a)), coded(b, event(b))])
    assert len(stories) == 1
    story = stories[0]
    assert story.mentions == ["ev-a-0", "ev-b-0"] and story.sources == ["a", "b"]
    assert story.articles == 2 and story.id == story_id("ev-a-0")
    assert (story.first_seen, story.last_seen) == ("2023-05-30", "2023-05-31")
    assert story.date == "2023-05-29" and story.date_precision == "day"
    assert len(story.actor) == 1 and len(story.recipient) == 1  # deduplicated


def test_same_type_on_different_days_stays_apart():
    a, b = article("a", REPORT_A), article("b", REPORT_B)
    stories = merge_stories([coded(a, event(a)), coded(b, event(b, day="2023-05-27"))])
    assert len(stories) == 2


def test_same_day_in_different_towns_stays_apart():
    a, b = article("a", REPORT_A), article("b", REPORT_B.replace("Lagos", "Abuja"))
    stories = merge_stories([coded(a, event(a)), coded(b, event(b, location=ABUJA))])
    assert len(stories) == 2


def test_coarse_place_and_month_date_are_compatible_and_the_story_keeps_the_precise_ones():
    a, b = article("a", REPORT_A), article("b", REPORT_B)
    stories = merge_stories([
        coded(a, event(a, location=NIGERIA, day="2023-05-01", precision="month")),
        coded(b, event(b)),
    ])
    assert len(stories) == 1
    assert stories[0].location == LAGOS and stories[0].date == "2023-05-29"


def test_different_event_types_stay_apart():
    a, b = article("a", REPORT_A), article("b", REPORT_B)
    stories = merge_stories([coded(a, event(a)), coded(b, event(b, event_type="PROTEST"))])
    assert len(stories) == 2


def test_story_size_is_the_largest_trustworthy_figure_not_the_sum():
    a, b, c = article("a", REPORT_A), article("b", REPORT_B), article("c", REPORT_B + " More.")
    stories = merge_stories([
        coded(a, event(a, size=Size((0, 4), dead=4, injured=10))),
        coded(b, event(b, size=Size((0, 4), dead=7, qualifier="at least"))),
        coded(c, event(c, size=Size((0, 4), dead=50, qualifier="up to"))),
    ])
    assert len(stories) == 1
    size = stories[0].size
    assert size is not None and (size.dead, size.injured, size.arrested) == (7, 10, None)


def test_a_rising_toll_keeps_the_largest_and_every_report_with_its_source_in_date_order():
    days = {"b": "2023-05-31", "a": "2023-05-30", "c": "2023-06-01"}
    reports = [article(k, REPORT_A if k == "a" else REPORT_B, v) for k, v in days.items()]
    tolls = {"a": 12, "b": 80, "c": 84}
    stories = merge_stories([coded(r, event(r, size=Size((0, 4), dead=tolls[r.id]))) for r in reports])
    assert len(stories) == 1 and stories[0].size.dead == 84  # the largest, never the sum
    given = [(r["article_id"], r["dead"]) for r in stories[0].size_reports]
    assert given == [("a", 12), ("b", 80), ("c", 84)]


def test_incremental_merge_keeps_ids_and_returns_only_what_changed():
    a, b = article("a", REPORT_A), article("b", REPORT_B)
    c = article("c", "Soldiers and police clashed with protesters in Abuja on Monday.")
    first = merge_stories([coded(a, event(a)), coded(c, event(c, location=ABUJA))])
    assert len(first) == 2
    lagos = next(s for s in first if s.location == LAGOS)
    second = merge_stories([coded(b, event(b))], existing=first)
    assert [s.id for s in second] == [lagos.id]
    assert second[0].mentions == ["ev-a-0", "ev-b-0"] and second[0].articles == 2


def test_negated_and_hypothetical_events_are_left_out():
    a = article("a", REPORT_A)
    hypothetical = event(a, 1)
    hypothetical.hypothetical = True
    assert merge_stories([coded(a, event(a, 0, negated=True), hypothetical)]) == []


def test_an_unsure_report_joins_its_story_but_the_published_ones_give_the_fields():
    a, b = article("a", REPORT_A), article("b", REPORT_B, "2023-05-31")
    c = article("c", REPORT_B, "2023-06-01")
    doubtful = event(b, confidence=0.3, size=Size((0, 4), dead=40), location=NIGERIA)
    doubtful.actor = [Actor("gunmen", (0, 6), name="gunmen", sector="REB")]
    index = StoryIndex([])
    index.add([coded(b, doubtful)])
    [story] = index.stories()  # alone, it gives the story's fields
    assert story.size is not None and story.size.dead == 40 and story.location == NIGERIA
    index.add([coded(a, event(a))])
    [story] = index.stories()
    assert story.mentions == ["ev-b-0", "ev-a-0"] and story.articles == 2 and story.first_seen == "2023-05-30"
    assert story.size is None and story.location == LAGOS and story.actor == [POLICE]
    later = event(c, confidence=0.3, size=Size((0, 4), dead=40))
    later.actor = [Actor("gunmen", (0, 6), name="gunmen", sector="REB")]
    index.add([coded(c, later)])
    [story] = index.stories()
    assert story.mentions == ["ev-b-0", "ev-a-0", "ev-c-0"] and story.last_seen == "2023-06-01"
    assert story.size is None and story.actor == [POLICE]


def test_two_mentions_in_one_article_merge_when_they_agree():
    text = REPORT_A + " " + REPORT_B
    a = article("a", text)
    first, second = (0, len(REPORT_A)), (len(REPORT_A) + 1, len(text))
    stories = merge_stories([coded(a, event(a, 0, sentence=first), event(a, 1, sentence=second))])
    assert len(stories) == 1 and stories[0].articles == 1 and len(stories[0].mentions) == 2


def test_a_higher_threshold_merges_less():
    a = article("a", REPORT_A)
    b = article("b", "A crowd was dispersed with live rounds; the dead were buried on Tuesday.")
    pair = [coded(a, event(a)), coded(b, event(b))]
    assert len(merge_stories(pair, threshold=0.99)) == 2


def test_stored_state_lets_a_later_batch_match_by_text_as_in_one_pass():
    import json

    from newsevents.dedup import StoryIndex

    texts = {
        "a": "Gunmen kidnapped forty schoolgirls from a boarding school in Kebbi overnight.",
        "b": "Heavy flooding displaced thousands of farmers along the river delta this week.",
        "c": "Forty schoolgirls were kidnapped by gunmen who stormed their boarding school in Kebbi.",
    }
    arts = {k: article(k, t) for k, t in texts.items()}
    batch = {k: coded(a, event(a, day=None, location=None)) for k, a in arts.items()}
    one_pass = merge_stories(batch.values())

    first = StoryIndex()
    first.add([batch["a"], batch["b"]])
    stored = json.loads(json.dumps(first.states()))  # as a store keeps them
    docs, df = first.stats.added_docs, dict(first.stats.added_df)

    later = StoryIndex(first.stories(), states=stored)
    later.add([batch["c"]], known_df=lambda words: (docs, {w: df[w] for w in words if w in df}))
    assert sorted(s.mentions for s in later.stories(changed_only=False)) == sorted(
        s.mentions for s in one_pass) == [["ev-a-0", "ev-c-0"], ["ev-b-0"]]

    stateless = StoryIndex(first.stories())  # what a store without states could do: no text
    stateless.add([batch["c"]])
    assert len(stateless.stories(changed_only=False)) == 3


def test_related_types_a_day_apart_in_town_and_country_are_one_story():
    """"Police beat protesters in Lagos late on Monday" and "security forces cracked down in
    Nigeria on Tuesday" code one act as ASSAULT and COERCE, a day and a place precision apart."""
    a, b = article("a", REPORT_A), article("b", REPORT_B)
    stories = merge_stories([coded(a, event(a)),
                             coded(b, event(b, event_type="COERCE", day="2023-05-30", location=NIGERIA))])
    assert len(stories) == 1 and stories[0].location == LAGOS  # the most precise place is kept


def test_an_arrest_after_an_attack_is_a_story_of_its_own():
    """The attack and the arrests after it are two events (ASSAULT and COERCE may code one
    raid, but an arrest is its own act): two stories however alike the reports."""
    a, b = article("a", REPORT_A), article("b", REPORT_B)
    arrest = event(b, event_type="COERCE", trigger="arrested")
    arrest.mode = "arrest"
    stories = merge_stories([coded(a, event(a)), coded(b, arrest)])
    assert sorted(s.event_type for s in stories) == ["ASSAULT", "COERCE"]
    index = StoryIndex()  # and the other way round, through a stored story's state
    index.add([coded(b, arrest)])
    later = StoryIndex(index.stories(), states=index.states())
    later.add([coded(a, event(a))])
    assert len(later.stories(changed_only=False)) == 2


def test_the_same_thread_joins_mentions_whose_words_differ():
    a = article("a", "Officers fired tear gas at the march near the bridge.")
    b = article("b", "Demonstrators said troops charged them with batons outside parliament.")
    items = [coded(a, event(a, day=None, location=None)), coded(b, event(b, day=None, location=None))]
    apart = StoryIndex()
    apart.add(items)
    assert len(apart.stories()) == 2  # nothing but the parties in common
    together = StoryIndex()
    together.add(items, thread_of={"a": "th-1", "b": "th-1"})
    assert len(together.stories()) == 1


def test_a_trigger_word_of_the_same_stem_joins_mentions_whose_words_differ():
    a = article("a", "Officers fired tear gas at the march near the bridge.")
    b = article("b", "Demonstrators said troops charged them with batons outside parliament.")

    def stories(first: str, second: str) -> int:
        index = StoryIndex()
        index.add([coded(a, event(a, location=None, trigger=first)),
                   coded(b, event(b, location=None, trigger=second))])
        return len(index.stories())

    assert stories("shelled", "shelling") == 1  # "shel": the same act, worded otherwise
    assert stories("shelled", "charged") == 2  # only the parties and the day in common


def test_another_thread_counts_against_joining():
    """Same day, town and parties, little else in common: one story unless their articles
    are in different threads."""
    a = article("a", "Officers fired tear gas at the march near the bridge.")
    b = article("b", "Demonstrators said troops charged them with batons outside parliament.")
    items = [coded(a, event(a, trigger="fired")), coded(b, event(b, trigger="charged"))]
    counts = []
    for thread_of in ({}, {"a": "th-1", "b": "th-1"}, {"a": "th-1", "b": "th-2"}):
        index = StoryIndex(threshold=0.3)  # where the two just join on what they share
        index.add(items, thread_of=thread_of)
        counts.append(len(index.stories()))
    assert counts == [1, 1, 2]


def test_inside_one_thread_a_place_or_a_date_that_disagrees_is_outweighed_but_not_both():
    """A town the geocoder put elsewhere, or a weekday grounded a week off, in one thread's
    coverage: the same story; another town on another day: another event."""
    a = article("a", REPORT_A)
    b = article("b", REPORT_B)

    def stories(second: Event, thread_of: dict[str, str]) -> int:
        index = StoryIndex()
        index.add([coded(a, event(a)), coded(b, second)], thread_of=thread_of)
        return len(index.stories())

    one = {"a": "th-1", "b": "th-1"}
    assert stories(event(b, location=ABUJA), {}) == 2
    assert stories(event(b, location=ABUJA), one) == 1
    assert stories(event(b, day="2023-05-22"), one) == 1
    assert stories(event(b, location=ABUJA, day="2023-05-22"), one) == 2
    assert stories(event(b, location=ABUJA), {"a": "th-1", "b": "th-2"}) == 2


def test_a_story_spanning_two_threads_keeps_its_gates():
    """A story joined across threads is no longer one happening's: no chaining through it."""
    a, c = article("a", REPORT_A), article("c", REPORT_A + " Witnesses said four died.")
    b = article("b", REPORT_B)
    index = StoryIndex()
    index.add([coded(a, event(a)), coded(c, event(c)), coded(b, event(b, location=ABUJA))],
              thread_of={"a": "th-1", "c": "th-2", "b": "th-1"})
    assert sorted(len(s.mentions) for s in index.stories()) == [1, 2]
