"""What keeps a local server that writes files safe on a laptop, for any server of the project.

The server listens on 127.0.0.1 only. A page of another website open in the same browser can
still send requests to it, so: every request must name this server as its host (a DNS name
that resolves to 127.0.0.1 does not pass), every request that changes something must come from
this server's own pages (their Origin), and carry a token made for this run that only those
pages hold (in the page, never in a cookie, which the browser would add by itself).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

LOOPBACK = ("127.0.0.1", "localhost")
SAFE_METHODS = frozenset({"GET", "HEAD"})
TOKEN_HEADER = "x-kulturdialog-token"


def new_token() -> str:
    """A token for one run of the server."""
    return secrets.token_urlsafe(32)


def token_matches(expected: str, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


def local_hosts(port: int, names: Iterable[str] = LOOPBACK) -> frozenset[str]:
    """The Host headers under which this server is reached on ``port``."""
    return frozenset(f"{name}:{port}" for name in names)


class LocalOnly:
    """ASGI middleware: a request for another host is refused (400), a change from another
    origin is refused (403). Requests that only read pass on to ``app``."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts
        self.origins = frozenset(f"http://{host}" for host in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {
            key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]
        }
        if headers.get("host", "") not in self.hosts:
            refused = PlainTextResponse("This server answers only on 127.0.0.1.", 400)
            await refused(scope, receive, send)
            return
        changes = scope["type"] == "websocket" or scope.get("method") not in SAFE_METHODS
        if changes and headers.get("origin") not in self.origins:
            refused = PlainTextResponse("Requests from other sites are refused.", 403)
            await refused(scope, receive, send)
            return
        await self.app(scope, receive, send)
