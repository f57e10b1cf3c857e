"""The guide's field tables, written into its Markdown files so that they read in the source too.

Each table sits between two marker lines in ``docs/guide/<page>.md``; ``kulturdialog schema``
rewrites what is between them from the model, and a test fails when a file has drifted.
"""

from __future__ import annotations

import re
from pathlib import Path

from kulturdialog.model import KINDS
from kulturdialog.views.fields import fields_markdown

GUIDE_FOLDER = Path("docs") / "guide"
"""Where the guide lives, relative to the project folder."""

_BLOCK = re.compile(
    r"(?P<open><!-- fields: (?P<kind>[a-z_]+) [^\n]*-->\n)(?P<body>.*?)(?P<close><!-- /fields -->)",
    re.DOTALL,
)


def opening(kind: str) -> str:
    return f"<!-- fields: {kind} (written by `kulturdialog schema` from the model; do not edit) -->"


def refreshed(text: str) -> str:
    """``text`` with every field table between markers rewritten from the model."""

    def table(match: re.Match[str]) -> str:
        kind = match["kind"]
        if kind not in KINDS:
            return match[0]
        return match["open"] + fields_markdown(kind) + match["close"]

    return _BLOCK.sub(table, text)


def write_field_tables(folder: Path) -> list[Path]:
    """Rewrite the tables in every guide page in ``folder``; return the files that changed."""
    changed = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text("utf-8")
        new = refreshed(text)
        if new != text:
            path.write_text(new, "utf-8")
            changed.append(path)
    return changed
