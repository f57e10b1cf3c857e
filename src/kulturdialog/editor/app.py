"""The editor's web application: its pages under /_edit/, and the preview around them.

Every address that is not the editor's goes to mkdocs' preview (``proxy``), so one address
serves both; while serving, the pages of each item get an edit link on their way through.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

from jinja2 import Environment, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kulturdialog.authoring import starters
from kulturdialog.authoring.project import Project
from kulturdialog.content import Stamp, content_files, file_stamp, load_content
from kulturdialog.editor import form, links
from kulturdialog.editor.guard import TOKEN_HEADER, LocalOnly, token_matches
from kulturdialog.editor.proxy import Preview
from kulturdialog.editor.saving import Refused, Saver, open_file
from kulturdialog.errors import ContentError, Problem
from kulturdialog.library import Library
from kulturdialog.site import incremental
from kulturdialog.views.environment import loader_with_partials

PREFIX = "/_edit"
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


@cache
def _templates() -> Environment:
    environment = Environment(
        loader=loader_with_partials("kulturdialog.editor"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    # The form follows the schema's order and the file's: tojson must not sort keys.
    environment.policies["json.dumps_kwargs"] = {"sort_keys": False, "ensure_ascii": False}
    return environment


@dataclass
class Editor:
    """The editor of one project for one run of the server."""

    project: Project
    token: str
    saver: Saver = field(init=False)
    _pages: tuple[tuple[tuple[Path, Stamp], ...], dict[str, str]] | None = field(
        default=None, init=False, repr=False
    )

    def __post_init__(self) -> None:
        self.saver = Saver(self.project.content, written=incremental.saved)

    @property
    def language(self) -> str:
        return self.project.language

    def library(self) -> Library | ContentError:
        try:
            return load_content(self.project.content, self.saver.cache)
        except ContentError as error:
            return error

    def pages(self) -> dict[str, str]:
        """Each item's pages and its file; worked out again only when a content file changed,
        as every page passing through asks for it."""
        content = self.project.content
        stamps = tuple((path, file_stamp(path)) for path in content_files(content))
        if self._pages is None or self._pages[0] != stamps:
            library = self.library()
            found = (
                {}
                if isinstance(library, ContentError)
                else links.page_files(library, content, self.project.base)
            )
            self._pages = (stamps, found)
        return self._pages[1]

    def render(self, template: str, **values: Any) -> str:
        words = form.words(self.language)
        return (
            _templates()
            .get_template(template)
            .render(
                language=self.language,
                w=words,
                token=self.token,
                prefix=PREFIX,
                base=self.project.base,
                **values,
            )
        )

    async def edit_link(self, path: str, html: str) -> str:
        """``html`` with a link to the form of the file its page is made from, if any."""
        pages = self.pages()
        name = links.file_for(path, pages)
        bar = self.render("edit_link.html", name=name, href=_edit_href(name) if name else None)
        found = list(_BODY_END.finditer(html))
        if not found:
            return html
        at = found[-1].start()
        return html[:at] + bar + html[at:]

    async def index(self, request: Request) -> Response:
        pages = self.pages()
        names = [
            path.relative_to(self.project.content).as_posix()
            for path in content_files(self.project.content)
        ]
        files = [(name, _edit_href(name), links.page_for(name, pages)) for name in names]
        kinds = starters.starter_kinds()
        gatherings = form.choices(self.library()).get("gathering", [])
        return HTMLResponse(
            self.render("index.html", files=files, kinds=kinds, gatherings=gatherings)
        )

    async def edit(self, request: Request) -> Response:
        name = request.query_params.get("file", "")
        try:
            opened = open_file(self.project.content, name)
        except Refused as refused:
            return HTMLResponse(self.render("refused.html", message=str(refused)), 404)
        if isinstance(opened, Problem):
            return HTMLResponse(self.render("refused.html", message=str(opened)), 422)
        kind = str(opened.values.get("kind") or "")
        if kind not in form.KINDS_WITH_FORMS:
            message = f"'{name}' has no kind the editor knows: {kind or 'none'}"
            return HTMLResponse(self.render("refused.html", message=message), 422)
        data = {
            "file": opened.name,
            "hash": opened.hash,
            "values": opened.values,
            "schema": form.form_schema(kind, self.language),
            "words": form.words(self.language),
            "choices": form.choices(self.library()),
            "page": links.page_for(name, self.pages()),
        }
        return HTMLResponse(self.render("edit.html", name=name, data=data))

    async def read(self, request: Request) -> Response:
        try:
            opened = open_file(self.project.content, request.query_params.get("file", ""))
        except Refused as refused:
            return JSONResponse({"error": str(refused)}, 404)
        if isinstance(opened, Problem):
            return JSONResponse({"error": str(opened)}, 422)
        return JSONResponse(asdict(opened))

    async def save(self, request: Request) -> Response:
        if not token_matches(self.token, request.headers.get(TOKEN_HEADER)):
            return JSONResponse({"error": "the page's token is missing or old; reload it"}, 403)
        try:
            body = await request.json()
            name, expected, values = body["file"], body["hash"], body["values"]
            moves = body.get("moves") or {}
            if not (isinstance(values, dict) and isinstance(moves, dict)):
                raise TypeError
            saved = self.saver.save(str(name), str(expected), values, moves)
        except Refused as refused:
            return JSONResponse({"error": str(refused)}, 404)
        except (ValueError, KeyError, TypeError):
            return JSONResponse({"error": "the request is not a save from the form"}, 400)
        return JSONResponse(asdict(saved), 200 if saved.written else 409)

    async def new(self, request: Request) -> Response:
        # A plain HTML form: its fields URL-encoded, each given once.
        submitted = parse_qs((await request.body()).decode("utf-8", "replace"))
        given = submitted.get("token", [None])[0]
        if not token_matches(self.token, given):
            message = "the page's token is missing or old; reload it"
            return HTMLResponse(self.render("refused.html", message=message), 403)
        values = {key: submitted.get(key, [""])[0].strip() for key in ("kind", "title", "from")}
        if values["kind"] not in starters.command_names():
            message = f"'{values['kind']}' is not a kind of content; choose one from the list"
            return HTMLResponse(self.render("refused.html", message=message), 422)
        made = starters.new_file(
            values["kind"],
            values["title"],
            self.project.content,
            language=self.language,
            source=values["from"] or None,
        )
        if not made.written:
            return HTMLResponse(self.render("refused.html", message=made.message), 422)
        name = made.path.relative_to(self.project.content).as_posix()
        return RedirectResponse(_edit_href(name), 303)


def _edit_href(name: str) -> str:
    return f"{PREFIX}/edit?file={quote(name)}"


def editor_app(
    project: Project, token: str, hosts: frozenset[str], upstream: str | None = None
) -> Starlette:
    """The editor of ``project``, answering only on ``hosts``; other addresses go to the
    preview at ``upstream``."""
    editor = Editor(project, token)
    static = Path(__file__).parent / "static"
    routes: list[Route | Mount] = [
        Route(f"{PREFIX}/", editor.index),
        Route(f"{PREFIX}/edit", editor.edit),
        Route(f"{PREFIX}/api/file", editor.read),
        Route(f"{PREFIX}/api/save", editor.save, methods=["POST"]),
        Route(f"{PREFIX}/new", editor.new, methods=["POST"]),
        Mount(f"{PREFIX}/static", StaticFiles(directory=static), name="static"),
    ]
    if upstream is not None:
        preview = Preview(upstream, editor.edit_link)
        routes.append(Route("/{path:path}", preview.handle, methods=["GET", "HEAD", "POST"]))
    app = Starlette(routes=routes)
    app.add_middleware(LocalOnly, hosts=hosts)
    return app
