"""Fixtures for the room: a copy of the bundled project, and ``kulturdialog room`` on it as a
real process that a test can stop, kill and start again."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from websockets.sync.client import ClientConnection, connect

from tests.editor.conftest import copy_project, free_port

GATHERING = "nasjonalt-dialogseminar-2023"
TASKS = ("dialogtema-1", "dialogtema-2")
_OPERATOR = re.compile(r"^(http://\S+)#operator=([A-Za-z0-9_-]+)$")


@dataclass
class Room:
    """``kulturdialog room`` on a project, at a port of 127.0.0.1."""

    project: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[str] | None = None
    output: list[str] = field(default_factory=list)
    secret: str = ""
    operator_url: str = ""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, timeout: float = 600) -> None:
        command = [sys.executable, "-m", "kulturdialog", "room", GATHERING]
        command += ["--address", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            command,
            cwd=self.project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=os.environ | {"PYTHONUNBUFFERED": "1"},
        )
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        self.output = []
        for line in self.process.stdout:
            self.output.append(line)
            found = _OPERATOR.match(line.strip())
            if found:
                self.operator_url, self.secret = line.strip(), found.group(2)
            if "Stop with Ctrl-C" in line:
                break
            assert time.monotonic() < deadline, "".join(self.output)
        else:
            raise AssertionError("the room did not start:\n" + "".join(self.output))
        self._wait_listening()

    def _wait_listening(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with self.socket():
                    return
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("the room does not listen")

    def socket(self) -> ClientConnection:
        origin = f"http://127.0.0.1:{self.port}"
        return connect(f"ws://127.0.0.1:{self.port}/_room/live", origin=origin, open_timeout=5)  # type: ignore[arg-type]

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=30)
        if self.process is not None and self.process.stdout is not None:
            self.process.stdout.close()
        self.process = None


BROADCASTS = ("state", "answer", "shown")
"""What the room tells every connection, whatever it asked."""


def ask(socket: ClientConnection, message: dict[str, Any]) -> dict[str, Any]:
    """The room's reply to ``message``, past what it tells every connection meanwhile (another
    page's operator may act at any moment)."""
    socket.send(json.dumps(message))
    while True:
        reply: dict[str, Any] = json.loads(socket.recv(timeout=10))
        if reply["type"] not in BROADCASTS:
            return reply


def send_answer(socket: ClientConnection, answer: dict[str, Any]) -> dict[str, Any]:
    """The room's reply to ``answer``, past what it tells every connection meanwhile (a state,
    another answer on the projector)."""
    socket.send(json.dumps(answer))
    while True:
        reply: dict[str, Any] = json.loads(socket.recv(timeout=10))
        if reply.get("id") == answer["id"] and reply["type"] in ("stored", "busy", "refused"):
            return reply


@pytest.fixture(scope="session")
def room_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("room") / "project")


@pytest.fixture
def room(room_project: Path) -> Iterator[Room]:
    served = Room(room_project)
    served.start()
    yield served
    served.kill(signal.SIGINT)
