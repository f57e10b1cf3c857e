"""Passing the browser's requests through to mkdocs' preview, which runs on a port of its own.

Only reading requests pass (GET, HEAD); the preview's live reload is a long-polling GET, so it
passes too. An HTML page may be changed on its way (the edit link); anything else streams
through as it is.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse

HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host"}
)

PageFilter = Callable[[str, str], Awaitable[str]]
"""Changes an HTML page on its way: (path, html) to the new html."""


class Preview:
    """The mkdocs preview at ``upstream`` (such as ``http://127.0.0.1:8123``)."""

    def __init__(self, upstream: str, page_filter: PageFilter | None = None) -> None:
        # No read timeout: the live reload's request waits up to a minute for a rebuild.
        self.client = httpx.AsyncClient(
            base_url=upstream, timeout=httpx.Timeout(10.0, read=None), follow_redirects=False
        )
        self.page_filter = page_filter

    async def handle(self, request: Request) -> Response:
        if request.method not in ("GET", "HEAD"):
            return PlainTextResponse("The preview only shows pages.", 405)
        headers = [(key, value) for key, value in request.headers.items() if key not in HOP_BY_HOP]
        outgoing = self.client.build_request(
            request.method,
            httpx.URL(path=request.url.path, query=request.url.query.encode("latin-1")),
            headers=headers,
        )
        try:
            answer = await self.client.send(outgoing, stream=True)
        except httpx.TransportError:
            return PlainTextResponse(
                "The preview is still being built; reload the page in a moment.",
                503,
                headers={"Retry-After": "1"},
            )
        kept = {
            key: value
            for key, value in answer.headers.items()
            if key not in HOP_BY_HOP and key != "content-length"
        }
        is_html = answer.headers.get("content-type", "").startswith("text/html")
        if is_html and self.page_filter is not None and request.method == "GET":
            body = await answer.aread()
            await answer.aclose()
            html = await self.page_filter(request.url.path, body.decode("utf-8", "replace"))
            return Response(html.encode("utf-8"), answer.status_code, headers=kept)
        return StreamingResponse(
            answer.aiter_raw(),
            answer.status_code,
            headers=kept,
            background=BackgroundTask(answer.aclose),
        )

    async def close(self) -> None:
        await self.client.aclose()
