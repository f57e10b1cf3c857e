"""A day's programme laid out in time (a timetable): each block with its times and question set,
as templates show them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from datetime import time

from kulturdialog import schedule
from kulturdialog.library import Library
from kulturdialog.model import Block, Gathering, GroupWorkBlock, QuestionSet
from kulturdialog.model.gathering import ProgrammeDay


@dataclass(frozen=True)
class Row:
    """One block of a programme with when it runs."""

    number: int
    """Position within its day's programme, from 1."""
    block: Block
    slot: schedule.Slot
    question_set: QuestionSet | None
    day: int | None = None
    """The day's number when the gathering has several days; None for a one-day gathering."""
    date: Date | None = None
    """The date of the block's day, if it has one."""

    @property
    def begins(self) -> str:
        """Clock time, or time from 0:00 when the programme has no start."""
        if self.slot.start is not None:
            return schedule.format_clock(self.slot.start)
        return schedule.format_offset(self.slot.offset)

    @property
    def ends(self) -> str:
        if self.slot.end is not None:
            return schedule.format_clock(self.slot.end)
        return schedule.format_offset(self.slot.end_offset)


@dataclass(frozen=True)
class Timetable:
    """One day of a gathering laid out in time: its programme's blocks with their times. (A
    programme in the model is a list of blocks, or a kind of series.)"""

    rows: list[Row]
    start: time | None
    total: int
    """Total minutes."""
    day: ProgrammeDay | None = None
    """The day this is the programme of."""

    @property
    def blocks_end(self) -> time | None:
        """When the last block ends, for the programme table's last line."""
        return schedule.add_minutes(self.start, self.total) if self.start is not None else None

    @property
    def span(self) -> int:
        """Minutes from the start to ``end``: the live mode moves the end with the start."""
        if self.day is not None and self.start == self.day.start and self.day.span is not None:
            return self.day.span
        return self.total

    @property
    def end(self) -> time | None:
        """When the day ends, by the rule of ``ProgrammeDay.end``: the declared end, or else
        when the last block ends. A programme moved to another start ends with its blocks."""
        if self.day is not None and self.start == self.day.start:
            return self.day.end
        return self.blocks_end

    @property
    def question_sets(self) -> list[QuestionSet]:
        """The question sets of the group-work blocks, each once, in programme order."""
        seen: dict[str, QuestionSet] = {}
        for row in self.rows:
            if row.question_set is not None:
                seen.setdefault(row.question_set.id, row.question_set)
        return list(seen.values())


def timetable(gathering: Gathering, library: Library, start: time | None = None) -> Timetable:
    """The timetable of the first (for a one-day gathering, the only) day of ``gathering``,
    from ``start`` if given, else from its own start time."""
    return day_timetable(gathering.schedule[0], library, start)


def timetables(gathering: Gathering, library: Library) -> list[Timetable]:
    """One timetable per day of ``gathering``; a one-day gathering has one."""
    return [day_timetable(day, library) for day in gathering.schedule]


def day_timetable(day: ProgrammeDay, library: Library, start: time | None = None) -> Timetable:
    """The timetable of one day, from ``start`` if given, else from the day's start time."""
    begins = start if start is not None else day.start
    durations = [block.minutes for block in day.programme]
    rows = [
        Row(
            number=index + 1,
            block=block,
            slot=slot,
            question_set=(
                library.question_set(block.question_set)
                if isinstance(block, GroupWorkBlock)
                else None
            ),
            day=day.number if day.several else None,
            date=day.date,
        )
        for index, (block, slot) in enumerate(
            zip(day.programme, schedule.slots(durations, begins), strict=True)
        )
    ]
    return Timetable(rows, begins, schedule.total_minutes(durations), day)
