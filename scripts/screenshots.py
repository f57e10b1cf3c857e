"""Screenshots for the README and the author guide, taken from real runs of the bundled content.

    .venv/bin/python scripts/screenshots.py            # all of them
    .venv/bin/python scripts/screenshots.py readme     # the README's
    .venv/bin/python scripts/screenshots.py guide      # the guide's, in each of its languages

The README's: the site is built, served on 127.0.0.1, and a facilitator guide, a run-sheet and a
projector view with the timer running are saved as PNGs in media/. The guide's: for each of its
languages, `kulturdialog serve` runs on a copy of the project in that site language, and a
culture-school leader's path is taken in Chromium: the seminar's page with its edit link, its
form with the first block shortened and a date and start time set, and the run-sheet as printed
after the save. Small on purpose: one screen or one part of a screen each.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.editor.conftest import SEMINAR, copy_project, serving  # noqa: E402

GATHERING = "gatherings/nasjonalt-dialogseminar-2023"
# A fixed moment of the day, so that every run gives the same pictures.
SHOTS = {
    "facilitator-guide.png": f"{GATHERING}/facilitator/?start=09:00&now=09:10:30",
    "run-sheet.png": f"{GATHERING}/runsheet/?start=09:00&now=09:50",
    "timer.png": f"{GATHERING}/projector-3/?start=09:00&now=10:02:15",
}
VIEWPORT = {"width": 960, "height": 600}

GUIDE_LANGUAGES = {"nb": "docs/guide", "da": "docs/guide/da", "en": "docs/guide/en"}
"""Each language of the author guide, and the folder of its pages."""
GUIDE_STEPS = ("preview", "date", "block", "printed")
"""The leader's path: the page in the preview, the form's date and its first block, the printed
run-sheet."""
GUIDE_VIEWPORT = {"width": 900, "height": 560}


def guide_shot(language: str, step: str) -> Path:
    """Where the guide's picture of ``step`` in ``language`` is kept, below the project."""
    return Path(GUIDE_LANGUAGES[language]) / "media" / f"editor-{step}-{language}.png"


def guide_shots() -> list[Path]:
    """Every picture of the guide this script makes, relative to the project."""
    return [guide_shot(language, step) for language in GUIDE_LANGUAGES for step in GUIDE_STEPS]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _saved(out: Path) -> None:
    print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KB")


def readme(browser: Browser) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
            cwd=ROOT,
            env=env,
            check=True,
        )
        server = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        page = browser.new_page(viewport=VIEWPORT)
        for name, path in SHOTS.items():
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            out = ROOT / "media" / name
            if name == "run-sheet.png":
                # The table is what a run-sheet is for; the live controls are above it. The
                # sticky header would cover the table's top once it is scrolled to.
                page.add_style_tag(content=".md-header { position: static; }")
                page.locator(".kd-runsheet").first.screenshot(path=str(out))
            else:
                page.screenshot(path=str(out))
            _saved(out)
        page.close()
        server.shutdown()


def guide(browser: Browser) -> None:
    for language in GUIDE_LANGUAGES:
        with tempfile.TemporaryDirectory() as folder:
            project = copy_project(Path(folder) / "project")
            with serving(project, language=language) as served:
                context = browser.new_context(viewport=GUIDE_VIEWPORT, locale=language)
                _leaders_path(context.new_page(), served.url, language)
                context.close()


def _leaders_path(page: Page, url: str, language: str) -> None:
    shot: Callable[[str], str] = lambda step: str(ROOT / guide_shot(language, step))  # noqa: E731
    # 1. The seminar's page in the preview, with the editor's link at the bottom right.
    page.goto(url + GATHERING + "/")
    page.wait_for_load_state("load")
    link = page.locator(".kd-edit-link", has_text=SEMINAR)
    expect(link).to_be_visible()
    page.screenshot(path=shot("preview"))
    # 2. Its form: a date and a start time, the first block 5 minutes shorter; the clock times
    # follow before anything is saved.
    link.click()
    page.locator('[id="f-date"]').fill("2026-09-17")
    page.locator('[id="f-start"]').fill("09:00")
    page.locator('[id="f-programme.1.minutes"]').fill("20")
    expect(page.locator('[id="c-programme.2"]')).to_have_text("09:20–09:40")
    _part(page, shot("date"), '[data-path="date"]', '[data-path="end"]')
    _part(page, shot("block"), '[data-path="programme"]', '[data-path="programme.1.title"]')
    # 3. Saved: the run-sheet, as it is printed, has the new times.
    page.locator("#kd-save").click()
    expect(page.locator("#kd-status")).to_have_class("kd-status kd-status-saved")
    page.goto(url + GATHERING + "/runsheet/")
    expect(page.locator(".kd-runsheet").first).to_contain_text("09:20")
    page.emulate_media(media="print")
    page.screenshot(path=shot("printed"), full_page=True)
    for step in GUIDE_STEPS:
        _saved(ROOT / guide_shot(language, step))


def _part(page: Page, path: str, first: str, after: str) -> None:
    """A picture of the page from the element ``first`` to the element ``after``, whole width,
    taken with ``first`` at the top of the window (clear of the form's save bar at its foot)."""
    page.locator(first).first.evaluate("e => e.scrollIntoView({block: 'start'})")

    def top(selector: str) -> float:
        found: float = page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top")
        return found

    start = max(top(first) - 8, 0)
    clip = {"x": 0, "y": start, "width": GUIDE_VIEWPORT["width"], "height": top(after) - start}
    page.screenshot(path=path, clip=clip)  # type: ignore[arg-type]


MAKERS = {"readme": readme, "guide": guide}


def main(which: list[str]) -> None:
    for name in which:
        if name not in MAKERS:
            raise SystemExit(f"{name}: say readme or guide (or nothing, for both)")
    for folder in {ROOT / shot.parent for shot in guide_shots()}:
        folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name in which or list(MAKERS):
            MAKERS[name](browser)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
