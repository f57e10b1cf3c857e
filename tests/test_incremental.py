"""Incremental live preview: after a sequence of edits, the site that `mkdocs serve` shows is the
one a clean build of the same content makes, file by file; and the content library reads again
only the files that changed."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File

from kulturdialog.content import FileCache, load_content
from kulturdialog.site import incremental
from kulturdialog.site.incremental import dest_of
from kulturdialog.views.urls import page_url
from tests.conftest import ROOT
from tests.test_preview import SEMINAR, free_port, is_home, wait_for

PACKAGE = "packages/hovedfunn-og-bakgrunn.yml"
"""A theme package nothing else refers to: deleting it leaves the content valid."""
_PORT = re.compile(rb"127\.0\.0\.1:\d+")
_DTSTAMP = re.compile(rb"^DTSTAMP:.*$", re.MULTILINE)


_QR_CODE = re.compile(rb'<svg class="kd-projector__code".*?</svg>', re.S)


def served_files(folder: Path) -> dict[str, bytes]:
    """Every file of a served site, comparable across servers: the server's address is
    replaced (in QR codes too), the calendars' DTSTAMP (the time of the build) dropped, the
    sitemap's gzip compared by its text. The search bundle is left out: a preview makes it
    once, at its first build."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if not path.is_file() or relative.startswith("pagefind/"):
            continue
        data = path.read_bytes()
        if relative.endswith(".gz"):
            data = gzip.decompress(data)
        data = _PORT.sub(b"127.0.0.1:PORT", data)
        # A projector view's QR code draws the server's address too.
        data = _QR_CODE.sub(b"<svg qr></svg>", data)
        if relative.endswith(".ics"):
            data = _DTSTAMP.sub(b"DTSTAMP:-", data)
        found[relative] = data
    return found


