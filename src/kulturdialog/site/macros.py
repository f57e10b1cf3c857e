"""Macros for hand-written pages: the same renderers that make the generated pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.exceptions import PluginError

from kulturdialog.model import KINDS
from kulturdialog.site.plugin import KulturdialogPlugin
from kulturdialog.views import authoring as authoring_views
from kulturdialog.views import gatherings, packages, series
from kulturdialog.views.render import Renderer

ByIdRenderer = Callable[[Renderer, str, str], str]


def register(env: Any) -> None:
    """Define the Kulturdialog macros on a mkdocs-macros environment."""

    def plugin() -> KulturdialogPlugin:
        found = env.conf.plugins.get("kulturdialog")
        if not isinstance(found, KulturdialogPlugin):
            raise PluginError("the macros need the 'kulturdialog' plugin in mkdocs.yml")
        return found

    def page_src() -> str:
        return str(env.page.file.src_uri)

    def by_id(name: str, render: ByIdRenderer, registry: str) -> Callable[[str], str]:
        def macro(id: str) -> str:
            found = plugin()
            known: dict[str, Any] = getattr(found.library, registry)
            if id not in known:
                listed = ", ".join(sorted(known)) or "none"
                raise PluginError(
                    f'{page_src()}: {name}("{id}"): there is no such id; known: {listed}'
                )
            return render(found.renderer, id, page_src())

        macro.__name__ = name
        return macro

    env.macro(by_id("programme", gatherings.programme_fragment, "gatherings"))
    env.macro(by_id("runsheet", gatherings.runsheet_fragment, "gatherings"))
    env.macro(by_id("question_set", gatherings.question_set_fragment, "question_sets"))

    # The lists grow with the site: their HTML is held out of Markdown conversion.
    def gathering_list() -> str:
        html = gatherings.gathering_list_fragment(plugin().renderer, page_src())
        return plugin().hold(page_src(), html)

    def question_set_list() -> str:
        html = gatherings.question_set_list_fragment(plugin().renderer, page_src())
        return plugin().hold(page_src(), html)

    env.macro(gathering_list)
    env.macro(question_set_list)

    def package_list() -> str:
        html = packages.package_list_fragment(plugin().renderer, page_src())
        return plugin().hold(page_src(), html)

    env.macro(package_list)

    def series_list() -> str:
        html = series.series_list_fragment(plugin().renderer, page_src())
        return plugin().hold(page_src(), html)

    env.macro(series_list)

    # The author guide: field tables and starter examples, both read from the model.
    def by_kind(name: str, render: ByIdRenderer) -> Callable[[str], str]:
        def macro(kind: str) -> str:
            if kind not in KINDS:
                known = ", ".join(KINDS)
                raise PluginError(f'{page_src()}: {name}("{kind}"): no such kind; known: {known}')
            return render(plugin().renderer, kind, page_src())

        macro.__name__ = name
        return macro

    env.macro(by_kind("fields", authoring_views.fields_fragment))
    env.macro(by_kind("starter", authoring_views.starter_fragment))
