"""Who is a participant (extract/actors.py), on sentences written for these tests."""


def test_actors_outlet_is_no_participant(event_on):
    assert not event_on("The newspaper accused the mayor of fraud.", "accused").actor


def test_actors_outlet_may_suffer_an_event(event_on):
    event = event_on("Police raided the newspaper in Harare.", "raided")
    assert [r.text for r in event.recipient] == ["the newspaper"]


def test_actors_state_media_speak_for_their_government(event_on):
    event = event_on("An official Cuban newspaper accused Washington of sabotage.", "accused")
    assert [a.country for a in event.actor] == ["CUB"]


def test_actors_journalists_stay_participants(event_on):
    event = event_on("Police arrested two journalists in Harare.", "arrested")
    assert [r.sector for r in event.recipient] == ["JRN"]


def test_actors_team_named_after_a_people_is_no_country(event_on):
    event = event_on("The Cleveland Indians beat the Boston Red Sox on Sunday.", "beat")
    assert all(a.country is None for a in event.actor + event.recipient)


def test_actors_people_still_give_their_country(event_on):
    event = event_on("Thousands of Peruvians protested in Lima.", "protested")
    assert [a.country for a in event.actor] == ["PER"]
