"""Calendar files (iCalendar, .ics) of a site and where each goes: one per dated gathering, one
per series or programme with something dated.

Times are local to the content's language: Europe/Oslo for Norwegian, Europe/Copenhagen for Danish,
each file carrying its VTIMEZONE. Days without clock times become all-day events. Every event has
a UID made from ids only, so a calendar that imports a file again updates its events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache, partial
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vText

from kulturdialog.library import Library
from kulturdialog.model import Gathering, Item, Plan
from kulturdialog.model.series import WEEKDAYS, When
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


TIME_ZONES = {
    "nb": "Europe/Oslo",
    "nn": "Europe/Oslo",
    "da": "Europe/Copenhagen",
    "en": "Europe/Oslo",
}
"""The time zone of each content language."""

PRODUCT = "-//Kulturdialog//Kulturdialog//NO"
UID_DOMAIN = "kulturdialog"


def has_calendar(plan: Plan) -> bool:
    """Whether a series or programme has anything a calendar can show."""
    return any(_placeable(when) for item in plan.items for when in item.times)


class Text(vText):
    """Text written as it is given. icalendar's own escaping reads ``\\N`` in a text as a line
    break (it takes the text for escaped already), so a title such as ``C:\\Notater`` would
    lose its backslash and break its line."""

    def to_ical(self) -> bytes:
        text = str(self)
        for raw, escaped in _ESCAPES:
            text = text.replace(raw, escaped)
        return text.encode("utf-8")


_ESCAPES = (
    ("\\", "\\\\"),
    (";", "\\;"),
    (",", "\\,"),
    ("\r\n", "\\n"),
    ("\r", "\\n"),
    ("\n", "\\n"),
)
"""RFC 5545's escapes of a text value, the backslash first."""


def one_line(text: str) -> str:
    """Text with its line breaks and runs of spaces made single spaces, for one-line fields."""
    return " ".join(text.split())


def _new_calendar(title: str, language: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # An extended property is written as it is given unless it is typed as text: a line break
    # would end the line, and ';' ',' '\\' must be escaped as in a summary.
    calendar.add("x-wr-calname", Text(one_line(title)))
    calendar.add("x-wr-timezone", TIME_ZONES[language])
    return calendar


def gathering_calendar(gathering: Gathering, stamp: datetime) -> Calendar:
    """A calendar with one event per day of the gathering, timed when the day has a start and
    ending when the pages say it ends; each of several days is named with its number."""
    calendar = _new_calendar(gathering.title, gathering.language)
    zone = ZoneInfo(TIME_ZONES[gathering.language])
    for day in gathering.schedule:
        if day.date is None:
            continue
        # A one-day gathering keeps the UID it always had; each of several days has its own.
        uid = f"{gathering.id}-{day.number}" if day.several else gathering.id
        title = gathering.title
        if day.several:
            title = f"{title} ({label('day_n', gathering.language, number=day.number)})"
        event = _event(f"{uid}@{UID_DOMAIN}", title, stamp)
        if day.start is None:
            event.add("dtstart", day.date)
            event.add("dtend", day.date + timedelta(days=1))
        else:
            begins = datetime.combine(day.date, day.start, zone)
            event.add("dtstart", begins)
            if day.span is not None:
                event.add("dtend", begins + timedelta(minutes=day.span))
        if gathering.place:
            event.add("location", Text(one_line(gathering.place)))
        if gathering.summary:
            event.add("description", Text(gathering.summary))
        calendar.add_component(event)
    if calendar.events:
        _add_time_zones(calendar)
    return calendar


def unplaced(plan: Plan) -> list[Item]:
    """Items of ``plan`` a calendar cannot hold: those with only a month, weeks without days,
    or no time at all."""
    return [item for item in plan.items if not any(_placeable(w) for w in item.times)]


def plan_calendar(plan: Plan, stamp: datetime, description: str | None = None) -> Calendar:
    """A calendar with every dated meeting or event of a series or programme. ``description``
    (the calendar's X-WR-CALDESC) says in words what the calendar leaves out."""
    calendar = _new_calendar(plan.title, plan.language)
    if description:
        calendar.add("x-wr-caldesc", Text(one_line(description)))
    zone = ZoneInfo(TIME_ZONES[plan.language])
    for item in plan.items:
        times = item.times
        for number, when in enumerate(times, start=1):
            suffix = f"-{number}" if len(times) > 1 else ""
            uid = f"{plan.id}.{item.id}{suffix}@{UID_DOMAIN}"
            event = item_event(item, when, uid, zone, stamp)
            if event is not None:
                event.add("description", Text(plan.title))
                calendar.add_component(event)
    if calendar.events:
        _add_time_zones(calendar)
    return calendar


def item_event(item: Item, when: When, uid: str, zone: ZoneInfo, stamp: datetime) -> Event | None:
    """The event for one time of an item, or None when it has no day or week to place it on."""
    if not _placeable(when):
        return None
    title = f"{item.title}: {item.subtitle}" if item.subtitle else item.title
    event = _event(uid, title, stamp)
    if item.place:
        event.add("location", Text(one_line(item.place)))
    if when.date is None:
        _recurring(event, when, zone)
        return event
    last = when.end_date or when.date
    if when.start is None:
        event.add("dtstart", when.date)
        event.add("dtend", last + timedelta(days=1))
        return event
    begins = datetime.combine(when.date, when.start, zone)
    event.add("dtstart", begins)
    if when.end is not None:
        event.add("dtend", datetime.combine(last, when.end, zone))
    elif when.minutes is not None:
        event.add("dtend", begins + timedelta(minutes=when.minutes))
    return event


def _placeable(when: When) -> bool:
    if when.date is not None:
        return True
    # Weeks with weekdays and a clock time recur; weeks alone say too little for a calendar.
    return (
        when.week is not None
        and when.year is not None
        and bool(when.weekdays)
        and when.start is not None
    )


def _recurring(event: Event, when: When, zone: ZoneInfo) -> None:
    assert when.week is not None and when.year is not None and when.start is not None
    first_week = min(w.first for w in when.week)
    last_week = max(w.last for w in when.week)
    days = sorted(WEEKDAYS.index(day) + 1 for day in when.weekdays)
    first_day = date.fromisocalendar(when.year, first_week, days[0])
    until_day = date.fromisocalendar(when.year, last_week, 7)
    begins = datetime.combine(first_day, when.start, zone)
    event.add("dtstart", begins)
    if when.end is not None:
        event.add("dtend", datetime.combine(first_day, when.end, zone))
    elif when.minutes is not None:
        event.add("dtend", begins + timedelta(minutes=when.minutes))
    until = datetime.combine(until_day, time(23, 59, 59), zone).astimezone(ZoneInfo("UTC"))
    byday = [_ICAL_DAYS[day - 1] for day in days]
    event.add("rrule", {"freq": "weekly", "byday": byday, "until": until})


_ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _event(uid: str, summary: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", Text(one_line(summary)))
    return event


def _add_time_zones(calendar: Calendar) -> None:
    """The VTIMEZONE of every zone the calendar's times are in, before its events (what
    ``Calendar.add_missing_timezones`` does, each zone worked out once)."""
    position = len(calendar.timezones)
    for tzid in sorted(calendar.get_missing_tzids()):
        zone = _time_zone(tzid)
        if zone is not None:
            calendar.subcomponents.insert(position, zone)
            position += 1


@cache
def _time_zone(tzid: str) -> Timezone | None:
    # A zone's transitions over the years take most of the time of making a calendar, and
    # every calendar of a site is in one of the same few zones; the component is only read.
    try:
        return Timezone.from_tzid(tzid)
    except ValueError:
        return None
