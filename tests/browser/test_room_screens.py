"""Every screen of the room, every stage, every size: on the timer, the projector view, the live
panel of the guide and the speaker view, no visible text leaves the screen and no two pieces of
text lie over each other."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import stand_still
from tests.browser.viewport import SIZES, text_outside, text_overlaps
from tests.conftest import BUNDLED_GATHERING

pytestmark = pytest.mark.browser

BASE = f"gatherings/{BUNDLED_GATHERING}"
NINE = datetime(2023, 4, 27, 9, 0, 0)
MINUTES = 60 * 1000
MESSAGE = "Kaffen står klar i foajeen – vi begynner igjen kl. 10:45 i storsalen"
SHOTS = os.environ.get("KULTURDIALOG_SCREENSHOTS")
"""A folder to keep a picture of every screen, stage and size in, when set."""


def _open(browser: Browser, width: int, height: int) -> BrowserContext:
    context = browser.new_context(
        viewport={"width": width, "height": height}, reduced_motion="reduce"
    )
    stand_still(context, NINE)
    return context


def _stages(guide: Page, screen: Page) -> list[tuple[str, Callable[[], None]]]:
    """Each stage, and how the operator brings it about (from the one before)."""

    def message() -> None:
        guide.get_by_label("Melding til salen").fill(MESSAGE)
        guide.get_by_label("Melding til salen").press("Enter")

    def clear() -> None:
        guide.locator("[data-kd-action=clear-room]").click()

    return [
        ("ready", lambda: None),
        ("running", lambda: (screen.keyboard.press("Space"), screen.clock.run_for(10 * MINUTES))),
        ("warning", lambda: screen.clock.run_for(13 * MINUTES + 30 * 1000)),
        ("time-up", lambda: screen.clock.run_for(95 * 1000)),
        ("overtime", lambda: screen.clock.run_for(3 * MINUTES)),
        ("paused", lambda: screen.keyboard.press("Space")),
        ("message", message),
        ("blackout", lambda: (clear(), screen.keyboard.press("b"))),
        ("rehearsal", lambda: (screen.keyboard.press("b"), _rehearse(guide, screen))),
    ]


def _rehearse(guide: Page, screen: Page) -> None:
    # The operator turns to the guide once it shows the blackout ended on the screen: two
    # windows acting at the same moment keep one of the two changes, not both.
    expect(guide.locator(".kd-live [data-kd-action=blackout]")).to_have_attribute(
        "aria-pressed", "false"
    )
    guide.get_by_role("button", name="Øv nå").click()
    screen.keyboard.press("Space")
    screen.clock.run_for(MINUTES)


def _look(page: Page, scope: str | None, name: str) -> list[str]:
    page.clock.run_for(300)
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))
    return [f"outside: {text}" for text in text_outside(page)] + [
        f"overlap: {pair}" for pair in text_overlaps(page, scope)
    ]


@pytest.mark.parametrize(("width", "height"), SIZES, ids=lambda v: str(v))
@pytest.mark.parametrize("view", ["timer", "projector-3"])
def test_every_stage_of_the_room_screens_fits_without_overlap(
    browser: Browser, site_url: str, view: str, width: int, height: int
) -> None:
    context = _open(browser, width, height)
    guide = context.new_page()
    guide.goto(f"{site_url}{BASE}/facilitator/")
    screen = context.new_page()
    screen.goto(f"{site_url}{BASE}/{view}/")
    problems = {}
    for stage, bring_about in _stages(guide, screen):
        bring_about()
        found = _look(screen, None, f"{view}-{stage}-{width}x{height}")
        if stage == "blackout":
            expect(screen.locator("html")).to_have_class("kd-room kd-idle kd-blackout")
            found += [f"seen in blackout: {text}" for text in _visible_text(screen)]
        if stage == "rehearsal":
            expect(screen.locator("[data-kd-live=rehearsal]").first).to_be_visible()
        if stage == "message":
            expect(screen.locator("[data-kd-live=room]").first).to_have_text(MESSAGE)
        # The controls, when asked for, fit the screen and their own words do not collide.
        screen.mouse.move(width // 2, height // 2)
        screen.mouse.move(width // 2 + 1, height // 2)
        found += [f"controls: {text}" for text in text_outside(screen)]
        found += [f"controls: {pair}" for pair in text_overlaps(screen, ".kd-room__controls")]
        screen.locator("body").press("Escape")
        screen.clock.run_for(5000)
        if found:
            problems[stage] = found
    context.close()
    assert problems == {}


@pytest.mark.parametrize(("width", "height"), SIZES, ids=lambda v: str(v))
def test_the_live_panel_and_now_next_bar_fit_at_every_stage(
    browser: Browser, site_url: str, width: int, height: int
) -> None:
    context = _open(browser, width, height)
    guide = context.new_page()
    guide.goto(f"{site_url}{BASE}/facilitator/")
    problems = {}
    for stage, bring_about in _stages(guide, guide):
        if stage in {"running", "paused"}:
            guide.locator("body").press("Escape")
            guide.locator(".kd-live [data-kd-action=toggle]").click()
            if stage == "running":
                guide.clock.run_for(10 * MINUTES)
        elif stage == "blackout":
            guide.locator(".kd-live [data-kd-action=blackout]").click()
        elif stage == "rehearsal":
            guide.locator(".kd-live [data-kd-action=blackout]").click()
            guide.get_by_role("button", name="Øv nå").click()
        else:
            bring_about()
        found = []
        for scope in (".kd-live", ".kd-nownext"):
            guide.locator(scope).scroll_into_view_if_needed()
            found += _look(guide, scope, f"guide-{stage}-{width}x{height}-{scope[4:]}")
        # Only what lies in the panels counts here: the page around them scrolls.
        found = [item for item in found if not item.startswith("outside")]
        if found:
            problems[stage] = found
    context.close()
    assert problems == {}


@pytest.mark.parametrize(("width", "height"), SIZES, ids=lambda v: str(v))
def test_the_speaker_view_has_no_text_over_text(
    browser: Browser, site_url: str, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    speaker = "packages/samarbejdsprojekter-kortlaegning/presentations/kortlaegning/speaker/"
    problems = {}
    for number in range(1, 11):
        page.goto(f"{site_url}{speaker}#{number}")
        page.reload()
        found = text_overlaps(page)
        if found:
            problems[number] = found
    context.close()
    assert problems == {}


def _visible_text(page: Page) -> list[str]:
    found: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('main *')]
          .filter((e) => e.childElementCount === 0 && e.textContent.trim()
            && e.checkVisibility({visibilityProperty: true, opacityProperty: true}))
          .filter((e) => !e.closest('.kd-visually-hidden'))
          .map((e) => e.textContent.trim().slice(0, 30))"""
    )
    return found


def test_the_overlap_check_finds_text_drawn_over_text(browser: Browser, site_url: str) -> None:
    context = _open(browser, 1280, 720)
    page = context.new_page()
    page.goto(f"{site_url}{BASE}/timer/")
    assert text_overlaps(page) == []
    page.evaluate(
        """() => {
          const title = document.querySelector('.kd-timer__block').getBoundingClientRect();
          const over = document.createElement('p');
          over.textContent = 'Tekst over tekst';
          over.style = `position: fixed; left: ${title.left + 40}px; top: ${title.top}px`;
          document.querySelector('main').append(over);
        }"""
    )
    assert text_overlaps(page) != []
    context.close()
