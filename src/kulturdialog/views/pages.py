"""Every generated page of a site, and the fragments that macros embed in hand-written pages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

import yaml

from kulturdialog.library import Library
from kulturdialog.model import Gathering
from kulturdialog.views import urls
from kulturdialog.views.environment import environment
from kulturdialog.views.labels import label
from kulturdialog.views.programme import programme


@dataclass(frozen=True)
class GeneratedPage:
    """A page that exists only in memory: where it goes and its Markdown."""

    src_uri: str
    markdown: str


def _front_matter(**meta: Any) -> str:
    # Generated pages are data, not templates: the macros plugin must leave them alone.
    meta = {"render_macros": False, **meta}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


class Renderer:
    """Renders pages and fragments of one library for one site."""

    def __init__(self, library: Library, *, language: str = "nb", directory_urls: bool = True):
        self.library = library
        self.language = language
        """Language of the site's own pages, such as the indexes."""
        self.directory_urls = directory_urls

    def _render(self, template: str, page_src: str, language: str, **context: Any) -> str:
        return environment().get_template(template).render(
            t=partial(label, language=language),
            link=urls.Linker(page_src, self.directory_urls),
            lang=language,
            **context,
        )

    def _page(self, template: str, src: str, language: str, kind: str, **context: Any) -> GeneratedPage:
        body = self._render(template, src, language, **context)
        return GeneratedPage(src, _front_matter(language=language, kd_page=kind) + body)

    def pages(self) -> Iterator[GeneratedPage]:
        """Every generated page: indexes, three pages per gathering, one per question set."""
        yield self._page(
            "gatherings_index.md", urls.gatherings_index(), self.language, "index",
            gatherings=self._gathering_items(),
        )
        yield self._page(
            "question_sets_index.md", urls.question_sets_index(), self.language, "index",
            question_sets=self._question_set_items(),
        )
        for gathering in self.library.sorted_gatherings():
            yield from self.gathering_pages(gathering)
        for entry in self.library.question_sets.values():
            qs = entry.model
            src = urls.question_set(qs.id)
            yield self._page(
                "question_set.md", src, qs.language, "question_set",
                qs=qs, users=self._users(qs.id, src),
            )

    def gathering_pages(self, gathering: Gathering) -> Iterator[GeneratedPage]:
        context = {"g": gathering, "p": programme(gathering, self.library)}
        lang = gathering.language
        yield self._page("participant.md", urls.gathering(gathering.id), lang, "participant", **context)
        yield self._page("facilitator.md", urls.facilitator(gathering.id), lang, "facilitator", **context)
        yield self._page("runsheet.md", urls.runsheet(gathering.id), lang, "runsheet", **context)

    def _gathering_items(self) -> list[dict[str, Any]]:
        return [
            {"gathering": g, "total": sum(block.minutes for block in g.programme)}
            for g in self.library.sorted_gatherings()
        ]

    def _question_set_items(self) -> list[dict[str, Any]]:
        items = []
        for id, entry in sorted(self.library.question_sets.items(), key=lambda kv: kv[1].model.title):
            users = [self.library.gathering(user).title for _, user in self.library.used_by.get(id, [])]
            items.append({"qs": entry.model, "users": users})
        return items

    def _users(self, question_set_id: str, page_src: str) -> list[tuple[str, str, str]]:
        linker = urls.Linker(page_src, self.directory_urls)
        found = []
        for kind, id in self.library.used_by.get(question_set_id, []):
            if kind == "gathering":
                found.append((kind, linker.gathering(id), self.library.gathering(id).title))
        return found

    # Fragments for macros in hand-written pages.

    def fragment(self, name: str, page_src: str, **context: Any) -> str:
        """An HTML fragment rendered by template ``_fragment_<name>.html`` for ``page_src``."""
        language = str(context.pop("language", self.language))
        return self._render(f"_fragment_{name}.html", page_src, language, **context)

    def programme_fragment(self, id: str, page_src: str) -> str:
        g = self.library.gathering(id)
        return self.fragment("programme", page_src, language=g.language, g=g, p=programme(g, self.library))

    def runsheet_fragment(self, id: str, page_src: str) -> str:
        g = self.library.gathering(id)
        return self.fragment("runsheet", page_src, language=g.language, g=g, p=programme(g, self.library))

    def question_set_fragment(self, id: str, page_src: str) -> str:
        qs = self.library.question_set(id)
        return self.fragment("question_set", page_src, language=qs.language, qs=qs)

    def gathering_list_fragment(self, page_src: str) -> str:
        return self.fragment("gathering_list", page_src, gatherings=self._gathering_items())

    def question_set_list_fragment(self, page_src: str) -> str:
        return self.fragment("question_set_list", page_src, question_sets=self._question_set_items())
