"""The editor's server: only its own host, only its own pages' writes, only with this run's
token; a new file from a starter; edit links on the pages of each item while serving only."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from kulturdialog.authoring.project import find
from kulturdialog.editor import serve
from kulturdialog.editor.app import Editor, editor_app
from kulturdialog.editor.guard import local_hosts
from tests.conftest import Build
from tests.editor.conftest import QUESTIONS, SEMINAR, copy_project

T = TypeVar("T")
TOKEN = "token-of-this-run"
HOST = "127.0.0.1:8123"
ORIGIN = f"http://{HOST}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def run_apart(coroutine: Coroutine[Any, Any, T]) -> T:
    """The coroutine's result, run in a thread of its own: once a browser test has run in this
    process, Playwright's sync API keeps an event loop running in the main thread, where
    ``asyncio.run`` is refused."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def call(project: Path, method: str, path: str, **options: Any) -> httpx.Response:
    app = editor_app(find(project), TOKEN, local_hosts(8123))

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as client:
            return await client.request(method, path, **options)

    return run_apart(send())


def form_data(project: Path, name: str) -> tuple[str, dict[str, Any]]:
    page = call(project, "GET", f"/_edit/edit?file={name}")
    assert page.status_code == 200
    token = re.search(r'name="kd-editor-token" content="([^"]+)"', page.text)
    assert token is not None
    found = re.search(r'id="kd-editor-data">(.*?)</script>', page.text, re.S)
    assert found is not None
    return token.group(1), json.loads(found.group(1))


def save(project: Path, data: dict[str, Any], **headers: str) -> httpx.Response:
    body = {"file": data["file"], "hash": data["hash"], "values": data["values"]}
    return call(project, "POST", "/_edit/api/save", json=body, headers=headers)


def test_the_token_is_in_the_page_and_never_in_a_cookie(project: Path) -> None:
    page = call(project, "GET", f"/_edit/edit?file={SEMINAR}")
    assert TOKEN in page.text
    assert "set-cookie" not in page.headers


def test_a_save_with_the_token_from_this_server_writes(project: Path) -> None:
    token, data = form_data(project, SEMINAR)
    data["values"]["programme"][0]["minutes"] = 20
    answer = save(project, data, origin=ORIGIN, **{"x-kulturdialog-token": token})
    assert answer.status_code == 200, answer.text
    assert answer.json()["written"]
    assert "    minutes: 20\n" in (project / "content" / SEMINAR).read_text("utf-8")


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example", "x-kulturdialog-token": TOKEN},
        {"origin": "http://127.0.0.1:9999", "x-kulturdialog-token": TOKEN},
        {"origin": "null", "x-kulturdialog-token": TOKEN},
        {"x-kulturdialog-token": TOKEN},
        {"origin": ORIGIN},
        {"origin": ORIGIN, "x-kulturdialog-token": "guessed"},
    ],
    ids=["other-site", "other-port", "null-origin", "no-origin", "no-token", "wrong-token"],
)
def test_a_write_from_another_origin_or_without_the_token_is_refused(
    project: Path, headers: dict[str, str]
) -> None:
    before = (project / "content" / SEMINAR).read_bytes()
    _, data = form_data(project, SEMINAR)
    data["values"]["programme"][0]["minutes"] = 20
    answer = save(project, data, **headers)
    assert answer.status_code == 403
    assert (project / "content" / SEMINAR).read_bytes() == before


def test_a_request_for_another_host_is_refused(project: Path) -> None:
    # A DNS name made to point at 127.0.0.1 (rebinding) reaches the port but not the editor.
    answer = call(project, "GET", f"/_edit/edit?file={SEMINAR}", headers={"host": "evil.example"})
    assert answer.status_code == 400
    assert TOKEN not in answer.text


def test_a_new_file_from_nothing_and_from_an_existing_gathering(project: Path) -> None:
    for title, source in (
        ("Høstsamling på Ås", ""),
        ("Dialogmøte i Ås", "nasjonalt-dialogseminar-2023"),
    ):
        answer = call(
            project,
            "POST",
            "/_edit/new",
            data={"token": TOKEN, "kind": "gathering", "title": title, "from": source},
            headers={"origin": ORIGIN},
        )
        assert answer.status_code == 303, answer.text
        name = answer.headers["location"].split("file=")[1]
        assert (project / "content" / name).is_file()
        form_data(project, name)
    copied = (project / "content" / "dialogues" / "dialogmote-i-as.yml").read_text("utf-8")
    assert "question_set: dialogtema-1" in copied


def test_a_new_file_without_the_token_is_not_made(project: Path) -> None:
    before = sorted((project / "content").rglob("*"))
    answer = call(
        project,
        "POST",
        "/_edit/new",
        data={"kind": "gathering", "title": "Injected"},
        headers={"origin": ORIGIN},
    )
    assert answer.status_code == 403
    assert sorted((project / "content").rglob("*")) == before


def test_the_form_is_made_from_the_schema_with_the_libraries_titles(project: Path) -> None:
    _, data = form_data(project, SEMINAR)
    assert data["schema"]["properties"]["date"]["x-label"] == "Dato"
    assert ["dialogtema-1", "Dialogtema 1 – Gruppeoppgaver"] in data["choices"]["question_set"]
    assert data["page"] == "/gatherings/nasjonalt-dialogseminar-2023/"
    assert list(data["values"])[:3] == ["kind", "id", "title"]


