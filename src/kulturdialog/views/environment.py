"""The Jinja environment shared by every view: autoescaping, strict undefined, filters."""

from __future__ import annotations

import re
from datetime import date, time
from functools import cache, lru_cache

from babel.dates import format_date
from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from kulturdialog import schedule
from kulturdialog.errors import visible
from kulturdialog.views import dates
from kulturdialog.views.feedback import mailto, mailto_url
from kulturdialog.views.labels import label

# Characters Python-Markdown treats as markup in a heading line; a backslash makes them text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def markdown_text(value: object) -> Markup:
    """Author text made safe for a Markdown line: HTML-escaped, Markdown punctuation escaped."""
    # Markdown escapes first: HTML escaping adds '&#39;'-style entities whose '#' must stay.
    return Markup(escape(_MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))))


def paragraphs(value: str | None) -> list[str]:
    """Text split into paragraphs at blank lines, each with its lines joined."""
    if not value:
        return []
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", value) if part.strip()]


def clock(value: time | None) -> str:
    return schedule.format_clock(value) if value is not None else ""


@lru_cache(maxsize=4096)
def long_date(value: date, language: str) -> str:
    """A date written for the language, such as '24. september 2024'."""
    return format_date(value, "d MMMM y" if language == "en" else "long", locale=language)


def loader_with_partials(package: str) -> BaseLoader:
    """The templates of ``package`` (the editor's, the room's), and after them these, for the
    partials pages of every package share (``common/page_head.html``)."""
    return ChoiceLoader(
        [PackageLoader(package, "templates"), PackageLoader(__package__, "templates")]
    )


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("kulturdialog.views", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["paragraphs"] = paragraphs
    env.filters["clock"] = clock
    env.filters["offset"] = schedule.format_offset
    env.filters["long_date"] = long_date
    # Dates, months and weeks for series and programmes.
    env.filters.update(dates.FILTERS)
    env.filters["mailto"] = mailto
    env.filters["mailto_url"] = mailto_url
    # Control characters written as escapes, as the terminal report shows them.
    env.filters["visible"] = visible
    env.globals["label"] = label
    return env
