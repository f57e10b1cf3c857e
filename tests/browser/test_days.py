"""Gatherings over several days in the browser: each day's guide runs the live mode for that
day alone, and its projector view follows the same day."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import serve
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
