"""Gatherings: a seminar, workshop or meeting with a programme of timed blocks."""

from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Literal

from pydantic import Field

from kulturdialog.model.common import (
    ClockTime,
    Contact,
    Format,
    Id,
    Language,
    Minutes,
    Model,
    Preparation,
    Text,
)
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
    warning_minutes: Minutes | None = None
    """How many minutes before this block ends the room timer turns to its warning. Leave out
    to use the gathering's setting."""


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
    date: Date | None = None
    """The day, written YYYY-MM-DD. Leave out for material that can be used on any day."""
    start: ClockTime | None = None
    """When the first block starts, HH:MM. Without it, pages show times from 0:00."""
    end: ClockTime | None = None
    """When the gathering must be over, HH:MM. The build checks that the blocks fit."""
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
    programme: Annotated[list[Block], Field(min_length=1)]
    """The blocks in the order they happen."""
    question_sets: list[QuestionSet] = []
    """Question sets written inside this file; they can also be used by other files by id."""
    notes: list[Text] = []
    """Notes for the facilitator about the gathering as a whole. Not shown to participants."""
    contacts: list[Contact] = []
    """Whom to ask."""
