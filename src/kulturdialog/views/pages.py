"""Every generated page of a site: each kind of content contributes its own pages."""

from __future__ import annotations

from collections.abc import Iterator

from kulturdialog.views import after, feedback_page, gatherings, packages, room, series
from kulturdialog.views.render import GeneratedPage, Renderer

PRODUCERS = (
    gatherings.pages,
    room.pages,
    packages.pages,
    series.pages,
    feedback_page.pages,
    after.pages,
)
"""One function per kind of content, each yielding that kind's pages."""


def all_pages(renderer: Renderer) -> Iterator[GeneratedPage]:
    for produce in PRODUCERS:
        yield from produce(renderer)
