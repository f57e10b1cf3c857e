"""The room timer and the shared live state, in Chromium with a fake clock: every stage, pause,
±5 min, next and previous block, two windows kept in step, a reload, the day before, the keys,
and no text off the screen at any size the room uses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import clocked
from tests.browser.viewport import SIZES, text_outside
from tests.conftest import BUNDLED_GATHERING

pytestmark = pytest.mark.browser

BASE = f"gatherings/{BUNDLED_GATHERING}"
NINE = datetime(2023, 4, 27, 9, 0, 0)
"""The bundled gathering's day and start."""
FIRST = "På kulturskolefeltet: KS’, Udirs og Kulturskolerådets visjoner, oppgaver og mulighetsrom"
SECOND = "Tema for dialog 1: Samhandling kulturskole, SFO og skole"
SECONDS = 1000
MINUTES = 60 * SECONDS


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    with clocked(browser, NINE) as opened:
        yield opened


@pytest.fixture
def timer(context: BrowserContext, site_url: str) -> Page:
    page = context.new_page()
    page.goto(f"{site_url}{BASE}/timer/")
    return page


def shown(page: Page) -> dict[str, str]:
    """The timer as a person in the room reads it, and the stage it is in."""
    return {
        "stage": page.locator(".kd-timer").get_attribute("data-kd-stage") or "",
        "words": page.locator(".kd-timer [data-kd-live=stage]").text_content() or "",
        "countdown": page.locator(".kd-timer [data-kd-live=countdown]").inner_text(),
        "block": page.locator(".kd-timer [data-kd-live=title]").inner_text(),
        "status": page.locator(".kd-timer [data-kd-live=status]").inner_text(),
    }


def look(page: Page) -> tuple[str, str, str]:
    """What tells a stage apart besides colour: the frame's style and the mark's shape."""
    frame = page.evaluate("getComputedStyle(document.querySelector('.kd-timer')).borderTopStyle")
    mark = page.evaluate(
        """(() => { const s = getComputedStyle(document.querySelector('.kd-timer__mark'));
            return s.clipPath + '|' + s.borderRadius + '|' + s.backgroundImage; })()"""
    )
    words = page.locator(".kd-timer [data-kd-live=stage]").text_content() or ""
    return frame, mark, words


