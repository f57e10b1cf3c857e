"""The projector view of a group task: no site chrome, one screen at every size, a time-up
signal that grows stronger, a long set that shrinks to fit, and the QR code to the sheet."""

from __future__ import annotations

from datetime import datetime

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import stand_still
from tests.browser.viewport import SIZES, text_outside
from tests.conftest import BUNDLED_GATHERING

pytestmark = pytest.mark.browser

BASE = f"gatherings/{BUNDLED_GATHERING}"
NINE = datetime(2023, 4, 27, 9, 0, 0)
"""The bundled gathering's day."""
MINUTES = 60 * 1000

_CONTRAST = """(selector) => {
  const parse = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const element = document.querySelector(selector);
  const fg = lum(parse(getComputedStyle(element).color));
  const bg = lum(parse(getComputedStyle(document.documentElement).backgroundColor));
  return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
}"""


def open_view(browser: Browser, site_url: str, width: int = 1280, height: int = 720) -> Page:
    context = browser.new_context(
        viewport={"width": width, "height": height}, reduced_motion="reduce"
    )
    stand_still(context, NINE)
    page = context.new_page()
    # The first group work runs 09:45-10:40 when the day starts at 09:00.
    page.goto(f"{site_url}{BASE}/projector-3/?start=09:00")
    return page


def measure(page: Page) -> tuple[float, float, str]:
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.kd-projector__countdown')).fontSize)"
    )
    contrast = page.evaluate(_CONTRAST, ".kd-projector__questions li")
    stage = page.locator(".kd-projector").get_attribute("data-kd-stage") or ""
    return size, contrast, stage


def test_no_site_chrome_and_the_task_on_one_screen(browser: Browser, site_url: str) -> None:
    page = open_view(browser, site_url)
    expect(page.locator(".md-header")).to_have_count(0)
    expect(page.locator(".kd-switch")).to_have_count(0)
    expect(page.locator(".kd-projector__questions li")).to_have_count(4)
    page.clock.run_for(50 * MINUTES)
    expect(page.locator(".kd-projector__countdown")).to_have_text("50:00")
    expect(page.locator(".kd-projector__back")).to_have_text("Tilbake kl. 10:40")
    page.context.close()


def test_time_up_gets_stronger_not_weaker(browser: Browser, site_url: str) -> None:
    page = open_view(browser, site_url)
    page.clock.run_for(50 * MINUTES)
    normal = measure(page)
    # Space pauses the block the clock runs; again, it goes on by hand and can run over.
    page.keyboard.press("Space")
    page.keyboard.press("Space")
    page.clock.run_for(50 * MINUTES + 5000)
    up = measure(page)
    page.clock.run_for(3 * MINUTES)
    over = measure(page)
    assert (normal[2], up[2], over[2]) == ("running", "time-up", "overtime")
    assert up[0] >= normal[0] and over[0] >= normal[0], "the countdown does not shrink"
    for _, contrast, stage in (normal, up, over):
        assert contrast >= 7, (stage, contrast)
    expect(page.locator(".kd-projector__countdown")).to_have_text("+3:05")
    page.context.close()


def test_the_qr_code_and_the_short_address(browser: Browser, published_url: str) -> None:
    # A site that knows its address (site_url): the code and the address it leads to.
    page = open_view(browser, published_url)
    code = page.locator(".kd-projector__code")
    expect(code).to_have_attribute("role", "img")
    assert (code.locator("path").get_attribute("d") or "").startswith("M")
    expect(page.locator(".kd-projector__address")).to_have_text(
        f"x.github.io/dialogdage/{BASE}/handout-dialogtema-1"
    )
    expect(page.locator(".kd-room__note")).to_have_count(0)
    page.context.close()


def test_without_site_url_no_code_and_the_facilitator_is_told_why(
    browser: Browser, site_url: str
) -> None:
    page = open_view(browser, site_url)
    expect(page.locator(".kd-projector__qr")).to_have_count(0)
    expect(page.locator(".kd-room__note")).to_have_text(
        "Ingen QR-kode: nettstedets adresse (site_url i mkdocs.yml) er ikke satt."
    )
    page.context.close()


@pytest.mark.parametrize(("width", "height"), SIZES, ids=lambda v: str(v))
def test_no_text_of_the_projector_view_leaves_the_screen(
    browser: Browser, published_url: str, width: int, height: int
) -> None:
    # With its QR code, which takes the most room.
    page = open_view(browser, published_url, width, height)
    for advance in (50 * MINUTES, 60 * MINUTES):
        if advance == 60 * MINUTES:
            page.keyboard.press("Space")
            page.keyboard.press("Space")
        page.clock.run_for(advance)
        assert text_outside(page) == [], (width, height)
    # A long question set: three times the questions, still on one screen.
    page.evaluate(
        """() => {
          const list = document.querySelector('.kd-projector__questions');
          const items = [...list.children];
          for (let i = 0; i < 2; i++) items.forEach((li) => list.appendChild(li.cloneNode(true)));
          window.dispatchEvent(new Event('resize'));
        }"""
    )
    expect(page.locator(".kd-projector__questions li")).to_have_count(12)
    assert text_outside(page) == [], ("long set", width, height)
    page.context.close()


def test_a_package_run_sheet_has_a_timer(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    stand_still(context, NINE)
    page = context.new_page()
    page.goto(f"{site_url}packages/samarbejdsprojekter-kortlaegning/runsheet/")
    link = page.get_by_role("link", name="Rumtimer")
    link.click()
    expect(page.locator(".kd-timer")).to_have_attribute("data-kd-stage", "ready")
    first = page.locator(".kd-timer [data-kd-live=countdown]").inner_text()
    page.keyboard.press("Space")
    page.clock.run_for(60 * 1000)
    minutes, seconds = map(int, first.split(":"))
    assert page.locator(".kd-timer [data-kd-live=countdown]").inner_text() == (
        f"{minutes - 1}:{seconds:02d}"
    )
    context.close()


def test_the_projector_view_follows_the_timer_and_works_by_keyboard(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    stand_still(context, NINE)
    timer = context.new_page()
    timer.goto(f"{site_url}{BASE}/timer/")
    view = context.new_page()
    view.goto(f"{site_url}{BASE}/projector-3/")
    expect(view.locator(".kd-projector")).to_have_attribute("data-kd-stage", "ready")
    expect(view.locator(".kd-projector__countdown")).to_have_text("55:00")
    timer.keyboard.press("Space")
    timer.keyboard.press("ArrowRight")
    timer.keyboard.press("ArrowRight")  # the first group work runs now
    expect(view.locator(".kd-projector")).to_have_attribute("data-kd-stage", "running")
    expect(view.locator(".kd-projector__back")).to_have_text("Tilbake kl. 09:55")
    # On the projector itself, by keyboard alone: Tab reaches the controls, Enter pauses.
    for _ in range(6):
        view.keyboard.press("Tab")
        if view.evaluate("document.activeElement.dataset.kdAction") == "toggle":
            break
    assert view.evaluate("document.activeElement.dataset.kdAction") == "toggle"
    view.keyboard.press("Enter")
    expect(view.locator(".kd-projector")).to_have_attribute("data-kd-stage", "paused")
    expect(timer.locator(".kd-timer")).to_have_attribute("data-kd-stage", "paused")
    context.close()
