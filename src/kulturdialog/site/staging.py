"""A build writes into a staging folder next to the site and puts it in place when complete.

mkdocs empties the site folder first and writes into it page by page, so any failure (a content
problem found late, a macro, an exception while rendering, Ctrl-C) used to leave an empty or
partial site. Writing into ``.<site>.staging`` and renaming it to ``<site>`` only after the build
has finished keeps the last good site byte for byte until a new one is whole.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.utils import CountHandler


def staging_folder(site: Path) -> Path:
    """Where a build of ``site`` is written until it is complete."""
    return site.parent / f".{site.name}.staging"


def _previous_folder(site: Path) -> Path:
    return site.parent / f".{site.name}.previous"


def prepare(site: Path) -> Path:
    """An empty staging folder for ``site``; what an interrupted build left there goes."""
    staging = staging_folder(site)
    previous = _previous_folder(site)
    if previous.exists() and not site.exists():
        # Interrupted between the two renames of put_in_place: the last good site is back.
        previous.rename(site)
    for leftover in (staging, previous):
        if leftover.exists():
            shutil.rmtree(leftover)
    staging.mkdir(parents=True)
    return staging


def discard(site: Path) -> None:
    """Remove the staging folder of a failed build; the site stays as it was."""
    shutil.rmtree(staging_folder(site), ignore_errors=True)


def strict_warnings() -> bool:
    """Whether mkdocs has counted warnings that make a strict build abort after the plugins'
    last event: the staged site must not replace the last good one then."""
    for handler in logging.getLogger("mkdocs").handlers:
        if isinstance(handler, CountHandler) and handler.get_counts():
            return True
    return False


def put_in_place(site: Path) -> None:
    """Make the complete staging folder the site: the new site arrives in one rename."""
    staging = staging_folder(site)
    previous = _previous_folder(site)
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    if previous.exists():
        shutil.rmtree(previous)
