"""The mkdocs plugin: loads the content once per build and adds the generated pages in memory."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as option
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from kulturdialog.content import load_content
from kulturdialog.errors import ContentError, Problem
from kulturdialog.library import Library
from kulturdialog.site import offline, passthrough, preview, quiet, site_language, staging
from kulturdialog.site.minify import minify_css
from kulturdialog.views.calendars import calendars
from kulturdialog.views.labels import LANGUAGES, label
from kulturdialog.views.pages import all_pages
from kulturdialog.views.render import GeneratedPage, Renderer

STYLESHEET = "assets/kulturdialog.css"


class KulturdialogConfig(Config):
    content = option.Type(str, default="content")
    """The folder with the content files, relative to mkdocs.yml."""
    language = option.Choice(LANGUAGES, default="nb")
    """Language of the site's own pages, such as the indexes."""


class KulturdialogPlugin(BasePlugin[KulturdialogConfig]):
    library: Library
    renderer: Renderer
    serving: bool = False
    """Whether this is a live preview (``mkdocs serve``), where problems become a page."""
    problems: list[Problem] = []
    """The content problems of the current preview build; empty when the content is fine."""
    unread: dict[str, GeneratedPage]
    """Generated pages not yet read by mkdocs, by src path: each is written when it is read."""
    set_aside: dict[str, list[str]]
    """HTML blocks of generated pages kept out of Markdown conversion, by page."""
    site: Path | None = None
    """The site folder a build puts its staging folder in place of; None while serving."""
    macro_problems: list[str] = []
    """Macros in hand-written pages that could not be expanded, as 'docs/page.md:line: …'."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this event also keeps the plugin instance across the rebuilds of a preview.
        self.serving = command == "serve"
        if self.serving:
            preview.attach_console()

    def content_root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").parent / self.config.content

    # Before the other plugins: the search plugin reads the theme's language in its own
    # on_config, and the site language set here decides it.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        quiet.silence_set_up_chatter()
        # Loaded here, before mkdocs cleans the site folder: bad content leaves the last good
        # site in place rather than a half-written one.
        root = self.content_root(config)
        self.problems = []
        self.macro_problems = []
        try:
            self.library = load_content(root)
        except ContentError as error:
            if not self.serving:
                raise PluginError("Content problems:\n" + error.report()) from None
            self.problems = error.problems
            self.library = Library()
            preview.report(self.problems)
            # The nav names pages that are not built while the problems page stands in.
            config.nav = None
        self.unread = {}
        self.set_aside = {}
        site_language.apply(config, self.config.language, self.library)
        self.renderer = self.new_renderer(config)
        if not self.serving:
            # Everything is written into a staging folder, put in place when complete.
            self.site = Path(config.site_dir)
            config.site_dir = str(staging.prepare(self.site))

        config.theme.dirs.insert(0, str(resources.files("kulturdialog.site").joinpath("theme")))
        config.extra_css.append(STYLESHEET)
        return config

    def new_renderer(self, config: MkDocsConfig) -> Renderer:
        return Renderer(
            self.library,
            language=self.config.language,
            directory_urls=config.use_directory_urls,
            site_url=config.site_url,
        )

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # Made again now that every plugin has configured the site: the offline plugin turns
        # directory URLs off in its own on_config, after this plugin's.
        self.renderer = self.new_renderer(config)
        offline.use_bundled_shim(config, files)
        if self.problems:
            files = preview.problem_files(files, config, self.problems, self.config.language)
        docs = Path(config.docs_dir).name
        # Every output file has one source: the first to claim a file keeps it, a second is
        # reported with the first, and the build stops.
        owners = {file.dest_uri: f"{docs}/{file.src_uri}" for file in files}
        clashes: list[str] = []

        def add(file: File, source: str) -> None:
            first = owners.get(file.dest_uri)
            if first is not None:
                clashes.append(f"{file.dest_uri}: written by both {first} and {source}")
                return
            owners[file.dest_uri] = source
            files.append(file)

        for page in all_pages(self.renderer) if not self.problems else ():
            if not page.src_uri.endswith(".md"):
                add(File.generated(config, page.src_uri, content=page.markdown), page.src_uri)
                continue
            # Written when mkdocs reads it (on_page_read_source), so the text of every page
            # need not be held at once.
            generated = File.generated(config, page.src_uri, content="")
            # Reached from the index pages, not the sidebar: listing every generated page in
            # the sidebar would make each page's HTML grow with the number of pages.
            generated.inclusion = InclusionLevel.NOT_IN_NAV
            add(generated, f"the generated page {page.src_uri}")
            self.unread[page.src_uri] = page
        # Calendar files (.ics) for dated gatherings, series and programmes.
        stamp = datetime.now(UTC).replace(microsecond=0)
        for ics in calendars(self.library, stamp) if not self.problems else ():
            add(File.generated(config, ics.src_uri, content=ics.content), ics.src_uri)
        # The stylesheet and the scripts that pages name in their front matter.
        assets = resources.files("kulturdialog.site").joinpath("assets")
        for asset in assets.iterdir():
            src = f"assets/{asset.name}"
            content = asset.read_bytes()
            if asset.name.endswith(".css"):
                content = minify_css(content.decode("utf-8")).encode("utf-8")
            add(File.generated(config, src, content=content), f"the asset {src}")
        if clashes:
            raise PluginError(
                "Two sources for one output file:\n"
                + "\n".join(clashes)
                + "\nRename or remove one of them."
            )
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        return site_language.name_nav(nav, self.config.language)

    # Before the search plugin records this page's title, which the nav titles include.
    @event_priority(100)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        site_language.name_nav(nav, site_language.page_language(page, self.config.language))
        return context

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        generated = self.unread.pop(page.file.src_uri, None)
        return None if generated is None else generated.markdown

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if "kd_page" not in page.meta:
            return markdown
        headings, blocks = passthrough.set_aside(markdown)
        self.set_aside[page.file.src_uri] = blocks
        return headings

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        blocks = self.set_aside.pop(page.file.src_uri, None)
        return html if blocks is None else passthrough.put_back(html, blocks)

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        # Every page has been read and its macros expanded: stop before anything is written.
        if self.macro_problems:
            raise PluginError("Macro problems:\n" + "\n".join(self.macro_problems))
        # Theme templates (the 404 page) speak the site language from the labels table.
        env.globals["kd_label"] = lambda key: label(key, self.config.language)
        return env

    @event_priority(-100)  # last, after the search index and every other file is written
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is not None and not staging.strict_warnings():
            staging.put_in_place(self.site)
            config.site_dir = str(self.site)

    def on_build_error(self, *, error: Exception) -> None:
        if self.site is not None:
            staging.discard(self.site)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        # The content folder may lie outside the project (KULTURDIALOG_CONTENT): watch it too.
        server.watch(str(self.content_root(config)))
        return server
