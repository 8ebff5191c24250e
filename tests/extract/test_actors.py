"""Who is a participant (extract/actors.py), on sentences written for these tests."""


def _event(events, trigger):
    found = [e for e in events if e.trigger.text.startswith(trigger)]
    assert found, f"no event on {trigger!r}"
    return found[0]


def test_actors_outlet_is_no_participant(code):
    assert not _event(code("The newspaper accused the mayor of fraud."), "accused").actor


def test_actors_outlet_may_suffer_an_event(code):
    event = _event(code("Police raided the newspaper in Harare."), "raided")
    assert [r.text for r in event.recipient] == ["the newspaper"]


def test_actors_state_media_speak_for_their_government(code):
    event = _event(code("An official Cuban newspaper accused Washington of sabotage."), "accused")
    assert [a.country for a in event.actor] == ["CUB"]


def test_actors_journalists_stay_participants(code):
    event = _event(code("Police arrested two journalists in Harare."), "arrested")
    assert [r.sector for r in event.recipient] == ["JRN"]


def test_actors_team_named_after_a_people_is_no_country(code):
    event = _event(code("The Cleveland Indians beat the Boston Red Sox on Sunday."), "beat")
    assert all(a.country is None for a in event.actor + event.recipient)


def test_actors_people_still_give_their_country(code):
    event = _event(code("Thousands of Peruvians protested in Lima."), "protested")
    assert [a.country for a in event.actor] == ["PER"]
