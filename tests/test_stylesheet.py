"""The one stylesheet stays well formed as blocks are added to it."""

from __future__ import annotations

import re
from importlib import resources

STYLESHEET = resources.files("kulturdialog.site").joinpath("assets/kulturdialog.css")


def _without_comments(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def test_every_block_closes_and_no_media_rule_sits_inside_another() -> None:
    css = _without_comments(STYLESHEET.read_text(encoding="utf-8"))
    depth = 0
    media_depths: list[int] = []
    for match in re.finditer(r"@media[^{]*\{|\{|\}", css):
        token = match.group(0)
        line = css.count("\n", 0, match.start()) + 1
        if token.startswith("@media"):
            # A block left open before a media rule would swallow it.
            assert not media_depths, f"line {line}: a media rule inside another"
            media_depths.append(depth)
            depth += 1
        elif token == "{":
            depth += 1
        else:
            depth -= 1
            assert depth >= 0, f"line {line}: a brace closes nothing"
            if media_depths and depth == media_depths[-1]:
                media_depths.pop()
    assert depth == 0, "a block is left open at the end"
