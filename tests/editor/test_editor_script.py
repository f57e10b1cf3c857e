"""The form's scripts: their pure parts tested by node's own test runner (tests/js/editor/)."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.conftest import ROOT


def test_the_form_scripts_node_tests_pass() -> None:
    ran = subprocess.run(
        ["node", "--test", str(ROOT / "tests" / "js" / "editor")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-2000:]
    assert "# fail 0" in ran.stdout and "# pass 0" not in ran.stdout


@pytest.mark.parametrize("name", ["form.js", "editor.js"])
def test_the_form_scripts_are_classic_scripts(name: str) -> None:
    script = (ROOT / "src" / "kulturdialog" / "editor" / "static" / name).read_text("utf-8")
    assert not re.search(r"^\s*(import|export)\b", script, re.MULTILINE)
    checked = subprocess.run(["node", "--check", "-"], input=script, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
