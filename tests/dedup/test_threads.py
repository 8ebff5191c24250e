import dataclasses
from datetime import date

from newsevents.dedup import ThreadIndex, thread_id
from newsevents.dedup.threads import load_settings
from newsevents.records import Article, CodedArticle

QUAKE_A = ("A magnitude 6.1 earthquake struck near Quetzaltenango on Tuesday, killing 40 people; "
           "rescuers in Quetzaltenango searched collapsed homes as President Morales declared an emergency.")
QUAKE_B = ("Rescuers dug through rubble in Quetzaltenango after Tuesday's 6.1 earthquake; President Morales "
           "said 40 people had died and ordered emergency aid for the western highlands.")
QUAKE_C = ("A magnitude 7.4 earthquake hit off Hokkaido on Friday; Prime Minister Tanaka said tsunami "
           "warnings for the Hokkaido coast were lifted and two fishermen were missing.")
QUAKE_D = ("Two fishermen remain missing after Friday's 7.4 quake off Hokkaido, Tanaka told reporters, "
           "as the Hokkaido coast counted damaged harbours.")
FILLER = [f"Markets in city{n} closed higher as traders weighed results from firm{n}." for n in range(6)]


def coded(aid: str, text: str, day: date | None = None) -> CodedArticle:
    return CodedArticle(Article(id=aid, date=day, text=text))


def threads_of(items: list[CodedArticle]) -> dict[str, str]:
    index = ThreadIndex()
    index.add([coded(f"f{n}", t) for n, t in enumerate(FILLER)])  # a little background for IDF
    index.add(items)
    return index.thread_of


def test_reports_of_one_happening_share_a_thread_and_another_of_its_kind_does_not():
    found = threads_of([coded("a", QUAKE_A), coded("c", QUAKE_C), coded("b", QUAKE_B), coded("d", QUAKE_D)])
    assert found["a"] == found["b"] == thread_id("a")  # the id of its first article
    assert found["c"] == found["d"] == thread_id("c")
    assert found["a"] != found["c"]


def test_every_article_gets_one_thread_in_any_order():
    items = [coded("a", QUAKE_A), coded("b", QUAKE_B), coded("c", QUAKE_C), coded("d", QUAKE_D)]
    for order in (items, items[::-1], [items[2], items[0], items[3], items[1]]):
        found = threads_of(order)
        assert {"a", "b", "c", "d"} <= set(found)
        assert found["a"] == found["b"] != found["c"] == found["d"]
        assert found[order[0].article.id] == thread_id(order[0].article.id)


def test_dated_reports_far_apart_start_another_thread():
    found = threads_of([coded("a", QUAKE_A, date(2024, 3, 5)), coded("b", QUAKE_B, date(2024, 3, 6)),
                        coded("later", QUAKE_B, date(2024, 6, 1))])
    assert found["a"] == found["b"] != found["later"]


def test_a_restored_thread_matches_as_if_never_stored():
    first = ThreadIndex()
    first.add([coded(f"f{n}", t) for n, t in enumerate(FILLER)] + [coded("a", QUAKE_A), coded("c", QUAKE_C)])
    stored, states = first.threads(), first.states()
    assert {t.id: t.articles for t in stored}[thread_id("a")] == 1
    later = ThreadIndex(stored, states=states)
    later.texts.stats.seed(first.texts.stats.docs, first.texts.stats.df)
    later.add([coded("b", QUAKE_B), coded("d", QUAKE_D)])
    assert later.thread_of == {"b": thread_id("a"), "d": thread_id("c")}
    grown = {t.id: t for t in later.threads()}
    assert grown[thread_id("a")].articles == 2 and "quetzaltenango" in grown[thread_id("a")].terms
    title = grown[thread_id("a")].title  # untitled articles: the start of the first one's text
    assert title is not None and title.startswith("A magnitude 6.1 earthquake") and title.endswith(" ...")


ARREST_A = ("A Chargers lineman, 32, was arrested on suspicion of drunken driving in San Diego on "
            "January 4, 2009, police said; the lineman, 32, was released on 5000 dollars bail.")
ARREST_B = ("Police in San Diego said a Chargers lineman, 32, was arrested on suspicion of drunken "
            "driving on January 4, 2009 and released on 5000 dollars bail.")
ARREST_C = ("A Chargers lineman, 25, was arrested on suspicion of drunken driving in San Diego on "
            "October 17, 2008, police said; the lineman, 25, was released on 15000 dollars bail.")


def test_two_happenings_of_one_kind_told_apart_by_their_numbers():
    # same setting and wording: only the age, the date and the bail differ (ECB+'s two DUI
    # arrests of one team); numbers count heavily enough (dedup.yaml texts.number) to split them
    found = threads_of([coded("a", ARREST_A), coded("c", ARREST_C), coded("b", ARREST_B)])
    assert found["a"] == found["b"] != found["c"]


# -- re-threading: a young thread moves into the thread a later article links it to ------------

VIGIL = "Churches held vigils for the 40 victims of the 6.1 quake in Guatemala."  # short, same numbers
OTHER_QUAKE = "Rescuers dug through rubble in Quetzaltenango after the 5.8 earthquake; 12 people died."
# Short reports start threads of their own (the vigil is 0.51 alike to the first quake report, 0.54
# to the first two).
STRICT = dataclasses.replace(load_settings(), threshold=0.6, sure=0.99, move_threshold=0.52)


def strict_index(items: list[CodedArticle], **settings) -> ThreadIndex:
    index = ThreadIndex(settings=dataclasses.replace(STRICT, **settings))
    index.add([coded(f"f{n}", t) for n, t in enumerate(FILLER)])
    for item in items:
        index.add([item])
    return index


def test_a_short_report_alone_moves_into_the_thread_a_later_article_links_it_to():
    items = [coded("a", QUAKE_A), coded("v", VIGIL), coded("b", QUAKE_B)]
    assert strict_index(items, move_young=0).thread_of["v"] == thread_id("v")  # alone without moves
    index = strict_index(items)
    assert index.thread_of["a"] == index.thread_of["v"] == index.thread_of["b"] == thread_id("a")
    assert index.moved == {thread_id("v"): thread_id("a")}
    assert thread_id("v") not in {t.id for t in index.threads(changed_only=False)}
    assert {t.id: t.articles for t in index.threads()}[thread_id("a")] == 3


def test_the_older_thread_keeps_its_id():
    index = strict_index([coded("v", VIGIL), coded("a", QUAKE_A), coded("b", QUAKE_B)])
    assert index.thread_of["a"] == index.thread_of["b"] == index.thread_of["v"] == thread_id("v")
    assert index.moved == {thread_id("a"): thread_id("v")}


def test_a_report_of_another_happening_of_its_kind_is_not_moved_when_its_numbers_differ():
    items = [coded("a", QUAKE_A), coded("h", OTHER_QUAKE), coded("b", QUAKE_B)]
    loose = {"move_link": 0.0, "move_threshold": 0.0}  # any linked young thread, whatever its words
    assert strict_index(items, **loose).thread_of["h"] == thread_id("h")
    assert strict_index(items, **loose, move_numbers=0.0).thread_of["h"] == thread_id("a")
