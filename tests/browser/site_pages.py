"""The pages of a built site, found in its HTML: every page, and the pages of each page type."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

_KIND = re.compile(r'class="kd-page kd-page--([a-z_]+)"')


def html_pages(site: Path) -> list[str]:
    """Every HTML file of the site, as a path relative to its root."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def url_of(path: str) -> str:
    """The address a reader uses for an HTML file: ``a/index.html`` is ``a/``."""
    return path.removesuffix("index.html")


def pages_by_kind(site: Path) -> dict[str, list[str]]:
    """Page paths grouped by their ``kd-page--<kind>`` class; the home page is 'home'."""
    kinds: dict[str, list[str]] = defaultdict(list)
    for path in html_pages(site):
        if path == "index.html":
            kinds["home"].append(path)
            continue
        found = _KIND.search((site / path).read_text("utf-8"))
        if found:
            kinds[found.group(1)].append(path)
    return dict(kinds)
