"""``kulturdialog serve`` says the address that opens the site: on a project site (``site_url``
with a path) the preview lives under that path, and the address printed has it."""

from __future__ import annotations

import contextlib
import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kulturdialog.site import staging
from tests.conftest import FIXTURES, PROJECT_SITE
from tests.editor.conftest import free_port, stop
from tests.site_project import make_project

SERVING = re.compile(r"Serving on (http://\S+)(?: \(the editor: (http://\S+)\))?")


@contextlib.contextmanager
def serving(project: Path, port: int, *options: str) -> Iterator[tuple[str, str | None, str]]:
    """Serve ``project`` at ``port`` while the block runs, with the addresses its output names
    (the site's, the editor's or None) and its output until then; then stop it with Ctrl-C."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KULTURDIALOG_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "kulturdialog", "serve", "--address", f"127.0.0.1:{port}", *options],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    reader = threading.Thread(target=lambda: [lines.put(line) for line in process.stdout or []])
    reader.start()
    said: list[str] = []
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                assert process.poll() is None, "".join(said)
                continue
            said.append(line)
            found = SERVING.search(line)
            if found:
                yield found.group(1), found.group(2), "".join(said)
                return
        raise AssertionError("no address printed:\n" + "".join(said))
    finally:
        stop(process)
        reader.join(timeout=5)


def opened(url: str) -> str:
    """The page at ``url`` (the server is up once it has printed its address)."""
    with urllib.request.urlopen(url, timeout=30) as answer:
        assert answer.status == 200, url
        return str(answer.read().decode("utf-8"))


@pytest.mark.parametrize("options", [(), ("--no-editor",)], ids=["editor", "no-editor"])
def test_serve_prints_the_address_that_opens_a_project_site(
    tmp_path: Path, options: tuple[str, ...]
) -> None:
    project = make_project(tmp_path / "dialogdage", PROJECT_SITE, [FIXTURES / "search"])
    site = urlsplit(PROJECT_SITE).path
    port = free_port()
    with serving(project, port, *options) as (url, editor, output):
        # The address asked for, not the one the preview runs on behind the editor.
        assert url == f"http://127.0.0.1:{port}{site}", output
        assert '<html lang="nb"' in opened(url)
        # The build's mark is no page of the site served.
        with pytest.raises(urllib.error.HTTPError, match="404"):
            opened(url + staging.MARK)
        if options:
            assert editor is None, output
        else:
            assert editor == f"http://127.0.0.1:{port}/_edit/", output
            assert "<html" in opened(editor)
