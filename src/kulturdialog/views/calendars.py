"""The calendar files of a site and where each goes: one per dated gathering, one per series or
programme with something dated."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from kulturdialog.calendar import gathering_calendar, has_calendar, plan_calendar
from kulturdialog.library import Library
from kulturdialog.views import urls


@dataclass(frozen=True)
class CalendarFile:
    """A calendar file and where it goes in the site."""

    src_uri: str
    content: bytes


def calendars(library: Library, stamp: datetime) -> Iterator[CalendarFile]:
    """Every calendar file of ``library``; ``stamp`` is when they were made (DTSTAMP)."""
    for gathering in library.sorted_gatherings():
        if gathering.date is not None:
            content = gathering_calendar(gathering, stamp).to_ical()
            yield CalendarFile(urls.gathering_calendar(gathering.id), content)
    for entry in library.series.values():
        plan = entry.model
        if has_calendar(plan):
            yield CalendarFile(urls.series_calendar(plan.id), plan_calendar(plan, stamp).to_ical())
