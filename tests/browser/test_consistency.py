"""Pages that read alike: question numbers, quotation marks, times from the start, separators,
and run-sheet rows as cards on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import BUNDLED_GATHERING

pytestmark = pytest.mark.browser

BASE = f"gatherings/{BUNDLED_GATHERING}"


def test_questions_are_numbered_alike_in_the_guide(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{BASE}/facilitator/")
    styles = page.evaluate(
        "[...document.querySelectorAll('ol.kd-questions')]"
        ".map(o => getComputedStyle(o).listStyleType)"
    )
    assert styles and set(styles) == {"decimal"}


def test_no_line_starts_with_a_separator(page: Page, site_url: str) -> None:
    for view in ("facilitator", "runsheet", "handout-dialogtema-2"):
        page.goto(f"{site_url}{BASE}/{view}/")
        lines = page.locator("article").inner_text().splitlines()
        assert not [line for line in lines if line.strip().startswith("·")], view


def test_times_from_the_start_never_look_like_times_of_day(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{BASE}/runsheet/")
    times = page.locator(".kd-runsheet [data-kd-clock]").all_inner_texts()
    assert times and all(re.fullmatch(r"\+\d+:\d\d", time) for time in times), times
    page.goto(f"{site_url}{BASE}/projector-3/")
    assert page.locator(".kd-projector__back").is_hidden(), "no 'back at' without a time of day"


def test_one_kind_of_quotation_marks_per_language(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{BASE}/handout-dialogtema-2/")
    quotes = page.evaluate("getComputedStyle(document.querySelector('.kd-sheet__send q')).quotes")
    assert quotes.startswith('"«" "»"'), quotes
    page.goto(f"{site_url}questions/dialogtema-2/")
    quotes = page.evaluate("getComputedStyle(document.querySelector('.kd-question-set q')).quotes")
    assert quotes.startswith('"«" "»"'), quotes
    page.goto(f"{site_url}packages/samarbejdsprojekter-kortlaegning/")
    quotes = page.evaluate(
        """() => {
          const q = document.querySelector('.kd-page').appendChild(document.createElement('q'));
          return getComputedStyle(q).quotes;
        }"""
    )
    assert quotes.startswith('"“" "”"'), quotes


def test_on_a_phone_run_sheet_rows_are_cards_with_every_column(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in (f"{BASE}/runsheet/", "packages/samarbejdsprojekter-kortlaegning/runsheet/"):
        page.goto(site_url + path)
        assert page.locator(".kd-runsheet thead").is_hidden()
        row = page.locator(".kd-runsheet tbody tr").first
        assert row.evaluate("r => getComputedStyle(r).display") == "block"
        for cell in row.locator("td").all():
            box = cell.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
            label = cell.evaluate("c => getComputedStyle(c, '::before').content")
            assert label not in ("none", ""), path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
