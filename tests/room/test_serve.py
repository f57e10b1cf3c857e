"""``kulturdialog room``: clear errors before anything starts, nothing lost to ``kill -9``, and
the answers written as the gathering's feedback through the writer of ``feedback import``."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
import yaml

from kulturdialog.authoring.check import check
from kulturdialog.authoring.project import find
from kulturdialog.cli import main
from kulturdialog.content import load_content
from kulturdialog.room import serve
from kulturdialog.room.store import Answer, Store
from tests.editor.conftest import copy_project, free_port
from tests.room.conftest import GATHERING, TASKS, Room, ask, send_answer

KEY = f"gathering:{GATHERING}"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = copy_project(tmp_path / "project")
    monkeypatch.chdir(folder)
    return folder


def test_an_unknown_gathering_id_is_a_clear_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["room", "no-such-gathering"]) == 2
    err = capsys.readouterr().err
    assert "there is no gathering with the id 'no-such-gathering'" in err
    assert GATHERING in err, "the known ids are named"
    assert "Traceback" not in err
    assert not (project / "site").exists(), "nothing built for a room that cannot start"


@pytest.mark.parametrize("day", [0, 2, -1])
def test_an_unknown_day_is_a_clear_error(
    project: Path, capsys: pytest.CaptureFixture[str], day: int
) -> None:
    assert main(["room", GATHERING, "--day", str(day)]) == 2
    err = capsys.readouterr().err
    assert f"the gathering '{GATHERING}' has 1 day(s)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("address", ["nowhere", "0.0.0.0:0", "0.0.0.0:99999", ":8765"])
def test_a_bad_address_is_a_clear_error(
    project: Path, capsys: pytest.CaptureFixture[str], address: str
) -> None:
    assert main(["room", GATHERING, "--address", address]) == 2
    assert "give the address as HOST:PORT" in capsys.readouterr().err


def test_a_taken_port_is_a_clear_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["room", GATHERING, "--address", f"127.0.0.1:{port}"]) == 2
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err
    assert "Traceback" not in err


def test_a_second_room_server_on_the_same_store_is_refused_even_on_another_port(
    room: Room,
) -> None:
    assert room.process is not None
    address = f"127.0.0.1:{free_port()}"
    second = subprocess.run(
        [sys.executable, "-m", "kulturdialog", "room", GATHERING, "--address", address],
        cwd=room.project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 2, second.stdout + second.stderr
    said = f"another room server (process {room.process.pid}) is serving '{GATHERING}' from "
    assert said in second.stderr
    assert "Traceback" not in second.stderr and "listens on" not in second.stdout
    # The first serves on, untouched.
    with room.socket() as socket:
        assert ask(socket, {"type": "hello", "key": KEY})["type"] == "welcome"
    # The system lets go of the lock with the process, kill -9 too: a new start is not refused.
    room.kill()
    room.start()
    with room.socket() as socket:
        assert ask(socket, {"type": "hello", "key": KEY})["type"] == "welcome"


def test_the_room_prints_where_it_listens_and_both_addresses_with_codes(room: Room) -> None:
    printed = "".join(room.output)
    assert f"listens on 127.0.0.1:{room.port}" in printed
    assert f"http://127.0.0.1:{room.port}/gatherings/{GATHERING}/timer/#operator=" in printed
    assert f"http://127.0.0.1:{room.port}/gatherings/{GATHERING}/\n" in printed
    assert printed.count("█") > 100, "QR codes drawn in the terminal"
    assert len(room.secret) >= 32
    with urllib.request.urlopen(room.operator_url.split("#")[0]) as page:
        assert b"/_room/static/room.js" in page.read()


def test_a_new_secret_for_every_run(room: Room) -> None:
    first = room.secret
    room.kill()
    room.start()
    assert room.secret != first
    with room.socket() as socket:
        assert ask(socket, {"type": "hello", "key": KEY, "secret": first})["type"] == "refused"


def test_kill_9_and_a_restart_lose_nothing(room: Room) -> None:
    with room.socket() as operator, room.socket() as phone:
        welcome = ask(operator, {"type": "hello", "key": KEY, "secret": room.secret})
        seq = welcome["seq"]
        state = {"v": 1, "start": 600, "extra": {"1": 5}, "marker": "before the kill"}
        operator.send(
            json.dumps(
                {"type": "state", "secret": room.secret, "key": KEY, "base": seq, "state": state}
            )
        )
        assert json.loads(operator.recv(timeout=10))["seq"] == seq + 1
        # Every connection follows the room: the phone is told of the state too.
        assert json.loads(phone.recv(timeout=10))["state"] == state
        stored = []
        for n in range(5):
            ident = f"kill-nine-{seq:04}-{n}"
            answer = {"type": "answer", "id": ident, "phone": "kill-nine-phone", "task": TASKS[0]}
            # The phone hears of answers too while the projector shows the task's.
            reply = send_answer(phone, answer | {"group": n + 1, "points": ["x"]})
            assert reply == {"type": "stored", "id": ident}
            stored.append(ident)
    room.kill()  # SIGKILL: no clean shutdown, no last commit
    room.start()
    with room.socket() as operator:
        welcome = ask(operator, {"type": "hello", "key": KEY, "secret": room.secret})
    assert welcome["seq"] == seq + 1
    assert welcome["state"] == state
    kept = {answer["id"] for answer in welcome["answers"]}
    assert set(stored) <= kept


def test_write_feedback_writes_the_answers_through_the_feedback_writer(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    room = serve.plan(find(project), load_content(project / "content"), GATHERING, None)
    store = Store(room.store)
    store.add_answer(Answer("a-first-answer", TASKS[0], 2, ("To", "Tre"), "", _at(10)))
    store.add_answer(Answer("b-first-answer", TASKS[0], 1, ("En",), "Kort", _at(11)))
    # Group 1 sent again: its later answer counts.
    store.add_answer(Answer("c-later-answer", TASKS[0], 1, ("Én igjen",), "", _at(12)))
    store.add_answer(Answer("d-other-task", TASKS[1], 4, ("Fire",), "", _at(13)))
    store.close()
    assert main(["room", GATHERING, "--write-feedback"]) == 0
    written = sorted(project.joinpath("content").rglob("*tilbakemeldinger.yml"))
    assert len(written) == 2, capsys.readouterr()
    first = yaml.safe_load(next(p for p in written if TASKS[0] in p.name).read_text("utf-8"))
    assert [(e["group"], e["points"]) for e in first["entries"]] == [
        (1, ["Én igjen"]),
        (2, ["To", "Tre"]),
    ]
    assert check(project / "content").ok
    before = {path: path.read_bytes() for path in written}
    # Written again: nothing already there is overwritten, and the command says so.
    assert main(["room", GATHERING, "--write-feedback"]) == 1
    assert "already holds feedback" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in written} == before


def test_write_feedback_without_answers_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["room", GATHERING, "--write-feedback"]) == 2
    assert "no answers are kept" in capsys.readouterr().err
    assert not list(project.joinpath("content").rglob("*tilbakemeldinger.yml"))


def _at(minute: int) -> str:
    return f"2023-04-27T10:{minute:02}:00+02:00"
