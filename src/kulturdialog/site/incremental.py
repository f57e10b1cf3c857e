"""Incremental live preview: a save re-renders only the generated pages it changes.

``mkdocs serve`` builds the whole site on every save: it empties the site folder, then reads,
converts, renders and writes every page. For a national site that is half a minute per edit. A
generated page's text is a pure function of its key (template, settings and the values its
template is given, see ``GeneratedPage.key``), so a page whose key equals the one it had when
it was last written would be written again byte for byte. This module keeps those pages out of
mkdocs' build altogether and keeps their files from the last build:

- before mkdocs empties the site folder (``on_pre_build``), its contents are moved aside,
  each top-level entry with one rename;
- after it is emptied (``on_files``), they are moved back; files that this build no longer
  makes (a deleted gathering's pages) are removed, and only pages with a new key are handed to
  mkdocs to render;
- the sitemap, which mkdocs makes from the pages it built, is made again over every page.

Anything besides content (mkdocs.yml, the list of hand-written pages) changing, a failed build,
or a build with content problems in between is handled by building in full, or by keeping the
last good files aside until the problems are fixed.
"""

from __future__ import annotations

import gzip
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from kulturdialog.content import CONTENT_SUFFIXES, Stamp, file_stamp
from kulturdialog.views import urls

STATIC_OUTPUTS = frozenset({"404.html", "sitemap.xml", "sitemap.xml.gz"})
"""Files mkdocs writes from theme templates on every build."""


@dataclass
class Preview:
    """What one ``mkdocs serve`` keeps from build to build."""

    keys: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    """Key of every generated page in the files set aside, by src path."""
    outputs: set[str] = field(default_factory=set)
    """Every file of the site set aside, by path below the site folder."""
    fingerprint: tuple[Any, ...] = ()
    """What else the set-aside pages were built from: mkdocs.yml and the hand-written pages."""
    aside: Path | None = None
    """Where the last good build's files wait while mkdocs empties the site folder."""
    last_good: bool = False
    """Whether the site folder holds a complete site without content problems."""
    pending: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    """Src paths of the generated pages handed to mkdocs in the current build."""
    kept: list[str] = field(default_factory=list)
    """Src paths of the generated files of the current build kept from the last one."""
    pages: list[str] = field(default_factory=list)
    """Every page of the current build, in mkdocs' order, for the sitemap."""
    texts: dict[str, tuple[tuple[Any, ...], str]] = field(default_factory=dict)
    """Text and key of the pages the navigation names, which mkdocs builds every time: an
    unchanged one is not rendered from its template again."""
    sitemap: list[Any] = field(default_factory=list)
    """What the last sitemap was made from, and its text."""
    reused: bool = False
    """Whether the current build keeps files of the last one (search bundle included)."""

    def set_aside(self, site: Path) -> None:
        """Before mkdocs empties ``site``: move a good build's files aside. After a build with
        problems the site folder holds only the problems page; the good files stay aside."""
        if not self.last_good:
            return
        self.discard()
        aside = site.with_name(site.name + "-kept")
        if aside.exists():
            shutil.rmtree(aside)
        aside.mkdir()
        for entry in os.scandir(site):
            os.rename(entry.path, aside / entry.name)
        self.aside = aside
        self.last_good = False

    def plan(
        self,
        site: Path,
        generated: list[tuple[str, tuple[Any, ...] | None]],
        fingerprint: tuple[Any, ...],
        always: set[str],
    ) -> set[str]:
        """After mkdocs emptied ``site``: bring the files set aside back and return the src
        paths of the generated pages that must be rendered again; the rest are kept. Pages in
        ``always`` are rendered in any case: the navigation names them, and mkdocs checks that
        every page it names is built."""
        self.pending = {}
        self.written = []
        self.kept = []
        usable = self.aside is not None and fingerprint == self.fingerprint and self.keys
        self.fingerprint = fingerprint
        render: set[str] = set()
        for src_uri, key in generated:
            if key is not None:
                self.pending[src_uri] = key
            if (
                usable
                and key is not None
                and src_uri not in always
                and self.keys.get(src_uri) == key
            ):
                self.kept.append(src_uri)
            else:
                render.add(src_uri)
        self.reused = bool(usable)
        if not usable:
            self.kept = []
            self.discard()
            return {src_uri for src_uri, _ in generated}
        assert self.aside is not None
        for entry in os.scandir(self.aside):
            os.rename(entry.path, site / entry.name)
        self.discard()
        return render

    def text(self, src_uri: str, key: tuple[Any, ...] | None, write: Callable[[], str]) -> str:
        """The text of a page that mkdocs builds on every save: the last one if its key is
        unchanged, else ``write()``."""
        kept = self.texts.get(src_uri)
        if key is not None and kept is not None and kept[0] == key:
            return kept[1]
        text = write()
        if key is not None:
            self.texts[src_uri] = (key, text)
        return text

    def remove_stale(self, site: Path, outputs: set[str]) -> None:
        """Remove files of the last build that this build does not make."""
        for stale in self.outputs - outputs:
            path = site / stale
            if path.is_file():
                path.unlink()
                _remove_empty_parents(path.parent, site)

    def finish(self, outputs: set[str]) -> None:
        """After a good build: its keys and files are the ones to keep from now on."""
        self.keys = self.pending
        self.outputs = outputs
        self.last_good = True

    def forget(self) -> None:
        """After a failed build: build everything next time."""
        self.keys = {}
        self.outputs = set()
        self.last_good = False
        self.discard()

    def discard(self) -> None:
        if self.aside is not None and self.aside.exists():
            shutil.rmtree(self.aside, ignore_errors=True)
        self.aside = None


