"""Printing: run-sheets on one A4 page each, one page per group for the group sheets."""

from __future__ import annotations

import io

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from tests.browser.conftest import serve
from tests.browser.site_pages import pages_by_kind, url_of
from tests.conftest import BUNDLED_GATHERING, FIXTURES, Build, BuildSite

pytestmark = pytest.mark.browser


def printed(page: Page, url: str) -> PdfReader:
    page.goto(url)
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))


def test_every_runsheet_prints_on_one_a4_page_per_day(
    page: Page, site_url: str, bundled: Build
) -> None:
    runsheets = pages_by_kind(bundled.site)["runsheet"]
    assert f"gatherings/{BUNDLED_GATHERING}/runsheet/index.html" in runsheets
    counts = {path: len(printed(page, site_url + url_of(path)).pages) for path in runsheets}
    print("PDF pages per run-sheet:", counts)
    days = {
        path: max(1, len(bundled.html(path).select("section.kd-runsheet-day")))
        for path in runsheets
    }
    assert counts == days
    assert 2 in days.values(), "the bundled two-day gathering prints a page per day"


def test_a_runsheet_over_several_days_prints_each_day_on_a_page_of_its_own(
    page: Page, build_site: BuildSite
) -> None:
    built = build_site(content=FIXTURES / "multi-day")
    assert built.returncode == 0, built.output
    server, url = serve(built.site)
    try:
        pdf = printed(page, f"{url}gatherings/tredagers/runsheet/")
    finally:
        server.shutdown()
    texts = [" ".join(sheet.extract_text().split()) for sheet in pdf.pages]
    assert len(texts) == 3
    for number, text in enumerate(texts, start=1):
        assert f"Dag {number}:" in text[:200], (number, text[:200])
    assert "Gruppearbeid dag 1" in texts[0] and "Gruppearbeid dag 2" not in texts[0]
    assert "Gruppearbeid dag 2" in texts[1]


def test_the_printed_runsheet_is_headed_by_title_and_date(page: Page, site_url: str) -> None:
    pdf = printed(page, f"{site_url}gatherings/{BUNDLED_GATHERING}/runsheet/?start=09:30")
    text = " ".join(pdf.pages[0].extract_text().split())
    assert text.startswith("Kjøreplan: Nasjonalt dialogseminar om Fremtidens kulturskole")
    assert "27. april 2023" in text[:200]
    assert "10:15" in text, "a start set in live mode is what gets printed"
    for chrome in ("Søk", "Deltakerside", "Styring underveis", "Sett starttid"):
        assert chrome not in text


def test_print_hides_navigation_search_header_footer_and_controls(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}gatherings/{BUNDLED_GATHERING}/facilitator/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".kd-switch", ".kd-live"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("h1").is_visible()


def test_group_sheets_print_one_page_per_group(page: Page, site_url: str, bundled: Build) -> None:
    handouts = pages_by_kind(bundled.site)["handout"]
    assert len(handouts) == 2
    for path in handouts:
        pdf = printed(page, site_url + url_of(path) + "?groups=3")
        assert len(pdf.pages) == 3, path
        for number, sheet in enumerate(pdf.pages, start=1):
            text = sheet.extract_text()
            assert text.lstrip().startswith(f"Gruppe {number}"), (path, number)
            assert "Nasjonalt dialogseminar om Fremtidens kulturskole" in text
            assert "Velg en møteleder og tidtaker" in text


PRINTED = {
    "participant": f"gatherings/{BUNDLED_GATHERING}/",
    "facilitator": f"gatherings/{BUNDLED_GATHERING}/facilitator/",
    "runsheet": f"gatherings/{BUNDLED_GATHERING}/runsheet/",
    "handout": f"gatherings/{BUNDLED_GATHERING}/handout-dialogtema-1/?groups=2",
    "question_set": "questions/dialogtema-1/",
    "package": "packages/samarbejdsprojekter-kortlaegning/",
    "package_runsheet": "packages/samarbejdsprojekter-kortlaegning/runsheet/",
    "presentation": "packages/samarbejdsprojekter-kortlaegning/presentations/kortlaegning/",
    "presenter": "packages/samarbejdsprojekter-kortlaegning/presentations/kortlaegning/presenter/",
    "preparation": "packages/samarbejdsprojekter-kortlaegning/preparation/",
    "worksheet": "worksheets/kulturspor-skabelon/",
    "series": "series/kulturspor/",
}
"""One page of every type that is made to be printed."""

MARGIN = 12 / 297
"""The page's top and bottom margins, where the running header and the page number stand."""


def blank_below(data: bytes) -> list[float]:
    """For each printed page, the share of its body below the last ink: 0 is a full page."""
    document = pdfium.PdfDocument(data)
    shares = []
    for sheet in document:
        bitmap = sheet.render(scale=0.5, grayscale=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        pixels = bytes(bitmap.buffer)
        top, bottom = int(height * MARGIN), height - int(height * MARGIN)
        last = top
        for y in range(top, bottom):
            if min(pixels[y * stride : y * stride + width]) < 200:
                last = y
        shares.append(round((bottom - last) / (bottom - top), 2))
    document.close()
    return shares


def test_printed_pages_are_numbered_headed_and_never_mostly_empty(
    page: Page, site_url: str
) -> None:
    report = {}
    for kind, path in PRINTED.items():
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        page.emulate_media(media="print")
        data = page.pdf(format="A4")
        reader = PdfReader(io.BytesIO(data))
        count = len(reader.pages)
        shares = blank_below(data)
        report[kind] = (count, shares)
        text = " ".join(reader.pages[0].extract_text().split())
        if kind != "handout":
            assert f"1 / {count}" in text, (kind, "page number")
        for label in ("Vis lysbilder", "Vis dias", "Sett starttid", "Nullstill", "Skriv ut"):
            assert label not in text, (kind, label, "buttons never print")
        # No page but the last is more than half empty because a block did not fit.
        assert all(share <= 0.5 for share in shares[:-1]), (kind, shares)
    print("PDF pages and blank share below the last line, per page:", report)
    assert report["runsheet"][0] == 1 and report["package_runsheet"][0] == 1
    assert report["handout"][0] == 2, "one sheet per group"
    assert report["facilitator"][0] <= 5
    assert report["presenter"][0] <= 5, "two slides to a page"
    assert report["worksheet"][1][-1] <= 0.5, "no box left alone on the worksheet's last page"


def test_the_running_header_carries_title_and_date(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}gatherings/{BUNDLED_GATHERING}/facilitator/")
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    for sheet in reader.pages[1:]:
        text = " ".join(sheet.extract_text().split())
        assert "Fasilitatorveiledning: Nasjonalt dialogseminar" in text
        assert "27. april 2023" in text


def test_a_group_sheet_carries_the_introduction_and_how_to_answer(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}gatherings/{BUNDLED_GATHERING}/handout-dialogtema-1/")
    page.emulate_media(media="print")
    text = " ".join(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text().split())
    assert "legger regjeringen frem tiltak for bedre kulturskolen" in text
    assert "Hvordan svarer vi?" in text
    assert "Skal det samles inn?" in text
