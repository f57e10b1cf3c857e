"""``kulturdialog room``: one gathering's day served to the venue's network, and the groups'
answers written as its feedback afterwards."""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import segno
import uvicorn
from starlette.types import ASGIApp

from kulturdialog.authoring.feedback_import import ImportResult, Reply, write_replies
from kulturdialog.authoring.mail import Form
from kulturdialog.authoring.project import Project
from kulturdialog.content import content_files, load_content
from kulturdialog.editor.guard import new_token
from kulturdialog.editor.serve import CannotServe, host_and_port
from kulturdialog.errors import ContentError, display_path
from kulturdialog.library import Library
from kulturdialog.room.app import room_app
from kulturdialog.room.channel import MAX_MESSAGE, Channel, Task
from kulturdialog.room.store import Answer, Store
from kulturdialog.site import publish
from kulturdialog.views import urls

STORE_FOLDER = ".kulturdialog-room"
"""Beside mkdocs.yml: one SQLite file per gathering's day, kept until its owner deletes it."""


@dataclass(frozen=True)
class Plan:
    """One gathering's day in the room."""

    gathering: str
    day: int | None
    """The day's number, for a gathering over several days."""
    tasks: dict[str, Task]
    store: Path


def plan(project: Project, library: Library, gathering_id: str, day: int | None) -> Plan:
    """The room of ``gathering_id`` (on ``day``); raises CannotServe with every problem."""
    if gathering_id not in library.gatherings:
        known = ", ".join(sorted(library.gatherings)) or "none"
        raise CannotServe(f"there is no gathering with the id '{gathering_id}' (known: {known})")
    gathering = library.gathering(gathering_id)
    count = len(gathering.schedule)
    # One day needs no --day; several need one, and it must be one of them.
    chosen = day if day is not None else 1 if count == 1 else None
    if chosen is None or not 1 <= chosen <= count:
        which = (
            "give --day 1 or leave --day out"
            if count == 1
            else f"say which with --day 1 to {count}"
        )
        raise CannotServe(f"the gathering '{gathering_id}' has {count} day(s): {which}")
    tasks: dict[str, Task] = {}
    for ident in gathering.question_set_ids:
        qs = library.question_set(ident)
        priorities = qs.report_back.priorities if qs.report_back else None
        fewest, most = (priorities.min, priorities.max) if priorities else (1, 3)
        tasks[qs.id] = Task(qs.id, qs.title, qs.language, fewest, most)
    name = gathering_id + (f"-day-{day}" if count > 1 and day else "")
    return Plan(
        gathering_id,
        day if count > 1 else None,
        tasks,
        project.root / STORE_FOLDER / f"{name}.sqlite",
    )


def gathering_day(project: Project, gathering_id: str, day: int | None) -> tuple[Library, Plan]:
    """The content as it is now and the room of ``gathering_id`` (on ``day``) in it; raises
    CannotServe."""
    library = load(project)
    return library, plan(project, library, gathering_id, day)


def load(project: Project) -> Library:
    try:
        return load_content(project.content)
    except ContentError as error:
        raise CannotServe(
            f"the content has {len(error.problems)} problem(s); run kulturdialog check and fix "
            "them first"
        ) from None


def build_if_needed(project: Project) -> Path:
    """The built site in site/, built first when it is missing or older than the content."""
    site = project.root / "site"
    index = site / "index.html"
    sources = [*content_files(project.content), project.root / publish.CONFIG]
    docs = project.root / "docs"
    if docs.is_dir():
        sources += [path for path in docs.rglob("*") if path.is_file()]
    built = index.stat().st_mtime if index.exists() else None
    if built is None or any(path.stat().st_mtime > built for path in sources if path.exists()):
        print("Building the site …", flush=True)
        publish.build_site(project.root, site)
    return site


