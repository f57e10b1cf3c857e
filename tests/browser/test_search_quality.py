"""The search quality set (tests/search_quality.py) on the bundled site with the set's pages:
every query finds its page among its first three results, through the real search box and
Pagefind's real index."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.search_quality import QUERIES, TOP, run

pytestmark = pytest.mark.browser


def test_the_set_covers_four_languages_and_the_kinds_of_query() -> None:
    assert len(QUERIES) >= 20
    for language in ("nb:", "nn:", "da:", "en:"):
        assert any(query.what.startswith(language) for query in QUERIES), language
    kinds = " ".join(query.what for query in QUERIES)
    for kind in ("inflected", "run-sheet cell", "figure label", "note"):
        assert kind in kinds, kind


def test_every_query_finds_its_page_among_the_first_three(page: Page, published_url: str) -> None:
    missed = [
        f"{outcome.query.words!r} ({outcome.query.what}) -> {outcome.found[:TOP]}"
        for outcome in run(page, published_url)
        if not outcome.met
    ]
    assert missed == [], "\n".join(missed)
