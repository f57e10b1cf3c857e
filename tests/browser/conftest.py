"""Browser fixtures: the bundled site served on 127.0.0.1 and opened in Debian's Chromium."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import FIXTURES, ROOT, Build
from tests.site_project import make_project, run


class _QuietHandler(SimpleHTTPRequestHandler):
    prefix = "/"
    """The path the site is served under, as a host serves a project site under /<repo>/."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-prefix")  # nothing there: 404
        return super().translate_path("/" + path.removeprefix(self.prefix))


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


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "Chromium is missing: run the tests with 'bash scripts/dev test'"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


PROJECT_SITE = "https://x.github.io/dialogdage/"
"""The address of the published project below: a GitHub project site, in a folder of its host."""
GUIDE_PAGE = (
    "# Orgelbrus i veiledningen\n\nOrgelbrus, orgelbrus og orgelbrus: en side i "
    "forfatterveiledningen som bare forfattere trenger.\n"
)


@dataclass(frozen=True)
class Published:
    """A project with ``site_url`` set to a project site, built and copied for a USB stick."""

    project: Path
    site: Path
    offline: Path
    output: str


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """The bundled content and the search fixture, with a page of the guide that shares a word
    with them, built by `kulturdialog build` and `kulturdialog offline`."""
    contents = [path for path in sorted((ROOT / "content").iterdir()) if path.is_dir()]
    project = make_project(
        tmp_path_factory.mktemp("published") / "dialogdage",
        PROJECT_SITE,
        [*contents, FIXTURES / "search"],
        {"guide/orgelbrus.md": GUIDE_PAGE},
    )
    built = run(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    copied = run(project, "offline")
    assert copied.returncode == 0, copied.stdout + copied.stderr
    output = built.stdout + built.stderr + copied.stdout + copied.stderr
    return Published(project, project / "site", project / "offline-copy", output)


@pytest.fixture(scope="session")
def published_url(published: Published) -> Iterator[str]:
    """The published project's site served under its site_url's path, /dialogdage/."""
    server, url = serve(published.site, urlsplit(PROJECT_SITE).path)
    yield url
    server.shutdown()
