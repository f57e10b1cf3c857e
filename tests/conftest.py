"""Shared fixtures: real `mkdocs build --strict` runs and parsed HTML of the built pages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.site_project import make_project, run

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BUNDLED_GATHERING = "nasjonalt-dialogseminar-2023"


@dataclass(frozen=True)
class Build:
    """The outcome of one `mkdocs build --strict`."""

    returncode: int
    output: str
    site: Path

    def html(self, path: str) -> BeautifulSoup:
        """The parsed page at ``path`` below the site, such as ``gatherings/x/index.html``."""
        return BeautifulSoup((self.site / path).read_text("utf-8"), "html.parser")

    def article(self, path: str) -> BeautifulSoup:
        """The page's main content, without Material's navigation and chrome."""
        found = self.html(path).select_one("article.md-content__inner")
        assert found is not None, f"{path} has no article"
        return found


def run_build(
    site: Path,
    content: Path | None = None,
    docs: Path | None = None,
    language: str | None = None,
    search_run_mb: float | None = None,
) -> Build:
    """Build the project's mkdocs.yml, optionally with other content, docs, site language or
    most HTML for one Pagefind run."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if search_run_mb is not None:
        env["KULTURDIALOG_SEARCH_RUN_MB"] = str(search_run_mb)
    if language is not None:
        env["KULTURDIALOG_LANGUAGE"] = language
    if content is not None:
        env["KULTURDIALOG_CONTENT"] = str(content)
    if docs is not None:
        env["KULTURDIALOG_DOCS"] = str(docs)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


BuildSite = Callable[..., Build]


@pytest.fixture(scope="session")
def build_site(tmp_path_factory: pytest.TempPathFactory) -> BuildSite:
    """A function that builds the site into a new folder: ``build_site(content=..., docs=...)``."""

    def build(
        content: Path | None = None,
        docs: Path | None = None,
        language: str | None = None,
        search_run_mb: float | None = None,
    ) -> Build:
        site = tmp_path_factory.mktemp("site")
        return run_build(site, content, docs, language, search_run_mb)

    return build


@pytest.fixture(scope="session")
def bundled(build_site: BuildSite) -> Build:
    """The site built from the bundled content, once per test run."""
    result = build_site()
    assert result.returncode == 0, result.output
    return result


FEEDBACK_GATHERING = "dialogmote-i-fjordby"
"""The fixture gathering with feedback from three groups (tests/fixtures/feedback)."""


SPLIT_RUN_MB = 0.2
"""The most HTML for one Pagefind run in ``indexed_in_parts``: the site's 0.8 MB of indexed pages
in several runs."""


@pytest.fixture(scope="session")
def indexed_in_parts(build_site: BuildSite, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The bundled content and the search quality set's pages, indexed in several Pagefind
    runs, as a large site is."""
    content = tmp_path_factory.mktemp("in-parts") / "content"
    shutil.copytree(ROOT / "content", content / "bundled")
    shutil.copytree(FIXTURES / "search-quality", content / "search-quality")
    build = build_site(content=content, search_run_mb=SPLIT_RUN_MB)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def feedback_site(build_site: BuildSite) -> Build:
    """The site built from the feedback fixture, once per test run."""
    result = build_site(content=FIXTURES / "feedback")
    assert result.returncode == 0, result.output
    return result


PROJECT_SITE = "https://x.github.io/dialogdage/"
"""The address of the published project below: a GitHub project site, in a folder of its host."""
GUIDE_PAGE = (
    "# Orgelbrus i veiledningen\n\nOrgelbrus, orgelbrus og orgelbrus: en side i "
    "forfatterveiledningen som bare forfattere trenger.\n"
)


@dataclass(frozen=True)
class Published:
    """A project with ``site_url`` set to a project site, built and copied for a USB stick."""

    project: Path
    site: Path
    offline: Path
    output: str


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """The bundled content, the search fixture and the search quality set's pages, with a page of
    the guide that shares a word with them, built by `kulturdialog build` and `kulturdialog
    offline`."""
    contents = [path for path in sorted((ROOT / "content").iterdir()) if path.is_dir()]
    project = make_project(
        tmp_path_factory.mktemp("published") / "dialogdage",
        PROJECT_SITE,
        [*contents, FIXTURES / "search", FIXTURES / "search-quality"],
        {"guide/orgelbrus.md": GUIDE_PAGE},
    )
    built = run(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    copied = run(project, "offline")
    assert copied.returncode == 0, copied.stdout + copied.stderr
    output = built.stdout + built.stderr + copied.stdout + copied.stderr
    return Published(project, project / "site", project / "offline-copy", output)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, one for the whole run: Playwright's sync API allows one at a time, so
    every folder's browser tests share it."""
    assert CHROMIUM.exists(), "Chromium is missing: run the tests with 'bash scripts/dev test'"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
