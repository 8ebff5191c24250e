"""The acts of one sitting of a body take the sitting's day (extract/sittings.py)."""

TEXT = ("The county commissioners voted Monday for an end to the burn ban. Rain had fallen for a week. "
        "The fire marshal presented new drought figures. Residents welcomed the news. "
        "In other action, commissioners voted 3-2 to deny a request from the constable "
        "for a larger patrol car.")


def test_a_sitting_bodys_later_act_takes_the_sittings_day(code):
    events = code(TEXT)  # dated Tuesday 2023-05-30
    denied = next(e for e in events if e.event_type == "REJECT")
    assert denied.date == "2023-05-29" and denied.date_text == "Monday"


def test_another_body_or_a_past_sitting_lends_no_day(code):
    other = TEXT.replace("In other action, commissioners", "The school board")
    denied = next(e for e in code(other) if e.event_type == "REJECT")
    assert denied.date == "2023-05-30" and denied.date_span is None
    old = TEXT.replace("voted Monday for", "voted in 1998 for")
    denied = next(e for e in code(old) if e.event_type == "REJECT")
    assert denied.date == "2023-05-30"
