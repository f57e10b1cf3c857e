"""Ids made from titles: what an author would type, in lowercase a–z, digits and hyphens."""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 80
"""The longest id the model accepts."""

# Letters that Unicode does not decompose into a base letter and an accent.
_SPELLED_OUT = str.maketrans(
    {
        "æ": "ae",
        "ø": "o",
        "å": "a",
        "ß": "ss",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
        "đ": "d",
        "ł": "l",
        "ı": "i",
        "ŋ": "n",
    }
)
_NOT_ALLOWED = re.compile(r"[^a-z0-9]+")


def make_id(title: str) -> str:
    """An id for ``title``: 'Høstsamling på Ås' becomes 'hostsamling-pa-as'.

    Returns an empty string when the title has no letter or digit that can be written in a–z.
    """
    text = title.lower().translate(_SPELLED_OUT)
    # Decomposing splits 'é' into 'e' and an accent; the accents are then dropped.
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    slug = _NOT_ALLOWED.sub("-", text).strip("-")
    return shorten(slug, MAX_LENGTH)


def shorten(slug: str, length: int) -> str:
    """``slug`` cut to at most ``length`` characters, at a hyphen where there is one."""
    if len(slug) <= length:
        return slug
    cut = slug[:length]
    if slug[length] != "-" and "-" in cut:
        cut = cut.rsplit("-", 1)[0]
    return cut.strip("-")
