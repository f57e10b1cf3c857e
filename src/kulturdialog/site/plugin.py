"""The mkdocs plugin: loads the content once per build and adds the generated pages in memory."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as option
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from kulturdialog.content import FileCache, load_content
from kulturdialog.errors import ContentError, Problem
from kulturdialog.library import Library
from kulturdialog.site import (
    incremental,
    offline,
    packed,
    passthrough,
    preview,
    quiet,
    rendered,
    search,
    site_language,
    staging,
)
from kulturdialog.site.minify import minify_css, minify_js
from kulturdialog.site.search import RUN_MB
from kulturdialog.views import urls
from kulturdialog.views.calendars import calendars
from kulturdialog.views.labels import LANGUAGES, label
from kulturdialog.views.pages import all_pages
from kulturdialog.views.qr import missing_address_warning
from kulturdialog.views.render import GeneratedPage, Renderer, Reuse

STYLESHEET = "assets/kulturdialog.css"
log = logging.getLogger("mkdocs.plugins.kulturdialog")


# mkdocs' base classes have an untyped __init_subclass__.
class KulturdialogConfig(Config):  # type: ignore[no-untyped-call]
    content = option.Type(str, default="content")
    """The folder with the content files, relative to mkdocs.yml."""
    language = option.Choice(LANGUAGES, default="nb")
    """Language of the site's own pages, such as the indexes."""
    cache_dir = option.Type(str, default=".cache/kulturdialog")
    """Where work that outlives a build is kept (QR codes), relative to mkdocs.yml."""
    search = option.Choice(("pagefind", "material"), default="pagefind")
    """The site's search: Pagefind over the built site, or Material's own search plugin (which
    must then be listed in mkdocs.yml; an offline copy needs it, as Pagefind needs a server)."""
    search_run_mb = option.Type((int, float), default=RUN_MB)
    """The most HTML (MB) one Pagefind run indexes: a larger site is indexed in several runs, to
    keep the indexer's memory down, and the search box merges them."""


