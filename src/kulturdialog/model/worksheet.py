"""Planning worksheets: themes with guiding questions, printed with space to write."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from kulturdialog.model.common import Id, Language, Model, Text


class WorksheetSection(Model):
    """One theme of a worksheet, its guiding questions and room for the answers."""

    title: Text
    """The theme, such as 'Mål'."""
    questions: list[Text] = []
    """Guiding questions for the theme."""
    lines: Annotated[int, Field(ge=0, le=40)] = 6
    """How many lines to leave for writing on the printed sheet."""


class Worksheet(Model):
    """A planning template filled in together, such as the SMTTE-based template of a series."""

    kind: Literal["worksheet"]
    """Always 'worksheet' for a worksheet."""
    id: Id
    """Short name other files use to refer to this worksheet."""
    title: Text
    """Heading of the worksheet."""
    language: Language
    """Language the worksheet is written in: nb, nn, da or en."""
    introduction: Text | None = None
    """Text above the themes."""
    themes_heading: Text | None = None
    """The heading of the theme column, as in the template (for example 'Temaer')."""
    sections: Annotated[list[WorksheetSection], Field(min_length=1)]
    """The themes in the order they are filled in."""
