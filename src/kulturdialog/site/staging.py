"""A build writes into a staging folder next to the site and puts it in place when complete.

mkdocs empties the site folder first and writes into it page by page, so any failure (a content
problem found late, a macro, an exception while rendering, Ctrl-C) used to leave an empty or
partial site. Writing into ``.<site>.staging`` and swapping it with ``<site>`` only after the
build has finished keeps the last good site byte for byte until a new one is whole.

Nothing is lost on the way:

- one build at a time writes a site: a lock (``flock`` on ``.<site>.lock``) that the system
  releases when a build ends, however it ends; a second build waits a little, then refuses;
- a site folder is replaced only when it is missing, empty, or was made by a build: each build
  leaves a mark (``.kulturdialog-build``) listing its files, and a folder holding any other file
  is refused with the files named; the project's own folders are refused outright;
- a site that is a link is followed: the new site goes where it points and the link stays.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import logging
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import CountHandler

from kulturdialog.errors import display_path

MARK = ".kulturdialog-build"
"""The file a build leaves at the top of what it made, listing every file it wrote."""

MARK_NOTE = (
    "# Made by Kulturdialog. The next build replaces this folder whole, as long as it holds\n"
    "# only the files listed here; a folder with any other file is left alone.\n"
)

EARLIER_BUILD = "assets/kulturdialog.css"
"""A file every site built by Kulturdialog has: a folder with it and no mark was built by a
version that left no mark."""

LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
"""Files a file manager leaves in any folder it shows: not the author's work."""

LOCK_WAIT = 10.0
"""Seconds a build waits for another build of the same site to finish before it refuses."""

_SHOWN = 3
"""How many files not made by a build a refusal names."""

log = logging.getLogger("mkdocs.plugins.kulturdialog")


class Refused(Exception):
    """The site folder cannot be written or replaced; the message says why and what to do."""


@dataclass
class Stage:
    """A build in progress: where its site goes and the staging folder it is written into."""

    site: Path
    """The site folder as named (it may be a link)."""
    target: Path
    """Where the site goes: ``site`` with every link followed."""
    folder: Path
    """The staging folder, next to ``target``."""
    lock: int
    """The open lock file: held until the build ends."""
    done: bool = False


_held: dict[Path, Stage] = {}
"""Builds of this process by target: one interrupted without an exception left its lock."""


def target_of(site: Path) -> Path:
    """Where the site folder really is: ``site`` with every link followed."""
    return Path(os.path.realpath(site))


def staging_folder(site: Path) -> Path:
    """Where a build of ``site`` is written until it is complete."""
    target = target_of(site)
    return target.parent / f".{target.name}.staging"


def _previous_folder(target: Path) -> Path:
    return target.parent / f".{target.name}.previous"


def _lock_file(target: Path) -> Path:
    return target.parent / f".{target.name}.lock"


def protected(project: Path, content: Path, docs: Path) -> list[Path]:
    """The folders no output may be in or hold: the content, the hand-written pages and the
    repository."""
    return [content, docs, project / ".git"]


def refusal(site: Path, guarded: Sequence[Path] = (), project: Path | None = None) -> str | None:
    """Why ``site`` may not be (re)made by a build, or None when it may."""
    target = target_of(site)
    shown = display_path(site)
    if site.is_symlink():
        # The link's own name, not where it leads, then where it leads.
        shown = f"{Path(display_path(site.parent)) / site.name} (a link to {display_path(target)})"
    if project is not None:
        real = target_of(project)
        if target == real or target in real.parents:
            return f"{shown} holds the project itself; choose a new folder, such as site/"
    for folder in guarded:
        real = target_of(folder)
        if target == real:
            return f"{shown} is the project's {folder.name}/ folder; choose a new folder"
        if real in target.parents:
            return f"{shown} is inside the project's {folder.name}/ folder; choose a new folder"
        if target in real.parents:
            return f"{shown} holds the project's {folder.name}/ folder; choose a new folder"
    if not os.path.lexists(target):
        return None
    if not target.is_dir():
        return f"{shown} is a file, not a folder; move it away or choose another folder"
    unmade = not_made(target)
    if unmade:
        listed = ", ".join(unmade[:_SHOWN]) + (", …" if len(unmade) > _SHOWN else "")
        return (
            f"{shown} holds files that no Kulturdialog build made ({listed}); nothing was "
            "changed. Choose an empty or new folder, or move those files away"
        )
    return None


def not_made(folder: Path) -> list[str]:
    """The files below ``folder`` that no build made (a few, not all), as relative paths."""
    mark = folder / MARK
    made: set[str] = set()
    if mark.is_file():
        made = {line for line in mark.read_text("utf-8").splitlines() if not line.startswith("#")}
    elif (folder / EARLIER_BUILD).is_file():
        return []
    found: list[str] = []
    for top, folders, files in os.walk(folder):
        here = Path(top).relative_to(folder)
        # A link to a folder is listed with the folders and never entered: it is not ours.
        names = files + [name for name in folders if os.path.islink(os.path.join(top, name))]
        for name in names:
            relative = (here / name).as_posix()
            if relative not in made and relative != MARK and name not in LITTER:
                found.append(relative)
                if len(found) > _SHOWN:
                    return found
    return found


def _ours(folder: Path) -> bool:
    """Whether a leftover staging or previous folder is one a build left."""
    return (folder / MARK).is_file() or not not_made(folder)


