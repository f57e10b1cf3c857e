"""Saving a form: the content file it is for, checked as it would be, then written in one step.

A save names a file inside the content folder, the hash the file had when the form opened and
the form's values. It is refused, and nothing is written, when the file is not a content file
inside the folder, when the file changed on disk since, or when ``check`` finds a problem in
the content as it would be with the file saved. Otherwise the new text goes to a temporary
file beside it, which then replaces the file in one rename: a reader never sees half a file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from kulturdialog.content import (
    CONTENT_SUFFIXES,
    MAX_FILE_BYTES,
    FileCache,
    file_stamp,
    load_content,
    loaded_text,
)
from kulturdialog.editor.roundtrip import Moves, NotWritable, apply, plain_data
from kulturdialog.errors import ContentError, Problem, display_path


class Refused(Exception):
    """The request names no content file the editor may write; nothing was read or written."""


def content_file(content: Path, name: str) -> Path:
    """The file ``name`` (relative, with ``/``) inside ``content``; raises ``Refused`` for a
    path that leaves the folder, passes through a link, or is not a YAML file."""
    relative = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or relative.is_absolute()
        or any(part in ("", ".", "..") for part in name.split("/"))
    ):
        raise Refused(f"'{name}' is not a file inside the content folder")
    if relative.suffix.lower() not in CONTENT_SUFFIXES:
        raise Refused(f"'{name}' is not a content file (.yml or .yaml)")
    path = content.joinpath(*relative.parts)
    # Equal only when no part of the path is a link: a link could lead anywhere.
    if path.resolve() != content.resolve().joinpath(*relative.parts):
        raise Refused(f"'{name}' is a link; only files in the content folder are edited")
    if not path.is_file():
        raise Refused(f"'{name}' does not exist in the content folder")
    return path


def file_hash(data: bytes) -> str:
    """What a form sends back to say which version of the file it was made from."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Opened:
    """A content file as a form shows it."""

    name: str
    hash: str
    values: dict[str, Any]


def open_file(content: Path, name: str) -> Opened | Problem:
    """The values of the file ``name`` in ``content``, or why they cannot be edited in a form."""
    path = content_file(content, name)
    raw = path.read_bytes()
    values = plain_data(_decoded(raw), path)
    return Opened(name, file_hash(raw), values) if isinstance(values, dict) else values


def _decoded(raw: bytes) -> str:
    return raw.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")


@dataclass(frozen=True)
class Saved:
    """What a save did: written, refused with problems, or refused as out of date."""

    written: bool
    hash: str
    problems: list[Problem] = field(default_factory=list)
    conflict: bool = False
    """The file changed on disk since the form was opened; load it again."""


@dataclass
class Saver:
    """Saves into one content folder, keeping the validated files between saves."""

    content: Path
    cache: FileCache = field(default_factory=FileCache)
    written: Callable[[Path], None] = field(default=lambda path: None)
    """Told of each file written, as soon as it is (the preview builds at once)."""

    def save(
        self, name: str, expected: str, values: Mapping[str, Any], moves: Moves | None = None
    ) -> Saved:
        path = content_file(self.content, name)
        raw = path.read_bytes()
        if file_hash(raw) != expected:
            return Saved(False, file_hash(raw), conflict=True)
        old = _decoded(raw)
        try:
            text = apply(old, path, values, moves)
        except NotWritable as error:
            return Saved(False, expected, [Problem(display_path(path), 1, 1, "", str(error))])
        if text == old:
            return Saved(True, expected)
        if "\r\n" in raw.decode("utf-8", errors="replace"):
            text = text.replace("\n", "\r\n")
        if raw.startswith(b"\xef\xbb\xbf"):
            text = "\ufeff" + text
        data = text.encode("utf-8")
        if len(data) > MAX_FILE_BYTES:
            too_big = "the file would be more than 1 MB; split it into smaller files"
            return Saved(False, expected, [Problem(display_path(path), 1, 1, "", too_big)])
        problems = self.problems_with(path, text)
        if problems:
            return Saved(False, expected, problems)
        _replace(path, data)
        self.written(path)
        return Saved(True, file_hash(data))

    def problems_with(self, path: Path, text: str) -> list[Problem]:
        """The problems ``check`` would find with ``text`` saved at ``path``: those in the file,
        and those elsewhere that the content on disk does not have already (the save may
        leave an unrelated broken file as it is, not break another)."""
        before = {(p.file, p.field, p.message) for p in _problems(self.content, self.cache)}
        trial = FileCache(dict(self.cache.files))
        trial.files[path] = loaded_text(path, text.lstrip("\ufeff"), file_stamp(path))
        shown = display_path(path)
        return [
            problem
            for problem in _problems(self.content, trial)
            if problem.file == shown or (problem.file, problem.field, problem.message) not in before
        ]


def _problems(content: Path, cache: FileCache) -> list[Problem]:
    try:
        load_content(content, cache)
    except ContentError as error:
        return error.problems
    return []


def _replace(path: Path, data: bytes) -> None:
    # The temporary name ends in .tmp, so the preview never takes it for content.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
