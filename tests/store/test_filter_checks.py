"""Filter values checked once for the CLI and the API: each bad value is a FilterError naming
the filter, with one line saying what is wrong."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.errors import FilterError
from newsevents.store.filter_checks import checked


@pytest.mark.parametrize(
    ("raw", "option", "says"),
    [
        ({"date_from": "2024-13-01"}, "date_from", "not a valid date"),
        ({"date_to": "yesterday"}, "date_to", "not a valid date"),
        ({"date_from": "2024-02-01", "date_to": "2024-01-31"}, "date_to", "before 'from'"),
        ({"event_type": ["PROTEST", "FOO"]}, "event_type", "unknown event type 'FOO'"),
        ({"actor_sector": "XYZ"}, "actor_sector", "unknown sector 'XYZ'"),
        ({"quad": "conflict"}, "quad", "unknown quad 'conflict'"),
        ({"mode": "teleport"}, "mode", "unknown mode 'teleport'"),
        ({"bbox": "1,2,3"}, "bbox", "four numbers"),
        ({"bbox": "0,-95,10,10"}, "bbox", "min_lat must be within [-90, 90]"),
        ({"bbox": "0,20,10,10"}, "bbox", "above max_lat"),
        ({"place": "  ’ "}, "place", "names no place"),
        ({"min_confidence": 1.5}, "min_confidence", "within [0, 1]"),
        ({"limit": 0}, "limit", "1 or more"),
        ({"limit": -5}, "limit", "1 or more"),
        ({"offset": -1}, "offset", "0 or more"),
        ({"thread": "  "}, "thread", "empty thread id"),
    ],
)
def test_bad_values_name_their_filter(raw: dict, option: str, says: str):
    with pytest.raises(FilterError) as caught:
        checked(raw)
    assert caught.value.option == option
    assert str(caught.value).startswith("E021 ") and says in str(caught.value)
    assert "\n" not in str(caught.value)


def test_good_values_are_read():
    args = checked({"event_type": ["protest"], "actor_sector": "gov", "quad": "material_conflict",
                    "mode": "Demo", "bbox": "170,-10,-170,10",
                    "date_from": "2024-01-01", "date_to": "2024-01-01", "limit": 5, "offset": 0})
    assert args["event_type"] == ["PROTEST"] and args["actor_sector"] == "GOV"
    assert (args["quad"], args["mode"]) == ("material conflict", "demo")
    assert args["bbox"] == (170.0, -10.0, -170.0, 10.0)  # across the antimeridian
    assert args["date_from"] == args["date_to"] == date(2024, 1, 1)
    assert (args["limit"], args["offset"]) == (5, 0)
    assert args["include_historical"] is False and args["thread"] is None
    asked = checked({"include_historical": True, "thread": " th-1 "})
    assert (asked["include_historical"], asked["thread"]) == (True, "th-1")
