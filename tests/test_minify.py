"""The served stylesheet keeps every rule of the source and drops only comments and layout."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from kulturdialog.site.minify import minify_css, minify_js
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


SCRIPTS = sorted((ROOT / "src" / "kulturdialog" / "site" / "assets").glob("*.js"))
_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")


def test_scripts_lose_comments_and_keep_every_string_and_their_syntax(tmp_path: Path) -> None:
    assert len(SCRIPTS) >= 4
    for script in SCRIPTS:
        source = script.read_text("utf-8")
        served = minify_js(source)
        assert len(served) < 0.85 * len(source), script.name
        # Every string literal of the source is served as written (comments may quote some
        # that are not in the code, so only those outside comments are asked for).
        code = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)
        code_lines = [line for line in code.splitlines() if "//" not in line]
        for literal in _STRING.findall("\n".join(code_lines)):
            assert literal in served, (script.name, literal)
        # And the served script is still JavaScript: node (which installs axe-core for the
        # browser tests) parses it.
        written = tmp_path / script.name
        written.write_text(served, "utf-8")
        checked = subprocess.run(["node", "--check", str(written)], capture_output=True, text=True)
        assert checked.returncode == 0, (script.name, checked.stderr)


def test_the_built_site_serves_the_minified_scripts(bundled: Build) -> None:
    for script in SCRIPTS:
        served = (bundled.site / "assets" / script.name).read_text("utf-8")
        assert served == minify_js(script.read_text("utf-8"))
