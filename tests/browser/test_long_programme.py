"""A programme of hundreds of blocks in Chromium: the live views write the times near the screen
at once and the others as they come near it or before printing, and a long guide and run-sheet
are split into parts of a hundred blocks, the run-sheet's columns lined up. How long a tick
takes is measured by tests/benchmarks/live_bench.py, not here."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import serve
from tests.conftest import BuildSite

pytestmark = pytest.mark.browser

BLOCKS = 300
MORNING = datetime(2025, 6, 2, 8, 0)


def minutes(index: int) -> int:
    return 1 + index % 30


def clock(offset: int) -> str:
    at = 9 * 60 + offset
    return f"{at // 60 % 24:02}:{at % 60:02}"


@pytest.fixture(scope="module")
def long_url(build_site: BuildSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    content: Path = tmp_path_factory.mktemp("long") / "content"
    content.mkdir()
    gathering = {
        "kind": "gathering",
        "id": "langt",
        "title": "Eit langt program",
        "language": "nn",
        "programme": [
            {"kind": "talk", "minutes": minutes(i), "title": f"Blokk {i + 1}"}
            for i in range(BLOCKS)
        ],
    }
    (content / "langt.yml").write_text(json.dumps(gathering, ensure_ascii=False), "utf-8")
    built = build_site(content=content)
    assert built.returncode == 0, built.output
    server, url = serve(built.site)
    yield url + "gatherings/langt/"
    server.shutdown()


@pytest.fixture
def sheet(browser: Browser, long_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.clock.install(time=MORNING)
    context.clock.pause_at(MORNING)
    page = context.new_page()
    page.goto(f"{long_url}runsheet/?start=09:00")
    yield page
    context.close()


def start_of(page: Page, block: int) -> str:
    row = page.locator(f".kd-runsheet tbody tr:nth-child({block % 100 + 1})").nth(block // 100)
    return row.locator("[data-kd-clock]").inner_text()


def test_a_long_programme_s_far_rows_follow_as_they_come_into_view(sheet: Page) -> None:
    last = BLOCKS - 1
    planned = sum(minutes(i) for i in range(last))
    expect(sheet.locator(".kd-runsheet tbody tr").first.locator("[data-kd-clock]")).to_have_text(
        "09:00"
    )
    sheet.locator(".kd-live").get_by_role("button", name="+5 min").click()  # the first block
    sheet.clock.run_for(300)
    assert start_of(sheet, 1) == clock(minutes(0) + 5)
    sheet.locator(".kd-runsheet tfoot").scroll_into_view_if_needed()
    sheet.clock.run_for(300)
    expect(sheet.locator(".kd-runsheet tbody tr").last.locator("[data-kd-clock]")).to_have_text(
        clock(planned + 5)
    )
    expect(sheet.locator(".kd-runsheet tfoot [data-kd-clock]")).to_have_text(
        clock(planned + minutes(last) + 5)
    )
    # Five minutes more from the top; a row half-way was not near the screen, and printing
    # writes it too.
    sheet.evaluate("window.scrollTo(0, 0)")
    sheet.locator(".kd-live").get_by_role("button", name="+5 min").click()
    sheet.clock.run_for(300)
    sheet.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    middle = BLOCKS // 2
    assert start_of(sheet, middle) == clock(sum(minutes(i) for i in range(middle)) + 10)


def test_a_long_run_sheet_is_split_into_tables_whose_columns_line_up(sheet: Page) -> None:
    tables = sheet.locator("table.kd-runsheet")
    expect(tables).to_have_count(BLOCKS // 100)
    assert sheet.locator("table.kd-runsheet tbody tr").count() == BLOCKS
    edges = tables.evaluate_all(
        """tables => tables.map((t) => [...t.querySelector('tbody tr').cells]
             .map((c) => Math.round(c.getBoundingClientRect().left)))"""
    )
    assert all(row == edges[0] for row in edges), edges
    # One after the other, without a gap: one table to see.
    boxes = tables.evaluate_all("ts => ts.map((t) => t.getBoundingClientRect())")
    for above, below in pairwise(boxes):
        assert abs(below["top"] - above["bottom"]) < 1


def test_a_long_guide_is_split_into_lists_that_read_as_one(browser: Browser, long_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.clock.install(time=MORNING)
    context.clock.pause_at(MORNING)
    page = context.new_page()
    page.goto(f"{long_url}facilitator/?start=09:00")
    lists = page.locator("ol.kd-guide")
    expect(lists).to_have_count(BLOCKS // 100)
    titles = page.locator("ol.kd-guide > li .kd-guide__title").all_inner_texts()
    assert [title.split()[-1] for title in titles] == [str(i + 1) for i in range(BLOCKS)]
    gaps = lists.evaluate_all(
        """ls => ls.slice(1).map((l, i) => l.firstElementChild.getBoundingClientRect().top
             - ls[i].lastElementChild.getBoundingClientRect().bottom)"""
    )
    spacing = page.evaluate(
        """() => { const [a, b] = document.querySelectorAll('ol.kd-guide > li');
             return b.getBoundingClientRect().top - a.getBoundingClientRect().bottom; }"""
    )
    assert all(abs(gap - spacing) < 1 for gap in gaps), (gaps, spacing)
    context.close()
