"""Screenshots for the README, taken from a real build of the bundled content.

    .venv/bin/python scripts/screenshots.py

Builds the site, serves it on 127.0.0.1, and saves a facilitator guide, a run-sheet and a
projector view with the timer running as PNGs in media/. Small on purpose: one screen each.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

GATHERING = "gatherings/nasjonalt-dialogseminar-2023"
# A fixed moment of the day, so that every run gives the same pictures.
SHOTS = {
    "facilitator-guide.png": f"{GATHERING}/facilitator/?start=09:00&now=09:10:30",
    "run-sheet.png": f"{GATHERING}/runsheet/?start=09:00&now=09:50",
    "timer.png": f"{GATHERING}/projector-3/?start=09:00&now=10:02:15",
}
VIEWPORT = {"width": 960, "height": 600}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
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
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
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
                print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KB")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
