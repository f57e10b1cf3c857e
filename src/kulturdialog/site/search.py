"""Pagefind search over the built site: the last build step, run from Pagefind's Python package.

Pagefind splits the index into fragments that a query fetches on demand, so a first visit pays
nothing for search and a query pays only for the words it asks about. Each page is indexed in
the language of its `<html lang>`, with the stemmer of that language. What is indexed follows the
same rules as Material's search did: a page whose front matter says ``search: exclude`` carries
no ``data-pagefind-body`` (see the theme's ``main.html``) and so stays out, and blocks marked
``data-search-exclude`` are ignored.

The author guide's pages carry the filter ``part: guide``, so that the search box shows them
apart from what participants look for (``assets/search.js``); the rest of the site is what is
not the guide. (Material's search, in a build that chooses it, has one index and no parts:
the guide's pages are left out of it.) Only the one value is given: with two, Pagefind writes
their order as its threads finish, and a build of the same site would not give the same files.
Where the site lives (a sub-path on a project site) the script tells Pagefind at run time: the
bundle holds addresses from the site's root.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import json
import math
import os
import re
import shutil
import subprocess
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

BUNDLE = "pagefind"
"""The folder of the search bundle below the site."""
IGNORED = ("[data-search-exclude]",)
"""Blocks kept out of the index: text that only repeats another page (see the templates)."""

MARK = "data-pagefind-body"
"""What a page to index carries (see the theme's ``main.html``)."""
_HTML_LANG = re.compile(r'<html lang="[^"]*"')
GUIDE_PART = "guide"
"""The search part of the author guide's pages: those in a folder named ``guide`` (or
``guide-…``, ``guide_…``, as a guide in another language may be)."""
SITE_PART = "site"
"""The search part of every other indexed page."""
RUN_MB = 256
"""The most HTML (in MB) that one Pagefind run indexes, by default. The indexer holds every
page's words until it writes its bundle, about 0.5 KB a word: about nine times the HTML of the
generated pages, some 2.3 GB for 256 MB (README, Performance). A site with more is indexed in
several runs, each its own bundle, which the search box merges; but each further part costs a
query a chunk for each of its words (about 54 KB for two words), and merged parts rank less
well, so the default splits only what would not fit a small CI runner's memory: 2,000
gatherings are one run."""
PARTS = "parts"
"""The folder of the bundle's further parts, each in a folder named by its number."""
ENTRY_PARTS = "kulturdialog_parts"
"""The key of the first bundle's ``pagefind-entry.json`` that lists the further parts, with the
languages each holds (``assets/search.js`` reads it; Pagefind reads only its own keys)."""
ALLOCATOR = "_RJEM_MALLOC_CONF"
"""The variable the settings of Pagefind's allocator (jemalloc, built into its binary) are read
from."""
ONE_ARENA = "narenas:1"
UNUSED_IN_PARTS = ("*.js", "*.css", "wasm.*")
"""A part's files that the search box never loads: it runs the first bundle's script and
WebAssembly."""


def part(src_uri: str) -> str:
    """The part of the site the page at ``src_uri`` (below ``docs/``) is searched in."""
    folders = src_uri.replace("\\", "/").split("/")[:-1]
    guide = any(
        folder == GUIDE_PART or folder.startswith((f"{GUIDE_PART}-", f"{GUIDE_PART}_"))
        for folder in folders
    )
    return GUIDE_PART if guide else SITE_PART


def leave_guide_out(meta: MutableMapping[str, Any], src_uri: str) -> None:
    """Keep a page of the author guide out of Material's search index (front matter
    ``search: exclude``), as a build with ``search: material`` (the offline copy) needs.

    Material's search is one index, ranked the same from every page, and cannot show the guide
    apart as Pagefind's parts do; participants searching the copy look for gatherings."""
    if part(src_uri) != GUIDE_PART:
        return
    given = meta.get("search")
    meta["search"] = {**(given if isinstance(given, dict) else {}), "exclude": True}


def index_site(site: Path, pages: list[str] | None = None, run_mb: float = RUN_MB) -> int:
    """Index the built ``site``, or only ``pages`` of it (paths below it: the pages that carry
    ``data-pagefind-body``, the others Pagefind would read only to leave out), in as many runs as
    keep each to ``run_mb`` of HTML; return how many pages were indexed."""
    release_memory()
    if not pages:
        return _index(site, site / BUNDLE)
    runs = split(site, pages, int(run_mb * 1024**2))
    indexed = 0
    listed = []
    for number, chosen in enumerate(runs, start=1):
        bundle = site / BUNDLE if number == 1 else site / BUNDLE / PARTS / str(number)
        indexed += _index_pages(site, chosen, bundle)
        if number > 1:
            for pattern in UNUSED_IN_PARTS:
                for unused in bundle.glob(pattern):
                    unused.unlink()
            languages = sorted(_entry(bundle)["languages"])
            listed.append({"path": f"{PARTS}/{number}/", "languages": languages})
    if listed:
        entry = _entry(site / BUNDLE)
        entry[ENTRY_PARTS] = listed
        (site / BUNDLE / "pagefind-entry.json").write_text(json.dumps(entry), "utf-8")
    return indexed


def release_memory() -> None:
    """Give the memory the build no longer uses back to the system before the indexer runs: the
    build's process stays alive beside it, and the two add up."""
    # Objects frozen for the build (see the plugin) are collected again: their cycles are
    # garbage once the pages are written.
    gc.unfreeze()
    gc.collect()
    # glibc keeps freed memory for the process; malloc_trim returns it (elsewhere: nothing).
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def split(site: Path, pages: list[str], run_bytes: int) -> list[list[str]]:
    """``pages`` in as few runs as keep each near ``run_bytes`` of HTML. Each language's pages are
    dealt in turn, so that every run holds about as much, and the first holds every language:
    the search box starts Pagefind on the first bundle in the page's language."""
    sizes = {page: (site / page).stat().st_size for page in pages}
    count = max(1, math.ceil(sum(sizes.values()) / run_bytes))
    runs: list[list[str]] = [[] for _ in range(count)]
    by_language: dict[str, list[str]] = {}
    for page in pages:
        by_language.setdefault(_language(site / page), []).append(page)
    for language in sorted(by_language):
        for number, page in enumerate(by_language[language]):
            runs[number % count].append(page)
    return [chosen for chosen in runs if chosen]


def _language(page: Path) -> str:
    with page.open("rb") as file:
        head = file.read(1024).decode("utf-8", "replace")
    found = _HTML_LANG.search(head)
    return found.group(0) if found else ""


def _entry(bundle: Path) -> dict[str, Any]:
    entry: dict[str, Any] = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return entry


def _index_pages(site: Path, pages: list[str], bundle: Path) -> int:
    # Pagefind reads a folder: a sibling with links to the pages alone spares it reading the
    # room's screens, the handouts and the guides, more than half of a site's files.
    chosen = site.with_name(f".{site.name}-search")
    shutil.rmtree(chosen, ignore_errors=True)
    try:
        for page in pages:
            target = chosen / page
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site / page, target)
            except OSError:
                shutil.copyfile(site / page, target)
        return _index(chosen, bundle)
    finally:
        shutil.rmtree(chosen, ignore_errors=True)