def begin(site: Path, guarded: Sequence[Path] = (), project: Path | None = None) -> Stage:
    """Take the site's lock and make an empty staging folder; raise Refused, leaving
    everything as it was, when the site may not be replaced or cannot be written."""
    target = target_of(site)
    earlier = _held.pop(target, None)
    if earlier is not None:
        abandon(earlier)
    why = refusal(site, guarded, project)
    if why is not None:
        raise Refused(why)
    if not target.parent.is_dir():
        raise Refused(f"{display_path(site)}: the folder {target.parent} does not exist")
    lock = _take_lock(site, target)
    try:
        # Again, now that no other build is writing it.
        why = refusal(site, guarded, project)
        if why is not None:
            raise Refused(why)
        folder = _prepare(site, target)
    except BaseException:
        _release(target, lock)
        raise
    stage = Stage(site, target, folder, lock)
    _held[target] = stage
    _BuildingTo.show(folder, site)
    return stage


def _take_lock(site: Path, target: Path) -> int:
    path = _lock_file(target)
    deadline = time.monotonic() + LOCK_WAIT
    told = False
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise Refused(_cannot_write(site, target.parent, error)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip()
            os.close(fd)
            if time.monotonic() > deadline:
                by = f" (process {holder})" if holder.isdigit() else ""
                raise Refused(
                    f"another build is writing {display_path(site)} now{by}; nothing was "
                    "changed. Build again when it has finished"
                ) from None
            if not told:
                log.info("Waiting for the other build of %s to finish", display_path(site))
                told = True
            time.sleep(0.2)
            continue
        # The build that held the lock removes its file as it lets go: lock the one there now.
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode("ascii"))
            return fd
        os.close(fd)


def _release(target: Path, lock: int) -> None:
    # Removed while still held, so that no other build locks a file about to disappear.
    with contextlib.suppress(OSError):
        os.unlink(_lock_file(target))
    os.close(lock)


def _prepare(site: Path, target: Path) -> Path:
    staging = target.parent / f".{target.name}.staging"
    previous = _previous_folder(target)
    try:
        if previous.is_dir() and not os.path.lexists(target) and _ours(previous):
            # Interrupted between the two renames of a swap: the last good site is back.
            previous.rename(target)
        for leftover in (staging, previous):
            if os.path.lexists(leftover):
                if not leftover.is_dir() or leftover.is_symlink() or not _ours(leftover):
                    raise Refused(
                        f"{display_path(leftover)} is in the way of the build and was not made "
                        "by one; move it away"
                    )
                shutil.rmtree(leftover)
        staging.mkdir()
        (staging / MARK).write_text(MARK_NOTE, "utf-8")
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise Refused(_cannot_write(site, target.parent, error)) from None
    return staging


def _cannot_write(site: Path, where: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    return (
        f"{display_path(site)} cannot be written: {reason} ({display_path(where)}); nothing was "
        "changed. Make the folder writable or choose another one"
    )


def abandon(stage: Stage | None) -> None:
    """Remove the staging folder of a failed build and let go of the lock; the site stays as
    it was."""
    if stage is None or stage.done:
        return
    stage.done = True
    _held.pop(stage.target, None)
    shutil.rmtree(stage.folder, ignore_errors=True)
    _release(stage.target, stage.lock)


def strict_warnings() -> bool:
    """Whether mkdocs has counted warnings that make a strict build abort after the plugins'
    last event: the staged site must not replace the last good one then."""
    for handler in logging.getLogger("mkdocs").handlers:
        if isinstance(handler, CountHandler) and handler.get_counts():
            return True
    return False


def finish(stage: Stage) -> None:
    """Make the complete staging folder the site: the new site arrives in one rename where
    the file system can swap two folders, else in two. Raise Refused, leaving the last site
    as it was, when it cannot be replaced."""
    try:
        _write_mark(stage.folder)
        why = refusal(stage.site)
        if why is not None:
            raise Refused(why)
        _swap(stage)
    except OSError as error:
        abandon(stage)
        raise Refused(_cannot_write(stage.site, stage.target, error)) from None
    except Refused:
        abandon(stage)
        raise
    stage.done = True
    _held.pop(stage.target, None)
    _release(stage.target, stage.lock)


def _write_mark(folder: Path) -> None:
    made = sorted(
        (Path(top).relative_to(folder) / name).as_posix()
        for top, _, files in os.walk(folder)
        for name in files
    )
    listed = "\n".join(name for name in made if name != MARK)
    (folder / MARK).write_text(f"{MARK_NOTE}{listed}\n", "utf-8")


def _swap(stage: Stage) -> None:
    target, staging = stage.target, stage.folder
    if not os.path.lexists(target):
        staging.rename(target)
        return
    if _exchange(staging, target):
        # The last site now sits where the staging folder was.
        shutil.rmtree(staging, ignore_errors=True)
        return
    previous = _previous_folder(target)
    target.rename(previous)
    try:
        staging.rename(target)
    except OSError:
        previous.rename(target)
        raise
    shutil.rmtree(previous, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2``); False where the system or the file
    system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code))


class _BuildingTo(logging.Filter):
    """mkdocs names the folder it writes into, the staging folder: name the site instead."""

    shown: dict[str, str] = {}

    @classmethod
    def show(cls, staging: Path, site: Path) -> None:
        cls.shown[str(staging)] = str(site)
        logger = logging.getLogger("mkdocs.commands.build")
        if not any(isinstance(found, cls) for found in logger.filters):
            logger.addFilter(cls())

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for staging, site in self.shown.items():
            if staging in message:
                record.msg, record.args = message.replace(staging, site), None
        return True
