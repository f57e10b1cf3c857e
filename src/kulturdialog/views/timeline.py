"""A series or programme laid out in time: years, months and the items in each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kulturdialog.model import Item
from kulturdialog.model.series import WEEKDAYS, Plan, When


def first_day(when: When) -> date | None:
    """The earliest day ``when`` can be placed on: its date, month or first week."""
    if when.date is not None:
        return when.date
    if when.month:
        return min(m.first_day() for m in when.month)
    if when.week and when.year is not None:
        week = min(w.first for w in when.week)
        weekday = min((WEEKDAYS.index(d) + 1 for d in when.weekdays), default=1)
        return date.fromisocalendar(when.year, week, weekday)
    return None


def last_day(when: When) -> date | None:
    """The latest day ``when`` can reach: its end date or date, the end of its last month, or
    the last of its days in its last week."""
    if when.end_date is not None:
        return when.end_date
    if when.date is not None:
        return when.date
    if when.month:
        last = max(when.month, key=lambda m: (m.year, m.month))
        following = date(last.year + last.month // 12, last.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    if when.week and when.year is not None:
        week = max(w.last for w in when.week)
        weekday = max((WEEKDAYS.index(d) + 1 for d in when.weekdays), default=7)
        return date.fromisocalendar(when.year, week, weekday)
    return None


def item_last_day(item: Item) -> date | None:
    days = [day for day in (last_day(when) for when in item.times) if day is not None]
    return max(days) if days else None


@dataclass(frozen=True)
class Span:
    """The first and last day a series' items can fall on."""

    first: date
    last: date


def span(plan: Plan) -> Span | None:
    """From the earliest to the latest day of every item of ``plan``, month-only and
    week-only items included; None when no item has a time."""
    firsts = [d for d in (item_first_day(i) for i in plan.items) if d is not None]
    lasts = [d for d in (item_last_day(i) for i in plan.items) if d is not None]
    if not firsts:
        return None
    return Span(min(firsts), max(lasts + firsts))


def item_first_day(item: Item) -> date | None:
    days = [day for day in (first_day(when) for when in item.times) if day is not None]
    return min(days) if days else None


@dataclass(frozen=True)
class Month:
    """One month of the timeline and what happens in it."""

    year: int
    month: int
    items: list[Item] = field(default_factory=list)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)


@dataclass(frozen=True)
class Year:
    """One year of the timeline. Years, not semesters: a source counts its own semesters, and
    dates before or after its period would make semesters it does not have."""

    year: int
    months: list[Month] = field(default_factory=list)


def years(plan: Plan) -> list[Year]:
    """The dated items of ``plan`` by year and month, the months in time order and the items
    of a month in the order written, as the source lists them."""
    found: dict[tuple[int, int], Month] = {}
    for item in _dated(plan):
        day = item_first_day(item)
        assert day is not None
        found.setdefault((day.year, day.month), Month(day.year, day.month)).items.append(item)
    result: list[Year] = []
    for (year, _), entry in sorted(found.items()):
        if not result or result[-1].year != year:
            result.append(Year(year))
        result[-1].months.append(entry)
    return result


def undated(plan: Plan) -> list[Item]:
    """Items with no day, month or week: shown in the order written."""
    return [item for item in plan.items if item_first_day(item) is None]


def _dated(plan: Plan) -> list[Item]:
    return [item for item in plan.items if item_first_day(item) is not None]


def is_dated(plan: Plan) -> bool:
    return bool(_dated(plan))
