"""Sizes of events (extract/sizes.py): which counts belong to which event, summed or not."""

from newsevents.extract.sizes import size_for


def _counts(mentions):
    return [(m.kind, m.value, m.qualifier) for m in mentions]


def test_sizes_coordinated_groups_add_up(sizes):
    doc, mentions = sizes("Rebels killed three soldiers and two civilians.")
    trigger = next(t for t in doc if t.lower_ == "killed")
    assert size_for(trigger, mentions).dead == 5


def test_sizes_not_added_across_sentences(sizes):
    doc, mentions = sizes("Twelve people were killed in the blast. Twelve people were killed, police said.")
    sentences = list(doc.sents)
    for sentence in sentences:
        inside = [m for m in mentions if sentence.start_char <= m.span[0] < sentence.end_char]
        trigger = next(t for t in sentence if t.lower_ == "killed")
        assert size_for(trigger, inside).dead == 12


def test_size_for_injured_count_belongs_to_the_clash(sizes):
    text = "At least 30 soldiers were injured in clashes with protesters."
    doc, mentions = sizes(text)
    clashes = next(t for t in doc if t.lower_ == "clashes")
    size = size_for(clashes, mentions)
    assert (size.dead, size.injured, size.arrested, size.qualifier) == (None, 30, None, "at least")
    assert text[size.span[0]:size.span[1]] == "At least 30 soldiers were injured"


def test_size_for_repeated_figure_takes_the_largest(sizes):
    doc, mentions = sizes("The blast killed 12 people, bringing the death toll to 40.")
    killed = next(t for t in doc if t.lower_ == "killed")
    assert size_for(killed, mentions).dead == 40


def test_size_for_gives_each_count_to_the_nearest_event(sizes):
    doc, mentions = sizes("Police fired on the marchers, killing one person and arresting 12.")
    fired, killing, arresting = (
        next(t for t in doc if t.lower_ == w) for w in ("fired", "killing", "arresting")
    )
    alone = size_for(fired, mentions)
    assert (alone.dead, alone.arrested) == (1, 12)
    shared = size_for(arresting, mentions, others=[fired, killing])
    assert (shared.dead, shared.arrested) == (None, 12)
    assert size_for(fired, mentions, others=[killing, arresting]) is None


def test_size_for_unrelated_clause_gets_nothing(sizes):
    doc, mentions = sizes("The minister resigned on Friday. Five people were arrested.")
    resigned = next(t for t in doc if t.lower_ == "resigned")
    first = next(iter(doc.sents))
    assert size_for(resigned, [m for m in mentions if m.span[0] < first.end_char]) is None


def test_sizes_totals_are_marked(sizes):
    doc, mentions = sizes("The insurgency has killed a total of 3,400 people since 2019.")
    assert _counts(mentions) == [("dead", 3400, None)] and mentions[0].total
    killed = next(t for t in doc if t.lower_ == "killed")
    assert size_for(killed, mentions).total


def test_size_for_an_arrest_does_not_take_the_injured_of_a_clash(sizes):
    doc, mentions = sizes("At least 23 people were hurt in clashes with police, and officers arrested 41.")
    clashes, arrested = (next(t for t in doc if t.lower_ == w) for w in ("clashes", "arrested"))
    clash = size_for(clashes, mentions, others=[arrested])
    arrest = size_for(arrested, mentions, others=[clashes])
    assert (clash.injured, clash.arrested) == (23, None)
    assert (arrest.injured, arrest.arrested) == (None, 41)


def test_size_for_a_wounding_takes_the_dead_no_other_event_can_have(sizes):
    doc, mentions = sizes("The strike hit a car, killing the driver and two passengers and wounding a boy.")
    strike, wounding = (next(t for t in doc if t.lower_ == w) for w in ("strike", "wounding"))
    size = size_for(wounding, mentions, others=[strike])
    assert (size.dead, size.injured) == (3, 1)
