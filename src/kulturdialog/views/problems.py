"""The page shown in place of the site while content has problems (during a live preview)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from kulturdialog.errors import Problem
from kulturdialog.views.environment import environment
from kulturdialog.views.labels import label


def problems_page(problems: Sequence[Problem], language: str) -> str:
    """Markdown with front matter for one page listing every problem, author text escaped."""
    return (
        environment()
        .get_template("problems/page.md")
        .render(t=partial(label, language=language), problems=problems, lang=language)
    )
