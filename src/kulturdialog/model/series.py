"""Series and programmes: meetings and events that belong together over weeks and months."""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

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
    Section,
    Text,
    WebAddress,
)

ItemKind = Literal[
    "meeting",
    "gathering",
    "joint_gathering",
    "coordinator_meeting",
    "supervision_visit",
    "sharing_arena",
    "webinar",
    "helpdesk",
]
"""What sort of meeting or event an item is."""

ITEM_KINDS: tuple[str, ...] = ItemKind.__args__  # type: ignore[attr-defined]

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
"""A day of the week, in English."""

WEEKDAYS: tuple[str, ...] = Weekday.__args__  # type: ignore[attr-defined]

_WEEK_RANGE = re.compile(r"^\s*(\d{1,2})\s*[-–]\s*(\d{1,2})\s*$")
_YEAR_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")


class WeekRange(Model):
    """ISO weeks from ``first`` to ``last`` (the same number for a single week)."""

    first: Annotated[int, Field(ge=1, le=53)]
    """The first ISO week."""
    last: Annotated[int, Field(ge=1, le=53)]
    """The last ISO week; the same as ``first`` for a single week."""

    @property
    def numbers(self) -> range:
        return range(self.first, self.last + 1)


def _week_range(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return {"first": value, "last": value}
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return {"first": int(text), "last": int(text)}
        match = _WEEK_RANGE.match(text)
        if match:
            return {"first": int(match.group(1)), "last": int(match.group(2))}
        raise PydanticCustomError(
            "week",
            "'{value}' is not an ISO week; write a number such as 39 or a range such as 40-44",
            {"value": value},
        )
    return value


Weeks = Annotated[WeekRange, BeforeValidator(_week_range)]
"""One ISO week (39) or a range of weeks written '40-44'."""


def _week_list(value: Any) -> Any:
    # A single week or range is the usual case; a list gives alternatives such as 34/35.
    return value if isinstance(value, list) else [value]


WeekChoices = Annotated[list[Weeks], BeforeValidator(_week_list), Field(min_length=1)]
"""A week or week range, or a list of alternatives such as [34, 35] or ['2-3', 4]."""


class YearMonth(Model):
    """A month of a year, for events whose day is not yet known."""

    year: Annotated[int, Field(ge=1900, le=2200)]
    """The year."""
    month: Annotated[int, Field(ge=1, le=12)]
    """The month, 1 to 12."""

    def first_day(self) -> Date:
        return Date(self.year, self.month, 1)


def _year_month(value: Any) -> Any:
    if isinstance(value, str):
        match = _YEAR_MONTH.match(value)
        if match:
            return {"year": int(match.group(1)), "month": int(match.group(2))}
        raise PydanticCustomError(
            "year_month",
            "'{value}' is not a month; write the year and month as YYYY-MM, for example 2024-10",
            {"value": value},
        )
    return value


Month = Annotated[YearMonth, BeforeValidator(_year_month)]
"""A month written YYYY-MM, such as 2024-10."""

MonthChoices = Annotated[list[Month], BeforeValidator(_week_list), Field(min_length=1)]
"""A month, or a list of months such as [2025-06, 2025-08] when the seed names two."""


class When(Model):
    """When something happens: a day or days, times or a duration, weeks or only a month."""

    date: Day | None = None
    """The day, YYYY-MM-DD."""
    end_date: Day | None = None
    """The last day, YYYY-MM-DD, for something that lasts several days."""
    start: ClockTime | None = None
    """Start time, HH:MM."""
    end: ClockTime | None = None
    """End time, HH:MM."""
    minutes: Minutes | None = None
    """How long it lasts, in minutes, when the clock times are not given (2,5 timer is 150)."""
    month: MonthChoices | None = None
    """The month (YYYY-MM) when no day is given yet, or a list of months."""
    year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    """The year the ISO weeks belong to, when there is neither a date nor a month."""
    week: WeekChoices | None = None
    """The ISO week: 39, a range '40-44', or alternatives such as [34, 35]."""
    weekdays: list[Weekday] = []
    """Days of the week it recurs on within its weeks, such as [monday, wednesday, friday]."""


class Session(When):
    """One time an item is offered, such as one of three dates of the same webinar."""

    note: Text | None = None
    """Anything special about this session."""


class Item(When):
    """A meeting or event of a series or programme."""

    id: Id
    """Short name, unique within the series; used in the page address and the calendar."""
    kind: ItemKind = "meeting"
    """meeting, gathering, joint_gathering, coordinator_meeting, supervision_visit,
    sharing_arena, webinar or helpdesk."""
    title: Text
    """The name of the meeting or event, as it stands in the plan."""
    subtitle: Text | None = None
    """A line that follows the title, such as 'oppstart av regionale program'."""
    format: Format | None = None
    """physical, digital or hybrid."""
    place: Text | None = None
    """Where it happens, such as 'Teams' or 'På skolen'."""
    description: Text | None = None
    """What happens, in a sentence or two."""
    participants: list[Text] = []
    """Who takes part, such as 'Hvis muligt deltager en fra skolens ledelse'."""
    speakers: list[Text] = []
    """Who leads or speaks."""
    purposes: list[Text] = []
    """What the meeting is for."""
    prompts: list[Text] = []
    """Suggested points for discussion."""
    worksheet: Id | None = None
    """The id of a planning worksheet used in the meeting."""
    gathering: Id | None = None
    """The id of the gathering file that holds this item's days and programme, when there is
    one; the timeline links to it."""
    sessions: list[Session] = []
    """The times the item is offered, when it is offered more than once."""
    note: Text | None = None
    """A remark as it stands in the plan, such as 'vurderes fysisk'."""

    @property
    def has_page(self) -> bool:
        """Whether the item has enough to say for a page of its own."""
        return bool(self.purposes or self.prompts or self.participants or self.worksheet)

    @property
    def times(self) -> list[When]:
        """Every time the item happens: its sessions, or the item itself."""
        return list(self.sessions) if self.sessions else [self]


class Milestone(Model):
    """A step of a plan over weeks, such as 'Søknadsperiode' in weeks 9-14."""

    title: Text
    """What happens in that period."""
    year: Annotated[int, Field(ge=1900, le=2200)]
    """The year the weeks belong to."""
    week: Weeks
    """The ISO week or week range, such as 9-14."""


class Phase(Model):
    """A phase of a development process."""

    title: Text
    """The phase in the author's words."""


class Period(Model):
    """A period the source gives for the whole series or programme, with where it says so."""

    first: Month
    """The first month, YYYY-MM."""
    last: Month
    """The last month, YYYY-MM."""
    text: Text
    """The source's words about the period, such as 'Avtalen gjelder for perioden februar
    2024–juni 2025'."""
    source: Text
    """Where in the source the period is given, such as 'Grunnlagsdokumentet, Avtaleperiode'."""


class _Plan(Model):
    """What every series and programme has."""

    id: Id
    """Short name used in the page address and by other files."""
    title: Text
    """The name of the series or programme."""
    language: Language
    """Language the file is written in: nb, nn, da or en."""
    summary: Text | None = None
    """What it is about, in a few sentences."""
    background: Text | None = None
    """What it builds on."""
    organisers: list[Text] = []
    """Who arranges it."""
    audience: list[Text] = []
    """Who it is for."""
    purposes: list[Text] = []
    """What it is for."""
    items: Annotated[list[Item], Field(min_length=1)]
    """The meetings or events, in order."""
    timeline: list[Milestone] = []
    """Steps of the plan by week numbers."""
    url: WebAddress | None = None
    """Where to read more."""
    contacts: list[Contact] = []
    """Whom to ask."""
    periods: list[Period] = []
    """The periods the source gives for the whole, each with where it comes from. The dates of
    the items are shown beside them and may run beyond them."""
    sections: list[Section] = []
    """Further parts of the source under their own headings: the strategy it belongs to,
    funding, how applications are reviewed, anchoring, costs, selection criteria,
    obligations."""
    links: list[Link] = []
    """Documents and pages the source refers to, by their titles."""
    reminders: list[Text] = []
    """Practical reminders for those who take part, such as 'Husk å mute din mikrofon'."""


class Series(_Plan):
    """An ordered set of meetings or events, such as the four meetings of a collaboration."""

    kind: Literal["series"]
    """Always 'series' for a series."""


class Programme(_Plan):
    """A series with phases, goals and organisation over several semesters."""

    kind: Literal["programme"]
    """Always 'programme' for a programme."""
    goals: list[Text] = []
    """The goals of the programme."""
    competence_goals: list[Text] = []
    """What participants can do after the programme."""
    method: Text | None = None
    """How the programme works, in the author's words."""
    phases_introduction: Text | None = None
    """A sentence before the phases."""
    phases: list[Phase] = []
    """The phases of the development process."""
    phases_closing: Text | None = None
    """A sentence after the phases."""
    organisation: list[Text] = []
    """How the programme is organised."""
    preparation: Preparation | None = None
    """What participants do before they take part."""


Plan = Series | Programme
"""A series or a programme."""
