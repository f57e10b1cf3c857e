"""Pages for the room: a printable group sheet per group task and a projector view per group work.

The sheets and views of a gathering are produced here; the live clock that the facilitator
guide, the run-sheet and the projector views share is plain JavaScript in ``site/assets``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kulturdialog.model import Gathering, QuestionSet
from kulturdialog.views import urls
from kulturdialog.views.feedback import priority_slots
from kulturdialog.views.labels import label
from kulturdialog.views.programme import Programme, programmes
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
    days = programmes(gathering, renderer.library)
    # The group sheet belongs to the question set, whichever day it is used on; the projector
    # view to one block of one day, timed against that day's programme.
    lang = gathering.language
    p = days[0]
    seen: dict[str, QuestionSet] = {}
    for day in days:
        for found in day.question_sets:
            seen.setdefault(found.id, found)
    for qs in seen.values():
        rows = [row for day in days for row in day.rows if row.question_set == qs]
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
    for p in days:
        yield from _projectors(renderer, gathering, p)


def _projectors(renderer: Renderer, gathering: Gathering, p: Programme) -> Iterator[GeneratedPage]:
    lang = gathering.language
    for row in p.rows:
        if row.question_set is None:
            continue
        yield renderer.page(
            "gathering/projector.md",
            urls.projector(gathering.id, row.number, row.day),
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
