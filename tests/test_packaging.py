"""A plain install (``pip install .``, as the publishing workflows do) carries every file the
package reads at run time: templates, labels, starters, theme, assets."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "kulturdialog"


@pytest.mark.network
def test_the_wheel_holds_every_data_file_of_the_package(tmp_path: Path) -> None:
    # Built from a clean copy: an editable install's egg-info would list files by itself.
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("*.egg-info", "__pycache__")
    shutil.copytree(ROOT / "src", source / "src", ignore=ignore)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(source)]
    built = subprocess.run(
        [*command, "-w", str(tmp_path)], capture_output=True, text=True, timeout=600
    )
    assert built.returncode == 0, built.stderr[-3000:]
    wheel = next(tmp_path.glob("kulturdialog-*.whl"))
    inside = set(zipfile.ZipFile(wheel).namelist())
    data = [
        path
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    ]
    assert data
    missing = [
        str(p.relative_to(PACKAGE))
        for p in data
        if f"kulturdialog/{p.relative_to(PACKAGE).as_posix()}" not in inside
    ]
    assert missing == []
