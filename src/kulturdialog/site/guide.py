"""Fragments for the author guide's pages: the field reference and the starter files as
examples. Here, above the views and the authoring tools, because it shows what both make."""

from __future__ import annotations

from kulturdialog.authoring import starters
from kulturdialog.views.fields import sections
from kulturdialog.views.render import Renderer

EXAMPLE_TITLES = {"question_set": "Gruppeoppgave om samarbeid"}
"""Titles the guide's examples are filled in with; other kinds use 'Eksempel'."""


def fields_fragment(renderer: Renderer, kind: str, page_src: str) -> str:
    return renderer.fragment(
        "guide/fields.html", page_src, language="nb", sections=sections(kind, "nb")
    )


def starter_fragment(renderer: Renderer, kind: str, page_src: str) -> str:
    title = EXAMPLE_TITLES.get(kind, "Eksempel")
    text = starters.fill(kind, title, "eksempel", "nb")
    return renderer.fragment("guide/starter.html", page_src, text=text)
