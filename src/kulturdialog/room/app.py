"""The room's web application: the built site, the live channel and the groups' answer form.

It serves that and nothing else. Each page of the site gets the room's script on its way out,
so the static site itself stays as it is and works without this server.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import Scope
from starlette.websockets import WebSocket

from kulturdialog.room.channel import MAX_COMMENT, MAX_GROUP, MAX_POINT, Channel
from kulturdialog.site import staging
from kulturdialog.views.environment import loader_with_partials
from kulturdialog.views.labels import label
from kulturdialog.views.qr import qr_code

PREFIX = "/_room"
ROOM_LABELS = (
    "room_group",
    "room_points",
    "room_point",
    "room_comment",
    "room_send",
    "room_sending",
    "room_stored",
    "room_kept",
    "room_refused",
    "room_answers",
    "room_answers_none",
    "room_show",
    "room_hide",
    "room_scan",
    "room_offline",
    "room_write",
    "room_written",
    "room_wrote",
    "room_not_written",
    "room_nothing_to_write",
)


@cache
def _templates() -> Environment:
    return Environment(
        loader=loader_with_partials("kulturdialog.room"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def words(language: str) -> dict[str, str]:
    """The room's labels in ``language``, from the one translation table."""
    return {key: label(key, language) for key in ROOM_LABELS}


class SiteFiles(StaticFiles):
    """The built site, each HTML page with the room's script added before ``</body>``; the
    build's mark, which is no page of the site, is not served."""

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        if Path(path).parts == (staging.MARK,):
            return "", None
        return super().lookup_path(path)

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        if not str(full_path).endswith(".html"):
            return super().file_response(full_path, stat_result, scope, status_code)
        page = Path(full_path).read_text("utf-8")
        scripts = _templates().get_template("scripts.html").render(prefix=PREFIX).strip()
        head, end, tail = page.rpartition("</body>")
        page = f"{head}{scripts}{end}{tail}" if end else page + scripts
        return HTMLResponse(page, status_code, headers={"cache-control": "no-store"})


def room_app(site: Path, channel: Channel, public: str) -> Starlette:
    """The application serving ``site`` and ``channel``; ``public`` is the address phones use
    (``http://host:port``), for the codes on the projector."""

    async def live(socket: WebSocket) -> None:
        # Another site's page in the same browser must not talk to the room.
        host = socket.headers.get("host", "")
        if socket.headers.get("origin") != f"http://{host}":
            await socket.close(code=1008)
            return
        await channel.serve(socket)

    def answer_form(request: Request) -> Response:
        task = channel.tasks.get(request.path_params["task"])
        if task is None:
            return HTMLResponse("There is no such group task.", 404)
        page = (
            _templates()
            .get_template("answer.html")
            .render(
                task=task,
                t=words(task.language),
                limits={"group": MAX_GROUP, "point": MAX_POINT, "comment": MAX_COMMENT},
            )
        )
        return HTMLResponse(page, headers={"cache-control": "no-store"})

    def answer_code(request: Request) -> Response:
        task = channel.tasks.get(request.path_params["task"])
        if task is None:
            return Response("There is no such group task.", 404, media_type="text/plain")
        code: dict[str, Any] = qr_code(f"{public}{PREFIX}/answer/{task.id}")
        svg = _templates().get_template("code.svg").render(code=code)
        return Response(svg, media_type="image/svg+xml")

    def room_words(request: Request) -> Response:
        language = request.query_params.get("lang", "")
        try:
            found = words(language)
        except KeyError:
            found = words("en")
        return JSONResponse(found)

    static = Path(__file__).with_name("static")
    return Starlette(
        routes=[
            WebSocketRoute(f"{PREFIX}/live", live),
            Route(f"{PREFIX}/answer/{{task}}", answer_form),
            Route(f"{PREFIX}/code/{{task}}.svg", answer_code),
            Route(f"{PREFIX}/words", room_words),
            Mount(f"{PREFIX}/static", StaticFiles(directory=static), name="room-static"),
            Mount("/", SiteFiles(directory=site, html=True), name="site"),
        ]
    )
