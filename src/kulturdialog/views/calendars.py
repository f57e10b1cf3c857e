"""The calendar files of a site and where each goes: one per dated gathering, one per series or
programme with something dated."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from kulturdialog.calendar import gathering_calendar, has_calendar, plan_calendar
from kulturdialog.library import Library
from kulturdialog.views import urls


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
        if gathering.date is not None:
            make = partial(_ical, partial(gathering_calendar, gathering, stamp))
            yield CalendarFile(urls.gathering_calendar(gathering.id), gathering, make)
    for entry in library.series.values():
        plan = entry.model
        if has_calendar(plan):
            make = partial(_ical, partial(plan_calendar, plan, stamp))
            yield CalendarFile(urls.series_calendar(plan.id), plan, make)
