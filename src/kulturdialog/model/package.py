"""Theme packages: presentations with speaker notes, a run-sheet that refers to the slides,
preparation for participants, and links to the question sets and gatherings they use."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, Strict, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from kulturdialog.model.common import (
    Id,
    Language,
    Link,
    Minutes,
    Model,
    Number,
    Preparation,
    Section,
    Text,
)

_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–—]\s*(\d+)\s*)?$")


class Span(Model):
    """Two whole numbers from ``first`` to ``last``, both included; one number is a span of one."""

    first: Annotated[int, Field(ge=1)]
    """The lower number."""
    last: Annotated[int, Field(ge=1)]
    """The higher number, the same as ``first`` for a single number."""

    @property
    def numbers(self) -> range:
        return range(self.first, self.last + 1)

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


def _span(value: Any) -> Any:
    # Authors write 3, "3–5" or "3-5"; the model keeps the two ends.
    if isinstance(value, Span | dict):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return {"first": value, "last": value}
    match = _RANGE.match(value) if isinstance(value, str) else None
    if match is None:
        raise PydanticCustomError(
            "span",
            "{value} is neither a number nor a range; write a number such as 3 or a range "
            "such as 3–5",
            {"value": repr(value) if not isinstance(value, str) else f"'{value}'"},
        )
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last < first:
        raise PydanticCustomError(
            "span_backwards",
            "the range '{value}' is written backwards; write the lower number first: "
            "{last}–{first}",
            {"value": value.strip(), "first": first, "last": last},
        )
    return {"first": first, "last": last}


_SPAN_SCHEMA = WithJsonSchema(
    {
        "anyOf": [
            {"type": "integer", "minimum": 1},
            {"type": "string", "pattern": r"^\s*\d+\s*([-–—]\s*\d+\s*)?$"},
        ],
        "description": "A number such as 3, or a range such as 3–5 (lower number first).",
    }
)

SlideRef = Annotated[Span, BeforeValidator(_span), _SPAN_SCHEMA]
"""Slides a run-sheet step shows: one number such as 3, or a range such as 3–5."""

MinutesRange = Annotated[Span, BeforeValidator(_span), _SPAN_SCHEMA]
"""A duration in minutes: 90, or a range such as 60–90."""


class FigureValue(Model):
    """One bar of a chart: what it counts and how much."""

    label: Text
    """What the value counts, in the source's words."""
    value: Annotated[Number, Field(ge=0)]
    """The number, such as 95 for 95 percent."""
    measure: Text | None = None
    """What kind of measure the value is, such as 'i høj grad eller nogen grad', when it differs
    from the figure's ``measure``. Values of different measures are drawn on scales of their
    own, never as bars of one scale."""

    def measured_as(self, figure: Figure) -> str | None:
        """The measure the value counts: its own, or else the figure's."""
        return self.measure or figure.measure


class Figure(Model):
    """A chart of labelled values, such as survey percentages, with N and source."""

    title: Text | None = None
    """Heading of the chart, only as the source gives it. Where the source gives the values no
    title, leave it out and write ``caption`` instead."""
    caption: Text | None = None
    """When the source gives no figure title: the source's own words that introduce the values.
    Shown in place of a title and never presented as one."""
    measure: Text | None = None
    """What the values count, such as 'i høj grad eller nogen grad'; a value with another
    measure says so in its own ``measure``."""
    unit: Text | None = None
    """Unit written after each value, such as 'pct.' or '%'."""
    maximum: Annotated[Number, Field(gt=0)] | None = None
    """The value a full-length bar stands for, such as 100 for percentages. Default: the
    largest value."""
    values: list[FigureValue] = []
    """The bars, in the order shown. Leave empty when the source names the figure but does not
    give its values; the page then says so."""
    n: Annotated[int, Strict(), Field(gt=0)] | Text | None = None
    """How many answered, such as 57 or '57–58'; only when the source gives it for this
    figure."""
    question: Text | None = None
    """The survey question the values answer, only when the source gives it for this figure."""
    note: Text | None = None
    """What the values are based on, as the source's note says."""
    values_from_text: bool = False
    """True when the source's text gives only some of the figure's values, the ones written
    here; the page then says that the figure has more."""

    @model_validator(mode="after")
    def _titled(self) -> Figure:
        if self.title is None and self.caption is None:
            raise PydanticCustomError(
                "figure_title",
                "a figure needs a 'title' as the source gives it, or, when the source gives "
                "none, a 'caption' in the source's own words",
            )
        return self

    source: Text | None = None
    """Where the values come from, as the source line gives it."""


