"""The cases of a Danish culture-school leader's own site: site language ``da``, published at a
project address (served here under its path, /dialogdage/) and copied for a USB stick. A word in
a Danish participant page, a Norwegian one and a page of the Danish author guide is searched from
each copy of the site."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import serve
from tests.browser.test_search_anywhere import click_first_result, copy_results, search
from tests.conftest import FIXTURES
from tests.site_project import make_project, run

pytestmark = pytest.mark.browser

SITE_URL = "https://kulturskole.github.io/dialogdage/"
WORD = "ensemblespil"
GUIDE_PAGE = (
    "# Ensemblespil i vejledningen\n\nEnsemblespil, ensemblespil og ensemblespil: en side i "
    "forfattervejledningen, som kun forfattere har brug for.\n"
)


@dataclass(frozen=True)
class DanishSite:
    project: Path
    url: str
    """The published site, served under its site_url's path."""

    @property
    def offline(self) -> Path:
        return self.project / "offline-copy"


@pytest.fixture(scope="module")
def danish(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DanishSite]:
    project = make_project(
        tmp_path_factory.mktemp("danish") / "dialogdage",
        SITE_URL,
        [FIXTURES / "danish-site"],
        {f"guide/da/{WORD}.md": GUIDE_PAGE},
    )
    config = project / "mkdocs.yml"
    settings = config.read_text("utf-8")
    assert "KULTURDIALOG_LANGUAGE, nb]" in settings
    config.write_text(settings.replace("KULTURDIALOG_LANGUAGE, nb]", "KULTURDIALOG_LANGUAGE, da]"))
    for command in ("build", "offline"):
        done = run(project, command)
        assert done.returncode == 0, done.stdout + done.stderr
    server, url = serve(project / "site", urlsplit(SITE_URL).path)
    yield DanishSite(project, url)
    server.shutdown()


def test_ensemblespil_on_the_published_danish_site_lists_the_right_pages_then_the_guide_apart(
    quiet: Page, danish: DanishSite
) -> None:
    danish_page = danish.url + f"questions/{WORD}/"
    norwegian_page = danish.url + "questions/samspill/"
    found, apart = search(quiet, danish.url, WORD)
    # The Danish page first, though the Norwegian one has the word more often; no guide page
    # among them, and every address under the project's path.
    assert found == [danish_page, norwegian_page], found
    assert apart == [danish.url + f"guide/{WORD}/"]
    assert quiet.locator(".kd-search__apart-title").inner_text() == "Forfattervejledning"
    assert click_first_result(quiet) == danish_page


def test_ensemblespil_in_the_danish_guide_lists_the_guide_first(
    quiet: Page, danish: DanishSite
) -> None:
    found, apart = search(quiet, danish.url + "guide/", WORD)
    assert found == [danish.url + f"guide/{WORD}/"]
    assert apart[0] == danish.url + f"questions/{WORD}/"
    opened = click_first_result(quiet)
    assert quiet.evaluate("document.documentElement.lang") == "da", opened


def test_ensemblespil_in_the_danish_offline_copy_leaves_the_guide_out(
    page: Page, danish: DanishSite
) -> None:
    guide = danish.offline / "guide" / f"{WORD}.html"
    assert WORD in guide.read_text("utf-8").lower()
    start = danish.offline / "index.html"
    found = copy_results(page, start, WORD)
    assert danish.offline / "questions" / f"{WORD}.html" in found, found
    assert not [path for path in found if path.is_relative_to(danish.offline / "guide")]
