"""Gatherings over several days in the browser: each day's guide runs the live mode for that
day alone, and its projector view follows the same day."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import clocked, serve
from tests.conftest import FIXTURES, BuildSite

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def days_url(build_site: BuildSite) -> Iterator[str]:
    built = build_site(content=FIXTURES / "multi-day")
    assert built.returncode == 0, built.output
    server, url = serve(built.site)
    yield url + "gatherings/tredagers/"
    server.shutdown()


def test_a_day_s_guide_moves_only_that_day_s_clock(page: Page, days_url: str) -> None:
    page.goto(f"{days_url}day-2/")
    starts = page.locator(".kd-guide [data-kd-offset] .kd-guide__title [data-kd-clock]")
    expect(starts.first).to_have_text("09:00")
    page.get_by_label("Starttid (tt:mm)").fill("13:00")
    page.get_by_role("button", name="Sett starttid").click()
    # Each block's start and end follow the day's new start; day 1 is not on this page.
    expect(starts).to_have_text(["13:00", "13:20", "13:20", "14:10"])
    page.goto(f"{days_url}day-2-projector-2/?start=13:00")
    expect(page.locator(".kd-projector__back [data-kd-clock]")).to_have_text("14:10")


def test_the_guide_of_all_days_links_to_each_day_s_live_mode(page: Page, days_url: str) -> None:
    page.goto(f"{days_url}facilitator/")
    expect(page.locator(".kd-live")).to_have_count(0)
    page.get_by_role("link", name="Fasilitatorveiledning for dagen").first.click()
    expect(page).to_have_url(re.compile(re.escape(f"{days_url}day-1/")))
    expect(page.locator(".kd-live")).to_have_count(1)


def test_live_mode_per_day_of_a_multi_day_gathering(page: Page, days_url: str) -> None:
    """Each day's guide, timer and projector views share that day's state alone: a start set on
    day 2 leaves day 1 as it was, in the same browser."""
    page.goto(f"{days_url}day-1/")
    day_one = page.locator(".kd-guide [data-kd-offset] .kd-guide__title [data-kd-clock]").first
    before = day_one.inner_text()
    page.goto(f"{days_url}day-2/")
    page.get_by_label("Starttid (tt:mm)").fill("13:00")
    page.get_by_role("button", name="Sett starttid").click()
    page.goto(f"{days_url}day-1/")
    expect(day_one).to_have_text(before)
    page.goto(f"{days_url}day-2/")
    expect(
        page.locator(".kd-guide [data-kd-offset] .kd-guide__title [data-kd-clock]").first
    ).to_have_text("13:00")


TWO_DAYS = FIXTURES / "two-days"
DAY_ONE = datetime(2025, 3, 11, 9, 0)
"""The first day of the two-day fixture, at its start."""
DAY_TWO = datetime(2025, 3, 12, 8, 30)
MINUTES = 60 * 1000
TASK_TWO = "Gruppearbeid dag 2"


@pytest.fixture(scope="module")
def two_days_url(build_site: BuildSite) -> Iterator[str]:
    built = build_site(content=TWO_DAYS)
    assert built.returncode == 0, built.output
    server, url = serve(built.site)
    yield url + "gatherings/todagars/"
    server.shutdown()


@pytest.fixture
def on_day_one(browser: Browser) -> Iterator[BrowserContext]:
    with clocked(browser, DAY_ONE) as opened:
        yield opened


def texts(page: Page, selector: str) -> list[str]:
    return [text.strip() for text in page.locator(selector).all_inner_texts()]


def live_bar(page: Page) -> dict[str, str]:
    """The now/next bar of a guide or run-sheet, as the facilitator reads it."""
    bar = page.locator(".kd-nownext")
    return {
        what: bar.locator(f"[data-kd-live={what}]").inner_text().strip()
        for what in ("title", "countdown", "next", "status", "predicted")
    }


def screens(pages: dict[str, Page]) -> dict[str, dict[str, object]]:
    """What each screen of a day shows: its blocks' times, and its clock."""
    next(iter(pages.values())).clock.run_for(300)  # one render after the last action
    guide, sheet, timer = pages["guide"], pages["run-sheet"], pages["timer"]
    projector, participant = pages["projector"], pages["participant page"]
    task_row = participant.locator(".kd-programme tr", has_text=TASK_TWO)
    return {
        "guide": {
            "blocks": texts(guide, ".kd-guide .kd-guide__title .kd-time"),
            "tasks": texts(guide, ".kd-guide .kd-block--group_work .kd-guide__title"),
            **live_bar(guide),
        },
        "run-sheet": {
            "blocks": texts(sheet, ".kd-runsheet tbody [data-kd-clock]"),
            "end": sheet.locator(".kd-runsheet tfoot [data-kd-clock]").inner_text(),
            "tasks": texts(sheet, ".kd-runsheet .kd-block--group_work strong"),
            **live_bar(sheet),
        },
        "timer": {
            what: timer.locator(f".kd-timer [data-kd-live={what}]").inner_text().strip()
            for what in ("title", "countdown", "next", "status", "predicted")
        },
        "projector": {
            "task": projector.locator(".kd-projector__title, h1").first.inner_text(),
            "stage": projector.locator("[data-kd-live=stage]").text_content() or "",
            "countdown": projector.locator("[data-kd-live=countdown]").inner_text(),
            "back": projector.locator(".kd-projector__back [data-kd-clock]").inner_text(),
        },
        "participant page": {
            "tasks": texts(participant, "#day-2 ~ table .kd-block--group_work strong"),
            "time": task_row.locator(".kd-time").inner_text().strip(),
        },
    }


