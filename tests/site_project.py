"""A project as an author has it after `git clone`: mkdocs.yml with or without a `site_url`,
macros, docs and content in one folder, built with the `kulturdialog` commands as she runs them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = re.compile(r"^#? *site_url:.*$", re.MULTILINE)


def make_project(
    folder: Path,
    site_url: str | None,
    contents: list[Path],
    docs_pages: dict[str, str] | None = None,
) -> Path:
    """A project in ``folder``: the repository's mkdocs.yml with ``site_url`` set (or not), its
    macros and docs (plus ``docs_pages``, path to Markdown), and the files of ``contents``."""
    folder.mkdir(parents=True, exist_ok=True)
    config = SITE_URL.sub("", (ROOT / "mkdocs.yml").read_text("utf-8"))
    if site_url is not None:
        config = f"site_url: {site_url}\n" + config
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    shutil.copytree(
        ROOT / "macros", folder / "macros", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "docs", folder / "docs")
    for path, text in (docs_pages or {}).items():
        (folder / "docs" / path).write_text(text, "utf-8")
    for content in contents:
        shutil.copytree(content, folder / "content" / content.name)
    return folder


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``kulturdialog`` with ``args`` in ``project``, as an author runs it there."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KULTURDIALOG_")}
    return subprocess.run(
        [sys.executable, "-m", "kulturdialog", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
