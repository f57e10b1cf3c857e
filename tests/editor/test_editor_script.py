"""The form script's pure parts, tested by node's own test runner (tests/js/editor/)."""

from __future__ import annotations

import subprocess

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


def test_the_form_script_is_a_classic_script() -> None:
    script = (ROOT / "src" / "kulturdialog" / "editor" / "static" / "editor.js").read_text("utf-8")
    assert "import " not in script and "export " not in script
    checked = subprocess.run(["node", "--check", "-"], input=script, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