class Slide(Model):
    """One slide: what the audience sees, and what the presenter says."""

    title: Text
    """The slide's heading."""
    points: list[Text] = []
    """Key points shown on the slide."""
    figures: list[Figure] = []
    """Charts shown on the slide."""
    notes: list[Text] = []
    """Speaker notes in bullet form; never shown to the audience."""


class Presentation(Model):
    """A numbered sequence of slides."""

    id: Id
    """Short name used in the page address and by run-sheet steps."""
    title: Text
    """The presentation's title."""
    slides: Annotated[list[Slide], Field(min_length=1)]
    """The slides, numbered from 1 in the order written."""
    aspect: Literal["16:9", "4:3"] = "16:9"
    """The shape of the presenter's slides: 16:9 for most projectors, 4:3 for older ones."""


class Step(Model):
    """One step of a run-sheet."""

    minutes: Minutes
    """How long the step takes, in whole minutes."""
    activity: Text
    """What happens."""
    slides: list[SlideRef] = []
    """Slides shown during the step: numbers such as 3 and ranges such as 3–5."""
    presentation: Id | None = None
    """The id of the presentation the slide numbers refer to; needed only when the package has
    more than one."""
    question_set: Id | None = None
    """The id of a question set the groups work on during the step."""
    notes: list[Text] = []
    """Notes for whoever runs the session."""


class Runsheet(Model):
    """The run-sheet ('kjøreplan'): steps with minutes, referring to the slides."""

    duration: MinutesRange | None = None
    """How long the session is planned to last: 90, or a range such as 60–90. The steps must
    fit within it."""
    steps: Annotated[list[Step], Field(min_length=1)]
    """The steps in the order they happen."""
    minutes_suggested: bool = False
    """True when the source gives no minutes and ``duration`` and the steps' minutes are the
    editors' suggestion; pages mark them 'forslag'."""


class Package(Model):
    """A theme package: presentations, run-sheet and preparation built on a report."""

    kind: Literal["package"]
    """Always 'package' for a theme package."""
    id: Id
    """Short name used in the page address and by other files."""
    title: Text
    """The package's title."""
    language: Language
    """Language the package is written in: nb, nn, da or en."""
    status: Literal["published", "announced", "elsewhere"] = "published"
    """'published' when the material is here; 'announced' when it is named but not yet made;
    'elsewhere' when the material exists but the source names it without giving its contents.
    An announced package and one kept elsewhere have no presentations or run-sheet here."""
    collection: Text | None = None
    """The set of packages this one belongs to, as the source names it."""
    part: Text | None = None
    """How the source names this package within its collection, such as 'Pakke 1'."""
    summary: Text | None = None
    """What the package is about, in a few sentences."""
    background: Text | None = None
    """What the package builds on, such as a report and how it was made."""
    audience: list[Text] = []
    """Who the material is for."""
    method: list[Text] = []
    """How the material is worked with."""
    form: list[Text] = []
    """What form the material comes in."""
    presentations: list[Presentation] = []
    """The presentations; a published package has at least one."""
    runsheet: Runsheet | None = None
    """How a session with the package runs, step by step."""
    preparation: Preparation | None = None
    """Reading and reflection for participants before the session."""
    question_sets: list[Id] = []
    """Ids of the question sets the package uses."""
    gatherings: list[Id] = []
    """Ids of gatherings the package belongs with."""
    sections: list[Section] = []
    """Further parts of the source under their own headings, such as the collection the
    package belongs to, with its form, method, audience and plan ahead."""
    links: list[Link] = []
    """Documents, recordings or pages the source refers to, by their titles."""

    @property
    def question_set_ids(self) -> list[str]:
        """The question sets the package uses, listed or in its run-sheet, each once."""
        steps = self.runsheet.steps if self.runsheet is not None else []
        used = [*self.question_sets, *(s.question_set for s in steps if s.question_set)]
        return list(dict.fromkeys(used))

    def presentation(self, id: str | None) -> Presentation | None:
        """The presentation with ``id``, or the only one when ``id`` is None."""
        if id is None:
            return self.presentations[0] if len(self.presentations) == 1 else None
        return next((p for p in self.presentations if p.id == id), None)
