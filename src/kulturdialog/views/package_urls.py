"""Where the pages of theme packages live (src paths, as in ``urls``)."""

from __future__ import annotations


def package(id: str) -> str:
    return f"packages/{id}/index.md"


def presentation(id: str, presentation_id: str) -> str:
    return f"packages/{id}/presentations/{presentation_id}.md"


def presenter(id: str, presentation_id: str) -> str:
    """The full-screen slide show: a standalone HTML file, not a Markdown page."""
    return f"packages/{id}/presentations/{presentation_id}/presenter/index.html"


def speaker(id: str, presentation_id: str) -> str:
    """The speaker view: current and next slide, notes and time, in a second window."""
    return f"packages/{id}/presentations/{presentation_id}/speaker/index.html"


def runsheet(id: str) -> str:
    return f"packages/{id}/runsheet.md"


def preparation(id: str) -> str:
    return f"packages/{id}/preparation.md"


def timer(id: str) -> str:
    """The room timer of a package's run-sheet: a standalone HTML file."""
    return f"packages/{id}/timer/index.html"
