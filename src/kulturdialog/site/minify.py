"""The stylesheet as it is served: without comments and layout whitespace.

Every page loads the one stylesheet, and its comments (which say why a rule is there) are for
whoever reads the source, not for the reader's phone. Only comments and whitespace go: no rule,
selector or value is rewritten, and the stylesheet has no strings that hold ``/*``.
"""

from __future__ import annotations

import re

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_SPACE = re.compile(r"\s+")
_AROUND = re.compile(r"\s*([{};>])\s*")


def minify_css(text: str) -> str:
    """``text`` without comments, with runs of whitespace made one space and none around
    braces, semicolons and child combinators."""
    text = _COMMENT.sub("", text)
    text = _SPACE.sub(" ", text)
    return _AROUND.sub(r"\1", text).strip()
