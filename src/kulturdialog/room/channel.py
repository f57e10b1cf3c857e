"""The live channel of the room: an authenticated relay for the run model's state, and the
groups' answers in.

The rules of the run live in the pages' run model (run-model.js) only. Here a message is checked
for its shape and size, an operator's state is stored after the sequence number it was made on
and sent to every screen, and a group's answer is committed before its phone hears it arrived.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from starlette.websockets import WebSocket, WebSocketDisconnect

from kulturdialog.authoring.feedback_import import ImportResult
from kulturdialog.editor.guard import token_matches
from kulturdialog.errors import display_path
from kulturdialog.room.store import Answer, Store

MAX_MESSAGE = 64 * 1024
"""The most characters one message may have: a run state is a few kilobytes."""
MAX_POINT = 300
MAX_COMMENT = 1000
MAX_GROUP = 99
MAX_KEYS = 64
"""How many programmes the store keeps states for: a gathering's days and a few packages."""
BURST = 10
"""How many answers a phone may send at once (a queue kept while it was offline) …"""
REFILL_SECONDS = 2.0
"""… and how often it may send one more after that."""
MAX_PHONES = 2000
"""How many phones' rates the channel keeps at once: a room's worth many times over."""
SEND_TIMEOUT = 5.0

_T = TypeVar("_T")
_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
_KEY = re.compile(r"[a-z]+:[A-Za-z0-9_.:/-]{1,200}")


@dataclass(frozen=True)
class Task:
    """A group task the phones can answer."""

    id: str
    title: str
    language: str
    fewest: int
    most: int


class Refused(Exception):
    """A message that is not one the channel takes; the text says why."""


@dataclass(eq=False)
class Peer:
    """One open connection: a screen, a phone or, with the secret, an operator."""

    socket: WebSocket
    operator: bool = False


@dataclass
class Rate:
    """How many answers one phone may send now: a bucket of BURST, one more every
    REFILL_SECONDS."""

    tokens: float = BURST
    filled: float = field(default_factory=time.monotonic)

    def refill(self, now: float) -> None:
        self.tokens = min(BURST, self.tokens + (now - self.filled) / REFILL_SECONDS)
        self.filled = now

    def take(self, now: float) -> bool:
        self.refill(now)
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class Rates:
    """Each phone's rate by the phone's own id, not by its connection: a phone that
    reconnects (or opens a second one) goes on where it was. A phone whose bucket is full again
    is forgotten when room is needed; with every bucket in use, no new phone may send."""

    def __init__(self, most: int = MAX_PHONES, clock: Callable[[], float] = time.monotonic) -> None:
        self.most = most
        self.clock = clock
        self.phones: dict[str, Rate] = {}

    def may_answer(self, phone: str) -> bool:
        now = self.clock()
        rate = self.phones.get(phone)
        if rate is None:
            if len(self.phones) >= self.most:
                for rate in self.phones.values():
                    rate.refill(now)
                self.phones = {k: v for k, v in self.phones.items() if v.tokens < BURST}
                if len(self.phones) >= self.most:
                    return False
            rate = self.phones[phone] = Rate(filled=now)
        return rate.take(now)


