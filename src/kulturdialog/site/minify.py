"""The stylesheet and the scripts as they are served: without comments and layout whitespace.

Every page loads the one stylesheet and the scripts it needs, and their comments (which say why
a rule or a line is there) are for whoever reads the source, not for the reader's phone. Only
comments and whitespace go: no rule, selector, value or statement is rewritten, and the
stylesheet has no strings that hold ``/*``. Scripts are minified by rjsmin, which knows where a
string, a template or a regular expression begins and leaves them whole.
"""

from __future__ import annotations

import re

import rjsmin

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_SPACE = re.compile(r"\s+")
_AROUND = re.compile(r"\s*([{};>])\s*")


def minify_css(text: str) -> str:
    """``text`` without comments, with runs of whitespace made one space and none around
    braces, semicolons and child combinators."""
    text = _COMMENT.sub("", text)
    text = _SPACE.sub(" ", text)
    return _AROUND.sub(r"\1", text).strip()


def minify_js(text: str) -> str:
    """``text`` without comments and layout whitespace."""
    return str(rjsmin.jsmin(text)).strip()
