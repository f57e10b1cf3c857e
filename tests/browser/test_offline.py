"""Every page of the site works offline: no request goes anywhere but the site's own server."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Request

from tests.browser.site_pages import html_pages, url_of
from tests.conftest import Build

pytestmark = pytest.mark.browser


def test_no_page_requests_anything_from_another_host(
    page: Page, site_url: str, bundled: Build
) -> None:
    elsewhere: list[str] = []
    errors: list[str] = []

    def record(request: Request) -> None:
        if not request.url.startswith((site_url, "data:", "blob:", "about:")):
            elsewhere.append(f"{page.url} -> {request.url}")

    page.on("request", record)
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    paths = html_pages(bundled.site)
    assert len(paths) > 10
    for path in paths:
        # Live pages with a start, so that the clock runs while the requests are watched.
        page.goto(site_url + url_of(path) + "?start=09:30&groups=2")
        page.wait_for_load_state("networkidle")
    assert elsewhere == []
    assert errors == []
