"""Fixtures for the editor: a copy of the bundled project, and ``kulturdialog serve`` on it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

SEMINAR = "dialogues/nasjonalt-dialogseminar-2023.yml"
QUESTIONS = "dialogues/dialogtema-1.yml"


def copy_project(target: Path) -> Path:
    """The bundled project (configuration, content, pages) in ``target``, as a git repository."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("content", "docs", "macros"):
        shutil.copytree(ROOT / folder, target / folder)
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=target, check=True)
    subprocess.run([*git, "add", "-A"], cwd=target, check=True)
    subprocess.run([*git, "commit", "-qm", "bundled"], cwd=target, check=True)
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class Served:
    project: Path
    url: str

    @property
    def content(self) -> Path:
        return self.project / "content"

    def reset(self) -> None:
        """Put the content back as committed, and wait for the preview to show it."""
        subprocess.run(["git", "checkout", "-q", "--", "content"], cwd=self.project, check=True)
        subprocess.run(["git", "clean", "-qfd", "content"], cwd=self.project, check=True)

    def diff(self) -> str:
        return subprocess.run(
            ["git", "diff", "--", "content"],
            cwd=self.project,
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def wait_for(url: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer")


@contextmanager
def serving(project: Path, seconds: float = 180, language: str | None = None) -> Iterator[Served]:
    """``kulturdialog serve`` on ``project`` (in the site ``language``, if given) until the
    block ends, once its seminar's page answers; stopped with Ctrl-C, as an author stops it
    (mkdocs removes its temporary site)."""
    port = free_port()
    env = {**os.environ, **({"KULTURDIALOG_LANGUAGE": language} if language else {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "kulturdialog", "serve", "--address", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(url + "gatherings/nasjonalt-dialogseminar-2023/", seconds)
        yield Served(project, url)
    finally:
        stop(process)


def stop(process: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    """Stop a server as an author does, with Ctrl-C (so it tidies up), or kill it if it hangs."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving(copy_project(tmp_path_factory.mktemp("editor") / "project")) as running:
        yield running