def test_live_mode_on_the_run_sheet_of_each_day(
    on_day_one: BrowserContext, two_days_url: str
) -> None:
    """Day 1 run to its end on its run-sheet, then day 2 on its own: each day's blocks are
    expected where the over-run puts them, on every screen of that day, and day 2's run leaves
    day 1's as it was."""
    context = on_day_one
    sheet_one = context.new_page()
    sheet_one.goto(f"{two_days_url}day-1-runsheet/")
    guide_one = context.new_page()
    guide_one.goto(f"{two_days_url}day-1/")
    expect(sheet_one.locator(".kd-live")).to_be_visible()
    # At its start the clock runs the first block; the facilitator takes it over by hand.
    expect(sheet_one.locator(".kd-nownext [data-kd-live=title]")).to_have_text("Velkomen")
    sheet_one.get_by_label("Styr for hand: Start, Pause, Neste").check()
    sheet_one.clock.run_for(40 * MINUTES)  # the first block, 30 minutes, ten over
    for page in (sheet_one, guide_one):
        page.clock.run_for(300)
    expect(guide_one.locator(".kd-guide .kd-guide__title .kd-time")).to_have_text(
        ["09:00–09:40", "09:40–10:20", "10:20–10:35"]
    )
    expect(sheet_one.locator(".kd-runsheet tbody [data-kd-clock]")).to_have_text(
        ["09:00", "09:40", "10:20"]
    )
    expect(sheet_one.locator(".kd-runsheet tfoot [data-kd-clock]")).to_have_text("10:35")
    expect(sheet_one.locator(".kd-nownext [data-kd-live=status]")).to_have_text(
        "10 min etter skjema"
    )
    # The day runs to its end: the group task over five minutes, the break on time.
    next_block = sheet_one.locator(".kd-live").get_by_role("button", name="Neste blokk no")
    next_block.click()
    sheet_one.clock.run_for(45 * MINUTES)
    next_block.click()
    sheet_one.clock.run_for(15 * MINUTES)
    next_block.click()
    sheet_one.clock.run_for(300)
    expect(sheet_one.locator(".kd-runsheet tbody [data-kd-clock]")).to_have_text(
        ["09:00", "09:40", "10:25"]
    )
    expect(sheet_one.locator(".kd-runsheet tfoot [data-kd-clock]")).to_have_text("10:40")
    key_one = (
        "kulturdialog-live:" + two_days_url.split("gatherings/")[0] + ":gathering:todagars:day-1"
    )
    day_one_state = sheet_one.evaluate("(key) => localStorage.getItem(key)", key_one)
    assert day_one_state is not None and '"block":3' in day_one_state, "day 1 is done"

    # The next morning, on day 2's own screens.
    context.clock.set_system_time(DAY_TWO)
    urls = {
        "guide": "day-2/",
        "run-sheet": "day-2-runsheet/",
        "timer": "day-2-timer/",
        "projector": "day-2-projector-2/",
        "participant page": "",
    }
    pages = {name: context.new_page() for name in urls}
    for name, address in urls.items():
        pages[name].goto(two_days_url + address)
    sheet = pages["run-sheet"]
    assert screens(pages) == {
        "guide": {
            "blocks": ["08:30–08:50", "08:50–09:35", "09:35–09:50"],
            "tasks": [f"08:50–09:35 {TASK_TWO}"],
            "title": "Oppsummering frå i går",
            "countdown": "20:00",
            "next": TASK_TWO,
            "status": "I rute",
            "predicted": "09:50",
        },
        "run-sheet": {
            "blocks": ["08:30", "08:50", "09:35"],
            "end": "09:50",
            "tasks": [TASK_TWO],
            "title": "Oppsummering frå i går",
            "countdown": "20:00",
            "next": TASK_TWO,
            "status": "I rute",
            "predicted": "09:50",
        },
        "timer": {
            "title": "Oppsummering frå i går",
            "countdown": "20:00",
            "next": TASK_TWO,
            "status": "I rute",
            "predicted": "09:50",
        },
        "projector": {
            "task": "Oppgåva for den andre dagen",
            # Before its block, the task's projector counts down to the block's own start.
            "stage": "Byrjar om",
            "countdown": "20:00",
            "back": "09:35",
        },
        "participant page": {"tasks": [TASK_TWO], "time": "08:50–09:35"},
    }
    # Day 2 by hand from its run-sheet: the first block five minutes over, then the group task
    # with five minutes more from the timer's key.
    sheet.get_by_label("Styr for hand: Start, Pause, Neste").check()
    sheet.clock.run_for(25 * MINUTES)
    sheet.locator(".kd-live").get_by_role("button", name="Neste blokk no").click()
    sheet.clock.run_for(10 * MINUTES)
    pages["timer"].keyboard.press("+")
    after = screens(pages)
    assert after == {
        "guide": {
            "blocks": ["08:30–08:55", "08:55–09:45", "09:45–10:00"],
            "tasks": [f"08:55–09:45 {TASK_TWO}"],
            "title": TASK_TWO,
            "countdown": "40:00",
            "next": "Avslutting",
            "status": "10 min etter skjema",
            "predicted": "10:00",
        },
        "run-sheet": {
            "blocks": ["08:30", "08:55", "09:45"],
            "end": "10:00",
            "tasks": [TASK_TWO],
            "title": TASK_TWO,
            "countdown": "40:00",
            "next": "Avslutting",
            "status": "10 min etter skjema",
            "predicted": "10:00",
        },
        "timer": {
            "title": TASK_TWO,
            "countdown": "40:00",
            "next": "Avslutting",
            "status": "10 min etter skjema",
            "predicted": "10:00",
        },
        "projector": {
            "task": "Oppgåva for den andre dagen",
            "stage": "Tid att",
            "countdown": "40:00",
            "back": "09:45",
        },
        # The participant page keeps the plan.
        "participant page": {"tasks": [TASK_TWO], "time": "08:50–09:35"},
    }
    # Day 1's state is as the day left it, and its run-sheet shows it so.
    assert sheet_one.evaluate("(key) => localStorage.getItem(key)", key_one) == day_one_state
    sheet_one.reload()
    sheet_one.clock.run_for(300)
    expect(sheet_one.locator(".kd-runsheet tbody [data-kd-clock]")).to_have_text(
        ["09:00", "09:40", "10:25"]
    )
    expect(sheet_one.locator(".kd-runsheet tfoot [data-kd-clock]")).to_have_text("10:40")
