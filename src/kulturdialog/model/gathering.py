"""Gatherings: a seminar, workshop or meeting with a programme of timed blocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from datetime import time
from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from kulturdialog import schedule
from kulturdialog.model.common import (
    ClockTime,
    Contact,
    Day,
    Format,
    Id,
    Language,
    Link,
    Minutes,
    Model,
    Preparation,
    Text,
)
from kulturdialog.model.outcomes import Recording
from kulturdialog.model.questions import QuestionSet


class _Block(Model):
    """What every block of a programme has."""

    minutes: Minutes
    """How long the block lasts, in whole minutes."""
    title: Text
    """What happens, as it stands in the programme."""
    items: list[Text] = []
    """Sub-items, such as the introductions within a dialogue theme."""
    speakers: list[Text] = []
    """Who speaks or leads the block."""
    notes: list[Text] = []
    """Notes for the facilitator: what to prepare, say or watch for. Not shown to participants."""
    recording: Recording | None = None
    """A recording of this block, to show where the block stands when the gathering is run
    again."""
    warning_minutes: Minutes | None = None
    """How many minutes before this block ends the room timer turns to its warning. Leave out
    to use the gathering's setting."""
    package: Id | None = None
    """The id of the theme package this block uses; the pages link to it and it links back."""


class TalkBlock(_Block):
    """A talk or presentation."""

    kind: Literal["talk"]


class DialogueThemeBlock(_Block):
    """An introduction to a dialogue theme, often short talks that open the group work."""

    kind: Literal["dialogue_theme"]


class GroupWorkBlock(_Block):
    """Work in groups on a question set."""

    kind: Literal["group_work"]
    question_set: Id
    """The id of the question set the groups work on."""


class PlenaryBlock(_Block):
    """Everyone together: sharing, questions, discussion."""

    kind: Literal["plenary"]


class BreakBlock(_Block):
    """A break."""

    kind: Literal["break"]


class SummaryBlock(_Block):
    """Closing and summing up."""

    kind: Literal["summary"]


Block = Annotated[
    TalkBlock | DialogueThemeBlock | GroupWorkBlock | PlenaryBlock | BreakBlock | SummaryBlock,
    Field(discriminator="kind"),
]
"""One timed part of a programme; its kind says what sort of part it is."""

BLOCK_KINDS: tuple[str, ...] = (
    "talk",
    "dialogue_theme",
    "group_work",
    "plenary",
    "break",
    "summary",
)


IsoWeek = Annotated[int, Field(ge=1, le=53)]
"""An ISO week number, 1 to 53."""


class GatheringDay(Model):
    """One day of a gathering that lasts several days."""

    date: Day
    """The day, YYYY-MM-DD."""
    start: ClockTime | None = None
    """When the day's first block starts, HH:MM."""
    end: ClockTime | None = None
    """When the day must be over, HH:MM. The build checks that the day's blocks fit."""
    week: IsoWeek | None = None
    """The ISO week as the source gives it; the build checks that it matches the date."""
    programme: list[Block] = []
    """The day's blocks in the order they happen. Leave empty when the source does not give
    the day's programme; the pages then say so rather than show an invented one."""


@dataclass(frozen=True)
class ProgrammeDay:
    """One day of a gathering as everything else works on it: the only day of a one-day
    gathering (its fields written at the top of the file), or one of its ``days``."""

    number: int
    """1 for the first day."""
    count: int
    """How many days the gathering has."""
    date: Date | None
    start: time | None
    declared_end: time | None
    """The end the author wrote, if any; ``end`` is the one the pages and calendar show."""
    week: int | None
    """The day's own ISO week, as written for the day (or for a one-day gathering)."""
    programme: list[Block]
    path: tuple[str | int, ...]
    """Where the day's fields are in the file, for problems: () or ('days', index)."""

    @property
    def several(self) -> bool:
        """Whether this day is one of several."""
        return self.count > 1

    @property
    def minutes(self) -> int:
        """How long the day's programme lasts, in minutes."""
        return sum(block.minutes for block in self.programme)

    @property
    def programme_end(self) -> time | None:
        """When the programme ends, from the start and the blocks' minutes."""
        return None if self.start is None else schedule.add_minutes(self.start, self.minutes)

    @property
    def end(self) -> time | None:
        """When the day ends, one rule for every page and the calendar: the declared end when
        the author wrote one (the programme must fit before it), otherwise the programme's end
        when the day has a start and a programme."""
        if self.declared_end is not None:
            return self.declared_end
        return self.programme_end if self.programme else None

    @property
    def span(self) -> int | None:
        """Minutes from the start to ``end`` (1440 for a day that ends at midnight)."""
        if self.start is None or self.end is None:
            return None
        if self.declared_end is None:
            return self.minutes
        return schedule.to_minutes(self.declared_end) - schedule.to_minutes(self.start)

    @property
    def group_tasks(self) -> list[GroupTask]:
        """The day's group-work blocks, in order."""
        return [
            GroupTask(self, index, block)
            for index, block in enumerate(self.programme)
            if isinstance(block, GroupWorkBlock)
        ]


@dataclass(frozen=True)
class GroupTask:
    """A group-work block where it stands: its day and its place in the day's programme."""

    day: ProgrammeDay
    index: int
    """0-based position in the day's programme."""
    block: GroupWorkBlock

    @property
    def question_set(self) -> str:
        """The id of the question set the groups work on."""
        return self.block.question_set

    @property
    def path(self) -> tuple[str | int, ...]:
        """Where the block is in the file."""
        return (*self.day.path, "programme", self.index)


