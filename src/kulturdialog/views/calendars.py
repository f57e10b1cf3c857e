"""The calendar files of a site and where each goes: one per dated gathering, one per series or
programme with something dated."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from kulturdialog.calendar import gathering_calendar, has_calendar, plan_calendar, unplaced
from kulturdialog.library import Library
from kulturdialog.model import Plan
from kulturdialog.model.series import When
from kulturdialog.views import dates, urls
from kulturdialog.views.labels import label


@dataclass(frozen=True)
class CalendarFile:
    """A calendar file and where it goes in the site; made when its content is asked for."""

    src_uri: str
    source: object
    """The model it is made from: all it depends on besides the time it is made."""
    make: Callable[[], bytes]

    @property
    def content(self) -> bytes:
        return self.make()


def _ical(calendar: Callable[[], Any]) -> bytes:
    return bytes(calendar().to_ical())


def calendars(library: Library, stamp: datetime) -> Iterator[CalendarFile]:
    """Every calendar file of ``library``; ``stamp`` is when they were made (DTSTAMP)."""
    for gathering in library.sorted_gatherings():
        if gathering.first_date is not None:
            make = partial(_ical, partial(gathering_calendar, gathering, stamp))
            yield CalendarFile(urls.gathering_calendar(gathering.id), gathering, make)
    for entry in library.series.values():
        plan = entry.model
        if has_calendar(plan):
            make = partial(_ical, partial(plan_calendar, plan, stamp, left_out(plan)))
            yield CalendarFile(urls.series_calendar(plan.id), plan, make)


def left_out(plan: Plan) -> str | None:
    """The calendar's description: the items it cannot hold, each with the month or weeks the
    source gives, so that nothing is missing from it without a word."""
    items = unplaced(plan)
    if not items:
        return None
    language = plan.language
    entries = []
    for item in items:
        when = "; ".join(w for w in (_vague_time(t, language) for t in item.times) if w)
        title = f"{item.title}: {item.subtitle}" if item.subtitle else item.title
        entries.append(f"{title} ({when})" if when else title)
    return label("calendar_unplaced", language, items="; ".join(entries))


def _vague_time(when: When, language: str) -> str:
    parts = []
    if when.month:
        parts.append(dates.months(when.month, language))
    if when.week:
        parts.append(dates.weeks(when.week, language))
    if when.year is not None and not when.month:
        parts.append(str(when.year))
    return ", ".join(parts)
