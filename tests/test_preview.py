"""Live preview and failed builds: `mkdocs serve` shows content problems in the browser and
recovers when they are fixed; `mkdocs build` fails and leaves the last good site alone."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, run_build

SEMINAR = "dialogues/nasjonalt-dialogseminar-2023.yml"


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, condition: Callable[[str], bool], seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        page = fetch(url)
        if condition(page):
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} did not reach the expected state in {seconds} s:\n{page[:2000]}")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def start_serve(content: Path, stderr: int) -> tuple[subprocess.Popen[str], str]:
    """`mkdocs serve` of the project on a free port of 127.0.0.1, with ``content``."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KULTURDIALOG_CONTENT": str(content)}
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(ROOT / "mkdocs.yml")]
    process = subprocess.Popen(
        [*command, "-a", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
    )
    return process, f"http://127.0.0.1:{port}/"


@pytest.fixture
def serve(content: Path) -> Iterator[str]:
    process, url = start_serve(content, subprocess.DEVNULL)
    try:
        yield url
    finally:
        process.kill()
        process.wait(timeout=30)


def problems_on(page: str) -> list[list[str]]:
    table = BeautifulSoup(page, "html.parser").select(".kd-problems tbody tr")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in table]


def is_home(page: str) -> bool:
    return "Nasjonalt dialogseminar" in page and "kd-problems" not in page


def test_serve_shows_problems_in_the_browser_and_recovers(serve: str, content: Path) -> None:
    wait_for(serve, is_home)
    seminar = content / SEMINAR
    good = seminar.read_bytes()
    before = snapshot(content)

    seminar.write_bytes(good.replace(b"minutes: 25", b"minutes: tjue <script>x</script>", 1))
    page = wait_for(serve, lambda p: "kd-problems" in p)
    rows = problems_on(page)
    assert len(rows) == 1
    file, where, field, message = rows[0]
    assert file.endswith("nasjonalt-dialogseminar-2023.yml")
    line = next(
        i for i, text in enumerate(seminar.read_text("utf-8").splitlines(), 1) if "tjue" in text
    )
    assert where.startswith(f"{line}:")
    assert field == "programme.1.minutes" and "is not a whole number" in message
    # Author text on the problems page is text: the script arrives escaped.
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page

    seminar.write_bytes(good)
    wait_for(serve, is_home)
    assert snapshot(content) == before


def test_serve_starts_with_broken_content_and_comes_back_when_fixed(content: Path) -> None:
    seminar = content / SEMINAR
    good = seminar.read_bytes()
    seminar.write_bytes(good + b"  - [unclosed\n")
    process, url = start_serve(content, subprocess.PIPE)
    try:
        page = wait_for(url, lambda p: "kd-problems" in p)
        assert "YAML syntax error" in page
        assert process.poll() is None, "the server stopped on broken content"
        seminar.write_bytes(good)
        wait_for(url, is_home)
    finally:
        process.kill()
        _, errors = process.communicate(timeout=30)
    assert "YAML syntax error" in errors  # the problems are logged on the console too


def test_a_failed_build_leaves_the_last_good_site_as_it_was(content: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    good = run_build(site, content)
    assert good.returncode == 0, good.output
    before = snapshot(site)
    (content / SEMINAR).write_text("kind: gathering\nid: Ugyldig Id\n", "utf-8")
    content_before = snapshot(content)
    failed = run_build(site, content)
    assert failed.returncode == 1
    assert "Traceback" not in failed.output
    assert "nasjonalt-dialogseminar-2023.yml:2:5: id:" in failed.output
    assert snapshot(site) == before
    assert snapshot(content) == content_before
