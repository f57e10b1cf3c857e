"""Material's search, in the browser: words from table cells and from Danish pages are found."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def search(page: Page, site_url: str, word: str) -> list[str]:
    """The addresses of the search results for ``word``, typed into the search box."""
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    # The index loads in a web worker; typing before it is ready finds nothing, so retype
    # until results appear or the time is up.
    results = page.locator(".md-search-result__item a.md-search-result__link")
    for _ in range(20):
        box.fill("")
        box.type(word, delay=20)
        try:
            results.first.wait_for(timeout=1000)
            break
        except Exception:
            continue
    return [str(link.get_attribute("href")) for link in results.all()]


def test_a_word_in_a_run_sheet_cell_is_found_on_the_run_sheet(page: Page, site_url: str) -> None:
    # On the run-sheet, "Innlegg" stands only in the table, at the start of the cell after the
    # minutes: were the cells on one line, the index would hold "25Innlegg" and miss the page.
    found = search(page, site_url, "Innlegg")
    assert any("nasjonalt-dialogseminar-2023/runsheet/" in href for href in found), found


def test_a_word_only_on_a_danish_page_is_found(page: Page, site_url: str) -> None:
    found = search(page, site_url, "optagetheder")
    assert any("series/kulturspor/opstartsmoede/" in href for href in found), found
