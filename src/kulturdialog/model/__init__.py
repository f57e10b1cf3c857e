"""The typed content model: what an author can write, checked field by field.

Each content file is one document whose ``kind`` says which model it follows.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, TypeAdapter

from kulturdialog.model.feedback import Feedback, FeedbackEntry
from kulturdialog.model.gathering import Block, Gathering, GroupWorkBlock
from kulturdialog.model.package import Package
from kulturdialog.model.questions import QuestionSet
from kulturdialog.model.series import Item, Plan, Programme, Series
from kulturdialog.model.worksheet import Worksheet

AnyContent = Gathering | QuestionSet | Series | Programme | Worksheet | Package | Feedback
"""Any content model."""

Content = Annotated[AnyContent, Field(discriminator="kind")]
"""Any content document, told apart by its ``kind`` field."""

CONTENT_ADAPTER: TypeAdapter[AnyContent] = TypeAdapter(Content)

KINDS: dict[str, type[AnyContent]] = {
    "gathering": Gathering,
    "question_set": QuestionSet,
    "series": Series,
    "programme": Programme,
    "worksheet": Worksheet,
    "package": Package,
    "feedback": Feedback,
}
"""Every kind of document, by the value of its ``kind`` field."""

__all__ = [
    "CONTENT_ADAPTER",
    "KINDS",
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
