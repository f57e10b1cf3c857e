"""Browser fixtures: the bundled site served on 127.0.0.1 and opened in Debian's Chromium."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page

from tests.conftest import PROJECT_SITE, Build, Published


class _QuietHandler(SimpleHTTPRequestHandler):
    prefix = "/"
    """The path the site is served under, as a host serves a project site under /<repo>/."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-prefix")  # nothing there: 404
        return super().translate_path("/" + path.removeprefix(self.prefix))


def stand_still(context: BrowserContext, at: datetime) -> None:
    """The clock of every page in ``context`` set to ``at`` and held there until a test moves it:
    the room's screens count from the wall clock."""
    context.clock.install(time=at)
    context.clock.pause_at(at)


@contextlib.contextmanager
def clocked(browser: Browser, at: datetime) -> Iterator[BrowserContext]:
    """A 1280×720 context whose clock stands still at ``at``."""
    opened = browser.new_context(viewport={"width": 1280, "height": 720})
    stand_still(opened, at)
    try:
        yield opened
    finally:
        opened.close()


def serve(root: Path, prefix: str = "/") -> tuple[ThreadingHTTPServer, str]:
    """Serve ``root`` on a free port of 127.0.0.1 under ``prefix`` in a background thread."""
    handler_class = type("Handler", (_QuietHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


@pytest.fixture(scope="session")
def site_url(bundled: Build) -> Iterator[str]:
    server, url = serve(bundled.site)
    yield url
    server.shutdown()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def quiet(page: Page) -> Iterator[Page]:
    """The page; at the end, no warning or error was logged in its console."""
    said: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if message.type in ("warning", "error"):
            said.append(f"{message.type}: {message.text}")

    page.on("console", record)
    page.on("pageerror", lambda error: said.append(f"pageerror: {error}"))
    yield page
    assert said == []


@pytest.fixture(scope="session")
def published_url(published: Published) -> Iterator[str]:
    """The published project's site served under its site_url's path, /dialogdage/."""
    server, url = serve(published.site, urlsplit(PROJECT_SITE).path)
    yield url
    server.shutdown()
