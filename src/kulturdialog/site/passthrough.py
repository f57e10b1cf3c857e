"""Generated pages skip Python-Markdown for the HTML they already are.

A generated page is Markdown headings (for the table of contents and search sections) between
blocks of finished HTML from the templates. Python-Markdown would parse every one of those
blocks again with its HTML parser, which costs more than rendering them did and can only change
them. So the blocks are set aside before conversion, each replaced by a placeholder paragraph,
and put back into the converted page afterwards.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^#{1,6} \S")
_PLACEHOLDER = "kdpassthrough{}x"
_RESTORE = re.compile(r"<p>kdpassthrough(\d+)x</p>")


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each HTML block replaced by a placeholder, and the blocks in order.

    A heading is a line starting with '#' between blank lines, as the templates write them;
    everything else between headings is HTML.
    """
    lines = markdown.split("\n")
    kept: list[str] = []
    blocks: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        block = "\n".join(pending).strip("\n")
        pending.clear()
        if block.strip():
            kept.extend(["", _PLACEHOLDER.format(len(blocks)), ""])
            blocks.append(block)

    for index, line in enumerate(lines):
        before = lines[index - 1] if index > 0 else ""
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if _HEADING.match(line) and not before.strip() and not after.strip():
            flush()
            kept.append(line)
        else:
            pending.append(line)
    flush()
    return "\n".join(kept) + "\n", blocks


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
