"""Rules for gatherings: question sets that exist, days that end when they say and before
midnight, weeks that match the dates. Every rule runs per day of ``Gathering.schedule``: a
one-day gathering is one day whose fields are at the top of the file."""

from __future__ import annotations

from collections.abc import Iterator

from kulturdialog import schedule
from kulturdialog.errors import Problem
from kulturdialog.library import Entry, Library
from kulturdialog.model import Gathering
from kulturdialog.model.gathering import ProgrammeDay


def check_gatherings(library: Library) -> Iterator[Problem]:
    for entry in library.gatherings.values():
        yield from check_gathering(entry, library)


def check_gathering(entry: Entry[Gathering], library: Library) -> Iterator[Problem]:
    gathering = entry.model
    if gathering.days:
        for field in ("date", "start", "end", "programme"):
            if getattr(gathering, field):
                yield entry.problem(
                    (field,),
                    f"a gathering with 'days' has its dates, times and programme in each day; "
                    f"move '{field}' into the days, or remove 'days'",
                )
    for task in gathering.group_tasks:
        yield from library.reference(
            entry, (*task.path, "question_set"), "question_set", task.question_set
        )
    for day in gathering.schedule:
        yield from _check_times(entry, day)
        yield from _check_week(entry, day, day.week, (*day.path, "week"))
        if gathering.days and gathering.week is not None:
            # A week written for the whole gathering holds for every day.
            yield from _check_week(entry, day, gathering.week, ("week",))
    yield from _check_order(entry)
    yield from _check_packages(entry, library)


def _check_packages(entry: Entry[Gathering], library: Library) -> Iterator[Problem]:
    for path, id in entry.model.package_references:
        yield from library.reference(entry, path, "package", id)


def _check_times(entry: Entry[Gathering], day: ProgrammeDay) -> Iterator[Problem]:
    if day.start is None:
        if day.declared_end is not None:
            yield entry.problem(
                (*day.path, "end"), "an end time needs a start time; add 'start: HH:MM'"
            )
        return
    # The programme ends within its day: past midnight would be a second day.
    left = schedule.MINUTES_PER_DAY - schedule.to_minutes(day.start)
    if day.minutes > left:
        over = day.minutes - left
        yield entry.problem(
            (*day.path, "programme"),
            f"the programme takes {day.minutes} minutes from {schedule.format_clock(day.start)} "
            f"and runs {over} minutes past midnight; shorten the blocks by {over} minutes in "
            "all, or write the rest as another day under 'days'",
        )
        return
    if day.declared_end is None:
        return
    if day.declared_end < day.start:
        yield entry.problem(
            (*day.path, "end"),
            f"the end {schedule.format_clock(day.declared_end)} is before the start "
            f"{schedule.format_clock(day.start)}; a day ends before midnight, so correct the "
            "end or the start",
        )
        return
    durations = [block.minutes for block in day.programme]
    over = schedule.overrun(durations, day.start, day.declared_end)
    if over:
        ends = schedule.format_clock(schedule.end_time(durations, day.start))
        declared = schedule.format_clock(day.declared_end)
        yield entry.problem(
            (*day.path, "end"),
            f"the programme runs until {ends}, {over} minutes past the declared end {declared}; "
            f"shorten the blocks by {over} minutes in all, or move the end",
        )


def _check_week(
    entry: Entry[Gathering], day: ProgrammeDay, week: int | None, path: tuple[str | int, ...]
) -> Iterator[Problem]:
    if week is None or day.date is None:
        return
    actual = day.date.isocalendar().week
    if actual != week:
        # The path names the day, except for the week written for the whole gathering.
        whole = path == ("week",) and bool(entry.model.days)
        which = f"day {day.number} ({day.date.isoformat()})" if whole else None
        yield entry.problem(
            path,
            f"{which or day.date.isoformat()} is in ISO week {actual}, not {week}; "
            + (
                "a week written for the whole gathering holds for every day: correct it, "
                "or write each day's week in the day"
                if which
                else "correct the week or the date"
            ),
        )


def _check_order(entry: Entry[Gathering]) -> Iterator[Problem]:
    days = entry.model.days
    for index in range(1, len(days)):
        if days[index].date <= days[index - 1].date:
            yield entry.problem(
                ("days", index, "date"),
                f"day {index + 1} ({days[index].date.isoformat()}) does not come after day "
                f"{index} ({days[index - 1].date.isoformat()}); write the days in order, each "
                f"on its own date",
            )
