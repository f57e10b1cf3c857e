"""What a built site's Pagefind bundle holds: each indexed page's fragment as Pagefind wrote it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
"""Every decompressed fragment starts with it, before the page's JSON."""


def fragments(site: Path) -> list[dict[str, Any]]:
    """Every page Pagefind indexed: its url, its content text and its meta (title); in every
    part of the bundle, when the site was indexed in several runs."""
    found = []
    bundle = site / "pagefind"
    paths = [*bundle.glob("fragment/*.pf_fragment"), *bundle.glob("parts/*/fragment/*.pf_fragment")]
    for path in sorted(paths):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        found.append(json.loads(data[len(SIGNATURE) :]))
    return found
