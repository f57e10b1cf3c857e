"""Which content file each page of the preview is made from, for the page's edit link."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kulturdialog.library import Entry, Library
from kulturdialog.views import package_urls, urls

PAGES: dict[str, Callable[[str], str]] = {
    "gatherings": urls.gathering,
    "question_sets": urls.question_set,
    "packages": package_urls.package,
    "series": urls.series,
    "worksheets": urls.worksheet,
}
"""The library's registries that have pages, and where each item's pages begin."""


def _name(entry: Entry[Any], content: Path) -> str:
    return Path(os.path.relpath(entry.source.path, content)).as_posix()


def page_files(library: Library, content: Path, base: str = "/") -> dict[str, str]:
    """The address where each item's pages begin (``/gatherings/<id>/``, below ``base``, the path
    the site is served under) and the file, relative to ``content``, that it is written in."""
    found: dict[str, str] = {}
    for registry, page in PAGES.items():
        entries: dict[str, Entry[Any]] = getattr(library, registry)
        for ident, entry in entries.items():
            found[base + urls.page_url(page(ident), True)] = _name(entry, content)
    return found


def file_for(path: str, pages: dict[str, str]) -> str | None:
    """The content file of the page at ``path``, if it is one of an item's pages."""
    for prefix, name in pages.items():
        if path.startswith(prefix) and prefix != "/":
            return name
    return None


def page_for(name: str, pages: dict[str, str]) -> str | None:
    """The first page of the content file ``name``."""
    return next((prefix for prefix, file in pages.items() if file == name), None)
