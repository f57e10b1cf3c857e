"""The guide's field tables, written into its Markdown files so that they read in the source too.

The guide is written in bokmål (``docs/guide/``), Danish (``docs/guide/da/``) and English
(``docs/guide/en/``); the site shows the one in its language. Each table sits between two marker
lines in a guide page; ``kulturdialog schema`` rewrites what is between them from the model, in
the page's language (the descriptions come from ``views/field_descriptions.yml``, or for English
from the model itself), and a test fails when a file has drifted.
"""

from __future__ import annotations

import re
from pathlib import Path

from kulturdialog.model import KINDS
from kulturdialog.views.fields import GUIDE_LANGUAGES, GUIDE_SUBFOLDERS, fields_markdown

GUIDE_FOLDER = Path("docs") / "guide"
"""Where the guide lives, relative to the project folder."""

_BLOCK = re.compile(
    r"(?P<open><!-- fields: (?P<kind>[a-z_]+) [^\n]*-->\n)(?P<body>.*?)(?P<close><!-- /fields -->)",
    re.DOTALL,
)


def opening(kind: str) -> str:
    return f"<!-- fields: {kind} (written by `kulturdialog schema` from the model; do not edit) -->"


def language_folders(folder: Path) -> dict[str, Path]:
    """The folder of the guide in each language, bokmål first."""
    found = {"nb": folder}
    for language in GUIDE_LANGUAGES:
        if language in GUIDE_SUBFOLDERS:
            found[language] = folder / GUIDE_SUBFOLDERS[language]
    return found


def refreshed(text: str, language: str = "nb") -> str:
    """``text`` with every field table between markers rewritten from the model."""

    def table(match: re.Match[str]) -> str:
        kind = match["kind"]
        if kind not in KINDS:
            return match[0]
        return match["open"] + fields_markdown(kind, language) + match["close"]

    return _BLOCK.sub(table, text)


def _pages(folder: Path) -> list[tuple[Path, str]]:
    return [
        (path, language)
        for language, where in language_folders(folder).items()
        for path in sorted(where.glob("*.md"))
    ]


def write_field_tables(folder: Path) -> list[Path]:
    """Rewrite the tables in every guide page in ``folder`` and its translations; return the
    files that changed."""
    changed = []
    for path, language in _pages(folder):
        text = path.read_text("utf-8")
        new = refreshed(text, language)
        if new != text:
            path.write_text(new, "utf-8")
            changed.append(path)
    return changed
