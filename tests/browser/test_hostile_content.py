"""Every page built from content with a payload in every free-text field opens without a dialog
or a script error: no author text runs as script, on load or on focus."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Dialog, Page

from tests.browser.conftest import serve
from tests.browser.site_pages import html_pages, url_of
from tests.conftest import Build, BuildSite
from tests.test_security import hostile_content

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(
    build_site: BuildSite, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Build, str]]:
    content, _, _ = hostile_content(tmp_path_factory.mktemp("hostile"))
    built = build_site(content=content)
    assert built.returncode == 0, built.output
    server, url = serve(built.site)
    yield built, url
    server.shutdown()


def test_no_page_built_from_hostile_content_opens_a_dialog_or_fails(
    page: Page, hostile_site: tuple[Build, str]
) -> None:
    built, url = hostile_site
    dialogs: list[str] = []
    errors: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(f"{page.url}: {dialog.type} {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    paths = html_pages(built.site)
    assert len(paths) > 10
    for path in paths:
        page.goto(url + url_of(path))
        page.wait_for_load_state("load")
        # Focus every focusable element once: an injected onfocus would fire here.
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
    assert dialogs == []
    assert errors == []


def test_searching_hostile_content_shows_its_text_as_text(
    page: Page, hostile_site: tuple[Build, str]
) -> None:
    _, url = hostile_site
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    box = page.locator(".kd-search__input")
    box.fill("alert")
    results = page.locator(".kd-search__item")
    results.first.wait_for()
    assert results.count() > 0
    # Every result is text and <mark>: no element of the page text, no handler.
    made = page.evaluate(
        """() => [...document.querySelectorAll('.kd-search__excerpt *')]
            .filter(element => element.tagName !== 'MARK' || element.attributes.length)
            .map(element => element.outerHTML)"""
    )
    assert made == []
    assert "onerror" in page.locator(".kd-search__results").inner_text()
    assert dialogs == []
