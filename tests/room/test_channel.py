"""The room's channel in process: operators change the room, nobody else can; answers are
committed before their phone is told, stored once, limited and kept as plain text."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient
from starlette.testclient import WebSocketTestSession as Socket
from starlette.websockets import WebSocketDisconnect

from kulturdialog.authoring.feedback_import import ImportResult
from kulturdialog.room.app import room_app
from kulturdialog.room.channel import (
    BURST,
    MAX_COMMENT,
    MAX_MESSAGE,
    MAX_POINT,
    REFILL_SECONDS,
    Channel,
    Rates,
    Task,
)
from kulturdialog.room.store import Answer, Store
from kulturdialog.site import staging

SECRET = "the-secret-of-this-run-0123456789"
TASK = Task("samarbeid", "Samarbeid", "nb", 1, 3)
KEY = "gathering:dialogmote"
HOST = "testserver"
ORIGIN = {"origin": f"http://{HOST}"}
STATE = {"v": 1, "start": 570, "extra": {}, "at": 1}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "index.html").write_text("<html><body><p>Hei</p></body></html>", "utf-8")
    return folder


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    kept = Store(tmp_path / "room.sqlite")
    yield kept
    kept.close()


@pytest.fixture
def writes() -> list[list[Answer]]:
    """The answers each call of the feedback writer was given."""
    return []


@pytest.fixture
def client(site: Path, store: Store, writes: list[list[Answer]]) -> Iterator[TestClient]:
    def write(answers: Sequence[Answer]) -> ImportResult:
        writes.append(list(answers))
        return ImportResult(written=[Path("feedback.yml")], report=["wrote feedback.yml"])

    channel = Channel(store, SECRET, {TASK.id: TASK}, write=write)
    with TestClient(room_app(site, channel, "http://192.0.2.1:8765")) as test:
        yield test


def ask(socket: Socket, message: dict[str, Any]) -> dict[str, Any]:
    socket.send_text(json.dumps(message))
    reply: dict[str, Any] = socket.receive_json()
    return reply


def hello(socket: Socket, secret: str | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"type": "hello", "key": KEY}
    if secret is not None:
        message["secret"] = secret
    return ask(socket, message)


def answer(ident: str = "phone-answer-1", **fields: Any) -> dict[str, Any]:
    return {
        "type": "answer",
        "id": ident,
        "phone": "phone-of-group-3",
        "task": TASK.id,
        "group": 3,
        "points": ["Mer samarbeid"],
        "comment": "",
    } | fields


def test_the_site_is_served_with_the_rooms_script(client: TestClient) -> None:
    page = client.get("/").text
    assert '<script src="/_room/static/room.js" defer></script></body>' in page
    # The one connection both scripts use comes first, and is served.
    assert page.index("/_room/static/socket.js") < page.index("/_room/static/room.js")
    assert "KulturdialogRoomSocket" in client.get("/_room/static/socket.js").text


def test_nothing_but_the_site_and_the_channel_is_served(client: TestClient) -> None:
    assert client.get("/../pyproject.toml").status_code == 404
    assert client.get("/_room/answer/no-such-task").status_code == 404
    assert client.get("/_room/code/no-such-task.svg").status_code == 404


def test_the_build_mark_is_no_page_of_the_site_served(site: Path, client: TestClient) -> None:
    (site / staging.MARK).write_text(staging.MARK_NOTE + "index.html\n", "utf-8")
    for path in (staging.MARK, f"./{staging.MARK}", f"sub/../{staging.MARK}"):
        assert client.get(f"/{path}").status_code == 404, path
    assert client.get("/index.html").status_code == 200


def test_a_socket_from_another_site_is_closed(client: TestClient) -> None:
    with (
        pytest.raises(WebSocketDisconnect),
        client.websocket_connect("/_room/live", headers={"origin": "http://evil.example"}) as ws,
    ):
        ws.receive_text()


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET[:-1], SECRET + "x"])
def test_every_operator_action_is_refused_without_the_secret_and_with_a_wrong_one(
    client: TestClient, store: Store, writes: list[list[Answer]], secret: str | None
) -> None:
    with client.websocket_connect("/_room/live", headers=ORIGIN) as ws:
        welcome = hello(ws, secret) if secret is None else None
        if welcome is not None:
            assert welcome["operator"] is False
        for action in (
            {"type": "state", "key": KEY, "base": 0, "state": STATE},
            {"type": "show", "task": TASK.id},
            {"type": "show", "task": None},
            {"type": "write"},
        ):
            if secret is not None:
                action = action | {"secret": secret}
            reply = ask(ws, action)
            assert reply["type"] == "refused", action
    assert store.state(KEY) == (0, None)
    assert store.shown() is None
    assert writes == [], "no feedback written"


def test_the_operator_writes_the_answers_as_feedback_through_the_writer(
    client: TestClient, writes: list[list[Answer]]
) -> None:
    with (
        client.websocket_connect("/_room/live", headers=ORIGIN) as operator,
        client.websocket_connect("/_room/live", headers=ORIGIN) as phone,
    ):
        hello(operator, SECRET)
        ask(phone, answer("first-answer"))
        ask(phone, answer("second-answer", group=4))
        for _ in range(2):
            assert operator.receive_json()["type"] == "answer"
        reply = ask(operator, {"type": "write", "secret": SECRET})
    assert reply == {
        "type": "written",
        "files": ["feedback.yml"],
        "report": ["wrote feedback.yml"],
        "problems": [],
    }
    assert [[a.id for a in answers] for answers in writes] == [["first-answer", "second-answer"]]


def test_a_wrong_secret_in_hello_is_refused(client: TestClient) -> None:
    with client.websocket_connect("/_room/live", headers=ORIGIN) as ws:
        assert hello(ws, "wrong")["type"] == "refused"


def test_an_operators_state_reaches_every_screen(client: TestClient, store: Store) -> None:
    with (
        client.websocket_connect("/_room/live", headers=ORIGIN) as operator,
        client.websocket_connect("/_room/live", headers=ORIGIN) as screen,
    ):
        assert hello(operator, SECRET)["operator"] is True
        assert hello(screen)["seq"] == 0
        operator.send_text(
            json.dumps({"type": "state", "secret": SECRET, "key": KEY, "base": 0, "state": STATE})
        )
        for ws in (operator, screen):
            assert ws.receive_json() == {"type": "state", "key": KEY, "seq": 1, "state": STATE}
    assert store.state(KEY) == (1, STATE)


def test_two_operators_at_once_the_later_acts_again_on_the_newer_state(
    client: TestClient,
) -> None:
    with (
        client.websocket_connect("/_room/live", headers=ORIGIN) as first,
        client.websocket_connect("/_room/live", headers=ORIGIN) as second,
    ):
        hello(first, SECRET)
        hello(second, SECRET)
        mine = STATE | {"start": 600}
        theirs = STATE | {"start": 630}
        first.send_text(
            json.dumps({"type": "state", "secret": SECRET, "key": KEY, "base": 0, "state": mine})
        )
        assert first.receive_json()["seq"] == 1
        assert second.receive_json() == {"type": "state", "key": KEY, "seq": 1, "state": mine}
        # The second made its change on sequence 0 too: told of the newer state instead.
        conflict = ask(
            second, {"type": "state", "secret": SECRET, "key": KEY, "base": 0, "state": theirs}
        )
        assert conflict == {"type": "conflict", "key": KEY, "seq": 1, "state": mine}
        second.send_text(
            json.dumps({"type": "state", "secret": SECRET, "key": KEY, "base": 1, "state": theirs})
        )
        assert first.receive_json()["state"] == theirs
        assert second.receive_json()["seq"] == 2


def test_an_answer_is_committed_before_its_phone_is_told(
    client: TestClient, tmp_path: Path
) -> None:
    with client.websocket_connect("/_room/live", headers=ORIGIN) as phone:
        assert ask(phone, answer()) == {"type": "stored", "id": "phone-answer-1"}
        # Another connection to the file sees it: on the disk, not only in this process.
        other = Store(tmp_path / "room.sqlite")
        assert [a.id for a in other.answers()] == ["phone-answer-1"]
        other.close()


def test_an_answer_sent_twice_is_stored_once(client: TestClient, store: Store) -> None:
    with client.websocket_connect("/_room/live", headers=ORIGIN) as phone:
        assert ask(phone, answer())["type"] == "stored"
        assert ask(phone, answer(points=["changed"]))["type"] == "stored"
    assert len(store.answers()) == 1
    assert store.answers()[0].points == ("Mer samarbeid",)


def test_answers_appear_on_the_operators_screen_and_the_shown_projector(
    client: TestClient,
) -> None:
    with (
        client.websocket_connect("/_room/live", headers=ORIGIN) as operator,
        client.websocket_connect("/_room/live", headers=ORIGIN) as projector,
        client.websocket_connect("/_room/live", headers=ORIGIN) as phone,
    ):
        hello(operator, SECRET)
        hello(projector)
        ask(phone, answer())
        assert operator.receive_json()["answer"]["id"] == "phone-answer-1"
        operator.send_text(json.dumps({"type": "show", "secret": SECRET, "task": TASK.id}))
        shown = projector.receive_json()
        assert shown["type"] == "shown" and shown["shown"] == TASK.id
        assert [a["id"] for a in shown["answers"]] == ["phone-answer-1"]
        operator.receive_json()
        ask(phone, answer("phone-answer-2", group=4))
        assert projector.receive_json()["answer"]["group"] == 4


def test_answers_are_limited_in_rate_per_phone(client: TestClient, store: Store) -> None:
    with client.websocket_connect("/_room/live", headers=ORIGIN) as phone:
        replies = [ask(phone, answer(f"phone-answer-{n:03}"))["type"] for n in range(BURST + 5)]
    assert replies[:BURST] == ["stored"] * BURST
    assert set(replies[BURST:]) == {"busy"}
    assert len(store.answers()) == BURST


def test_a_phone_that_reconnects_does_not_reset_its_limit(client: TestClient, store: Store) -> None:
    with client.websocket_connect("/_room/live", headers=ORIGIN) as phone:
        for n in range(BURST):
            assert ask(phone, answer(f"before-reconnect-{n:03}"))["type"] == "stored"
    for attempt in range(3):
        # A new connection, as after a lost network or a reload: the same phone, the same limit.
        with client.websocket_connect("/_room/live", headers=ORIGIN) as again:
            reply = ask(again, answer(f"after-reconnect-{attempt:03}"))
            assert reply == {"type": "busy", "id": f"after-reconnect-{attempt:03}"}
    # Another phone in the room is not held up by this one.
    with client.websocket_connect("/_room/live", headers=ORIGIN) as other:
        assert ask(other, answer("other-phones-answer", phone="phone-of-group-4"))["type"] == (
            "stored"
        )
    assert len(store.answers()) == BURST + 1


def test_a_phones_limit_fills_again_with_time() -> None:
    now = [1000.0]
    rates = Rates(clock=lambda: now[0])
    assert all(rates.may_answer("phone-one") for _ in range(BURST))
    assert not rates.may_answer("phone-one")
    now[0] += REFILL_SECONDS
    assert rates.may_answer("phone-one")
    assert not rates.may_answer("phone-one")


def test_with_every_phones_limit_in_use_a_new_phone_waits() -> None:
    now = [1000.0]
    rates = Rates(most=3, clock=lambda: now[0])
    for phone in ("phone-one", "phone-two", "phone-three"):
        assert rates.may_answer(phone)
    assert not rates.may_answer("phone-four"), "no room to keep a fourth phone's rate"
    # A phone whose bucket is full again is forgotten to make room; one still in use is kept.
    now[0] += REFILL_SECONDS * BURST
    assert rates.may_answer("phone-two")
    assert rates.may_answer("phone-four")
    assert set(rates.phones) == {"phone-two", "phone-four"}


BAD_ANSWERS: list[dict[str, Any]] = [
    answer(id="short"),
    answer(id="with spaces in it"),
    answer(id=7),
    answer(task="no-such-task"),
    answer(group=0),
    answer(group=100),
    answer(group="3"),
    answer(group=True),
    answer(points=[]),
    answer(points=["a", "b", "c", "d"]),
    answer(points=["x" * (MAX_POINT + 1)]),
    answer(points="not a list"),
    answer(points=[1]),
    answer(comment="x" * (MAX_COMMENT + 1)),
    answer(comment=["no"]),
    answer(phone=None),
    answer(phone="short"),
    answer(phone="a phone with spaces"),
]


@pytest.mark.parametrize("bad", BAD_ANSWERS)
def test_a_bad_answer_is_refused_and_nothing_stored(
    client: TestClient, store: Store, bad: dict[str, Any]
) -> None:
    with client.websocket_connect("/_room/live", headers=ORIGIN) as phone:
        assert ask(phone, bad)["type"] == "refused"
    assert store.answers() == []


def test_a_message_too_long_or_not_json_is_refused(client: TestClient) -> None:
    with client.websocket_connect("/_room/live", headers=ORIGIN) as phone:
        phone.send_text("x" * (MAX_MESSAGE + 1))
        assert phone.receive_json()["type"] == "refused"
        phone.send_text("{not json")
        assert phone.receive_json()["type"] == "refused"
        phone.send_text("[1, 2]")
        assert phone.receive_json()["type"] == "refused"


# No deadline: each example opens two connections, slow on a busy machine; speed is the
# benchmark's to measure.
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    points=st.lists(st.text(min_size=1, max_size=MAX_POINT), min_size=1, max_size=3),
    comment=st.text(max_size=MAX_COMMENT),
)
def test_a_hostile_answer_is_kept_as_the_text_it_is(
    client: TestClient, store: Store, points: list[str], comment: str
) -> None:
    # Script tags, quotes and control characters alike: stored as text, sent back as text.
    points = [f"<script>alert({i})</script>{p}" for i, p in enumerate(points)]
    with client.websocket_connect("/_room/live", headers=ORIGIN) as operator:
        hello(operator, SECRET)
        with client.websocket_connect("/_room/live", headers=ORIGIN) as phone:
            ident = f"hostile-{len(store.answers()):06}"
            sent = answer(ident, points=points, comment=comment, phone=f"phone-{ident}")
            assert ask(phone, sent)["type"] == "stored"
        seen = operator.receive_json()["answer"]
    kept = [" ".join(p.split()) for p in points]
    assert seen["points"] == kept
    assert seen["comment"] == comment.strip()
    assert store.answers()[-1].points == tuple(kept)