class Served:
    """`mkdocs serve` of the project with ``content``; its site folder is found under ``tmp``."""

    def __init__(self, content: Path, tmp: Path) -> None:
        tmp.mkdir(parents=True, exist_ok=True)
        self.tmp = tmp
        port = free_port()
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "KULTURDIALOG_CONTENT": str(content),
            "TMPDIR": str(tmp),
        }
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(ROOT / "mkdocs.yml")]
        self.process = subprocess.Popen(
            [*command, "-a", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.url = f"http://127.0.0.1:{port}/"

    @property
    def site(self) -> Path:
        (folder,) = [p for p in self.tmp.glob("mkdocs_*") if p.is_dir()]
        return folder

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=30)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


@pytest.fixture
def serve(content: Path, tmp_path: Path) -> Iterator[Served]:
    served = Served(content, tmp_path / "serve")
    try:
        yield served
    finally:
        served.stop()


def test_after_edits_the_served_site_equals_a_clean_build(
    serve: Served, content: Path, tmp_path: Path
) -> None:
    wait_for(serve.url, is_home, 120)
    seminar = content / SEMINAR
    good = seminar.read_bytes()
    participant = serve.url + "gatherings/nasjonalt-dialogseminar-2023/"

    # A title: its own pages, the index of gatherings and the home page change.
    seminar.write_bytes(good.replace(b"Nasjonalt dialogseminar", b"Riksdialogseminar", 1))
    wait_for(participant, lambda page: "Riksdialogseminar" in page)
    wait_for(serve.url + "gatherings/", lambda page: "Riksdialogseminar" in page)

    # A question set that the seminar uses, written in a file of its own: the seminar's pages,
    # which show its title, are made again though the seminar's file did not change.
    used = content / "dialogues" / "dialogtema-1.yml"
    used.write_bytes(used.read_bytes().replace(b"title: Dialogtema 1", b"title: Samtaletema 1", 1))
    wait_for(participant, lambda page: "Samtaletema 1" in page)

    # A new question set: its page appears.
    added = content / "dialogues" / "dialogtema-3.yml"
    text = (content / "dialogues" / "dialogtema-1.yml").read_text("utf-8")
    added.write_text(text.replace("dialogtema-1", "dialogtema-3"), "utf-8")
    wait_for(serve.url + "questions/dialogtema-3/", lambda page: "kd-page" in page)

    # A deleted package: its pages go.
    (content / PACKAGE).unlink()
    wait_for(serve.url + "packages/", lambda page: "hovedfunn-og-bakgrunn" not in page)

    # Broken, then fixed.
    broken = seminar.read_bytes().replace(b"minutes: 25", b"minutes: tjue", 1)
    seminar.write_bytes(broken)
    wait_for(serve.url, lambda page: "kd-problems" in page)
    seminar.write_bytes(broken.replace(b"minutes: tjue", b"minutes: 25", 1))
    wait_for(serve.url, lambda page: "kd-problems" not in page and "Riksdialogseminar" in page)
    wait_for(participant, lambda page: "Riksdialogseminar" in page)

    edited = served_files(serve.site)
    clean = Served(content, tmp_path / "clean")
    try:
        wait_for(clean.url, lambda page: "Riksdialogseminar" in page, 120)
        reference = served_files(clean.site)
    finally:
        clean.stop()
    assert "questions/dialogtema-3/index.html" in edited
    assert not [name for name in edited if "hovedfunn-og-bakgrunn" in name]
    assert sorted(edited) == sorted(reference)
    differing = [name for name in reference if edited[name] != reference[name]]
    assert differing == []


def test_the_library_reads_only_changed_files_again(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    cache = FileCache()
    first = load_content(content, cache)
    files = len(cache.files)
    assert cache.read == files > 5
    again = load_content(content, cache)
    assert cache.read == 0
    assert again.gatherings.keys() == first.gatherings.keys()
    seminar = content / SEMINAR
    seminar.write_text(
        seminar.read_text("utf-8").replace("Nasjonalt dialogseminar", "Riksdialogseminar", 1),
        "utf-8",
    )
    changed = load_content(content, cache)
    assert cache.read == 1
    assert changed.gathering("nasjonalt-dialogseminar-2023").title.startswith("Riksdialog")
    # Unchanged files give the very same models: nothing was parsed or validated again.
    assert changed.question_set("dialogtema-1") is first.question_set("dialogtema-1")
    (content / PACKAGE).unlink()
    load_content(content, cache)
    assert len(cache.files) == files - 1


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize(
    "src_uri",
    ["index.md", "gatherings/index.md", "gatherings/x.md", "gatherings/x/runsheet.md", "g/x/x.ics"],
)
def test_kept_files_are_where_mkdocs_writes_them(src_uri: str, directory_urls: bool) -> None:
    file = File(src_uri, "/docs", "/site", directory_urls)
    assert dest_of(src_uri, directory_urls) == file.dest_uri
    if src_uri.endswith(".md"):
        # The sitemap joins the URL to the site's address.
        base = "http://127.0.0.1:8000/"
        assert urljoin(base, page_url(src_uri, directory_urls)) == urljoin(base, file.url)


@given(
    st.lists(st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True), min_size=1, max_size=4),
    st.sampled_from(
        ["https://seminar.example.no/", "https://example.org/kd", "http://127.0.0.1:8000/"]
    ),
    st.booleans(),
)
def test_the_sitemap_joins_page_urls_as_urljoin_does(
    parts: list[str], base: str, directory_urls: bool
) -> None:
    # The sitemap joins by concatenation, for speed: it must give urljoin's address and path,
    # for generated pages (page_url) and hand-written ones (mkdocs; the home page's is './').
    src = "/".join(parts) + ".md"
    root = base if base.endswith("/") else base + "/"
    for url in (page_url(src, directory_urls), File(src, "/d", "/s", directory_urls).url):
        joined = root + url.removeprefix("./")
        assert joined == urljoin(root, url)
        assert urlsplit(joined).path == urlsplit(urljoin(root, url)).path


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[tuple[LiveReloadServer, list[float], Path]]:
    """mkdocs' live-reload server, its builds counted, watching a content folder as a preview
    does."""
    builds: list[float] = []
    server = LiveReloadServer(
        lambda: builds.append(time.monotonic()), "127.0.0.1", 0, str(tmp_path)
    )
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.yml").write_text("kind: x\n", "utf-8")
    loop = threading.Thread(target=server.serve, daemon=True)
    loop.start()
    observer = incremental.watch_content(server, SimpleNamespace(watch=[]), content)  # type: ignore[arg-type]
    try:
        yield server, builds, content
    finally:
        incremental.stop_watching(observer)
        server.shutdown()
        loop.join(timeout=5)


def _write_as_the_editor(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.x.tmp")
    temporary.write_text(text, "utf-8")
    os.replace(temporary, path)


def _builds_after(builds: list[float], seconds: float) -> int:
    time.sleep(seconds)
    return len(builds)


def test_a_save_in_the_editor_starts_one_build_at_once(
    live_server: tuple[LiveReloadServer, list[float], Path],
) -> None:
    server, builds, content = live_server
    assert server.build_delay == incremental.BUILD_DELAY
    for round in range(1, 4):
        _write_as_the_editor(content / "a.yml", f"kind: x\ntitle: {round}\n")
        told = time.monotonic()
        incremental.saved(content / "a.yml")
        # The file events of that same change (a temporary file, then its rename) start no
        # second build.
        assert _builds_after(builds, 0.6) == round
        assert builds[-1] - told < 0.3


def test_a_change_made_elsewhere_starts_one_build_per_change(
    live_server: tuple[LiveReloadServer, list[float], Path],
) -> None:
    _, builds, content = live_server
    (content / "b.yml").write_text("kind: y\n", "utf-8")
    assert _builds_after(builds, 0.6) == 1
    (content / "notes.txt").write_text("not content\n", "utf-8")
    assert _builds_after(builds, 0.6) == 1
    (content / "b.yml").unlink()
    assert _builds_after(builds, 0.6) == 2
    (content / "a.yml").rename(content / "a.bak")
    assert _builds_after(builds, 0.6) == 3
