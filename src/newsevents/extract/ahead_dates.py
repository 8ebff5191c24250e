"""Acts ahead of the article: an act dated after the day the article was written is on the
timetable, not news.

"arranging emergency talks ... for tomorrow", "will hold a public hearing on Wednesday": the act
has not happened when the article is written, and PLOVER codes what happened (docs/annotation.md:
acts in the future are not coded, other than promises and threats, which are coded at the day they
are made). Modality reads most of these from the verb ("will", "plans to"); this catches the rest
by the date the event's words give, at the precision they give it ("in April" written in March).
"""

from __future__ import annotations

from datetime import date

from newsevents.records import DATE_WIDTH, Event


def hold_ahead(events: list[Event], article_date: date | None) -> None:
    """Mark hypothetical every event whose date lies after the article's at the event's precision
    (a threat or a promise is dated by its making, so never lies ahead once read right)."""
    if article_date is None:
        return
    written = article_date.isoformat()
    for event in events:
        width = DATE_WIDTH.get(event.date_precision)
        if event.date is not None and width is not None and event.date[:width] > written[:width]:
            event.hypothetical = True
