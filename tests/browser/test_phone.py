"""On a phone, every page type fits the screen: nothing scrolls the page sideways."""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.browser.site_pages import pages_by_kind, url_of
from tests.conftest import Build

PHONE = {"width": 390, "height": 844}


def test_every_page_type_fits_a_phone_screen(
    bundled: Build, site_url: str, browser: Browser
) -> None:
    kinds = pages_by_kind(bundled.site)
    assert {"home", "participant", "runsheet", "facilitator"} <= set(kinds)
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    too_wide = {}
    for path in sorted(path for paths in kinds.values() for path in paths):
        page.goto(site_url + url_of(path))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
    context.close()
    assert too_wide == {}
