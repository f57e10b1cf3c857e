"""Save-to-reload latency of the live preview: `mkdocs serve` running, one content file saved
with a new title, the time until the server returns the page with it.

The server answers a request only once a build under way has finished, so polling the page
every 50 ms measures what an author waits for: mkdocs noticing the change (it polls the watched
folders every 0.5 s), its build, and the reload; the browser's own page load comes on top.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_TITLE = re.compile(r"^title: .*$", re.MULTILINE)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=600) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def _wait(url: str, text: str, seconds: float, step: float) -> float:
    began = time.perf_counter()
    while time.perf_counter() - began < seconds:
        if text in _fetch(url):
            return time.perf_counter() - began
        time.sleep(step)
    raise TimeoutError(f"{url} did not show {text!r} within {seconds:.0f} s")


def latencies(
    content: Path, docs: Path | None, document: str, page: str, saves: int = 3
) -> list[float]:
    """Seconds from saving ``content``/``document`` with a new title to ``page`` showing it,
    once per save, with ``mkdocs serve`` started once."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KULTURDIALOG_")}
    env.update({"NO_MKDOCS_2_WARNING": "1", "KULTURDIALOG_CONTENT": str(content)})
    if docs is not None:
        env["KULTURDIALOG_DOCS"] = str(docs)
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(ROOT / "mkdocs.yml")]
    process = subprocess.Popen(
        [*command, "-a", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/{page}"
    file = content / document
    original = file.read_text("utf-8")
    try:
        _wait(url, "<html", 1800, 1.0)
        found: list[float] = []
        for number in range(1, saves + 1):
            marker = f"Endret{number}x"
            title = _TITLE.search(original)
            assert title is not None, f"{file} has no title line"
            changed = original.replace(title.group(0), f"title: {marker} " + title.group(0)[7:])
            # Past the mtime granularity of the watcher's previous look at the file.
            time.sleep(1.0)
            file.write_text(changed, "utf-8")
            found.append(_wait(url, marker, 600, 0.05))
        return found
    finally:
        file.write_text(original, "utf-8")
        process.kill()
        process.wait(timeout=30)
