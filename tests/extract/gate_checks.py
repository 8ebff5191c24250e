"""Checks shared by the tests of the relevance gate and of private acts (tests/extract is on the
path): which events a text publishes, and the events of one trigger."""


def published(events: list) -> list:
    """The events that would be published."""
    return [e for e in events if e.is_published()]


def coded(code, text: str, trigger: str) -> list:
    """The events of the trigger; none would leave the gate untested."""
    events = [e for e in code(text) if e.trigger.text.startswith(trigger)]
    assert events, "no event coded: the gate is not tested"
    return events
