from datetime import date

import pytest

TUESDAY = date(2023, 5, 30)


TEXT = (
    "Police arrested five protesters on Monday after talks that lasted two days.\n\n"
    "The truce agreed in March 2021 broke down last week, and the army has patrolled the "
    "border daily since 2019."
)


@pytest.mark.slow
def test_find_dates_spans_index_the_text():
    from newsevents.extract.dates import dates_as_records, find_dates
    from newsevents.nlp import load_pipeline
    from newsevents.records import Article

    doc = load_pipeline()(TEXT)
    found = find_dates(doc, TUESDAY)
    assert found, "the model found no dates"
    for expression in found:
        assert TEXT[expression.span[0]:expression.span[1]] == expression.text
    by_text = {e.text: (e.value, e.precision) for e in found}
    assert by_text["on Monday"] == ("2023-05-29", "day")
    assert by_text["last week"] == ("2023-05-22", "week")
    assert not any("two days" in e.text or "daily" in e.text for e in found)
    assert find_dates(doc, None) == []
    rows = dates_as_records(doc, Article(id="a", date=TUESDAY, text=TEXT))
    assert rows[0].keys() == {"article_id", "text", "span", "value", "precision"}