def test_every_stage_of_the_timer(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(f"{site_url}{BASE}/timer/?start=09:00")
    page.clock.run_for(10 * MINUTES)
    normal = shown(page)
    assert normal == {
        "stage": "running",
        "words": "Tid igjen",
        "countdown": "15:00",
        "block": FIRST,
        "status": "I rute",
    }
    expect(page.locator("[data-kd-live=next]")).to_have_text(SECOND)
    expect(page.locator("[data-kd-live=predicted]")).to_have_text("12:00")
    looks = {"normal": look(page)}

    page.clock.run_for(13 * MINUTES + 30 * SECONDS)  # 09:23:30, 1:30 left of 25 minutes
    assert shown(page)["stage"] == "warning"
    assert shown(page)["words"] == "Snart slutt: 2 min igjen"
    assert shown(page)["countdown"] == "1:30"
    looks["warning"] = look(page)

    # Space pauses, and again goes on by hand: the block stays on the screen past its end and
    # counts into overtime.
    page.keyboard.press("Space")
    assert shown(page)["stage"] == "paused"
    page.keyboard.press("Space")
    page.clock.run_for(95 * SECONDS)  # 5 s past the end
    assert shown(page)["stage"] == "time-up"
    assert shown(page)["words"] == "Tiden er ute"
    assert shown(page)["countdown"] == "0:00"
    looks["up"] = look(page)

    page.clock.run_for(2 * MINUTES + 13 * SECONDS)  # 2:18 past the end
    over = shown(page)
    assert over["stage"] == "overtime"
    assert over["words"] == "Over tiden"
    assert over["countdown"] == "+2:18"
    assert over["block"] == FIRST
    assert over["status"] == "2 min bak skjema"
    expect(page.locator("[data-kd-live=predicted]")).to_have_text("12:02")
    looks["over"] = look(page)

    # Each stage differs in its words, and in its frame or its mark, not in colour alone.
    assert len({words for _, _, words in looks.values()}) == 4
    assert len({(frame, mark) for frame, mark, _ in looks.values()}) == 4, looks


def test_a_gathering_can_set_how_early_the_warning_comes(bundled_data: dict[str, object]) -> None:
    blocks = bundled_data["blocks"]
    assert isinstance(blocks, list)
    assert {block["warn"] for block in blocks} == {2}, "the default is the last 2 minutes"


@pytest.fixture
def bundled_data(timer: Page) -> dict[str, object]:
    import json

    data: dict[str, object] = json.loads(timer.locator("#kd-live-data").inner_text())
    return data


def test_start_pause_resume_five_minutes_next_previous_and_reset(timer: Page) -> None:
    # The bundled seminar's source gives no start: the first block is ready, the second next.
    assert shown(timer)["stage"] == "ready"
    assert shown(timer)["countdown"] == "25:00"
    expect(timer.locator("[data-kd-live=next]")).to_have_text(SECOND)
    timer.keyboard.press("Space")  # start at 09:00
    timer.clock.run_for(1 * MINUTES)
    assert shown(timer)["countdown"] == "24:00"
    expect(timer.locator("[data-kd-action=toggle]").first).to_have_text("Pause")

    timer.keyboard.press("Space")
    assert shown(timer)["stage"] == "paused"
    assert shown(timer)["words"] == "Satt på pause"
    timer.clock.run_for(30 * SECONDS)
    assert shown(timer)["countdown"] == "24:00", "a paused timer stands still"
    expect(timer.locator("[data-kd-action=toggle]").first).to_have_text("Fortsett")
    timer.keyboard.press("Space")
    timer.clock.run_for(1 * MINUTES)
    assert shown(timer)["countdown"] == "23:00"

    timer.keyboard.press("+")
    assert shown(timer)["countdown"] == "28:00"
    expect(timer.locator("[data-kd-live=predicted]")).to_have_text("12:06")
    timer.keyboard.press("-")
    timer.keyboard.press("-")
    assert shown(timer)["countdown"] == "18:00"

    timer.keyboard.press("ArrowRight")
    assert shown(timer)["block"] == SECOND
    assert shown(timer)["countdown"] == "20:00"
    assert shown(timer)["status"].endswith("min foran skjema"), "skipping ahead gains time"
    timer.keyboard.press("ArrowLeft")
    assert shown(timer)["block"] == FIRST
    assert shown(timer)["countdown"] == "18:00", "the first block goes on where it was left"

    timer.keyboard.press("r")
    assert shown(timer)["block"] == FIRST, "reset asks first"
    expect(timer.locator("[data-kd-action=reset]")).to_have_text("Nullstille alt? Trykk igjen")
    timer.keyboard.press("r")
    assert shown(timer)["stage"] == "ready"
    assert shown(timer)["countdown"] == "25:00"


def click(page: Page, name: str) -> None:
    """A click as a person makes it: the pointer moves to the controls first."""
    page.mouse.move(200, 200)
    page.mouse.move(210, 210)
    page.get_by_role("button", name=name, exact=True).click()


def test_buttons_do_what_the_keys_do(timer: Page) -> None:
    click(timer, "Start")
    click(timer, "Neste blokk nå")
    assert shown(timer)["block"] == SECOND
    click(timer, "+5 min")
    assert shown(timer)["countdown"] == "25:00"
    click(timer, "Forrige blokk")
    assert shown(timer)["block"] == FIRST
    click(timer, "Nullstill")
    click(timer, "Nullstille alt? Trykk igjen")
    assert shown(timer)["stage"] == "ready"


def test_two_pages_of_one_gathering_stay_in_step(context: BrowserContext, site_url: str) -> None:
    timer = context.new_page()
    timer.goto(f"{site_url}{BASE}/timer/")
    sheet = context.new_page()
    sheet.goto(f"{site_url}{BASE}/runsheet/")
    timer.keyboard.press("Space")
    timer.keyboard.press("+")
    # The run-sheet follows: the start, the first block's minutes, the total and the end.
    expect(sheet.locator(".kd-runsheet tbody [data-kd-clock]").first).to_have_text("09:00")
    expect(sheet.locator(".kd-runsheet tbody .kd-minutes").first).to_have_text("30")
    expect(sheet.locator(".kd-runsheet tfoot .kd-minutes")).to_have_text("185")
    expect(sheet.locator(".kd-runsheet tfoot [data-kd-clock]")).to_have_text("12:05")
    expect(sheet.locator(".kd-nownext [data-kd-live=title]")).to_have_text(FIRST)
    # And the other way round.
    sheet.get_by_role("button", name="Neste blokk nå").click()
    expect(timer.locator(".kd-timer [data-kd-live=title]")).to_have_text(SECOND)
    expect(sheet.locator(".kd-runsheet tbody tr").nth(1)).to_have_attribute("aria-current", "time")


def test_a_reload_keeps_the_state(timer: Page) -> None:
    timer.keyboard.press("Space")
    timer.keyboard.press("ArrowRight")
    timer.keyboard.press("+")
    timer.clock.run_for(2 * MINUTES)
    before = shown(timer)
    timer.reload()
    assert shown(timer) == before
    assert before["block"] == SECOND and before["countdown"] == "23:00"


def test_before_the_day_the_timer_says_when_it_starts(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    context.clock.install(time=datetime(2023, 4, 20, 8, 0))
    page = context.new_page()
    page.goto(f"{site_url}{BASE}/timer/?start=09:00")
    assert shown(page)["stage"] == "before"
    assert shown(page)["block"] == "Begynner 27. april 2023 kl. 09:00"
    assert shown(page)["countdown"] == "09:00"
    expect(page.locator("[data-kd-live=next]")).to_have_text(FIRST)
    sheet = context.new_page()
    sheet.goto(f"{site_url}{BASE}/facilitator/?start=09:00")
    expect(sheet.locator(".kd-nownext [data-kd-live=title]")).to_have_text(
        "Begynner 27. april 2023 kl. 09:00"
    )
    context.close()


def test_the_keys_are_listed_and_the_controls_step_aside(timer: Page) -> None:
    controls = timer.locator(".kd-room__controls")
    timer.keyboard.press("?")
    expect(timer.locator("#kd-keys")).to_be_visible()
    expect(timer.locator("#kd-keys")).to_contain_text("Mellomrom")
    timer.keyboard.press("Escape")
    expect(timer.locator("#kd-keys")).to_be_hidden()
    timer.locator("body").click(position={"x": 5, "y": 5})
    timer.clock.run_for(5 * SECONDS)
    expect(timer.locator("html")).to_have_class(re.compile(r"\bkd-idle\b"))
    expect(controls).to_have_css("opacity", "0")
    timer.mouse.move(300, 300)
    expect(timer.locator("html")).not_to_have_class(re.compile(r"\bkd-idle\b"))


def test_the_timer_works_by_keyboard_alone(timer: Page) -> None:
    # Tab reaches the controls even while they are out of sight, and shows where it is.
    timer.clock.run_for(5 * SECONDS)
    timer.keyboard.press("Tab")
    timer.keyboard.press("Tab")
    assert timer.evaluate("document.activeElement.dataset.kdAction") == "toggle"
    outline = timer.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    timer.keyboard.press("Enter")
    assert shown(timer)["stage"] == "running"
    expect(timer.locator(".kd-room__controls")).to_have_css("opacity", "1")


def test_sound_is_off_until_switched_on(timer: Page) -> None:
    sound = timer.locator("[data-kd-action=sound]")
    expect(sound).to_have_attribute("aria-pressed", "false")
    timer.keyboard.press("m")
    expect(sound).to_have_attribute("aria-pressed", "true")


@pytest.mark.parametrize(("width", "height"), SIZES, ids=lambda v: str(v))
def test_no_text_of_the_timer_leaves_the_screen(
    browser: Browser, site_url: str, width: int, height: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": height}, reduced_motion="reduce"
    )
    context.clock.install(time=NINE)
    context.clock.pause_at(NINE)
    page = context.new_page()
    page.goto(f"{site_url}{BASE}/timer/?start=09:00")
    page.mouse.move(width // 2, height // 2)  # controls shown: they must fit too
    stages = {}
    for stage, advance in (
        ("running", 10 * MINUTES),
        ("warning", 13 * MINUTES + 30 * SECONDS),
        ("time-up", 95 * SECONDS),
        ("overtime", 62 * MINUTES),
    ):
        if stage == "time-up":
            page.keyboard.press("Space")
            page.keyboard.press("Space")
        page.clock.run_for(advance)
        page.mouse.move(width // 2 + len(stages), height // 2)
        stages[stage] = shown(page)["countdown"]
        assert shown(page)["stage"] == stage
        assert text_outside(page) == [], (stage, width, height)
    assert stages["overtime"].startswith("+1:")
    context.close()