def answer_from(message: Mapping[str, Any], tasks: Mapping[str, Task], received: str) -> Answer:
    """The answer ``message`` carries; raises Refused with why when it is not one."""
    ident = message.get("id")
    if not isinstance(ident, str) or not _ID.fullmatch(ident):
        raise Refused("the answer has no id of 8 to 64 letters, digits, - or _")
    named = message.get("task")
    task = tasks.get(named) if isinstance(named, str) else None
    if task is None:
        raise Refused("the answer is for no group task of this gathering")
    group = message.get("group")
    if type(group) is not int or not 1 <= group <= MAX_GROUP:
        raise Refused(f"the group is a number from 1 to {MAX_GROUP}")
    raw = message.get("points")
    if not isinstance(raw, list) or not all(isinstance(point, str) for point in raw):
        raise Refused("the points are a list of texts")
    points = tuple(" ".join(point.split()) for point in raw if point.strip())
    if not task.fewest <= len(points) <= task.most:
        raise Refused(f"give {task.fewest} to {task.most} points")
    if any(len(point) > MAX_POINT for point in points):
        raise Refused(f"a point has at most {MAX_POINT} characters")
    comment = message.get("comment", "")
    if not isinstance(comment, str) or len(comment) > MAX_COMMENT:
        raise Refused(f"the comment is a text of at most {MAX_COMMENT} characters")
    return Answer(ident, task.id, group, points, comment.strip(), received)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class Channel:
    """Everyone connected to one room, and what they may do."""

    store: Store
    secret: str
    tasks: Mapping[str, Task]
    clock: Callable[[], str] = _now
    peers: set[Peer] = field(default_factory=set)
    write: Callable[[Sequence[Answer]], ImportResult] | None = None
    """Writes answers as the gathering's feedback (the writer of ``feedback import``)."""
    rates: Rates = field(default_factory=Rates)
    writer: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="kulturdialog-room")
    )

    async def serve(self, socket: WebSocket) -> None:
        await socket.accept()
        peer = Peer(socket)
        self.peers.add(peer)
        try:
            while True:
                text = await socket.receive_text()
                reply = await self.handle(peer, text)
                if reply is not None:
                    await socket.send_text(json.dumps(reply, ensure_ascii=False))
        except (WebSocketDisconnect, RuntimeError):
            pass
        finally:
            self.peers.discard(peer)

    async def handle(self, peer: Peer, text: str) -> dict[str, Any] | None:
        """What ``peer`` asks in ``text``: the reply to it, after telling the others."""
        message: Any = None
        try:
            if len(text) > MAX_MESSAGE:
                raise Refused(f"a message has at most {MAX_MESSAGE} characters")
            try:
                message = json.loads(text)
            except ValueError:
                raise Refused("a message is a JSON object") from None
            if not isinstance(message, dict):
                raise Refused("a message is a JSON object")
            kind = message.get("type")
            if kind == "hello":
                return await self._hello(peer, message)
            if kind == "answer":
                return await self._answer(peer, message)
            if kind in ("state", "show", "write"):
                if not self._operator(message):
                    raise Refused("only the operator's address can change the room")
                if kind == "state":
                    return await self._state(message)
                if kind == "write":
                    return await self._write()
                return await self._show(message)
            raise Refused("unknown message type")
        except Refused as why:
            ident = message.get("id") if isinstance(message, dict) else None
            return {
                "type": "refused",
                "id": ident if isinstance(ident, str) else None,
                "why": str(why),
            }

    def _operator(self, message: Mapping[str, Any]) -> bool:
        given = message.get("secret")
        return isinstance(given, str) and token_matches(self.secret, given)

    async def _hello(self, peer: Peer, message: Mapping[str, Any]) -> dict[str, Any]:
        if "secret" in message and not self._operator(message):
            raise Refused("this is not the operator's address of this run")
        peer.operator = "secret" in message
        key = message.get("key")
        seq, state = await self._kept(self.store.state, key) if isinstance(key, str) else (0, None)
        # A second programme the page reads (the speaker view: its package's message).
        also = message.get("also")
        if isinstance(also, str) and _KEY.fullmatch(also):
            also_seq, also_state = await self._kept(self.store.state, also)
            followed = {"key": also, "seq": also_seq, "state": also_state}
        else:
            followed = None
        shown = await self._kept(self.store.shown)
        answers = [
            answer.as_json()
            for answer in await self._kept(self.store.answers)
            if peer.operator or answer.task == shown
        ]
        return {
            "type": "welcome",
            "operator": peer.operator,
            "key": key,
            "seq": seq,
            "state": state,
            "also": followed,
            "shown": shown,
            "answers": answers,
            "tasks": [{"id": task.id, "title": task.title} for task in self.tasks.values()],
        }

    async def _state(self, message: Mapping[str, Any]) -> dict[str, Any] | None:
        key, base, state = message.get("key"), message.get("base"), message.get("state")
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            raise Refused("the state has no programme key")
        if type(base) is not int or base < 0:
            raise Refused("the state has no sequence number it follows")
        if not isinstance(state, dict):
            raise Refused("a state is a JSON object")
        kept = await self._kept(self.store.states)
        if key not in kept and len(kept) >= MAX_KEYS:
            raise Refused("the room keeps no more programmes")
        seq = await self._kept(self.store.put_state, key, base, state)
        if seq is None:
            # Another operator came first: the sender acts again on the newer state.
            current, newer = await self._kept(self.store.state, key)
            return {"type": "conflict", "key": key, "seq": current, "state": newer}
        await self.broadcast({"type": "state", "key": key, "seq": seq, "state": state})
        return None

    async def _show(self, message: Mapping[str, Any]) -> dict[str, Any] | None:
        task = message.get("task")
        if task is not None and task not in self.tasks:
            raise Refused("there is no such group task")
        await self._kept(self.store.show, task)
        every = await self._kept(self.store.answers)
        answers = [answer.as_json() for answer in every if answer.task == task]
        await self.broadcast({"type": "shown", "shown": task, "answers": answers})
        return None

    async def _write(self) -> dict[str, Any]:
        if self.write is None:
            raise Refused("this room cannot write feedback")
        answers = await self._kept(self.store.answers)
        # Beside the store's thread: reading the content takes a moment, answers keep coming.
        result = await asyncio.to_thread(self.write, answers)
        return {
            "type": "written",
            "files": [display_path(path) for path in result.written],
            "report": result.report,
            "problems": result.problems,
        }

    async def _answer(self, peer: Peer, message: Mapping[str, Any]) -> dict[str, Any]:
        phone = message.get("phone")
        if not isinstance(phone, str) or not _ID.fullmatch(phone):
            raise Refused("the answer has no phone id of 8 to 64 letters, digits, - or _")
        if not self.rates.may_answer(phone):
            # Kept on the phone and sent again a little later.
            ident = message.get("id")
            return {"type": "busy", "id": ident if isinstance(ident, str) else None}
        answer = answer_from(message, self.tasks, self.clock())
        new = await self._kept(self.store.add_answer, answer)
        # Committed: now the phone may hear it arrived, and the operators see it.
        if new:
            shown = await self._kept(self.store.shown)
            await self.broadcast(
                {"type": "answer", "answer": answer.as_json()},
                lambda other: other.operator or answer.task == shown,
            )
        return {"type": "stored", "id": answer.id}

    async def _kept(self, work: Callable[..., _T], *args: Any) -> _T:
        """``work`` on the store, in the one thread that writes it: the wait for the disk
        holds up neither the screens nor the other phones."""
        return await asyncio.get_running_loop().run_in_executor(self.writer, work, *args)

    async def broadcast(
        self, message: dict[str, Any], to: Callable[[Peer], bool] = lambda peer: True
    ) -> None:
        text = json.dumps(message, ensure_ascii=False)
        peers = [peer for peer in self.peers if to(peer)]
        sends = asyncio.gather(
            *(peer.socket.send_text(text) for peer in peers), return_exceptions=True
        )
        try:
            results = await asyncio.wait_for(sends, SEND_TIMEOUT)
        except TimeoutError:
            return
        for peer, result in zip(peers, results, strict=True):
            if isinstance(result, BaseException):
                # A screen that went away: it reconnects and is welcomed afresh.
                self.peers.discard(peer)