def _can_listen(host: str, port: int) -> None:
    """Raise CannotServe, before anything is built or printed, when the port is taken."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as why:
        raise CannotServe(
            f"cannot listen on {host}:{port} ({why.strerror}); is another server using it? "
            "Give another port with --address"
        ) from None


def network_host(host: str) -> str:
    """The address other devices reach this computer at: the one it would send from."""
    if host not in ("0.0.0.0", ""):
        return host
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        # No packet is sent: connecting a UDP socket only picks the outgoing interface.
        probe.connect(("10.255.255.255", 1))
        found: str = probe.getsockname()[0]
        return found
    return "127.0.0.1"


def addresses(room: Plan, public: str, secret: str) -> dict[str, str]:
    """Where the operator and the participants go."""
    timer = urls.page_url(urls.timer(room.gathering, room.day), True)
    participants = urls.page_url(urls.gathering(room.gathering), True)
    return {
        "operator": f"{public}/{timer}#operator={secret}",
        "participants": f"{public}/{participants}",
    }


def _show(address: str) -> None:
    segno.make(address, error="m").terminal(compact=True)
    print(address, flush=True)


def room_server(app: ASGIApp, host: str, port: int) -> uvicorn.Server:
    """The web server of the room: one process, websockets, messages no longer than the
    channel takes (a longer one closes the connection)."""
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        lifespan="off",
        ws="websockets-sansio",
        ws_max_size=MAX_MESSAGE * 4,
    )
    return uvicorn.Server(config)


def run(project: Project, gathering_id: str, day: int | None, address: str) -> None:
    """Serve the room of ``gathering_id`` at ``address`` until interrupted (Ctrl-C)."""
    host, port = host_and_port(address, "HOST:PORT, e.g. 0.0.0.0:8765")
    _, room = gathering_day(project, gathering_id, day)
    with _only_server(room):
        _can_listen(host, port)
        site = build_if_needed(project)
        store = Store(room.store)
        secret = new_token()
        public = f"http://{network_host(host)}:{port}"

        def write(answers: Sequence[Answer]) -> ImportResult:
            try:
                return write_answers(project, gathering_id, day, answers)
            except CannotServe as why:
                return ImportResult(problems=[str(why)])

        channel = Channel(store, secret, room.tasks, write=write)
        server = room_server(room_app(site, channel, public), host, port)
        where = addresses(room, public, secret)
        print(f"The room of '{gathering_id}' listens on {host}:{port} (trusted local network only)")
        print(f"Answers are kept in {room.store}")
        print("\nThe operator (keep this address to yourself; it changes with every start):")
        _show(where["operator"])
        print("\nThe participants:")
        _show(where["participants"])
        print("\nStop with Ctrl-C.", flush=True)
        try:
            server.run()
        finally:
            store.close()


@contextlib.contextmanager
def _only_server(room: Plan) -> Iterator[None]:
    """One room server at a time on a store, whatever its port: a lock (``flock``) on a file
    beside the store, held while this one serves; the system lets go of it when the process
    ends, ``kill -9`` too. Raises CannotServe when another server holds it."""
    path = room.store.with_name(room.store.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 32).decode("ascii", "replace").strip()
        os.close(fd)
        by = f" (process {holder})" if holder.isdigit() else ""
        raise CannotServe(
            f"another room server{by} is serving '{room.gathering}' from "
            f"{display_path(room.store)}; use its addresses, or stop it (Ctrl-C where it "
            "runs) and start this one again"
        ) from None
    try:
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        yield
    finally:
        os.close(fd)


def write_feedback(project: Project, gathering_id: str, day: int | None) -> ImportResult:
    """The answers kept for ``gathering_id`` (``day``) written as its feedback files, through the
    writer of ``feedback import``: new files only, nothing over what exists."""
    _, room = gathering_day(project, gathering_id, day)
    if not room.store.exists():
        raise CannotServe(f"no answers are kept for '{gathering_id}' yet ({room.store})")
    store = Store(room.store)
    try:
        answers = store.answers()
    finally:
        store.close()
    return write_answers(project, gathering_id, day, answers)


def write_answers(
    project: Project, gathering_id: str, day: int | None, answers: Sequence[Answer]
) -> ImportResult:
    """``answers`` written as the feedback of ``gathering_id`` (``day``), against the content as
    it is now (a file written since the room started is not written over)."""
    library, room = gathering_day(project, gathering_id, day)
    replies = [
        Reply(
            Path(f"room answer {answer.id}"),
            library.question_set(answer.task),
            Form(answer.group, list(answer.points), answer.comment or None),
            datetime.fromisoformat(answer.received),
        )
        for answer in answers
        if answer.task in room.tasks
    ]
    if not replies:
        return ImportResult(report=[f"no answers are kept for '{gathering_id}' yet"])
    # A group that sent twice meant its later answer: the writer keeps the latest per group.
    return write_replies(library, gathering_id, replies)
