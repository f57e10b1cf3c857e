"""The pinned dependencies resolve, as binary wheels, on every Python the project allows.

Resolved by pip itself, with the dependencies of the dependencies, for each version in turn;
pip reads the wheels' metadata from the index and installs nothing (``--dry-run``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from tests.conftest import ROOT

VERSIONS = ("3.11", "3.12", "3.13")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def pins() -> list[str]:
    return [*PYPROJECT["dependencies"], *PYPROJECT["optional-dependencies"]["test"]]


def test_requires_python_allows_exactly_the_versions_we_resolve() -> None:
    allowed = SpecifierSet(PYPROJECT["requires-python"])
    assert [v for v in ("3.10", *VERSIONS, "3.14") if f"{v}.0" in allowed] == list(VERSIONS)


def test_every_dependency_is_pinned_to_one_version() -> None:
    assert all("==" in pin for pin in pins())


@pytest.mark.network
@pytest.mark.parametrize("version", VERSIONS)
def test_the_pinned_dependencies_resolve_for(version: str, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable, "-m", "pip", "install", "--dry-run", "--quiet",
            "--disable-pip-version-check", "--ignore-installed", "--only-binary=:all:",
            "--python-version", version, "--target", str(tmp_path / "target"),
            "--report", str(report), *pins(),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    resolved = {
        item["metadata"]["name"].lower().replace("_", "-"): item["metadata"]["version"]
        for item in json.loads(report.read_text("utf-8"))["install"]
    }
    for pin in pins():
        name, wanted = pin.split("==")
        # An extra ("pagefind[extended]") names what more to install, not another package.
        name = name.split("[")[0]
        assert resolved[name.lower().replace("_", "-")] == wanted
    took = time.monotonic() - started
    print(f"Python {version}: {len(resolved)} packages resolved in {took:.1f} s")
