"""Pages for the room: a printable group sheet per group task and a projector view per group work.

The sheets and views of a gathering are produced here; the live clock that the facilitator
guide, the run-sheet and the projector views share is plain JavaScript in ``site/assets``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kulturdialog.model import Gathering
from kulturdialog.views import urls
from kulturdialog.views.feedback import priority_slots
from kulturdialog.views.labels import label
from kulturdialog.views.programme import programme
from kulturdialog.views.render import GeneratedPage, Renderer

HANDOUT_SCRIPTS = ("handout.js",)
"""Repeats the group sheet once per group for ``?groups=N``."""
LIVE_SCRIPTS = ("live.js",)
"""The live clock: start time, current block, countdown, +5 min."""


def pages(renderer: Renderer) -> Iterator[GeneratedPage]:
    """For every gathering: one group sheet per question set, one projector view per group work."""
    for gathering in renderer.library.sorted_gatherings():
        yield from gathering_room_pages(renderer, gathering)


def gathering_room_pages(renderer: Renderer, gathering: Gathering) -> Iterator[GeneratedPage]:
    p = programme(gathering, renderer.library)
    lang = gathering.language
    for qs in p.question_sets:
        rows = [row for row in p.rows if row.question_set == qs]
        yield renderer.page(
            "gathering/handout.md",
            urls.handout(gathering.id, qs.id),
            lang,
            "handout",
            f"{label('handout', lang)}: {qs.title}",
            scripts=HANDOUT_SCRIPTS,
            g=gathering,
            p=p,
            qs=qs,
            rows=rows,
            slots=priority_slots(qs),
        )
    for row in p.rows:
        if row.question_set is None:
            continue
        yield renderer.page(
            "gathering/projector.md",
            urls.projector(gathering.id, row.number),
            lang,
            "projector",
            f"{label('projector_view', lang)}: {row.block.title}",
            # The handout script also fills the group into the e-mail for ?group=N.
            scripts=LIVE_SCRIPTS + HANDOUT_SCRIPTS,
            g=gathering,
            p=p,
            row=row,
            qs=row.question_set,
        )