class Gathering(Model):
    """A seminar, workshop or meeting: who, when, where, what to prepare, and the programme."""

    kind: Literal["gathering"]
    """Always 'gathering' for a gathering."""
    id: Id
    """Short name used in the page address and by other files."""
    title: Text
    """The name of the gathering."""
    language: Language
    """Language the gathering is written in: nb, nn, da or en."""
    summary: Text | None = None
    """What the gathering is about, in a few sentences."""
    date: Day | None = None
    """The day, written YYYY-MM-DD. Leave out for material that can be used on any day, and
    for a gathering over several days (write ``days`` instead)."""
    start: ClockTime | None = None
    """When the first block starts, HH:MM. Without it, pages show times from 0:00."""
    end: ClockTime | None = None
    """When the gathering must be over, HH:MM. The build checks that the blocks fit."""
    week: IsoWeek | None = None
    """The ISO week as the source gives it; the build checks it against the date or days."""
    days: list[GatheringDay] = []
    """For a gathering over several days: each day with its date, start, end and programme,
    in order. Leave out for a one-day gathering, which has ``date``, ``start``, ``end`` and
    ``programme`` itself."""
    format: Format | None = None
    """physical, digital or hybrid."""
    place: Text | None = None
    """Where it happens: a venue, an address, or 'Teams'."""
    organisers: list[Text] = []
    """Who arranges it."""
    audience: list[Text] = []
    """Who it is for."""
    theme: Text | None = None
    """The main theme, in the author's words."""
    background: Text | None = None
    """What the theme builds on, such as a white paper or a report."""
    preparation: Preparation | None = None
    """Reading and reflection before the day."""
    warning_minutes: Minutes = 2
    """How many minutes before a block ends the room timer turns to its warning, unless the
    block sets its own."""
    programme: list[Block] = []
    """The blocks in the order they happen, for a one-day gathering; a gathering over several
    days has a programme per day in ``days``."""
    question_sets: list[QuestionSet] = []
    """Question sets written inside this file; they can also be used by other files by id."""
    notes: list[Text] = []
    """Notes for the facilitator about the gathering as a whole. Not shown to participants."""
    contacts: list[Contact] = []
    """Whom to ask."""
    links: list[Link] = []
    """Recordings, articles and documents the source names, by their titles."""

    recording: Recording | None = None
    """A recording of the whole gathering."""
    documents: list[Link] = []
    """Documents from or about the gathering, such as the feedback the organisers received."""
    package: Id | None = None
    """The id of the theme package the gathering uses; its pages link to the package and its
    preparation, and the package's page links back."""

    @model_validator(mode="after")
    def _one_day_or_several(self) -> Gathering:
        # 'days' together with a day's own fields is reported, at the field, by the checks.
        if not self.days and not self.programme:
            raise PydanticCustomError(
                "no_programme",
                "a gathering needs a 'programme' with at least one block, or 'days'",
            )
        return self

    @property
    def schedule(self) -> list[ProgrammeDay]:
        """The gathering's days, the one path every page, check and file works on: each of
        ``days``, or the gathering itself as its only day."""
        if not self.days:
            return [
                ProgrammeDay(
                    1, 1, self.date, self.start, self.end, self.week, list(self.programme), ()
                )
            ]
        count = len(self.days)
        return [
            ProgrammeDay(
                number,
                count,
                day.date,
                day.start,
                day.end,
                day.week,
                list(day.programme),
                ("days", number - 1),
            )
            for number, day in enumerate(self.days, start=1)
        ]

    @property
    def several_days(self) -> bool:
        """Whether the gathering lasts more than one day."""
        return len(self.days) > 1

    @property
    def weeks(self) -> list[int]:
        """The ISO weeks the pages show: the gathering's own week (checked against every day),
        or else each day's own, each once."""
        if self.week is not None:
            return [self.week]
        return list(dict.fromkeys(day.week for day in self.schedule if day.week is not None))

    @property
    def blocks(self) -> list[Block]:
        """Every block of every day, in order."""
        return [block for day in self.schedule for block in day.programme]

    @property
    def group_tasks(self) -> list[GroupTask]:
        """Every group-work block of every day, in order."""
        return [task for day in self.schedule for task in day.group_tasks]

    @property
    def package_references(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every theme package the gathering names, with the path of the field that names it:
        the gathering's own ``package`` first, then each block's, day by day."""
        found: list[tuple[tuple[str | int, ...], str]] = []
        if self.package is not None:
            found.append((("package",), self.package))
        for day in self.schedule:
            for index, block in enumerate(day.programme):
                if block.package is not None:
                    found.append(((*day.path, "programme", index, "package"), block.package))
        return found

    @property
    def question_set_ids(self) -> list[str]:
        """The ids of the question sets the group tasks use, each once, in programme order."""
        return list(dict.fromkeys(task.question_set for task in self.group_tasks))

    @property
    def has_recording(self) -> bool:
        """Whether there is a recording of the gathering or of any of its blocks."""
        return self.recording is not None or any(b.recording for b in self.blocks)

    @property
    def minutes(self) -> int:
        """How long the programmes of all days last together, in minutes."""
        return sum(day.minutes for day in self.schedule)

    @property
    def first_date(self) -> Date | None:
        return self.schedule[0].date

    @property
    def last_date(self) -> Date | None:
        return self.schedule[-1].date
