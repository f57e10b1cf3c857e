"""Feedback: what the groups of a gathering sent back from one group task, point by point."""

from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Literal

from pydantic import Field, Strict

from kulturdialog.model.common import Id, Model, Text

GroupNumber = Annotated[int, Strict(), Field(ge=1, le=999)]
"""A group's number, as on its group sheet: 'Gruppe 3' is 3."""


class FeedbackEntry(Model):
    """What one group sent: its prioritised points, most important first."""

    group: GroupNumber | Text | None = None
    """The group's number (3) or name ('Bergen kommune'); leave out when the group gave none."""
    points: Annotated[list[Text], Field(min_length=1)]
    """The group's points in priority order: the first is the most important."""
    text: Text | None = None
    """Anything else the group wrote, as free text."""
    received: Date
    """The day the feedback arrived, written YYYY-MM-DD."""


class Feedback(Model):
    """The feedback of every group on one group task of one gathering."""

    kind: Literal["feedback"]
    """Always 'feedback' for feedback."""
    id: Id
    """Short name of this file; the page address uses the gathering's id, not this one."""
    gathering: Id
    """The id of the gathering the groups took part in."""
    question_set: Id
    """The id of the question set (the group task) the groups answered."""
    entries: Annotated[list[FeedbackEntry], Field(min_length=1)]
    """One entry per group, in any order."""