def _remove_empty_parents(folder: Path, site: Path) -> None:
    while folder != site and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def fingerprint(config: MkDocsConfig, files: Files) -> tuple[Any, ...]:
    """What the generated pages are built from besides their content: mkdocs.yml and which
    hand-written pages exist (the navigation). Hand-written pages themselves are always built."""
    config_file = config.config_file_path
    stamp = os.stat(config_file).st_mtime_ns if config_file else 0
    hand_written = tuple(sorted(f.src_uri for f in files if f.abs_src_path is not None))
    return (stamp, hand_written, config.site_url, config.use_directory_urls)


def in_nav(nav: Any) -> set[str]:
    """Every page the configured navigation names."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(in_nav(value) for value in nav.values()))
    if isinstance(nav, list):
        return set().union(*(in_nav(value) for value in nav))
    return set()


def dest_of(src_uri: str, directory_urls: bool) -> str:
    """Where mkdocs writes the generated file ``src_uri``, as ``File.dest_uri`` says."""
    if not src_uri.endswith(".md"):
        return src_uri
    url = urls.page_url(src_uri, directory_urls)
    return url + "index.html" if directory_urls else url


def outputs_of(files: Files, kept: list[str], directory_urls: bool) -> set[str]:
    """Every file a build leaves in the site folder (but the search bundle)."""
    made = {f.dest_uri for f in files}
    return made | {dest_of(src, directory_urls) for src in kept} | STATIC_OUTPUTS


def write_sitemap(
    env: Any, config: MkDocsConfig, pages: list[str], memo: list[Any] | None = None
) -> None:
    """The sitemap over every page (by URL), as mkdocs' own template makes it from the pages
    it built. ``memo`` keeps the last one: the same pages on the same day make the same."""
    date = utils.get_build_date()
    base = config.site_url or ""
    made_from = (tuple(pages), date, base)
    if memo and memo[0] == made_from:
        _write_sitemap(config, memo[1], date)
        return
    # A page's URL is relative to the site root, without '..' or a query (the home page's is
    # './'): joined to the root by concatenation, which gives what urljoin gives, for the tens
    # of thousands at once.
    root = base if base.endswith("/") else base + "/"
    path = urlsplit(root).path
    listed = []
    for url in (page.removeprefix("./") for page in pages):
        page = SimpleNamespace(
            is_link=False,
            canonical_url=root + url if base else None,
            abs_url=path + url if base else None,
            update_date=date,
        )
        listed.append(SimpleNamespace(page=page))
    output = env.get_template("sitemap.xml").render(pages=listed, config=config)
    if memo is not None:
        memo[:] = [made_from, output]
    _write_sitemap(config, output, date)


def _write_sitemap(config: MkDocsConfig, output: str, date: str) -> None:
    path = Path(config.site_dir) / "sitemap.xml"
    path.write_text(output, "utf-8")
    timestamp = utils.get_build_timestamp(pages=[SimpleNamespace(update_date=date)])  # type: ignore[list-item]
    with (
        open(f"{path}.gz", "wb") as raw,
        gzip.GzipFile(fileobj=raw, filename=f"{path}.gz", mode="wb", mtime=timestamp) as gz,
    ):
        gz.write(output.encode("utf-8"))


_CHANGES = frozenset({"created", "modified", "deleted", "moved"})
"""File events that change content; opening and reading a file (as a build does) is not one."""

BUILD_DELAY = 0.02
"""How long mkdocs waits after a change for more before it builds (its own default is 0.1 s).
A save in the editor, and each content file's change, starts one build (``ContentWatch``);
what is left to wait for is an author's text editor writing a file in several steps, which
takes a few milliseconds."""


class ContentWatch:
    """Starts a build of the preview when a content file changes: at once when this process
    wrote it (a save in the editor), else on the system's file event. One change starts one
    build: the file event of a change already announced is let pass."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.condition = server._rebuild_cond
        self.announced: dict[str, Stamp] = {}
        self.lock = threading.Lock()

    def changed(self, *paths: str) -> None:
        """The content files at ``paths`` changed (or went): build, unless each path is as it
        was when a change of it was last announced, or none is a content file."""
        # Keyed by the real path: the editor and the file events may name one file two ways.
        stamps = {
            os.path.realpath(path): file_stamp(Path(path)) for path in paths if _is_content(path)
        }
        with self.lock:
            if all(self.announced.get(path) == stamp for path, stamp in stamps.items()):
                return
            self.announced.update(stamps)
        with self.condition:
            self.server._want_rebuild = True
            self.condition.notify_all()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in _CHANGES:
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        self.changed(*(os.fsdecode(path) for path in paths if path))


