"""A gathering as a local kit: a new gathering built on an existing one, for a municipality or
a region to run on its own. This module finds the source; the starter text is made in
``kulturdialog.views.local_kit``, which the gathering's pages offer for download too."""

from __future__ import annotations

from pathlib import Path

from kulturdialog.content import load_content
from kulturdialog.errors import ContentError, display_path
from kulturdialog.library import Library
from kulturdialog.model import Gathering
from kulturdialog.views.local_kit import KEPT, kit_text


def existing_content(content: Path) -> Library | str:
    """The content in ``content`` that a new file builds on, or why there is none to use."""
    try:
        return load_content(content)
    except ContentError as error:
        count = len(error.problems)
        where = display_path(content)
        return f"the content in {where} has {count} problem(s); run kulturdialog check"


def source_gathering(content: Path, id: str) -> Gathering | str:
    """The gathering ``id`` in ``content``, or why it cannot be used."""
    if not content.exists():
        return f"there is no content in {display_path(content)}"
    library = existing_content(content)
    if isinstance(library, str):
        return library
    if id not in library.gatherings:
        known = ", ".join(sorted(library.gatherings)) or "none"
        return f"there is no gathering with the id '{id}' (known: {known})"
    return library.gathering(id)


__all__ = ["KEPT", "existing_content", "kit_text", "source_gathering"]