class KulturdialogPlugin(BasePlugin[KulturdialogConfig]):  # type: ignore[no-untyped-call]
    library: Library
    renderer: Renderer
    serving: bool = False
    """Whether this is a live preview (``mkdocs serve``), where problems become a page."""
    problems: list[Problem] = []
    indexed: list[str] = []
    """The built pages that carry the search index's mark, for Pagefind to read."""
    """The content problems of the current preview build; empty when the content is fine."""
    unread: dict[str, GeneratedPage]
    """Generated pages not yet read by mkdocs, by src path: each is written when it is read."""
    set_aside: dict[str, list[str]]
    """HTML blocks of generated pages kept out of Markdown conversion, by page."""
    site: Path | None = None
    """The site folder a build puts its staging folder in place of; None while serving."""
    stage: staging.Stage | None = None
    """The build in progress: its lock and staging folder; None while serving."""
    macro_problems: list[str] = []
    """Macros in hand-written pages that could not be expanded, as 'docs/page.md:line: …'."""
    held: dict[str, list[str]]
    """HTML of macros on hand-written pages kept out of Markdown conversion, by page."""
    file_cache: FileCache | None = None
    """During a preview: validated content files, so that a save reads only what changed."""
    incremental: incremental.Preview | None = None
    """During a preview: what a save keeps from the build before."""
    reuse: Reuse | None = None
    """During a preview: the generated pages of the build before, per item."""
    env: Any = None
    """The theme's Jinja environment; during a preview, kept across builds."""
    env_key: tuple[Any, ...] = ()
    observer: Any = None
    """During a preview: what watches the content folder."""
    named: set[str] = set()
    """During a preview: the generated pages the navigation names."""
    builds: int = 0
    """How many builds this plugin has made (a preview makes one per save)."""
    outputs: set[str] = set()
    """During a preview: every file the current build leaves in the site folder."""
    published_directory_urls: bool = True
    """Whether the published site's addresses are folders (``page/``), as QR codes give them."""
    renders: rendered.Renders | None = None
    """During a preview: the hand-written pages as the last build converted them."""
    converted: packed.Packed | None = None
    """During a build (not a preview): converted pages' HTML, packed until their template."""
    site_key: tuple[Any, ...] | None = None
    """During a preview: what the conversion of every page of this build depends on, or None
    when the pages are converted anew (a build with content problems)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this event also keeps the plugin instance across the rebuilds of a preview.
        self.serving = command == "serve"
        if self.serving:
            preview.attach_console()
            self.file_cache = FileCache()
            self.incremental = incremental.Preview()
            self.reuse = Reuse()
            self.renders = rendered.Renders()

    def on_shutdown(self) -> None:
        if self.incremental is not None:
            self.incremental.discard()
        if self.serving:
            incremental.stop_watching(self.observer)

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
            self.library = load_content(root, self.file_cache)
        except ContentError as error:
            if not self.serving:
                raise PluginError("Content problems:\n" + error.report()) from None
            self.problems = error.problems
            self.library = Library()
            preview.report(self.problems)
            # The nav names pages that are not built while the problems page stands in.
            config.nav = None
        # The library is millions of long-lived objects: left to the cyclic garbage collector,
        # each of its full passes walks all of them again while the pages are rendered (a
        # third of the build at N = 2,000). Frozen, they are left to reference counting. A
        # preview thaws them now and then, so that cycles left by earlier builds are freed.
        self.builds += 1
        if self.serving and self.builds % 25 == 0:
            gc.unfreeze()
            gc.collect()
        gc.freeze()
        self.unread = {}
        self.indexed = []
        self.set_aside = {}
        self.held = {}
        site_language.apply(config, self.config.language, self.library)
        # Before the offline plugin turns directory URLs off: QR codes, even an offline copy's,
        # lead to the addresses of the published site.
        self.published_directory_urls = config.use_directory_urls
        warning = missing_address_warning(config.site_url)
        if warning and offline.offline_enabled(config):
            # An offline copy is made for the room: its maker learns why it has no codes.
            # (At INFO: a warning would stop a strict build.)
            log.info(warning)
        self.renderer = self.new_renderer(config)
        self.stage = None
        self.converted = None
        if not self.serving:
            self.converted = packed.Packed()
            # Everything is written into a staging folder, put in place when complete.
            self.site = Path(config.site_dir)
            project = Path(config.config_file_path or ".").parent
            guarded = staging.protected(project, root, Path(config.docs_dir))
            try:
                self.stage = staging.begin(self.site, guarded, project)
            except staging.Refused as refused:
                raise PluginError(str(refused)) from None
            config.site_dir = str(self.stage.folder)
        config.theme.dirs.insert(0, str(resources.files("kulturdialog.site").joinpath("theme")))
        if self.serving:
            self._keep_theme_environment(config)
        material_search = config.plugins.get("material/search")
        if self.config.search == "pagefind" and material_search is not None:
            # A configuration that inherits one with Material's search: one search, not two.
            material_search.config.enabled = False
        config.extra_css.append(STYLESHEET)
        return config

    def new_renderer(self, config: MkDocsConfig) -> Renderer:
        return Renderer(
            self.library,
            language=self.config.language,
            directory_urls=config.use_directory_urls,
            site_url=config.site_url,
            published_directory_urls=self.published_directory_urls,
            cache=Path(config.config_file_path).parent / self.config.cache_dir / "qr",
            reuse=self.reuse,
        )

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.incremental is not None:
            self.incremental.set_aside(Path(config.site_dir))

    def _keep_theme_environment(self, config: MkDocsConfig) -> None:
        """During a preview, every build after the first uses the first build's theme
        environment: its templates are compiled already, and the list of theme files (over ten
        thousand icons, walked on every build) is known."""
        key = (tuple(config.theme.dirs), config.theme.locale)
        if self.env is None or self.env_key != key:
            return
        env = self.env
        if not getattr(env, "kd_listed", False):
            listing = env.list_templates
            listed: list[str] = []

            def list_templates(*args: Any, **kwargs: Any) -> list[str]:
                # mkdocs asks only for the theme's static files, with the same filter each time.
                if not listed:
                    listed.extend(listing(*args, **kwargs))
                return listed

            env.list_templates = list_templates
            env.kd_listed = True
        config.theme.get_env = lambda: env  # type: ignore[method-assign]

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # Made again now that every plugin has configured the site: the offline plugin turns
        # directory URLs off in its own on_config, after this plugin's.
        self.renderer = self.new_renderer(config)
        files = site_language.guide_files(files, config, self.config.language)
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

        hand_written = [file for file in files if file.is_documentation_page()]
        # Every page object made here lives to the end of the build: the cyclic collector's
        # passes over them while they are made would find nothing to free.
        gc.disable()
        try:
            pages = list(all_pages(self.renderer)) if not self.problems else []
        finally:
            gc.enable()
        if self.reuse is not None and not self.problems:
            self.reuse.prune()
        gc.freeze()
        # Calendar files (.ics) for dated gatherings, series and programmes.
        stamp = datetime.now(UTC).replace(microsecond=0)
        icals = list(calendars(self.library, stamp)) if not self.problems else []
        render = {page.src_uri for page in pages} | {ics.src_uri for ics in icals}
        if self.incremental is not None and not self.problems:
            fingerprint = incremental.fingerprint(config, files)
            keyed = [(page.src_uri, page.key) for page in pages]
            # A calendar depends on its model alone; a preview keeps the time it was first made.
            keyed += [(ics.src_uri, ("ics", ics.source)) for ics in icals]
            self.named = named = incremental.in_nav(config.nav)
            render = self.incremental.plan(Path(config.site_dir), keyed, fingerprint, named)
            if self.incremental.reused:
                preview.log.info("Pages rendered again: %d of %d", len(render), len(keyed))
            directory_urls = config.use_directory_urls
            self.incremental.pages = [file.url for file in hand_written] + [
                urls.page_url(page.src_uri, directory_urls)
                for page in pages
                if page.src_uri.endswith(".md")
            ]
        for page in pages:
            if page.src_uri not in render:
                continue
            if not page.src_uri.endswith(".md"):
                add(self._generated_file(config, page.src_uri, page.write), page.src_uri)
                continue
            # Written when mkdocs reads it (on_page_read_source), so the text of every page
            # need not be held at once.
            generated = File.generated(config, page.src_uri, content="")
            # Reached from the index pages, not the sidebar: listing every generated page in
            # the sidebar would make each page's HTML grow with the number of pages.
            generated.inclusion = InclusionLevel.NOT_IN_NAV
            add(generated, f"the generated page {page.src_uri}")
            self.unread[page.src_uri] = page
        for ics in icals:
            if ics.src_uri in render:
                add(self._generated_file(config, ics.src_uri, ics.make), ics.src_uri)
        # The stylesheet and the scripts that pages name in their front matter.
        assets = resources.files("kulturdialog.site").joinpath("assets")
        for asset in assets.iterdir():
            src = f"assets/{asset.name}"
            content = asset.read_bytes()
            if asset.name.endswith(".css"):
                content = minify_css(content.decode("utf-8")).encode("utf-8")
            elif asset.name.endswith(".js"):
                content = minify_js(content.decode("utf-8")).encode("utf-8")
            add(File.generated(config, src, content=content), f"the asset {src}")
        if clashes:
            raise PluginError(
                "Two sources for one output file:\n"
                + "\n".join(clashes)
                + "\nRename or remove one of them."
            )
        if self.incremental is not None and not self.problems:
            self.outputs = incremental.outputs_of(
                files, self.incremental.kept, config.use_directory_urls
            )
            self.incremental.remove_stale(Path(config.site_dir), self.outputs)
            self.site_key = rendered.site_key(self.outputs, fingerprint)
            if self.renders is not None:
                self.renders.start()
        else:
            self.site_key = None
        return files

    def _generated_file(
        self, config: MkDocsConfig, src_uri: str, write: Callable[[], str | bytes]
    ) -> File:
        """The file at ``src_uri`` whose content ``write`` returns. A build writes it into the
        site folder at once, where mkdocs leaves a file that is its own source: otherwise its
        text would be held until mkdocs copies the files, after every page is converted."""
        if self.stage is None:
            return File.generated(config, src_uri, content=write())
        target = Path(config.site_dir) / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        content = write()
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return File.generated(config, src_uri, abs_src_path=str(target))

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        return site_language.name_nav(nav, self.config.language)

    # Before the search plugin records this page's title, which the nav titles include.
    @event_priority(100)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self.converted is not None:
            page.content = self.converted.unpack(page.file.src_uri, page.content)
        site_language.name_nav(nav, site_language.page_language(page, self.config.language))
        # Before Material's search (priority 0) reads the page: the guide stays out of it.
        if self.config.search == "material":
            search.leave_guide_out(page.meta, page.file.src_uri)
        return context

    # Before the sitemap is written, which lists the pages' canonical addresses.
    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        offline.published_canonical(page, config, self.published_directory_urls)
        return page

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        generated = self.unread.pop(page.file.src_uri, None)
        if generated is None:
            return None
        if self.incremental is not None and page.file.src_uri in self.named:
            return self.incremental.text(generated.src_uri, generated.key, generated.write)
        return generated.markdown

    def _set_aside(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if "kd_page" not in page.meta:
            return markdown
        headings, blocks = passthrough.set_aside(markdown)
        self.set_aside[page.file.src_uri] = blocks
        return headings

    # After the macros plugin: the key is the Markdown that is converted.
    @event_priority(-100)
    def _reuse_conversion(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.renders is not None and self.site_key is not None and "kd_page" not in page.meta:
            held = tuple(self.held.get(page.file.src_uri, ()))
            self.renders.prepare(page, (markdown, held, *self.site_key))
        return markdown

    on_page_markdown = CombinedEvent(_set_aside, _reuse_conversion)

    def _put_back(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        blocks = self.set_aside.pop(page.file.src_uri, None)
        if blocks is not None:
            html = passthrough.put_back(html, blocks)
        return passthrough.release(html, self.held.pop(page.file.src_uri, []))

    # After every other plugin has seen the page's HTML; unpacked in on_page_context.
    @event_priority(-100)
    def _pack(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return html if self.converted is None else self.converted.pack(page.file.src_uri, html)

    on_page_content = CombinedEvent(_put_back, _pack)

    def hold(self, src_uri: str, html: str) -> str:
        """A placeholder for a macro's ``html`` on the page at ``src_uri``, put back after
        Markdown conversion (on_page_content)."""
        return passthrough.hold(self.held.setdefault(src_uri, []), html)

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        # Every page has been read and its macros expanded: stop before anything is written.
        if self.macro_problems:
            raise PluginError("Macro problems:\n" + "\n".join(self.macro_problems))
        # The theme's own words (the search box, the 404 page), from the one translation table:
        # in the page's language where a template gives one, else in the site language.
        site = self.config.language
        env.globals["kd_label"] = lambda key, language=None: label(key, language or site)
        env.globals["kd_search_part"] = search.part
        if self.serving:
            # mkdocs makes a new theme environment for every build, and compiling Material's
            # templates again takes longer than a save's whole build: a preview keeps the first.
            key = (tuple(config.theme.dirs), config.theme.locale)
            if self.env is not None and self.env_key == key:
                self.env.globals.update(env.globals)
                self.env.filters.update(env.filters)
                return self.env
            self.env_key = key
        self.env = env
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.config.search != "pagefind":
            return output
        if search.MARK in output:
            self.indexed.append(page.file.dest_path)
        if not self.serving:
            # Rendered: the rest of the build needs the page's title and address, not its HTML
            # and Markdown, which Pagefind's indexer would otherwise find held beside its own.
            page.content = page.markdown = None
        language = page.meta.get("language")
        return search.page_language(output, str(language)) if language else output

    # After every other plugin has written its files, Material's offline plugin (-100, "last")
    # included: the site is put in place, with its list of files, only when it is complete.
    @event_priority(-101)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        kept = self.incremental
        if kept is not None and not self.problems:
            if kept.kept:
                # mkdocs listed only the pages it built.
                incremental.write_sitemap(self.env, config, kept.pages, kept.sitemap)
            kept.finish(self.outputs)
        # A preview makes the search bundle once and keeps it: indexing every page again would
        # take longer than the rest of a save's build.
        reindex = kept is None or not kept.reused
        if self.config.search == "pagefind" and not self.problems and reindex:
            if self.stage is not None:
                self._let_go(config)
            search.index_site(Path(config.site_dir), self.indexed, self.config.search_run_mb)
        # The site folder is replaced only by a complete build, search index included.
        if self.stage is not None and not staging.strict_warnings():
            try:
                staging.finish(self.stage)
            except staging.Refused as refused:
                raise PluginError(str(refused)) from None
            config.site_dir = str(self.stage.site)

    def _let_go(self, config: MkDocsConfig) -> None:
        """Drop the content's models once every page is written (a build, not a preview, needs
        them no more): the build's process stays alive beside the search indexer, and the two
        add up. The generated files' text was never held (see _generated_file)."""
        self.library = Library()
        self.renderer = self.new_renderer(config)

    def on_build_error(self, *, error: Exception) -> None:
        if self.incremental is not None:
            self.incremental.forget()
        if self.renders is not None:
            self.renders.forget()
        staging.abandon(self.stage)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        # The content folder may lie outside the project (KULTURDIALOG_CONTENT): watch it too.
        self.observer = incremental.watch_content(server, config, self.content_root(config))
        return server