@pytest.mark.parametrize("name", ["../mkdocs.yml", "dialogues/missing.yml", "x.md"])
def test_a_form_for_no_content_file_is_refused(project: Path, name: str) -> None:
    assert call(project, "GET", f"/_edit/edit?file={name}").status_code == 404


@pytest.mark.parametrize(
    "address", ["0.0.0.0:8000", "192.168.1.4:8000", "[::]:8000", "example.org:80"]
)
def test_the_editor_listens_on_127_0_0_1_only(address: str) -> None:
    with pytest.raises(serve.CannotServe):
        serve.split_address(address)
    assert serve.split_address("localhost:8001") == ("127.0.0.1", 8001)


def test_edit_links_are_never_in_the_built_site(bundled: Build) -> None:
    for page in bundled.site.rglob("*.html"):
        text = page.read_text("utf-8")
        # (The guide may name the editor's address in its text; no page links to it.)
        assert 'href="/_edit/' not in text and "kd-edit-" not in text, page


def test_pages_of_each_item_link_to_the_form_of_its_file(project: Path) -> None:
    from kulturdialog.content import load_content
    from kulturdialog.editor import links

    pages = links.page_files(load_content(project / "content"), project / "content")
    assert links.file_for("/gatherings/nasjonalt-dialogseminar-2023/runsheet/", pages) == SEMINAR
    assert links.file_for("/questions/dialogtema-1/", pages) == QUESTIONS
    assert links.file_for("/packages/kulturskole-hele-livet/", pages) == (
        "packages/kulturskole-hele-livet.yml"
    )
    assert links.file_for("/series/kulturspor/", pages) == "series/kulturspor.yml"
    assert links.file_for("/worksheets/kulturspor-skabelon/", pages) == (
        "series/kulturspor-skabelon.yml"
    )
    assert links.file_for("/", pages) is None
    assert links.file_for("/gatherings/", pages) is None


@pytest.mark.parametrize(
    ("site_url", "base"),
    [
        ("https://kulturskolevest.github.io/dialogdage/", "/dialogdage/"),
        ("https://example.dk/kultur/dialogdage", "/kultur/dialogdage/"),
        ("https://example.dk/", "/"),
    ],
)
def test_on_a_project_site_the_pages_under_its_path_link_to_their_file(
    project: Path, site_url: str, base: str
) -> None:
    # mkdocs serves the preview under site_url's path: the edit links and the editor's links to
    # the pages follow it, or a project site's pages have none and its list's links are 404s.
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        "# site_url: https://<user>.github.io/<repo>/", f"site_url: {site_url}"
    )
    config.write_text(text, "utf-8")
    found = find(project)
    assert found.base == base
    listing = call(project, "GET", "/_edit/")
    assert f'href="{base}gatherings/nasjonalt-dialogseminar-2023/"' in listing.text
    # The site's icon, where the preview serves it: no request for the host's /favicon.ico.
    assert f'<link rel="icon" href="{base}assets/favicon.svg">' in listing.text
    editor = Editor(found, TOKEN)
    page = f"{base}gatherings/nasjonalt-dialogseminar-2023/runsheet/"
    linked = run_apart(editor.edit_link(page, "<html><body></body></html>"))
    assert f'href="/_edit/edit?file={SEMINAR}"' in linked
    if base != "/":
        outside = run_apart(editor.edit_link(page[len(base) - 1 :], "<body></body>"))
        assert "edit?file=" not in outside


def test_author_text_in_the_form_page_stays_data(project: Path) -> None:
    hostile = "</script><script>alert(1)</script> {{ 7*7 }} <!--"
    path = project / "content" / QUESTIONS
    text = path.read_text("utf-8").replace(
        "title: Dialogtema 1 – Gruppeoppgaver", f"title: {json.dumps(hostile)}"
    )
    path.write_text(text, "utf-8")
    page = call(project, "GET", f"/_edit/edit?file={QUESTIONS}")
    assert page.status_code == 200
    assert "<script>alert(1)" not in page.text
    assert "{{ 7*7 }}" in page.text  # shown as typed, never evaluated
    _, data = form_data(project, QUESTIONS)
    assert data["values"]["title"] == hostile


def test_the_new_file_form_names_each_kind_in_the_site_language(project: Path) -> None:
    page = call(project, "GET", "/_edit/")
    assert '<option value="gathering">Samling</option>' in page.text
    assert f'href="/_edit/edit?file={SEMINAR}"' in page.text


def test_a_taken_port_is_refused_before_anything_is_built(project: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(serve.CannotServe, match="in use"):
            serve.run(find(project), f"127.0.0.1:{port}")


@pytest.mark.parametrize("kind", ["../../mkdocs", "nothing", ""])
def test_a_new_file_of_no_known_kind_is_refused(project: Path, kind: str) -> None:
    before = sorted((project / "content").rglob("*"))
    answer = call(
        project,
        "POST",
        "/_edit/new",
        data={"token": TOKEN, "kind": kind, "title": "X"},
        headers={"origin": ORIGIN},
    )
    assert answer.status_code == 422
    assert sorted((project / "content").rglob("*")) == before
