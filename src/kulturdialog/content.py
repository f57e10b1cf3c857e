"""Loading a site's content: every file read, validated, registered and checked, in one place.

This module sits above ``library`` (the content by kind and id) and ``checks`` (the rules that
read it), so neither imports the other back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kulturdialog.checks import check_library
from kulturdialog.errors import ContentError, Problem, display_path
from kulturdialog.library import Entry, Library, register
from kulturdialog.loader import read
from kulturdialog.validation import validate

CONTENT_SUFFIXES = (".yml", ".yaml")
"""Content file endings, in any letter case."""

MAX_FILE_BYTES = 1_000_000
"""The largest content file read (1 MB): far more than any gathering or series needs, and
small enough that a runaway file is refused at once instead of taking minutes and gigabytes."""


def content_files(root: Path) -> list[Path]:
    """Every YAML file below ``root`` (``.yml`` or ``.yaml`` in any case), in a stable order."""
    if root.is_file():
        return [root]
    return sorted(
        p for p in root.rglob("*") if p.suffix.lower() in CONTENT_SUFFIXES and p.is_file()
    )


def _outside(path: Path, root: Path) -> bool:
    return not path.resolve().is_relative_to(root.resolve())


def load_content(root: Path) -> Library:
    """Read, validate and cross-check all content below ``root``; raise one ContentError with
    every problem found."""
    problems: list[Problem] = []
    library = Library()
    if not root.exists():
        raise ContentError([Problem(str(root), 1, 1, "", "the content folder does not exist")])
    folder = root if root.is_dir() else root.parent
    for path in content_files(root):
        if _outside(path, folder):
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    1,
                    "",
                    "the file is a link to a file outside the content folder, which is never "
                    "read; copy the file into the content folder instead",
                )
            )
            continue
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    1,
                    "",
                    f"the file is {size / 1_000_000:.1f} MB, more than the 1 MB a content file "
                    "may have; split it into smaller files",
                )
            )
            continue
        parsed = read(path)
        if isinstance(parsed, Problem):
            problems.append(parsed)
            continue
        model, found = validate(parsed)
        problems.extend(found)
        if model is not None:
            problems.extend(register(library, Entry(model, parsed.source)))
        else:
            _remember_problems(library, parsed.data)
    problems.extend(check_library(library))
    if problems:
        raise ContentError(problems)
    return library


def _remember_problems(library: Library, data: dict[str, Any]) -> None:
    """Note the ids a file with problems would have given, so that references to them say the
    file has problems of its own instead of that the id does not exist."""
    kind, ident = data.get("kind"), data.get("id")
    if isinstance(kind, str) and isinstance(ident, str):
        library.with_problems[kind].add(ident)
    inline = data.get("question_sets")
    if kind == "gathering" and isinstance(inline, list):
        for question_set in inline:
            if isinstance(question_set, dict) and isinstance(question_set.get("id"), str):
                library.with_problems["question_set"].add(question_set["id"])
