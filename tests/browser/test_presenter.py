"""The presenter view in Chromium: one slide at a time, keys and clicks move, no notes shown."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PRESENTER = "packages/samarbejdsprojekter-kortlaegning/presentations/kortlaegning/presenter/"
NOTE = "pixi-udgave af den sjette kortlægning"


def visible_slide(page: Page) -> tuple[str, str]:
    """The number and title of the one slide on screen."""
    slides = page.locator("section.kd-deck__slide:visible")
    expect(slides).to_have_count(1)
    number = slides.locator(".kd-deck__number").inner_text()
    title = slides.locator(".kd-slide__title").inner_text()
    return number, title


def open_presenter(page: Page, site_url: str) -> list[str]:
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url) if not request.url.startswith(site_url) else None
        ),
    )
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + PRESENTER)
    return outside


def test_right_arrow_twice_shows_slide_3_and_no_speaker_note(page: Page, site_url: str) -> None:
    outside = open_presenter(page, site_url)
    assert visible_slide(page) == ("1 / 10", "Erfaringer fra støttede samarbejdsprojekter")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert visible_slide(page) == ("3 / 10", "Det belyser kortlægningen")
    expect(page.locator("[data-kd-status]")).to_have_text("Dias 3 af 10")
    assert NOTE not in page.locator("body").inner_text()
    assert page.get_by_text("Noter til præsentationen").count() == 0
    # The one slide fills the screen.
    box = page.locator("section.kd-deck__slide:visible").bounding_box()
    assert box is not None and box["height"] == 800 and box["width"] == 1280
    assert outside == []


def test_home_end_space_page_keys_and_clicks_move(page: Page, site_url: str) -> None:
    open_presenter(page, site_url)
    page.keyboard.press("End")
    assert visible_slide(page) == ("10 / 10", "Anbefalinger")
    page.keyboard.press("ArrowRight")
    assert visible_slide(page)[0] == "10 / 10"
    page.keyboard.press("PageUp")
    assert visible_slide(page)[0] == "9 / 10"
    page.keyboard.press("Home")
    assert visible_slide(page)[0] == "1 / 10"
    page.keyboard.press("Space")
    assert visible_slide(page)[0] == "2 / 10"
    page.keyboard.press("PageDown")
    assert visible_slide(page)[0] == "3 / 10"
    page.keyboard.press("ArrowLeft")
    assert visible_slide(page)[0] == "2 / 10"
    page.mouse.click(900, 400)
    assert visible_slide(page)[0] == "3 / 10"
    page.mouse.click(50, 400)
    assert visible_slide(page)[0] == "2 / 10"
    page.get_by_role("button", name="Næste dias").click()
    assert visible_slide(page)[0] == "3 / 10"


def test_the_address_keeps_the_slide(page: Page, site_url: str) -> None:
    page.goto(site_url + PRESENTER + "#4")
    assert visible_slide(page) == (
        "4 / 10",
        "Del 1: Motivation til deltagelse i samarbejdsprojekter",
    )
    # One figure, two kinds of measure: each on a scale (an SVG) of its own.
    expect(page.locator("section.kd-deck__slide:visible svg[role=img]")).to_have_count(2)
    page.keyboard.press("ArrowRight")
    assert page.url.endswith("#5")


def test_without_javascript_every_slide_is_readable_in_order(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto(site_url + PRESENTER)
        slides = plain.locator("section.kd-deck__slide")
        expect(slides).to_have_count(10)
        for index in range(10):
            expect(slides.nth(index)).to_be_visible()
            expect(slides.nth(index).locator(".kd-deck__number")).to_have_text(f"{index + 1} / 10")
        assert NOTE not in plain.locator("body").inner_text()
    finally:
        context.close()


def test_axe_finds_no_violations_in_the_presenter_view(page: Page, site_url: str) -> None:
    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    assert axe.exists(), "axe-core is missing: run the tests with 'bash scripts/dev test'"
    open_presenter(page, site_url)
    page.keyboard.press("End")
    page.add_script_tag(path=str(axe))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
    )
    assert found == []
