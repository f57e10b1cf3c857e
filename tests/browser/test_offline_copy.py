"""The offline copy opened from the file system (file://), as from a USB stick: search, group
sheets, live mode and timer, projector and presenter work, and no request leaves the machine."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Request, expect

from tests.conftest import BUNDLED_GATHERING, ROOT

pytestmark = pytest.mark.browser

GATHERING = f"gatherings/{BUNDLED_GATHERING}"
PRESENTER = (
    "packages/samarbejdsprojekter-kortlaegning/presentations/kortlaegning/presenter/index.html"
)


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The copy made by the one command, unpacked from its zip as an author would."""
    out = tmp_path_factory.mktemp("stick") / "kulturdialog"
    made = subprocess.run(
        [sys.executable, "-m", "kulturdialog", "offline", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    assert out.with_suffix(".zip").is_file()
    unpacked = tmp_path_factory.mktemp("unpacked")
    import zipfile

    with zipfile.ZipFile(out.with_suffix(".zip")) as archive:
        archive.extractall(unpacked)
    return unpacked / "kulturdialog"


@pytest.fixture
def watched(page: Page) -> Iterator[tuple[Page, list[str], list[str]]]:
    """The page, the requests that left the file system, and script errors."""
    outside: list[str] = []
    errors: list[str] = []

    def record(request: Request) -> None:
        if not request.url.startswith(("file://", "data:", "blob:", "about:")):
            outside.append(request.url)

    page.on("request", record)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, outside, errors
    assert outside == []
    assert errors == []


def file_url(copy: Path, path: str) -> str:
    return (copy / path).as_uri()


def test_search_finds_a_run_sheet_word_on_the_participant_page_from_the_file_system(
    watched: tuple[Page, list[str], list[str]], copy: Path
) -> None:
    # The run-sheet repeats the participant page's blocks and is searched for its notes alone
    # (the bundled gathering's blocks have none): the block's word lands on the participant page.
    page, _, _ = watched
    page.goto(file_url(copy, "index.html"))
    box = page.locator("input.md-search__input")
    box.click()
    results = page.locator(".md-search-result__item a.md-search-result__link")
    # The index loads in a worker (an iframe from file://); retype until it answers.
    for _ in range(20):
        box.fill("")
        box.type("Innlegg", delay=20)
        try:
            results.first.wait_for(timeout=1000)
            break
        except Exception:
            continue
    hrefs = [str(link.get_attribute("href")) for link in results.all()]
    assert any(f"{BUNDLED_GATHERING}/index.html" in href for href in hrefs), hrefs
    assert not any(f"{BUNDLED_GATHERING}/runsheet" in href for href in hrefs), hrefs


def test_a_group_sheet_for_three_groups(
    watched: tuple[Page, list[str], list[str]], copy: Path
) -> None:
    page, _, _ = watched
    handout = next((copy / GATHERING).glob("handout-*.html"))
    page.goto(handout.as_uri() + "?groups=3")
    headings = page.locator(".kd-sheet .kd-sheet__group")
    expect(headings).to_have_count(3)
    assert headings.all_inner_texts() == ["Gruppe 1", "Gruppe 2", "Gruppe 3"]


def test_live_mode_and_timer_run_from_the_file_system(
    watched: tuple[Page, list[str], list[str]], copy: Path
) -> None:
    page, _, _ = watched
    page.goto(file_url(copy, f"{GATHERING}/runsheet.html") + "?start=09:00&now=09:10:30")
    group = page.locator(".kd-block--group_work").first.locator("[data-kd-clock]").first
    expect(group).to_have_text("09:45")
    countdown = page.locator("[data-kd-live=countdown]").first
    expect(countdown).not_to_be_empty()
    # Links between pages are to files, not to folders a file system cannot serve.
    links = page.locator("a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    local = [href.split("#")[0].split("?")[0] for href in links]
    local = [href for href in local if href and not href.startswith(("http", "mailto:"))]
    assert local and all(href.endswith((".html", ".ics")) for href in local), local


def test_projector_and_presenter_views_open_from_the_file_system(
    watched: tuple[Page, list[str], list[str]], copy: Path
) -> None:
    page, _, _ = watched
    projector = next((copy / GATHERING).glob("projector-*/index.html"))
    page.goto(projector.as_uri() + "?start=09:30")
    expect(page.locator(".kd-projector__back [data-kd-clock]")).not_to_be_empty()
    page.goto(file_url(copy, PRESENTER))
    expect(page.locator("section.kd-deck__slide:visible")).to_have_count(1)
    page.keyboard.press("ArrowRight")
    expect(page.locator("section.kd-deck__slide:visible .kd-deck__number")).to_have_text("2 / 10")


def test_offline_copy_storage_namespaced_apart_from_other_file_pages(
    watched: tuple[Page, list[str], list[str]], copy: Path, tmp_path: Path
) -> None:
    """Another local HTML file shares the file:// origin: what it stores and sends, well-formed
    or hostile, under the names an older copy used, never reaches this copy's live state."""
    page, _, errors = watched
    timer = file_url(copy, f"{GATHERING}/timer/index.html")
    page.goto(timer)
    page.keyboard.press("Space")
    key = page.evaluate("Object.keys(localStorage).find((k) => k.includes(':gathering:'))")
    assert key.startswith("kulturdialog-live:file://") and str(copy.as_uri()) in key, key
    stranger = tmp_path / "other.html"
    stranger.write_text("<!doctype html><title>Another local page</title>", "utf-8")
    other = page.context.new_page()
    other.goto(stranger.as_uri())
    data = f"gathering:{BUNDLED_GATHERING}"
    other.evaluate(
        """([key, data]) => {
          const states = [{v: 1, run: {block: -1}}, {start: 999, extra: [1e308]}, 'x', null];
          for (const state of states) {
            for (const name of ['kulturdialog-live', 'kulturdialog-live:file://']) {
              new BroadcastChannel(name).postMessage({key: data, state});
            }
            localStorage.setItem('kulturdialog-live:' + data, JSON.stringify(state));
          }
        }""",
        [key, data],
    )
    page.wait_for_timeout(600)
    expect(page.locator(".kd-timer")).to_have_attribute("data-kd-stage", "running")
    page.reload()
    expect(page.locator(".kd-timer")).to_have_attribute("data-kd-stage", "running")
    assert errors == []
