"""Live mode in the browser: start time, current block, countdowns, +5 min, keyboard, sheets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time

import pytest
from playwright.sync_api import Browser, Page, expect

from kulturdialog import schedule
from tests.conftest import BUNDLED_GATHERING

pytestmark = pytest.mark.browser

BASE = f"gatherings/{BUNDLED_GATHERING}"
FIRST_GROUP_WORK = ".kd-runsheet .kd-block--group_work >> nth=0"


def seconds(countdown: str) -> int:
    """'14:58' or '1:02:03' as seconds."""
    total = 0
    for part in countdown.split(":"):
        total = total * 60 + int(part)
    return total


def row_starts(page: Page) -> list[str]:
    return page.locator(".kd-runsheet tbody tr [data-kd-clock]").all_inner_texts()


def test_every_clock_time_follows_a_start_typed_into_the_input(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{BASE}/runsheet/")
    first_group = page.locator(FIRST_GROUP_WORK).locator("[data-kd-clock]")
    expect(first_group).to_have_text("+0:45")
    page.get_by_label("Starttid (tt:mm)").fill("09:30")
    page.get_by_role("button", name="Sett starttid").click()
    expect(first_group).to_have_text("10:15")
    assert "start=09%3A30" in page.url
    # The same arithmetic as the build: every marked time is the start plus its minutes.
    for element in page.locator("[data-kd-clock]").all():
        offset = int(element.get_attribute("data-kd-clock") or "")
        expected = schedule.format_clock(schedule.add_minutes(time(9, 30), offset))
        assert element.inner_text() == expected
    expect(page.locator(".kd-note--relative")).to_be_hidden()


def test_start_in_the_address_moves_the_first_group_work(page: Page, site_url: str) -> None:
    for view in ("runsheet", "facilitator"):
        page.goto(f"{site_url}{BASE}/{view}/?start=09:30")
        group = page.locator(".kd-block--group_work").first.locator("[data-kd-clock]").first
        expect(group).to_have_text("10:15")
    page.goto(f"{site_url}{BASE}/projector-3/?start=09:30")
    expect(page.locator(".kd-projector__back [data-kd-clock]")).to_have_text("11:10")


def test_the_running_block_is_highlighted_and_its_countdown_counts_down(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}{BASE}/runsheet/?start=09:00&now=09:10:30")
    rows = page.locator(".kd-runsheet tbody tr")
    expect(rows.nth(0)).to_have_class("kd-block kd-block--talk kd-block--current")
    expect(rows.nth(0)).to_have_attribute("aria-current", "time")
    expect(rows.nth(1)).not_to_have_class("kd-block--current")
    countdown = page.locator(".kd-nownext [data-kd-live=countdown]")
    first = seconds(countdown.inner_text())
    assert 14 * 60 < first <= 14 * 60 + 30
    page.wait_for_timeout(2200)
    later = seconds(countdown.inner_text())
    assert first - 4 <= later <= first - 1


def test_projector_view_counts_down_to_the_time_to_be_back(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{BASE}/projector-3/?start=09:30&now=10:20")
    countdown = page.locator(".kd-projector__countdown")
    first = seconds(countdown.inner_text())
    assert 49 * 60 < first <= 50 * 60
    expect(page.locator(".kd-projector__back")).to_have_text("Tilbake kl. 11:10")
    page.wait_for_timeout(2200)
    assert seconds(countdown.inner_text()) < first
    assert page.locator(".kd-projector__questions li").count() == 4


def test_countdown_is_announced_politely_once_a_minute(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{BASE}/runsheet/?start=09:00&now=09:10:30")
    region = page.locator("[data-kd-live=announce]")
    expect(region).to_have_attribute("aria-live", "polite")
    expect(region).to_have_text(
        "15 min igjen: " + page.locator(".kd-block--current strong").inner_text()
    )
    page.evaluate(
        """() => {
          window.kdChanges = 0;
          new MutationObserver(() => window.kdChanges++).observe(
            document.querySelector('[data-kd-live=announce]'),
            {childList: true, characterData: true, subtree: true});
        }"""
    )
    page.wait_for_timeout(2500)
    assert page.evaluate("window.kdChanges") == 0, "no announcement every second"
    assert (
        page.locator(".kd-nownext [data-kd-live=countdown]").get_attribute("aria-hidden") == "true"
    )


def test_plus_five_moves_every_later_block_and_the_end(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{BASE}/runsheet/?start=09:00&now=09:30")
    # 09:30 falls in the second block (09:25-09:45).
    before = row_starts(page)
    end = page.locator(".kd-live__end [data-kd-live=predicted]")
    expect(end).to_have_text("12:00")
    page.get_by_role("button", name="+5 min").click()
    after = row_starts(page)
    assert after[:2] == before[:2]
    for old, new in zip(before[2:], after[2:], strict=True):
        hours, minutes = map(int, old.split(":"))
        assert new == schedule.format_clock(schedule.add_minutes(time(hours, minutes), 5))
    expect(end).to_have_text("12:05")
    expect(page.locator("[data-kd-live=delay]")).to_have_text("+5")
    expect(page.locator(".kd-runsheet tfoot [data-kd-clock]")).to_have_text("12:05")
    assert "extra=1%3A5" in page.url
    # The run-sheet's link to the guide carries the start and the delay along.
    page.get_by_role("link", name="Fasilitatorveiledning").click()
    expect(page.locator(".kd-live__end [data-kd-live=predicted]")).to_have_text("12:05")
    expect(
        page.locator(".kd-block--group_work").first.locator("[data-kd-clock]").first
    ).to_have_text("09:50")


def tab_to(page: Page, selector: str, most: int = 80) -> None:
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_live_mode_works_with_the_keyboard_alone(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{BASE}/runsheet/?now=10:00")
    tab_to(page, "#kd-start")
    page.keyboard.type("0930")
    page.keyboard.press("Enter")
    expect(page.locator(FIRST_GROUP_WORK).locator("[data-kd-clock]")).to_have_text("10:15")
    # At 10:00 the second block runs (09:55-10:15): +5 min pushes the group work to 10:20.
    tab_to(page, "[data-kd-action=delay]")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused button shows where the keyboard is"
    page.keyboard.press("Space")
    expect(page.locator(FIRST_GROUP_WORK).locator("[data-kd-clock]")).to_have_text("10:20")
    tab_to(page, "[data-kd-action=reset]")
    page.keyboard.press("Enter")
    expect(page.locator("[data-kd-action=reset]")).to_have_text("Nullstille alt? Trykk igjen")
    page.keyboard.press("Enter")
    expect(page.locator(FIRST_GROUP_WORK).locator("[data-kd-clock]")).to_have_text("+0:45")


def test_a_time_that_is_not_a_time_is_refused_in_words(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{BASE}/facilitator/")
    page.get_by_label("Starttid (tt:mm)").fill("25:99")
    page.keyboard.press("Enter")
    expect(page.locator("#kd-start-error")).to_be_visible()
    expect(page.get_by_label("Starttid (tt:mm)")).to_have_attribute("aria-invalid", "true")


def test_groups_in_the_address_give_one_sheet_per_group(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{BASE}/handout-dialogtema-2/?groups=6")
    headings = page.locator(".kd-sheet__group")
    expect(headings).to_have_text([f"Gruppe {number}" for number in range(1, 7)])
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "every copied sheet has ids of its own"
    expect(page.get_by_label("Antall grupper")).to_have_value("6")


def test_without_javascript_one_group_sheet_and_no_live_panel(
    browser_no_js: Page, site_url: str
) -> None:
    browser_no_js.goto(f"{site_url}{BASE}/handout-dialogtema-2/?groups=6")
    expect(browser_no_js.locator(".kd-sheet")).to_have_count(1)
    browser_no_js.goto(f"{site_url}{BASE}/runsheet/")
    expect(browser_no_js.locator(".kd-live")).to_be_hidden()


@pytest.fixture
def browser_no_js(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()
