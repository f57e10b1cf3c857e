"""``kulturdialog serve``: the preview and the editor at one address on 127.0.0.1.

mkdocs' own preview (its live-reload server, unchanged) runs on a free port of 127.0.0.1 in
the main thread, where Ctrl-C reaches it as before; the editor's server runs beside it in a
thread, on the address the author opens, and passes every other request through to it.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from urllib.parse import urlsplit

import uvicorn

from kulturdialog.authoring.project import Project
from kulturdialog.editor.app import PREFIX, editor_app
from kulturdialog.editor.guard import LOOPBACK, local_hosts, new_token
from kulturdialog.site import publish


class CannotServe(Exception):
    """A server (the editor's or the room's) that cannot start: the text says what to change.
    Raised before anything is built or printed."""


def host_and_port(address: str, example: str) -> tuple[str, int]:
    """``host:port`` split; raises ``CannotServe`` asking for an address like ``example``."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise CannotServe(f"{address}: give the address as {example}")
    return host, int(port)


def split_address(address: str) -> tuple[str, int]:
    """``host:port`` as a loopback host and a port; raises ``CannotServe``."""
    host, _, _ = address.rpartition(":")
    if host not in LOOPBACK:
        raise CannotServe(
            f"{address}: the editor writes files, so it listens on 127.0.0.1 only; "
            "give --address 127.0.0.1:PORT, or serve without the editor (--no-editor)"
        )
    return "127.0.0.1", host_and_port(address, "127.0.0.1:PORT")[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


SERVING = "Serving on "
"""How mkdocs' preview says where it serves the site."""


class _Address(logging.Filter):
    """Names the address the author opens where mkdocs would name its own, inner one: the
    editor's host and port, with the path mkdocs serves the site under (a project site's
    ``/<repo>/``), and the editor's own address."""

    def __init__(self, origin: str) -> None:
        super().__init__()
        self.origin = origin

    def filter(self, record: logging.LogRecord) -> bool:
        said = record.getMessage()
        if SERVING in said:
            # mkdocs' preview puts the time before its words.
            before, _, inner = said.partition(SERVING)
            path = urlsplit(inner.split()[0]).path or "/"
            where = f"{self.origin}{path} (the editor: {self.origin}{PREFIX}/)"
            record.msg = f"{before}{SERVING}{where}"
            record.args = ()
        return True


def run(project: Project, address: str) -> None:
    """Serve ``project``'s preview with the editor at ``address`` until interrupted."""
    _, port = split_address(address)
    inner = free_port()
    app = editor_app(project, new_token(), local_hosts(port), f"http://127.0.0.1:{inner}")
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )

    def listen() -> None:
        # uvicorn exits when it cannot listen; the author hears of it from ``run``.
        with contextlib.suppress(SystemExit):
            server.run()

    thread = threading.Thread(target=listen, name="kulturdialog-editor", daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        time.sleep(0.05)
    if not thread.is_alive():
        raise CannotServe(f"cannot listen on 127.0.0.1:{port}; is it in use?")
    address_filter = _Address(f"http://127.0.0.1:{port}")
    logging.getLogger("mkdocs.livereload").addFilter(address_filter)
    try:
        publish.serve_site(project.root, f"127.0.0.1:{inner}")
    finally:
        logging.getLogger("mkdocs.livereload").removeFilter(address_filter)
        server.should_exit = True
        thread.join(timeout=5)
