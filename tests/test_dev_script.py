"""scripts/dev installs only when the pinned requirements changed, and only what a command needs.

The script runs in a copy of the project whose `.venv` holds stand-ins: a `python` that records
each `pip install` and runs anything else with the real Python, and tools that do nothing.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

TOOLS = ("kulturdialog", "mkdocs", "ruff", "mypy", "pytest")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "dev", tmp_path / "scripts" / "dev")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    log = tmp_path / "pip.log"
    python = bin_dir / "python"
    python.write_text(
        "#!/usr/bin/env bash\n"
        'if [ "$1 $2" = "-m pip" ]; then shift 2; echo "$*" >>' + f"'{log}'; exit 0; fi\n"
        f'exec "{sys.executable}" "$@"\n',
        "utf-8",
    )
    for tool in TOOLS:
        (bin_dir / tool).write_text("#!/usr/bin/env bash\nexit 0\n", "utf-8")
    for script in bin_dir.iterdir():
        script.chmod(0o755)
    # The browser's part of the test set-up is in place, so only Python's is exercised.
    lock = ROOT / "package-lock.json"
    shutil.copy(lock, tmp_path / "package-lock.json")
    (tmp_path / "node_modules").mkdir()
    # No script tests in the copy: node's runner finds none and passes.
    (tmp_path / "tests" / "js").mkdir(parents=True)
    wanted = hashlib.sha256(lock.read_bytes()).hexdigest()
    (tmp_path / "node_modules" / ".kulturdialog-lock").write_text(wanted + "\n", "utf-8")
    return tmp_path


def run(project: Path, *args: str) -> list[str]:
    """Run ``scripts/dev`` with ``args``; the pip installs it made."""
    log = project / "pip.log"
    log.unlink(missing_ok=True)
    done = subprocess.run(
        ["bash", str(project / "scripts" / "dev"), *args],
        capture_output=True,
        text=True,
        cwd=project,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return log.read_text("utf-8").splitlines() if log.exists() else []


def test_a_second_everyday_command_installs_nothing(project: Path) -> None:
    first = run(project, "kulturdialog", "check")
    assert len(first) == 1 and first[0].endswith("-e .")
    for command in (["kulturdialog", "check"], ["build"], ["serve"], ["offline"]):
        assert run(project, *command) == [], command


def test_serve_build_and_check_install_no_test_tools(project: Path) -> None:
    for command in (["serve"], ["build"], ["kulturdialog", "check"]):
        (project / ".venv" / ".kd-site").unlink(missing_ok=True)
        installed = run(project, *command)
        assert installed and not [line for line in installed if "[test]" in line], installed


def test_the_test_command_installs_the_test_tools_once(project: Path) -> None:
    run(project, "kulturdialog", "check")
    installed = run(project, "test")
    assert len(installed) == 1 and installed[0].endswith("-e .[test]")
    assert run(project, "test") == []
    # Everything the test command installed serves the site's commands too.
    assert run(project, "kulturdialog", "check") == []


def test_changed_requirements_are_installed_again(project: Path) -> None:
    run(project, "test")
    pinned = project / "pyproject.toml"
    pinned.write_text(pinned.read_text("utf-8").replace("segno==", "segno>="), "utf-8")
    assert run(project, "kulturdialog", "check") != []
    assert run(project, "kulturdialog", "check") == []
    assert run(project, "test") != []
    assert run(project, "test") == []
