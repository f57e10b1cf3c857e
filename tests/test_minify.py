"""The served stylesheet keeps every rule of the source and drops only comments and layout."""

from __future__ import annotations

import re

from kulturdialog.site.minify import minify_css
from tests.conftest import ROOT, Build

SOURCE = ROOT / "src" / "kulturdialog" / "site" / "assets" / "kulturdialog.css"


def declarations(css: str) -> list[str]:
    """Every declaration and selector token of a stylesheet, whitespace aside."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return re.findall(r"[^\s{};>]+", css)


def test_only_comments_and_whitespace_go() -> None:
    source = SOURCE.read_text("utf-8")
    served = minify_css(source)
    assert "/*" not in served and "\n" not in served
    assert declarations(served) == declarations(source)
    assert len(served) < len(source)


def test_strings_and_descendant_selectors_keep_their_spaces() -> None:
    css = '.a  .b { content: attr(x) ": "; }\n/* why */\n.c > .d { font: 8pt a, b; }'
    assert minify_css(css) == '.a .b{content: attr(x) ": ";}.c>.d{font: 8pt a, b;}'


def test_the_built_site_serves_the_minified_stylesheet(bundled: Build) -> None:
    served = (bundled.site / "assets" / "kulturdialog.css").read_text("utf-8")
    assert served == minify_css(SOURCE.read_text("utf-8"))
