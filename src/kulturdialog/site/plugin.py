"""The mkdocs plugin: loads the content once per build and adds the generated pages in memory."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from mkdocs.config import config_options as option
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from kulturdialog.errors import ContentError
from kulturdialog.library import Library, load_library
from kulturdialog.views.labels import LANGUAGES
from kulturdialog.views.pages import all_pages
from kulturdialog.views.render import Renderer

STYLESHEET = "assets/kulturdialog.css"


class KulturdialogConfig(Config):
    content = option.Type(str, default="content")
    """The folder with the content files, relative to mkdocs.yml."""
    language = option.Choice(LANGUAGES, default="nb")
    """Language of the site's own pages, such as the indexes."""


class KulturdialogPlugin(BasePlugin[KulturdialogConfig]):
    library: Library
    renderer: Renderer

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Loaded here, before mkdocs cleans the site folder: bad content leaves the last good
        # site in place rather than a half-written one.
        root = Path(config.config_file_path or ".").parent / self.config.content
        try:
            self.library = load_library(root)
        except ContentError as error:
            raise PluginError("Content problems:\n" + error.report()) from None
        self.renderer = Renderer(
            self.library, language=self.config.language, directory_urls=config.use_directory_urls
        )
        config.theme.dirs.insert(0, str(resources.files("kulturdialog.site").joinpath("theme")))
        config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for page in all_pages(self.renderer):
            generated = File.generated(config, page.src_uri, content=page.markdown)
            # Reached from the index pages, not the sidebar: listing every generated page in
            # the sidebar would make each page's HTML grow with the number of pages.
            generated.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(generated)
        # The stylesheet and the scripts that pages name in their front matter.
        assets = resources.files("kulturdialog.site").joinpath("assets")
        for asset in assets.iterdir():
            src = f"assets/{asset.name}"
            files.append(File.generated(config, src, content=asset.read_bytes()))
        return files
