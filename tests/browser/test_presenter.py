"""The presenter view in Chromium: one slide at a time, keys and clicks move, no notes shown."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from kulturdialog.content import load_content
from tests.browser.site_pages import html_pages, url_of
from tests.browser.viewport import SIZES, text_outside, text_overlaps
from tests.conftest import ROOT, Build

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
    # The one slide fills the screen's width on a 16:9 stage, letterboxed above and below.
    box = page.locator("section.kd-deck__slide:visible").bounding_box()
    assert box is not None and box["width"] == 1280 and box["height"] == 720
    assert box["y"] == 40
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
    # Without motion, the controls are shown or hidden when they step aside, never caught
    # halfway through their fade (a colour measured at part opacity is not the one shown).
    page.emulate_media(reduced_motion="reduce")
    open_presenter(page, site_url)
    page.keyboard.press("End")
    page.add_script_tag(path=str(axe))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
    )
    assert found == []


def presenters(site: Path) -> list[str]:
    """The presenter view of every bundled presentation."""
    return [url_of(path) for path in html_pages(site) if path.endswith("/presenter/index.html")]


@pytest.mark.parametrize(("width", "height"), SIZES, ids=lambda v: str(v))
def test_every_slide_of_every_presentation_fits_the_screen_and_no_text_overlaps(
    browser: Browser, site_url: str, bundled: Build, width: int, height: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": height}, reduced_motion="reduce"
    )
    page = context.new_page()
    checked = 0
    problems = []
    for presenter in presenters(bundled.site):
        page.goto(site_url + presenter)
        total = page.locator("section.kd-deck__slide").count()
        for number in range(1, total + 1):
            page.goto(f"{site_url}{presenter}#{number}")
            page.reload()
            slide = page.locator("section.kd-deck__slide:visible")
            expect(slide).to_have_count(1)
            outside = text_outside(page) + text_overlaps(
                page, "section.kd-deck__slide:not([hidden])"
            )
            # Nothing runs under anything: the face ends above the slide number and progress.
            face = slide.locator(".kd-deck__face").bounding_box()
            words = page.evaluate(_LAST_TEXT_BOTTOM)
            assert face is not None
            if outside or words > face["y"] + face["height"] + 1:
                problems.append((presenter, number, outside, words))
            checked += 1
    context.close()
    library = load_content(ROOT / "content")
    assert checked == sum(
        len(presentation.slides)
        for package in library.sorted_packages()
        for presentation in package.presentations
    )
    assert problems == []


_LAST_TEXT_BOTTOM = """() => {
  const face = document.querySelector('section.kd-deck__slide:not([hidden]) .kd-deck__face');
  let bottom = 0;
  const walker = document.createTreeWalker(face, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(walker.currentNode);
    for (const r of range.getClientRects()) bottom = Math.max(bottom, r.bottom);
  }
  return bottom;
}"""

_CHART_LABELS = """() => [...document.querySelectorAll(
    'section.kd-deck__slide:not([hidden]) .kd-chart text')].map((text) => {
  const svg = text.ownerSVGElement;
  const ratio = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return parseFloat(getComputedStyle(text).fontSize) * ratio;
})"""


def test_chart_labels_are_at_least_24_pixels_at_1280_by_720(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    sizes: list[float] = []
    for number in (4, 5, 6, 7):
        page.goto(f"{site_url}{PRESENTER}#{number}")
        page.reload()
        found = page.evaluate(_CHART_LABELS)
        assert found, number
        sizes.extend(found)
        # The chart fills its part of the slide: more than half the stage's width.
        # A figure of several measures has a scale per measure: each is as wide.
        scales = page.locator("section.kd-deck__slide:visible .kd-chart__svg")
        for index in range(scales.count()):
            chart = scales.nth(index).bounding_box()
            assert chart is not None and chart["width"] > 1280 / 2
    context.close()
    assert min(sizes) >= 24, min(sizes)


def test_controls_stay_hidden_until_the_pointer_moves(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url + PRESENTER)
    controls = page.locator(".kd-deck__controls")
    expect(controls).to_have_css("opacity", "0")
    page.mouse.move(400, 300)
    page.mouse.move(420, 310)
    expect(controls).to_have_css("opacity", "1")
    expect(page.locator(".kd-deck__progress span").first).to_be_attached()
    context.close()


def test_s_opens_the_speaker_view_and_both_windows_keep_in_step(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    audience = context.new_page()
    audience.goto(site_url + PRESENTER + "#3")
    with context.expect_page() as opened:
        audience.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_load_state()
    current = speaker.locator(".kd-speaker__current section.kd-deck__slide:visible")
    expect(current.locator(".kd-slide__title")).to_have_text("Det belyser kortlægningen")
    expect(speaker.locator(".kd-speaker__next section:visible .kd-slide__title")).to_have_text(
        "Del 1: Motivation til deltagelse i samarbejdsprojekter"
    )
    expect(speaker.locator("[data-kd-notes]:visible")).to_contain_text("Metode")
    expect(speaker.locator("[data-kd-elapsed]")).to_have_text(re.compile(r"^\d+:\d\d$"))
    expect(speaker.locator("[data-kd-step-left]")).to_have_text(re.compile(r"^\+?\d+:\d\d$"))
    # The audience moves on: the speaker follows, and the other way round.
    audience.keyboard.press("ArrowRight")
    expect(speaker.locator("[data-kd-status]")).to_have_text("Dias 4 af 10")
    expect(speaker.locator("[data-kd-notes]:visible")).to_contain_text("motiverede")
    speaker.keyboard.press("ArrowRight")
    assert visible_slide(audience)[0] == "5 / 10"
    assert NOTE not in audience.locator("body").inner_text()
    context.close()


def test_each_run_sheet_row_opens_the_presenter_at_its_first_slide(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "packages/samarbejdsprojekter-kortlaegning/runsheet/")
    links = page.locator("a.kd-slide-refs__show")
    assert links.count() >= 5
    third = links.nth(2)
    href = third.get_attribute("href") or ""
    number = int(href.rsplit("#", 1)[1])
    third.click()
    assert visible_slide(page)[0] == f"{number} / 10"


def test_axe_finds_no_violations_in_the_speaker_view(page: Page, site_url: str) -> None:
    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(site_url + PRESENTER.replace("/presenter/", "/speaker/") + "#4")
    page.add_script_tag(path=str(axe))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
    )
    assert found == []


def test_speaker_view_from_its_address_follows_the_room_and_its_clock_starts_afresh_each_day(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.clock.install(time=datetime(2026, 3, 2, 9, 0))
    audience = context.new_page()
    audience.goto(site_url + PRESENTER + "#4")
    audience.keyboard.press("ArrowRight")
    # Opened from its address, without a slide: the slide the room sees, not slide 1.
    speaker = context.new_page()
    speaker.goto(site_url + PRESENTER.replace("/presenter/", "/speaker/"))
    expect(speaker.locator("[data-kd-status]")).to_have_text("Dias 5 af 10")
    speaker.keyboard.press("ArrowRight")
    assert visible_slide(audience)[0] == "6 / 10", "its first → moves the room one slide on"
    expect(speaker.locator("[data-kd-time-of-day]")).to_have_text(re.compile(r"^09:0\d$"))
    # The next day, the speaker's clock starts from nothing, not from yesterday.
    context.clock.fast_forward("24:00:00")
    speaker.reload()
    expect(speaker.locator("[data-kd-elapsed]")).to_have_text(re.compile(r"^0:0\d$"))
    # What else is sent on the deck's channel ({slide: NaN} and the like) changes nothing.
    speaker.evaluate(
        """() => {
          const data = JSON.parse(document.getElementById('kd-deck-data').textContent);
          const name = 'kulturdialog-deck:' + location.origin + '/' + data.key;
          const channel = new BroadcastChannel(name);
          for (const slide of [NaN, -1, 1.5, 99, '3', null, Infinity]) channel.postMessage({slide});
        }"""
    )
    audience.wait_for_timeout(300)
    assert visible_slide(audience)[0] == "6 / 10"
    context.close()


def test_blackout_b_on_the_presenter(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    audience = context.new_page()
    audience.goto(site_url + PRESENTER + "#2")
    speaker = context.new_page()
    speaker.goto(site_url + PRESENTER.replace("/presenter/", "/speaker/") + "#2")
    speaker.keyboard.press("b")
    expect(audience.locator("html")).to_have_class(re.compile(r"\bkd-blackout\b"))
    expect(audience.locator(".kd-deck")).to_have_css("visibility", "hidden")
    expect(speaker.locator(".kd-speaker__current .kd-deck")).to_have_css("visibility", "visible")
    audience.keyboard.press("B")
    expect(audience.locator("html")).not_to_have_class(re.compile(r"\bkd-blackout\b"))
    context.close()


def test_a_message_to_the_speaker_reaches_the_speaker_view_only(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    sheet = context.new_page()
    sheet.goto(site_url + "packages/samarbejdsprojekter-kortlaegning/runsheet/")
    audience = context.new_page()
    audience.goto(site_url + PRESENTER + "#2")
    speaker = context.new_page()
    speaker.goto(site_url + PRESENTER.replace("/presenter/", "/speaker/") + "#2")
    sheet.get_by_label("Besked til taleren").fill("5 minutter tilbage")
    sheet.get_by_label("Besked til taleren").press("Enter")
    expect(speaker.locator("[data-kd-speaker-message]")).to_have_text("5 minutter tilbage")
    assert "5 minutter tilbage" not in audience.locator("body").inner_text()
    speaker.reload()
    expect(speaker.locator("[data-kd-speaker-message]")).to_have_text("5 minutter tilbage")
    context.close()


_TEXT_SIZES = """() => [...document.querySelectorAll(
    'section.kd-deck__slide:not([hidden]) :is(.kd-slide__title, .kd-slide__points li)')]
  .map((e) => e.getBoundingClientRect().height && parseFloat(getComputedStyle(e).fontSize)
    * document.querySelector('.kd-deck').getBoundingClientRect().width
    / document.querySelector('.kd-deck').offsetWidth)"""


def test_title_and_points_at_least_28_px_at_1920_by_1080_figures_shrink_first(
    browser: Browser, site_url: str, bundled: Build
) -> None:
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    small = []
    for presenter in presenters(bundled.site):
        page.goto(site_url + presenter)
        total = page.locator("section.kd-deck__slide").count()
        for number in range(1, total + 1):
            page.goto(f"{site_url}{presenter}#{number}")
            page.reload()
            sizes = [size for size in page.evaluate(_TEXT_SIZES) if size]
            if sizes and min(sizes) < 28:
                small.append((presenter, number, round(min(sizes), 1)))
    context.close()
    assert small == []


def test_editorial_notes_stay_in_the_speaker_view(page: Page, site_url: str) -> None:
    """'From the source (no figure title)' is for whoever edits: the room does not see it."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{site_url}{PRESENTER}#5")
    caption = page.locator("section.kd-deck__slide:visible .kd-chart__caption").first
    expect(caption).to_be_visible()
    expect(caption.locator(".kd-chart__caption-label")).to_be_hidden()
    page.goto(f"{site_url}{PRESENTER.replace('/presenter/', '/speaker/')}#5")
    label = page.locator(".kd-speaker__current section:visible .kd-chart__caption-label").first
    expect(label).to_have_text("Fra kilden (ingen figurtitel):")
    assert text_overlaps(page) == []