def _is_content(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in CONTENT_SUFFIXES


_running: list[ContentWatch] = []
"""The watch of the preview this process serves, if any (mkdocs serves one at a time)."""


def saved(path: Path) -> None:
    """A content file this process wrote: the preview builds at once rather than wait for the
    file event (without a preview, its own watcher sees the change)."""
    for watch in _running:
        watch.changed(str(path))


def watch_content(server: Any, config: MkDocsConfig, root: Path) -> Any:
    """Watch the content folder through the system's file events, so that a save starts a build
    at once: mkdocs looks at its watched folders every half second, a good part of the second a
    small site's save may take. Returns the observer to stop at the end, or None where this
    mkdocs' server does not have the rebuild trigger used here (then mkdocs watches it)."""
    condition = getattr(server, "_rebuild_cond", None)
    if condition is None or not hasattr(server, "_want_rebuild"):
        server.watch(str(root))
        return None
    resolved = root.resolve()
    # mkdocs would look at the folder too and start a second build for the same save.
    config.watch = [item for item in config.watch if Path(item).resolve() != resolved]
    server.build_delay = BUILD_DELAY
    watch = ContentWatch(server)
    handler = FileSystemEventHandler()
    handler.on_any_event = watch.on_any_event  # type: ignore[method-assign]
    observer = Observer()
    observer.daemon = True
    observer.schedule(handler, str(root), recursive=True)
    observer.start()
    _running[:] = [watch]
    return observer


def stop_watching(observer: Any) -> None:
    """The preview ends: stop its watch, and let saves no longer reach it."""
    _running.clear()
    if observer is not None:
        observer.stop()
