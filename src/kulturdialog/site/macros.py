"""Macros for hand-written pages: the same renderers that make the generated pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from kulturdialog.model.kinds import BY_NAME, KINDS, registers
from kulturdialog.site import guide as authoring_views
from kulturdialog.site.plugin import KulturdialogPlugin
from kulturdialog.views import gatherings, packages, series
from kulturdialog.views.labels import label as site_label
from kulturdialog.views.labels import table
from kulturdialog.views.render import Renderer

ByIdRenderer = Callable[[Renderer, str, str], str]
ListRenderer = Callable[[Renderer, str], str]

LISTS: dict[str, ListRenderer] = {
    "gathering": gatherings.gathering_list_fragment,
    "question_set": gatherings.question_set_list_fragment,
    "series": series.series_list_fragment,
    "package": packages.package_list_fragment,
}
"""The list of each register's kind with an index of its own (``Kind.index_label``), for its
list macro."""


def register(env: Any) -> None:
    """Define the Kulturdialog macros on a mkdocs-macros environment."""

    def plugin() -> KulturdialogPlugin:
        found = env.conf.plugins.get("kulturdialog")
        if not isinstance(found, KulturdialogPlugin):
            raise PluginError("the macros need the 'kulturdialog' plugin in mkdocs.yml")
        return found

    def page_src() -> str:
        return str(env.page.file.src_uri)

    def where(name: str, argument: str) -> str:
        """``docs/page.md:line`` of the first call of macro ``name`` with ``argument``."""
        file = env.page.file
        docs = Path(env.conf.docs_dir).name
        line = 1
        if file.abs_src_path:
            call = re.compile(rf"{name}\(\s*[\"']{re.escape(argument)}[\"']")
            text = Path(file.abs_src_path).read_text("utf-8")
            found = call.search(text)
            line = text.count("\n", 0, found.start()) + 1 if found else 1
        return f"{docs}/{file.src_uri}:{line}"

    def by_id(name: str, render: ByIdRenderer, registry: str) -> Callable[[str], str]:
        def macro(id: str) -> str:
            found = plugin()
            known: dict[str, Any] = getattr(found.library, registry)
            if id not in known:
                # Reported by the plugin once every page is read: the macros plugin would stop
                # the build with a traceback and exit code 100 on an exception.
                listed = ", ".join(sorted(known)) or "none"
                found.macro_problems.append(
                    f'{where(name, id)}: {name}("{id}"): there is no such id; use one of: {listed}'
                )
                return ""
            return render(found.renderer, id, page_src())

        macro.__name__ = name
        return macro

    gathering, question_set = BY_NAME["gathering"].register, BY_NAME["question_set"].register
    env.macro(by_id("programme", gatherings.programme_fragment, gathering))
    env.macro(by_id("runsheet", gatherings.runsheet_fragment, gathering))
    env.macro(by_id("question_set", gatherings.question_set_fragment, question_set))

    # A list macro per kind with an index of its own, such as gathering_list(); the lists grow
    # with the site, so their HTML is held out of Markdown conversion.
    def listing(name: str, fragment: ListRenderer) -> Callable[[], str]:
        def macro() -> str:
            html = fragment(plugin().renderer, page_src())
            return plugin().hold(page_src(), html)

        macro.__name__ = name
        return macro

    for kind in registers().values():
        if kind.index_label is not None:
            env.macro(listing(f"{kind.name}_list", LISTS[kind.name]))

    # A label of the site's own pages in the site language, so that a hand-written page such
    # as the home page changes language with the site.
    def label(key: str) -> str:
        if key not in table():
            raise PluginError(f'{page_src()}: label("{key}"): no such label in labels.yml')
        return site_label(key, plugin().config.language)

    env.macro(label)

    # The author guide: field tables and starter examples, both read from the model.
    def by_kind(name: str, render: ByIdRenderer) -> Callable[[str], str]:
        def macro(kind: str) -> str:
            if kind not in KINDS:
                known = ", ".join(KINDS)
                plugin().macro_problems.append(
                    f'{where(name, kind)}: {name}("{kind}"): no such kind; use one of: {known}'
                )
                return ""
            return render(plugin().renderer, kind, page_src())

        macro.__name__ = name
        return macro

    env.macro(by_kind("fields", authoring_views.fields_fragment))
    env.macro(by_kind("starter", authoring_views.starter_fragment))
