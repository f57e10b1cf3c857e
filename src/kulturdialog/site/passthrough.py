"""Generated pages skip Python-Markdown for everything but the headings their templates mark.

A generated page is Markdown headings (for the table of contents and search sections) between
blocks of finished HTML from the templates. Only a line that starts with ``HEADING_MARK`` is a
heading: templates write the mark, and author text cannot, because Jinja escapes every ``<`` in
it. Every other line, however it looks, belongs to an HTML block. The blocks are set aside before
conversion, each replaced by a placeholder paragraph, and put back into the converted page
afterwards, so Markdown never sees author text outside a heading (which the ``md`` filter
escapes) and never spends time re-parsing finished HTML.
"""

from __future__ import annotations

import re

HEADING_MARK = "<!--md-->"
"""Starts a template line that is a Markdown heading, such as ``<!--md--># Title``."""

_HEADING = re.compile(r"^" + re.escape(HEADING_MARK) + r"(#{1,6} \S.*)$")
_PLACEHOLDER = "kdpassthrough{}x"
_RESTORE = re.compile(r"<p>kdpassthrough(\d+)x</p>")


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each HTML block replaced by a placeholder, and the blocks in order.

    A heading is a line that starts with ``HEADING_MARK``; everything else is HTML.
    """
    kept: list[str] = []
    blocks: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        block = "\n".join(pending).strip("\n")
        pending.clear()
        if block.strip():
            kept.extend(["", _PLACEHOLDER.format(len(blocks)), ""])
            blocks.append(block)

    for line in markdown.split("\n"):
        heading = _HEADING.match(line)
        if heading:
            flush()
            kept.extend(["", heading.group(1), ""])
        else:
            pending.append(line)
    flush()
    return "\n".join(kept).strip("\n") + "\n", blocks


def put_back(html: str, blocks: list[str]) -> str:
    """The converted page with every placeholder replaced by its block."""
    return _RESTORE.sub(lambda match: blocks[int(match.group(1))], html)


_MACRO = "kdmacro{}x"
_MACRO_RESTORE = re.compile(r"<p>kdmacro(\d+)x</p>|kdmacro(\d+)x")


def hold(blocks: list[str], html: str) -> str:
    """A placeholder for ``html`` that Markdown leaves as it is; ``html`` joins ``blocks``.

    For macros whose HTML grows with the site (the lists of every gathering, package and
    series on hand-written pages): Python-Markdown would parse it again, line by line.
    """
    blocks.append(html)
    return _MACRO.format(len(blocks) - 1)


def release(html: str, blocks: list[str]) -> str:
    """The converted page with every placeholder of ``hold`` replaced by its HTML."""
    if not blocks:
        return html
    return _MACRO_RESTORE.sub(lambda m: blocks[int(m.group(1) or m.group(2))], html)
