"""QR codes for the room's screens, drawn as one SVG path at build time, so no script draws them.

Encoding a code (most of it: choosing the mask that scans best, as the standard asks) is the
largest single cost of building a national site's room pages, while the addresses rarely change
from one build to the next. Each code is therefore kept: in memory for the process (a live
preview asks for the same addresses on every save), and, given a folder, on disk between
builds, the way Material keeps its social cards in ``.cache``.

A code leads to the page at the address the published site gives it (``site_url`` and the
published site's form of addresses), from the site and from an offline copy alike. Without
``site_url`` there is no address to lead to, and so no code: the room's screens say why, and
``missing_address_warning`` gives the line a command prints.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from hashlib import sha256
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import segno

from kulturdialog.views import urls

_ERROR = "m"
"""Error correction: a code on a projector still scans with a part of it hard to see."""
_PATH = re.compile(r"(?:M\d+ \d+h\d+v1h-\d+z)*")


def published_address(site_url: str | None, src: str, directory_urls: bool) -> str | None:
    """The address the published site gives the page made from ``src``; None without a
    ``site_url``, when the site does not know where it is published."""
    if not site_url:
        return None
    return urljoin(site_url, urls.page_url(src, directory_urls))


def missing_address_warning(site_url: str | None) -> str | None:
    """What a build without ``site_url`` says about the room's QR codes (a command prints it);
    None when the site knows its address."""
    if site_url:
        return None
    return (
        "No QR codes on the projector views: site_url in mkdocs.yml is not set. Set it to the "
        "address the site is published at, and the codes lead there."
    )


def qr_code(address: str, cache: Path | None = None) -> dict[str, Any]:
    """The QR code of ``address``: its ``size`` in modules and an SVG ``path`` with one run of
    dark modules per subpath, for a template to place in an ``<svg>``."""
    size, path = _code(address, cache)
    return {"size": size, "path": path}


@lru_cache(maxsize=16384)
def _code(address: str, cache: Path | None) -> tuple[int, str]:
    if cache is None:
        return _encode(address)
    key = sha256(f"{segno.__version__}\n{_ERROR}\n{address}".encode()).hexdigest()
    file = cache / f"{key}.txt"
    try:
        size, path = file.read_text("ascii").split("\n", 1)
        if _PATH.fullmatch(path):
            return int(size), path
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    code = _encode(address)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        # Written whole or not at all: two builds at once never read half a code.
        partial = file.with_name(f"{key}.{os.getpid()}.part")
        partial.write_text(f"{code[0]}\n{code[1]}", "ascii")
        partial.replace(file)
    except OSError:
        pass  # A cache that cannot be written costs time, nothing else.
    return code


def _encode(address: str) -> tuple[int, str]:
    matrix = segno.make(address, error=_ERROR).matrix
    parts = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                run = x
                while run < len(row) and row[run]:
                    run += 1
                parts.append(f"M{x} {y}h{run - x}v1h{x - run}z")
                x = run
            else:
                x += 1
    return len(matrix), "".join(parts)


def short_address(address: str) -> str:
    """An address as people type it: without the scheme and a trailing slash."""
    return address.split("://", 1)[-1].rstrip("/")
