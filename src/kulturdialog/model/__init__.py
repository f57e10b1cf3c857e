"""The typed content model: what an author can write, checked field by field.

Each content file is one document whose ``kind`` says which model it follows.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, TypeAdapter

from kulturdialog.model.feedback import Feedback, FeedbackEntry
from kulturdialog.model.gathering import Block, Gathering, GroupWorkBlock
from kulturdialog.model.kinds import KINDS, AnyContent
from kulturdialog.model.package import Package
from kulturdialog.model.questions import QuestionSet
from kulturdialog.model.series import Item, Plan, Programme, Series
from kulturdialog.model.worksheet import Worksheet

Content = Annotated[AnyContent, Field(discriminator="kind")]
"""Any content document, told apart by its ``kind`` field."""

CONTENT_ADAPTER: TypeAdapter[AnyContent] = TypeAdapter(Content)


__all__ = [
    "CONTENT_ADAPTER",
    "KINDS",
    "AnyContent",
    "Block",
    "Content",
    "Feedback",
    "FeedbackEntry",
    "Gathering",
    "GroupWorkBlock",
    "Item",
    "Package",
    "Plan",
    "Programme",
    "QuestionSet",
    "Series",
    "Worksheet",
]
