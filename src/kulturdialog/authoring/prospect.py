"""What check would say of content files not yet written: the commands that write content (``new``,
``feedback import``) ask before they write, so that what they write, check accepts."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kulturdialog.checks import check_library
from kulturdialog.content import MAX_FILE_BYTES
from kulturdialog.errors import Problem, display_path
from kulturdialog.library import Entry, Library, register
from kulturdialog.loader import parse
from kulturdialog.model import Content
from kulturdialog.validation import validate


def file_problems(path: Path, text: str) -> tuple[Entry[Content] | None, list[Problem]]:
    """``text`` read as if from ``path``, and its problems on its own (none if it reads)."""
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        return None, [
            Problem(
                display_path(path),
                1,
                1,
                "",
                f"the file would be {size / 1_000_000:.1f} MB, more than the "
                f"{MAX_FILE_BYTES // 1_000_000} MB a content file may have",
            )
        ]
    parsed = parse(text, path)
    if isinstance(parsed, Problem):
        return None, [parsed]
    model, problems = validate(parsed)
    if model is None or problems:
        return None, problems
    return Entry(model, parsed.source), []


def problems_with(library: Library, files: Mapping[Path, str]) -> list[Problem]:
    """Every problem check would find with ``files`` (path: text) added to ``library``, the
    content as loaded without problems. ``library`` takes the new files in."""
    problems: list[Problem] = []
    for path, text in files.items():
        entry, found = file_problems(path, text)
        problems.extend(found)
        if entry is not None:
            problems.extend(register(library, entry))
    problems.extend(check_library(library))
    return problems
