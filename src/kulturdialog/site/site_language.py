"""The site language: one setting (the plugin's ``language``) for the theme, search and nav.

A Danish organisation changes that one setting and gets Danish theme words, Danish navigation
titles and Danish stemming; pages whose content is in another language still speak their own
(see ``theme/partials/language.html``).
"""

from __future__ import annotations

from dataclasses import fields

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kulturdialog.library import Entry, Library
from kulturdialog.model.kinds import TABLE
from kulturdialog.views.fields import GUIDE_SUBFOLDERS, guide_language
from kulturdialog.views.labels import label

SEARCH_LANGUAGES = {"nb": "no", "nn": "no", "da": "da", "en": "en"}
"""The stemmer Material's search uses for each content language (it calls Norwegian 'no')."""

NAV_LABELS = {
    "index.md": "home",
    **{f"{k.folder}/index.md": k.index_label for k in TABLE if k.folder and k.index_label},
    "guide/index.md": "author_guide",
}
"""Label keys of the pages the nav names, so that the nav speaks the site language."""


def content_languages(library: Library) -> list[str]:
    """Every language some content file is written in, in first-seen order."""
    found: list[str] = []
    for item in fields(library):
        registry = getattr(library, item.name)
        if not isinstance(registry, dict):
            continue
        for entry in registry.values():
            language = getattr(entry.model, "language", None) if isinstance(entry, Entry) else None
            if isinstance(language, str) and language not in found:
                found.append(language)
    return found


def search_languages(site: str, library: Library) -> list[str]:
    """Stemmers for the site language first, then for every language of the content."""
    wanted: list[str] = []
    for language in [site, *content_languages(library)]:
        stemmer = SEARCH_LANGUAGES.get(language)
        if stemmer and stemmer not in wanted:
            wanted.append(stemmer)
    return wanted


def apply(config: MkDocsConfig, site: str, library: Library) -> None:
    """Make the theme, the site's description and Material's search (when the site uses it)
    follow ``site``."""
    config.theme["language"] = site
    # Every page's meta description: the author's words when mkdocs.yml gives them, else the
    # site language's.
    if not config.site_description:
        config.site_description = label("site_description", site)
    search = config.plugins.get("material/search")
    # Only Material's own search has stemmers to choose; an author's explicit list wins.
    if search is not None and not search.config.get("lang"):
        search.config["lang"] = search_languages(site, library)


def page_language(page: Page | None, site: str) -> str:
    """The language a page speaks: its content's, else the site's."""
    language = page.meta.get("language") if page is not None else None
    return language if language in SEARCH_LANGUAGES else site


def name_nav(nav: Navigation, language: str) -> Navigation:
    """Give the pages the nav lists their titles in ``language``.

    Called for the whole site once, and again before each page is rendered with that page's
    language: Material renders the nav into every page, so a Danish page gets a Danish nav.
    """
    for item in nav.items:
        if isinstance(item, Page) and item.file.src_uri in NAV_LABELS:
            item.title = label(NAV_LABELS[item.file.src_uri], language)
    return nav


GUIDE = "guide/"
"""Where the author guide is published, whatever language it is written in."""


def guide_files(files: Files, config: MkDocsConfig, site: str) -> Files:
    """The author guide in the site's language at ``guide/``: a Danish site publishes
    ``docs/guide/da/`` there, an English one ``docs/guide/en/``, any other the bokmål guide at
    the top of ``docs/guide/``. The other languages' guides are left out. A site whose docs
    lack the translation keeps the bokmål guide."""
    translations = {f"{GUIDE}{sub}/": language for language, sub in GUIDE_SUBFOLDERS.items()}
    wanted = guide_language(site)
    chosen = next((folder for folder, lang in translations.items() if lang == wanted), None)
    if chosen is not None and f"{chosen}index.md" not in files.src_uris:
        chosen = None
    bokmal = {
        file.src_uri: file
        for file in files
        if file.src_uri.startswith(GUIDE)
        and not file.src_uri.startswith(tuple(translations))
        and file.is_documentation_page()
    }
    for file in list(files):
        folder = next((f for f in translations if file.src_uri.startswith(f)), None)
        if folder is None:
            continue
        files.remove(file)
        if folder != chosen:
            continue
        src_uri = GUIDE + file.src_uri.removeprefix(folder)
        replaced = bokmal.pop(src_uri, None)
        if replaced is not None:
            files.remove(replaced)
        inclusion = replaced.inclusion if replaced is not None else InclusionLevel.NOT_IN_NAV
        # Read from its own file, published where the bokmål page would be: links between the
        # guide's pages work the same in every language.
        if file.abs_src_path is not None:
            moved = File.generated(
                config, src_uri, abs_src_path=file.abs_src_path, inclusion=inclusion
            )
        else:
            moved = File.generated(config, src_uri, content=file.content_bytes, inclusion=inclusion)
        files.append(moved)
    if chosen is not None:
        # A bokmål page the translation does not have is not published in another language.
        for file in bokmal.values():
            files.remove(file)
    return files
