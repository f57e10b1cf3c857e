"""The form's scripts stay classic scripts; their pure parts are tested by node's own test runner
(tests/js/editor/), which the test command runs with the room's (`node --test tests/js`)."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("name", ["form.js", "editor.js"])
def test_the_form_scripts_are_classic_scripts(name: str) -> None:
    script = (ROOT / "src" / "kulturdialog" / "editor" / "static" / name).read_text("utf-8")
    assert not re.search(r"^\s*(import|export)\b", script, re.MULTILINE)
    checked = subprocess.run(["node", "--check", "-"], input=script, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
