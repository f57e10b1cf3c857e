"""Question sets: the group-work tasks that gatherings and packages refer to by id."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from kulturdialog.model.common import Email, Id, Language, Model, Text


class Quotation(Model):
    """A quotation that opens the task, with where it is taken from."""

    text: Text
    """The quoted words, without quotation marks."""
    source: Text | None = None
    """The document or person quoted."""


def _question_from_text(value: Any) -> Any:
    # A question is usually just its text; the mapping form adds context and notes.
    return {"text": value} if isinstance(value, str) else value


class Question(Model):
    """One numbered question of a group task."""

    text: Text
    """The question itself."""
    context: Text | None = None
    """Text shown before the question, such as a quotation or a goal it builds on."""
    note: Text | None = None
    """A hint shown after the question, such as 'give concrete examples'."""
    how_to_answer: Text | None = None
    """How to answer this question, where it differs from the set's general advice."""


class PriorityRange(Model):
    """How many points each group chooses to report back."""

    min: Annotated[int, Field(ge=1, le=10)] = 1
    """The fewest points a group reports."""
    max: Annotated[int, Field(ge=1, le=10)] = 3
    """The most points a group reports."""

    @model_validator(mode="after")
    def _ordered(self) -> PriorityRange:
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) is smaller than min ({self.min}); swap them")
        return self


class ReportBack(Model):
    """How groups report back what they found."""

    instructions: Text | None = None
    """What groups do with their answers, in the author's words."""
    priorities: PriorityRange | None = None
    """How many points each group prioritises, for example 1 to 3."""
    question: Annotated[int, Field(ge=1)] | None = None
    """The number of the question whose answers are reported, if only one is."""
    email: Email | None = None
    """Where the groups send their summary."""
    subject: Text | None = None
    """The subject line the groups write in the e-mail."""


class QuestionSet(Model):
    """A group task: introduction, quotation, numbered questions, roles and report-back."""

    kind: Literal["question_set"] = "question_set"
    """Always 'question_set'; may be left out when the set is written inside a gathering."""
    id: Id
    """Short name other files use to refer to this set."""
    title: Text
    """Heading of the task."""
    language: Language
    """Language the set is written in: nb, nn, da or en."""
    introduction: Text | None = None
    """Text read before the questions."""
    quotation: Quotation | None = None
    """An optional quotation with its source."""
    questions: Annotated[
        list[Annotated[Question, BeforeValidator(_question_from_text)]], Field(min_length=1)
    ]
    """The questions, numbered in the order written."""
    closing: Text | None = None
    """Text shown after the questions."""
    roles_introduction: Text | None = None
    """A sentence before the group roles."""
    roles: list[Text] = []
    """Roles the group hands out, such as 'Møteleder og tidtaker'."""
    how_to_answer: Text | None = None
    """How the group answers and what the answers are for."""
    report_back: ReportBack | None = None
    """How the group reports back."""
