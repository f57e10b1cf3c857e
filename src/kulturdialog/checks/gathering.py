"""Rules for gatherings: question sets that exist, programmes that end when they say."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from kulturdialog import schedule
from kulturdialog.errors import Problem
from kulturdialog.library import Entry, Library
from kulturdialog.model import Gathering, GroupWorkBlock


def check_gatherings(library: Library) -> Iterator[Problem]:
    for entry in library.gatherings.values():
        yield from check_gathering(entry, library)


def check_gathering(entry: Entry[Gathering], library: Library) -> Iterator[Problem]:
    gathering = entry.model
    for index, block in enumerate(gathering.programme):
        if isinstance(block, GroupWorkBlock):
            if block.question_set in library.question_sets:
                library.used_by[block.question_set].append(("gathering", gathering.id))
            else:
                yield entry.problem(
                    ("programme", index, "question_set"),
                    library.has_own_problems("question_set", block.question_set)
                    or f"there is no question set with the id '{block.question_set}'; "
                    f"check the spelling or add it{_known(library.question_sets)}",
                )
    yield from _check_times(entry)


def _check_times(entry: Entry[Gathering]) -> Iterator[Problem]:
    gathering = entry.model
    if gathering.end is None:
        return
    if gathering.start is None:
        yield entry.problem(("end",), "an end time needs a start time; add 'start: HH:MM'")
        return
    durations = [block.minutes for block in gathering.programme]
    over = schedule.overrun(durations, gathering.start, gathering.end)
    if over:
        ends = schedule.format_clock(schedule.end_time(durations, gathering.start))
        declared = schedule.format_clock(gathering.end)
        yield entry.problem(
            ("end",),
            f"the programme runs until {ends}, {over} minutes past the declared end {declared}; "
            f"shorten the blocks by {over} minutes in all, or move the end",
        )


def _known(registry: Mapping[str, object]) -> str:
    if not registry or len(registry) > 12:
        return ""
    return " (known ids: " + ", ".join(sorted(registry)) + ")"
