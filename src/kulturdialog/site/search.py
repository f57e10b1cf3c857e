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

import json
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


def index_site(site: Path, pages: list[str] | None = None) -> int:
    """Index the built ``site``, or only ``pages`` of it (paths below it: the pages that carry
    ``data-pagefind-body``, the others Pagefind would read only to leave out); return how many
    pages were indexed."""
    if not pages:
        return _index(site, site)
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
        return _index(chosen, site)
    finally:
        shutil.rmtree(chosen, ignore_errors=True)


def _index(pages: Path, site: Path) -> int:
    # Pagefind's command, not its Python service: the service is stopped as soon as it answers
    # that the bundle is written, and on a large site the last files were then cut short.
    bundle = site / BUNDLE
    command = [sys.executable, "-m", "pagefind", "--site", str(pages)]
    command += ["--output-path", str(bundle), "--silent"]
    for selector in IGNORED:
        command += ["--exclude-selectors", selector]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    entry = bundle / "pagefind-entry.json"
    if done.returncode != 0 or not entry.is_file():
        said = (done.stderr or done.stdout).strip()
        raise PluginError(f"Pagefind could not index the site (exit {done.returncode}): {said}")
    languages = json.loads(entry.read_text("utf-8"))["languages"]
    return sum(int(language["page_count"]) for language in languages.values())


def page_language(html: str, language: str) -> str:
    """``html`` with its `<html lang>` set to ``language``, the language of the page's content.

    Pagefind chooses each page's index and stemmer by `<html lang>`; screen readers read the
    page by it too.
    """
    return _HTML_LANG.sub(f'<html lang="{language}"', html, count=1)
