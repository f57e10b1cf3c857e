"""Fragments for the author guide's pages: the field reference and the starter files as
examples. Here, above the views and the authoring tools, because it shows what both make."""

from __future__ import annotations

from kulturdialog.authoring import starters
from kulturdialog.views.fields import guide_language, sections
from kulturdialog.views.render import Renderer

EXAMPLE_TITLES = {
    "nb": ("Eksempel", {"question_set": "Gruppeoppgave om samarbeid"}),
    "da": ("Eksempel", {"question_set": "Gruppeopgave om samarbejde"}),
    "en": ("Example", {"question_set": "Group task on collaboration"}),
}
"""The title the guide's examples are filled in with, per guide language: one for most kinds,
and one of its own for some."""


def fields_fragment(renderer: Renderer, kind: str, page_src: str) -> str:
    # The site shows the guide in its language, and the guide's tables speak it too.
    language = guide_language(renderer.language)
    return renderer.fragment(
        "guide/fields.html", page_src, language=language, sections=sections(kind, language)
    )


def starter_fragment(renderer: Renderer, kind: str, page_src: str) -> str:
    language = guide_language(renderer.language)
    title, own = EXAMPLE_TITLES[language]
    text = starters.fill(kind, own.get(kind, title), title.lower(), language)
    return renderer.fragment("guide/starter.html", page_src, text=text)
