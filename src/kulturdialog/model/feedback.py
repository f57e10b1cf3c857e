"""Feedback: what the groups of a gathering sent back from one group task, point by point."""

from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from kulturdialog.model.common import Id, Model, Text

MOST_GROUPS = 999


def _group(value: Any) -> int | str:
    # One message for either form, rather than one per branch of a union.
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MOST_GROUPS:
        return value
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise PydanticCustomError(
        "group",
        "'{value}' is no group; write the group's number (1 to 999) as on its group sheet, "
        "or its name",
        {"value": value},
    )


Group = Annotated[
    int | str,
    PlainValidator(_group),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": MOST_GROUPS},
                {"type": "string", "minLength": 1},
            ]
        }
    ),
]
"""A group's number as on its group sheet ('Gruppe 3' is 3), or its name."""


class FeedbackEntry(Model):
    """What one group sent: its prioritised points, most important first."""

    group: Group | None = None
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
