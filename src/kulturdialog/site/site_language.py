"""The site language: one setting (the plugin's ``language``) for the theme, search and nav.

A Danish organisation changes that one setting and gets Danish theme words, Danish navigation
titles and Danish stemming; pages whose content is in another language still speak their own
(see ``theme/partials/language.html``).
"""

from __future__ import annotations

from dataclasses import fields

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kulturdialog.library import Entry, Library
from kulturdialog.model.kinds import TABLE
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
    """Make the theme and Material's search (when the site uses it) follow ``site``."""
    config.theme["language"] = site
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
