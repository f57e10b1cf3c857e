"""Rules for series and programmes: dates, clock times and ISO weeks that must agree.

Each check yields problems located at the field an author has to change.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from kulturdialog.errors import Problem
from kulturdialog.library import Entry, Library
from kulturdialog.loader import Key
from kulturdialog.model.gathering import Gathering
from kulturdialog.model.series import Item, Plan, WeekRange, When


def check_series(library: Library) -> Iterator[Problem]:
    """Every problem in the series and programmes of ``library``."""
    for entry in library.series.values():
        yield from check_plan(entry, library)


def check_plan(entry: Entry[Plan], library: Library) -> Iterator[Problem]:
    plan = entry.model
    seen: dict[str, int] = {}
    for index, item in enumerate(plan.items):
        here: tuple[Key, ...] = ("items", index)
        if item.id in seen:
            yield entry.problem(
                (*here, "id"),
                f"the id '{item.id}' is already used by item {seen[item.id] + 1} of this "
                f"{plan.kind}; give this one another id",
            )
        seen.setdefault(item.id, index)
        if item.worksheet is not None:
            yield from library.reference(entry, (*here, "worksheet"), "worksheet", item.worksheet)
        if item.gathering is not None:
            yield from library.reference(entry, (*here, "gathering"), "gathering", item.gathering)
            if item.gathering in library.gatherings:
                yield from _same_days(entry, here, item, library.gathering(item.gathering))
        yield from check_when(entry, here, item)
        for number, session in enumerate(item.sessions):
            yield from check_when(entry, (*here, "sessions", number), session)
    for index, milestone in enumerate(plan.timeline):
        yield from _backwards(entry, ("timeline", index, "week"), [milestone.week])
        yield from _week_in_year(entry, ("timeline", index), [milestone.week], milestone.year)


def check_when(entry: Entry[Plan], here: tuple[Key, ...], when: When) -> Iterator[Problem]:
    """Problems with the dates, times and weeks of one item or session."""
    if when.end_date is not None:
        if when.date is None:
            yield entry.problem(
                (*here, "end_date"), "an end date needs a first date; add 'date: YYYY-MM-DD'"
            )
        elif when.end_date < when.date:
            yield entry.problem(
                (*here, "end_date"),
                f"the date range ends on {when.end_date.isoformat()}, before it starts on "
                f"{when.date.isoformat()}; swap the dates or correct one of them",
            )
    if when.end is not None:
        if when.start is None:
            yield entry.problem(
                (*here, "end"), "an end time needs a start time; add 'start: HH:MM'"
            )
        elif when.end <= when.start and (when.end_date is None or when.end_date == when.date):
            yield entry.problem(
                (*here, "end"),
                f"it ends at {when.end:%H:%M}, before it starts at {when.start:%H:%M}; "
                "correct the start or the end",
            )
    if when.week is not None:
        backwards = list(_backwards(entry, (*here, "week"), when.week))
        yield from backwards
        if not backwards:
            yield from _week_matches_date(entry, here, when)
        if when.year is not None:
            yield from _week_in_year(entry, here, when.week, when.year)
        if when.date is None and when.month is None and when.year is None:
            yield entry.problem(
                (*here, "week"),
                "a week number needs a year when there is no date or month; add 'year: YYYY'",
            )
    if when.date is not None and when.month is not None:
        months = {(m.year, m.month) for m in when.month}
        if (when.date.year, when.date.month) not in months:
            yield entry.problem(
                (*here, "month"),
                f"{when.date.isoformat()} is not in the month given; remove 'month' "
                "(the date says it) or correct it",
            )


def weeks_in_year(year: int) -> int:
    """52 or 53: the ISO week of 28 December is always the last week of its year."""
    return date(year, 12, 28).isocalendar().week


def _week_in_year(
    entry: Entry[Plan], here: tuple[Key, ...], weeks: list[WeekRange], year: int
) -> Iterator[Problem]:
    last = weeks_in_year(year)
    for week in weeks:
        if max(week.first, week.last) > last:
            yield entry.problem(
                (*here, "week"),
                f"{year} has {last} ISO weeks, so there is no week {max(week.first, week.last)} "
                "that year; correct the week or the year",
            )
            return


def _backwards(
    entry: Entry[Plan], path: tuple[Key, ...], weeks: list[WeekRange]
) -> Iterator[Problem]:
    for week in weeks:
        if week.last < week.first:
            yield entry.problem(
                path,
                f"the week range {week.first}-{week.last} is written backwards; "
                f"write {week.last}-{week.first}",
            )


def _week_matches_date(entry: Entry[Plan], here: tuple[Key, ...], when: When) -> Iterator[Problem]:
    if when.date is None or when.week is None:
        return
    last = when.end_date if when.end_date and when.end_date >= when.date else when.date
    allowed = {number for weeks in when.week for number in weeks.numbers}
    actual = sorted({day.isocalendar().week for day in _days(when.date, last)})
    wrong = [week for week in actual if week not in allowed]
    if wrong:
        given = "/".join(_week_text(w) for w in when.week)
        days = when.date.isoformat() + (f" to {last.isoformat()}" if last != when.date else "")
        weeks = str(actual[0]) if len(actual) == 1 else f"{actual[0]}-{actual[-1]}"
        yield entry.problem(
            (*here, "week"),
            f"week {given} does not match the date: {days} is in ISO week {weeks}; "
            "correct the week or the date",
        )


def _days(first: date, last: date) -> Iterator[date]:
    # A long range covers every week anyway; a few weeks of days is enough to check.
    day = first
    for _ in range(62):
        if day > last:
            return
        yield day
        day += timedelta(days=1)


def _week_text(week: WeekRange) -> str:
    return str(week.first) if week.first == week.last else f"{week.first}-{week.last}"


def _same_days(
    entry: Entry[Plan], here: tuple[Key, ...], item: Item, gathering: Gathering
) -> Iterator[Problem]:
    # The timeline and the gathering's own pages must not disagree about the days.
    if item.date is None or gathering.first_date is None:
        return
    first, last = gathering.first_date, gathering.last_date
    if (item.date, item.end_date or item.date) != (first, last):
        assert last is not None
        span = first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
        yield entry.problem(
            (*here, "date"),
            f"the gathering '{gathering.id}' runs {span}, but this item says "
            f"{item.date.isoformat()}"
            + (f" to {item.end_date.isoformat()}" if item.end_date else "")
            + "; make the dates agree",
        )
