"""Building blocks shared by every kind of content: ids, languages, times, people, readings."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError


class Model(BaseModel):
    """Base of every content model: unknown fields are errors and loaded content never changes."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        use_attribute_docstrings=True,
    )


Language = Literal["nb", "nn", "da", "en"]
"""Content language: Norwegian bokmål, Norwegian nynorsk, Danish or English."""

LANGUAGES: tuple[str, ...] = get_args(Language)
"""Every content language, in the order of ``Language``."""

Format = Literal["physical", "digital", "hybrid"]
"""Whether people meet in a room, online, or both."""

Id = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80),
]
"""A short name used in addresses and references: lowercase a–z, digits and single hyphens."""

# Control characters other than tab and line breaks: no page, terminal or calendar file shows
# them as text, and iCalendar forbids them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _no_control_characters(value: str) -> str:
    found = _CONTROL.search(value)
    if found:
        raise PydanticCustomError(
            "control_character",
            "the text has the control character {character}, which no page can show; remove it",
            {"character": f"U+{ord(found.group()):04X}"},
        )
    return value


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_no_control_characters),
]
"""Plain text written by an author. Never read as HTML or Markdown; blank lines make paragraphs."""

Minutes = Annotated[int, Strict(), Field(gt=0, le=24 * 60)]
"""A duration in whole minutes, more than zero."""

_CLOCK = re.compile(r"^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$")


def _clock_time(value: Any) -> Any:
    if isinstance(value, time):
        return value
    # YAML reads 13.00 and 9.30 as numbers; the loader keeps what was typed (WrittenFloat).
    written = getattr(value, "written", value)
    if isinstance(written, str):
        match = _CLOCK.match(written.strip())
        if match:
            return time(int(match.group(1)), int(match.group(2)))
    raise PydanticCustomError(
        "clock_time",
        "'{value}' is not a clock time; write hours and minutes as HH:MM, for example 09:30",
        {"value": written},
    )


CLOCK_PATTERN = _CLOCK.pattern
"""What a clock time looks like in a file; the JSON Schema for editors uses the same pattern."""

# Editors read YAML 1.2, where 09:30 is text: the schema describes the text an author writes.
ClockTime = Annotated[
    time,
    BeforeValidator(_clock_time),
    WithJsonSchema({"type": "string", "pattern": CLOCK_PATTERN}),
]
"""A time of day written HH:MM (or HH.MM), such as 09:30."""

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2200, 12, 31)

# The years a calendar file, a week number and a timeline can place: the same span as 'year'.
Day = Annotated[date, Field(ge=FIRST_DAY, le=LAST_DAY)]
"""A date written YYYY-MM-DD, such as 2024-09-24, from 1900 to 2200."""

Number = Annotated[float, Field(allow_inf_nan=False)]
"""A finite number: 'inf', 'nan' and values too large to hold (1e309) are refused."""

# An address and nothing else: no '?', '&', '=' or '%' that would add header fields to a
# mailto: link, no spaces or line breaks. Letters and digits of any script, '.', '+', '-', '_'.
Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"),
]
"""An e-mail address such as post@example.no."""

WebAddress = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://\S+$")]
"""A web address starting with http:// or https://."""


class Contact(Model):
    """Someone to ask about a gathering or its material."""

    name: Text
    """Full name."""
    role: Text | None = None
    """What they do here, for example 'Prosjektleder'."""
    organisation: Text | None = None
    """Where they work."""
    phone: Text | None = None
    """Phone number as it should be shown."""
    email: Email | None = None
    """E-mail address."""


class Reading(Model):
    """A text to read before the day, optionally only some sections of it."""

    title: Text
    """The title of the text or document."""
    sections: list[Text] = []
    """The sections or chapters to read, as they are numbered and named in the text."""
    note: Text | None = None
    """Where to find it or what to look for."""
    url: WebAddress | None = None
    """Where it can be read online."""


class Preparation(Model):
    """What participants read and think about before they come."""

    introduction: Text | None = None
    """Why to prepare, in a sentence or two."""
    readings: list[Reading] = []
    """Recommended reading."""
    questions: list[Text] = []
    """Preparatory reflection questions."""


class Link(Model):
    """A document, recording or page the source refers to, by the title the source gives it."""

    title: Text
    """The title as the source names it, such as 'Filmopptaket på Vimeo'."""
    url: WebAddress | None = None
    """Its address, when the source gives one; without it the page says the address is not
    given."""
    note: Text | None = None
    """What it is or where it is found, in the source's words."""


class Section(Model):
    """A part of the source under its own heading, carried as the source gives it: a strategy,
    costs, selection criteria, obligations, a plan ahead."""

    title: Text | None = None
    """The heading, as the source gives it; leave out for a passage the source gives no heading
    of its own."""
    period: Text | None = None
    """The period the section is about, as the source writes it, such as '2021–2024'."""
    text: Text | None = None
    """The section's text; blank lines make paragraphs."""
    points: list[Text] = []
    """Bullet points, in the order given."""
    numbered: bool = False
    """True when the source numbers the points (1., 2., 3.)."""
    closing: Text | None = None
    """Text after the points."""
    links: list[Link] = []
    """Documents or pages the section refers to."""
    sections: list[Section] = []
    """Sub-sections under their own headings."""
    source: Text | None = None
    """Where the section comes from, when it is not the document the file is built on."""
