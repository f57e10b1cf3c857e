"""The search quality set (tests/search_quality.py) on the bundled site with the set's pages:
every query finds its page among its first three results, through the real search box and
Pagefind's real index."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import serve
from tests.conftest import Build
from tests.search_quality import QUERIES, TOP, run

pytestmark = pytest.mark.browser


def test_the_set_covers_four_languages_and_the_kinds_of_query() -> None:
    assert len(QUERIES) >= 20
    for language in ("nb:", "nn:", "da:", "en:"):
        assert any(query.what.startswith(language) for query in QUERIES), language
    kinds = " ".join(query.what for query in QUERIES)
    for kind in ("inflected", "run-sheet cell", "figure label", "note"):
        assert kind in kinds, kind


def missed(page: Page, site_url: str) -> list[str]:
    return [
        f"{outcome.query.words!r} ({outcome.query.what}) -> {outcome.found[:TOP]}"
        for outcome in run(page, site_url)
        if not outcome.met
    ]


def test_every_query_finds_its_page_among_the_first_three(page: Page, published_url: str) -> None:
    assert missed(page, published_url) == []


@pytest.fixture(scope="module")
def in_parts_url(indexed_in_parts: Build) -> Iterator[str]:
    server, url = serve(indexed_in_parts.site)
    yield url
    server.shutdown()


def test_every_query_finds_its_page_when_the_site_is_indexed_in_parts(
    page: Page, in_parts_url: str
) -> None:
    assert missed(page, in_parts_url) == []
