"""The place of an event continuing the episode told before it (extract/place_episodes.py)."""


def _event(events, word, sentence):
    return next(e for e in events if e.trigger.text.startswith(word) and e.sentence.index == sentence)


def test_an_act_with_no_place_of_its_own_takes_the_place_of_the_episode_it_continues(code):
    events = code("The Finnish prime minister visited the European Commission in Brussels on Monday, "
                  "discussing trade with its president. The Finnish prime minister's visit came amid "
                  "a wave of strikes at home. Police in Oslo arrested two protesters on Tuesday.")
    visit = _event(events, "visit", 1)
    assert visit.location is not None and visit.location.name == "Brussels"


def test_a_statement_does_not_continue_a_material_act_nor_another_partys_episode(code):
    events = code("Police in Oslo arrested two protesters on Tuesday. The Finnish prime minister "
                  "criticized the trade talks. A Swedish minister rejected the plan.")
    assert _event(events, "criticized", 1).location is None
    assert _event(events, "rejected", 2).location is None


def test_a_material_act_of_a_nation_named_as_such_happens_in_that_country(code):
    events = code("Police in Moscow detained two Norwegian journalists on Monday. Protests followed in "
                  "Moscow. Norway has expelled two Russian diplomats.")
    expelled = _event(events, "expelled", 2)
    assert expelled.location is not None and expelled.location.country_code == "NO"
    assert expelled.location.precision == "country" and round(expelled.location.lat) == 60  # Oslo
