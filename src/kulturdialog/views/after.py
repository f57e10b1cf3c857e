"""What a gathering's pages show of its afterlife: the groups' feedback, its recording and
documents, and how to run it again locally."""

from __future__ import annotations

from dataclasses import dataclass

from kulturdialog.model import Gathering
from kulturdialog.views.render import Renderer


@dataclass(frozen=True)
class After:
    """The 'after the gathering' part of a gathering's participant page and facilitator guide."""

    feedback: bool
    """Whether the gathering has a feedback page."""

    @property
    def any(self) -> bool:
        return self.feedback


def after(renderer: Renderer, gathering: Gathering) -> After:
    return After(feedback=bool(renderer.library.feedback_for(gathering.id)))
