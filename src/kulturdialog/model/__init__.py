"""The typed content model: what an author can write, checked field by field.

Each content file is one document whose ``kind`` says which model it follows.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, TypeAdapter

from kulturdialog.model.gathering import Block, Gathering, GroupWorkBlock
from kulturdialog.model.questions import QuestionSet

Content = Annotated[Gathering | QuestionSet, Field(discriminator="kind")]
"""Any content document, told apart by its ``kind`` field."""

CONTENT_ADAPTER: TypeAdapter[Gathering | QuestionSet] = TypeAdapter(Content)

KINDS: dict[str, type[Gathering | QuestionSet]] = {
    "gathering": Gathering,
    "question_set": QuestionSet,
}
"""Every kind of document, by the value of its ``kind`` field."""

__all__ = [
    "CONTENT_ADAPTER",
    "KINDS",
    "Block",
    "Content",
    "Gathering",
    "GroupWorkBlock",
    "QuestionSet",
]
