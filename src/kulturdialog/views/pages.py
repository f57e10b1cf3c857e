"""Every generated page of a site: each kind of content contributes its own pages."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kulturdialog.model.kinds import registers
from kulturdialog.views import after, feedback_page, gatherings, packages, room, series
from kulturdialog.views.render import GeneratedPage, Renderer

Producer = Callable[[Renderer], Iterator[GeneratedPage]]

KIND_PAGES: dict[str, Producer] = {
    "gathering": gatherings.pages,
    "question_set": gatherings.question_set_pages,
    "series": series.pages,
    "worksheet": series.worksheet_pages,
    "package": packages.pages,
    "feedback": feedback_page.pages,
}
"""The pages of each register of the kind table, by its first kind (series' pages are those of
series and programmes). What each item's pages read is declared in ``inputs``."""

PRODUCERS: tuple[Producer, ...] = (
    *(KIND_PAGES[kind.name] for kind in registers().values()),
    room.pages,
    after.pages,
)
"""Every kind's pages in the kind table's order, then the pages made from more than one kind's
models: the room's (gatherings, packages) and the local kits."""


def all_pages(renderer: Renderer) -> Iterator[GeneratedPage]:
    for produce in PRODUCERS:
        yield from produce(renderer)
