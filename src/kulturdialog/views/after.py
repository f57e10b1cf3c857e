"""What a gathering's pages show of its afterlife: the groups' feedback, its recording and
documents, and how to run it again locally with a starter file made at build time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from kulturdialog.model import Gathering
from kulturdialog.model.ids import shorten
from kulturdialog.views import urls
from kulturdialog.views.labels import label
from kulturdialog.views.local_kit import kit_text
from kulturdialog.views.render import GeneratedPage, Renderer

KIT_SUFFIX = "-lokal"
"""Ends the id of the local gathering in the downloadable starter file."""


@dataclass(frozen=True)
class After:
    """The 'after the gathering' part of a gathering's participant page and facilitator guide."""

    feedback: bool
    """Whether the gathering has a feedback page."""
    command: str
    """The command that writes a local gathering built on this one."""
    kit: str | None
    """Where the starter file of a local gathering is published, for a gathering offered as a
    kit: one with a recording, of itself or of a block."""

    def outcomes(self, gathering: Gathering) -> bool:
        """Whether there is anything to show under 'after the gathering'."""
        return self.feedback or gathering.recording is not None or bool(gathering.documents)


def after(renderer: Renderer, gathering: Gathering) -> After:
    example = label("local_kit_example", gathering.language)
    # Double quotes, as authors type them in any shell, Windows' included.
    command = f'kulturdialog new gathering "{example}" --from {gathering.id}'
    return After(
        feedback=has_feedback_page(renderer, gathering),
        command=command,
        kit=urls.local_kit(gathering.id) if offered_as_kit(gathering) else None,
    )


def has_feedback_page(renderer: Renderer, gathering: Gathering) -> bool:
    """Whether ``gathering`` has a feedback page: some group's feedback on it was published."""
    return bool(renderer.library.feedback_for(gathering.id))


def offered_as_kit(gathering: Gathering) -> bool:
    """Whether the gathering's pages offer it as a local kit: it has a recording to reuse.

    Any gathering can be copied with ``new gathering --from``; the pages say so, with a starter
    file to download, where a recording makes it material for others to run.
    """
    return gathering.has_recording


def local_kit(gathering: Gathering) -> str:
    """The starter file offered for download on ``gathering``'s pages."""
    title = label("local_kit_title", gathering.language, title=gathering.title)
    ident = shorten(gathering.id, 80 - len(KIT_SUFFIX)) + KIT_SUFFIX
    return kit_text(gathering, title, ident)


def pages(renderer: Renderer) -> Iterator[GeneratedPage]:
    """The local-kit starter file of every gathering offered as a kit."""
    for gathering in renderer.library.sorted_gatherings():
        if offered_as_kit(gathering):
            yield from renderer.made("local kit", gathering, partial(kit_page, gathering))


def kit_page(gathering: Gathering) -> list[GeneratedPage]:
    src = urls.local_kit(gathering.id)
    return [GeneratedPage(src, partial(local_kit, gathering), ("local_kit", gathering))]
