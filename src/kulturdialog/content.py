"""Loading a site's content: every file read, validated, registered and checked, in one place.

This module sits above ``library`` (the content by kind and id) and ``checks`` (the rules that
read it), so neither imports the other back.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kulturdialog.checks import check_library
from kulturdialog.errors import ContentError, Problem, display_path
from kulturdialog.library import Entry, Library, register
from kulturdialog.loader import Document, Source, parse, read
from kulturdialog.model import Content
from kulturdialog.validation import PrunedSource, valid_part, validate

CONTENT_SUFFIXES = (".yml", ".yaml")
"""Content file endings, in any letter case."""

MAX_FILE_BYTES = 1_000_000
"""The largest content file read (1 MB): far more than any gathering or series needs, and
small enough that a runaway file is refused at once instead of taking minutes and gigabytes."""


def content_files(root: Path) -> list[Path]:
    """Every YAML file below ``root`` (``.yml`` or ``.yaml`` in any case), in a stable order.

    Linked folders are not entered; a linked file is listed (and refused later if it points
    outside the folder)."""
    if root.is_file():
        return [root]
    found: list[Path] = []
    # A live preview lists the folder on every save: one scandir per folder, where each entry
    # already says what it is, takes a fraction of the time of rglob's Path per entry.
    folders = [str(root)]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
            elif os.path.splitext(entry.name)[1].lower() in CONTENT_SUFFIXES and entry.is_file():
                found.append(Path(entry.path))
    return sorted(found)


Stamp = tuple[int, int]
"""A file's modification time (ns) and size: a file whose stamp is unchanged is not read again."""


@dataclass(frozen=True)
class Loaded:
    """One content file read and validated: its model and source, or its problems."""

    stamp: Stamp
    model: Content | None
    source: Source | None
    problems: tuple[Problem, ...]
    data: dict[str, Any] | None = None
    """The parsed data of a file that failed validation, for the ids it would have given."""
    partial: Entry[Content] | None = None
    """What is left of a file that failed validation without its broken parts, checked for
    references, times and over-runs as far as those parts allow."""


@dataclass
class FileCache:
    """Validated files by path, kept across loads of one folder (the live preview): a load
    reads and validates again only the files whose stamp changed."""

    files: dict[Path, Loaded] = field(default_factory=dict)
    read: int = 0
    """How many files the last load read; the others came from the cache."""


def file_stamp(path: Path) -> Stamp:
    """``path``'s modification time and size, or (0, -1) when it cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return 0, -1
    return stat.st_mtime_ns, stat.st_size


def _outside(path: Path, root: Path) -> bool:
    return not path.resolve().is_relative_to(root.resolve())


def load_content(root: Path, cache: FileCache | None = None) -> Library:
    """Read, validate and cross-check all content below ``root``; raise one ContentError with
    every problem found. With ``cache``, only files changed since the last load are read and
    validated again; the cross-checks always run over the whole library."""
    problems: list[Problem] = []
    library = Library()
    if not root.exists():
        raise ContentError([Problem(str(root), 1, 1, "", "the content folder does not exist")])
    folder = root if root.is_dir() else root.parent
    kept: dict[Path, Loaded] = {}
    pruned: dict[str, PrunedSource] = {}
    read_now = 0
    for path in content_files(root):
        stamp = file_stamp(path)
        loaded = cache.files.get(path) if cache is not None else None
        if loaded is None or loaded.stamp != stamp:
            loaded = _load_file(path, folder, stamp)
            read_now += 1
        kept[path] = loaded
        problems.extend(loaded.problems)
        if loaded.model is not None and loaded.source is not None:
            problems.extend(register(library, Entry(loaded.model, loaded.source)))
            continue
        if loaded.data is not None:
            _remember_problems(library, loaded.data)
        if loaded.partial is not None:
            problems.extend(register(library, loaded.partial))
            assert isinstance(loaded.partial.source, PrunedSource)
            pruned[loaded.partial.source.display_path] = loaded.partial.source
    if cache is not None:
        # Deleted files drop out here.
        cache.files = kept
        cache.read = read_now
    problems.extend(
        problem
        for problem in check_library(library)
        if problem.file not in pruned or pruned[problem.file].trusted(problem)
    )
    if problems:
        raise ContentError(problems)
    return library


def _load_file(path: Path, folder: Path, stamp: Stamp) -> Loaded:
    if _outside(path, folder):
        return Loaded(stamp, None, None, (_file_problem(path, _OUTSIDE),))
    size = stamp[1]
    if size > MAX_FILE_BYTES:
        too_big = (
            f"the file is {size / 1_000_000:.1f} MB, more than the 1 MB a content file may have; "
            "split it into smaller files"
        )
        return Loaded(stamp, None, None, (_file_problem(path, too_big),))
    return _validated(read(path), stamp, path)


def loaded_text(path: Path, text: str, stamp: Stamp) -> Loaded:
    """``text`` read and validated as if it were the file at ``path``: put in a ``FileCache``
    under the file's stamp, a load checks the content as it would be with the file saved."""
    return _validated(parse(text, path), stamp, path, text)


def _validated(
    parsed: Document | Problem, stamp: Stamp, path: Path, text: str | None = None
) -> Loaded:
    if isinstance(parsed, Problem):
        return Loaded(stamp, None, None, (parsed,), _ids_written(path, text))
    model, found = validate(parsed)
    if model is not None:
        return Loaded(stamp, model, parsed.source, tuple(found))
    left = valid_part(parsed.data)
    partial = None
    if left is not None:
        source = PrunedSource(parsed.source.path, parsed.source.text, left.removed)
        partial = Entry(left.model, source)
    return Loaded(stamp, None, parsed.source, tuple(found), parsed.data, partial)


_TOP_LEVEL = re.compile(r"^(kind|id):[ \t]*['\"]?([\w-]+)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)
_INLINE_ID = re.compile(
    r"^[ \t]+(?:-[ \t]+)?id:[ \t]*['\"]?([a-z0-9-]+)['\"]?[ \t]*$", re.MULTILINE
)


def _ids_written(path: Path, text: str | None = None) -> dict[str, Any] | None:
    """The kind and ids a file that is not valid YAML would have given, read from its lines
    (``text``, else the file at ``path``), so that a file referring to it is told the file has
    problems instead of that the id does not exist."""
    if text is None:
        try:
            text = path.read_text("utf-8-sig", errors="replace")
        except OSError:
            return None
    fields = {name: value for name, value in _TOP_LEVEL.findall(text)}
    if "kind" not in fields:
        return None
    inline = [{"id": ident} for ident in _INLINE_ID.findall(text)]
    return {**fields, "question_sets": inline}


_OUTSIDE = (
    "the file is a link to a file outside the content folder, which is never read; copy the "
    "file into the content folder instead"
)


def _file_problem(path: Path, message: str) -> Problem:
    return Problem(display_path(path), 1, 1, "", message)


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