def _index(pages: Path, bundle: Path) -> int:
    # Pagefind's command, not its Python service: the service is stopped as soon as it answers
    # that the bundle is written, and on a large site the last files were then cut short.
    command = [sys.executable, "-m", "pagefind", "--site", str(pages)]
    command += ["--output-path", str(bundle), "--silent"]
    for selector in IGNORED:
        command += ["--exclude-selectors", selector]
    # One jemalloc arena instead of one per core: a seventh less memory at its peak, in the same
    # time (README, Performance); a setting of the caller's own is kept.
    env = {ALLOCATOR: ONE_ARENA, **os.environ}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    entry = bundle / "pagefind-entry.json"
    if done.returncode != 0 or not entry.is_file():
        said = (done.stderr or done.stdout).strip()
        raise PluginError(f"Pagefind could not index the site (exit {done.returncode}): {said}")
    languages = _entry(bundle)["languages"]
    return sum(int(language["page_count"]) for language in languages.values())


def page_language(html: str, language: str) -> str:
    """``html`` with its `<html lang>` set to ``language``, the language of the page's content.

    Pagefind chooses each page's index and stemmer by `<html lang>`; screen readers read the
    page by it too.
    """
    return _HTML_LANG.sub(f'<html lang="{language}"', html, count=1)
