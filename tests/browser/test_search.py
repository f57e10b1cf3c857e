"""Pagefind search in the browser: typed into the header's box, it finds Norwegian and Danish
pages by inflected forms, words in run-sheet table cells, and loads nothing before it is used."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Request

from tests.conftest import BUNDLED_GATHERING

pytestmark = pytest.mark.browser


def search(page: Page, site_url: str, path: str, words: str) -> list[str]:
    """The addresses of the results for ``words``, typed into the search box on ``path``."""
    page.goto(site_url + path)
    box = page.locator("#kd-search-input")
    box.fill(words)
    page.locator(".kd-search__status:not(:empty)").wait_for(timeout=15000)
    return [str(link.get_attribute("href")) for link in page.locator(".kd-search__link").all()]


def test_a_norwegian_inflected_form_finds_the_base_form(page: Page, site_url: str) -> None:
    # The participant page says "kulturskole" and "kulturskolen" but never the genitive
    # "kulturskolens": only the Norwegian stemmer brings them together.
    page_path = f"gatherings/{BUNDLED_GATHERING}/"
    text = page.context.request.get(site_url + page_path).text()
    assert "kulturskolens" not in text.lower()
    found = search(page, site_url, "", "kulturskolens")
    assert any(href.endswith(page_path) for href in found), found


def test_a_danish_inflected_form_finds_its_danish_page(page: Page, site_url: str) -> None:
    # The page says "optagetheder"; the singular finds it, from a Danish page and from the
    # Norwegian home page (the other languages' indexes are merged in).
    target = "series/kulturspor/opstartsmoede/"
    text = page.context.request.get(site_url + target).text()
    assert "optagetheder" in text and "optagethed " not in text
    from_danish = search(page, site_url, target, "optagethed")
    assert any(href.endswith(target) for href in from_danish), from_danish
    from_home = search(page, site_url, "", "optagethed")
    assert any(href.endswith(target) for href in from_home), from_home


def test_a_word_in_a_run_sheet_cell_finds_the_participant_page(page: Page, site_url: str) -> None:
    # The run-sheet repeats the participant page's blocks: a searcher lands on the page that
    # carries them (the run-sheet is searched only for its blocks' notes).
    found = search(page, site_url, "", "Innlegg")
    assert any(href.endswith(f"{BUNDLED_GATHERING}/") for href in found), found
    assert not any(f"{BUNDLED_GATHERING}/runsheet/" in href for href in found), found


def test_search_loads_only_when_used_and_stays_on_the_host(page: Page, site_url: str) -> None:
    requests: list[str] = []

    def record(request: Request) -> None:
        requests.append(request.url)

    page.on("request", record)
    page.goto(site_url + f"gatherings/{BUNDLED_GATHERING}/")
    page.wait_for_load_state("networkidle")
    assert requests and not [url for url in requests if "/pagefind/" in url]
    found = search(page, site_url, f"gatherings/{BUNDLED_GATHERING}/", "dialog kulturskole")
    assert found
    assert [url for url in requests if "/pagefind/" in url]
    assert [url for url in requests if not url.startswith((site_url, "data:", "blob:"))] == []


def test_results_are_in_the_page_language(page: Page, site_url: str) -> None:
    search(page, site_url, "series/kulturspor/opstartsmoede/", "zzzyyxq")
    assert page.locator(".kd-search__status").text_content() == "Ingen resultater"
    search(page, site_url, "", "zzzyyxq")
    assert page.locator(".kd-search__status").text_content() == "Ingen treff"
