"""Rules for gatherings: question sets that exist, programmes that end when they say."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from kulturdialog import schedule
from kulturdialog.errors import Problem
from kulturdialog.library import Entry, Library, package_references
from kulturdialog.model import Gathering, GroupWorkBlock
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
    used: set[str] = set()
    # Every rule runs per day: a one-day gathering is one day whose fields are at the top.
    for day in gathering.schedule:
        for index, block in enumerate(day.programme):
            if isinstance(block, GroupWorkBlock):
                if block.question_set in library.question_sets:
                    if block.question_set not in used:
                        used.add(block.question_set)
                        library.used_by[block.question_set].append(("gathering", gathering.id))
                else:
                    yield entry.problem(
                        (*day.path, "programme", index, "question_set"),
                        library.has_own_problems("question_set", block.question_set)
                        or f"there is no question set with the id '{block.question_set}'; "
                        f"check the spelling or add it{_known(library.question_sets)}",
                    )
        yield from _check_times(entry, day)
        yield from _check_week(entry, day)
    yield from _check_order(entry)
    yield from _check_packages(entry, library)


def _check_packages(entry: Entry[Gathering], library: Library) -> Iterator[Problem]:
    for path, id in package_references(entry.model):
        if id not in library.packages:
            yield entry.problem(
                path,
                library.has_own_problems("package", id)
                or f"there is no theme package with the id '{id}'; check the spelling or add "
                f"it in the packages folder{_known(library.packages)}",
            )


def _check_times(entry: Entry[Gathering], day: ProgrammeDay) -> Iterator[Problem]:
    if day.end is None:
        return
    if day.start is None:
        yield entry.problem(
            (*day.path, "end"), "an end time needs a start time; add 'start: HH:MM'"
        )
        return
    durations = [block.minutes for block in day.programme]
    over = schedule.overrun(durations, day.start, day.end)
    if over:
        ends = schedule.format_clock(schedule.end_time(durations, day.start))
        declared = schedule.format_clock(day.end)
        yield entry.problem(
            (*day.path, "end"),
            f"the programme runs until {ends}, {over} minutes past the declared end {declared}; "
            f"shorten the blocks by {over} minutes in all, or move the end",
        )


def _check_week(entry: Entry[Gathering], day: ProgrammeDay) -> Iterator[Problem]:
    if day.week is None or day.date is None:
        return
    actual = day.date.isocalendar().week
    if actual != day.week:
        own = day.several and entry.model.days[day.number - 1].week is not None
        path = (*day.path, "week") if own or not day.several else ("week",)
        yield entry.problem(
            path,
            f"{day.date.isoformat()} is in ISO week {actual}, not {day.week}; "
            f"correct the week or the date",
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


def _known(registry: Mapping[str, object]) -> str:
    if not registry or len(registry) > 12:
        return ""
    return " (known ids: " + ", ".join(sorted(registry)) + ")"
