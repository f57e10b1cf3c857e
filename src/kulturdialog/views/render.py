"""The renderer: one library, one site's settings, Jinja templates in; Markdown and HTML out."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import yaml
from markupsafe import Markup, escape

from kulturdialog.library import Library
from kulturdialog.model import Gathering
from kulturdialog.model.kinds import BY_NAME
from kulturdialog.views import inputs, urls
from kulturdialog.views.dates import date_range
from kulturdialog.views.environment import environment
from kulturdialog.views.labels import label
from kulturdialog.views.programme import Timetable, timetables


@dataclass(frozen=True)
class GeneratedPage:
    """A page that exists only in memory: where it goes, and how to write it.

    The text is written when asked for, so a site builder can render each page when it reads it
    and need not hold every page's text at once.
    """

    src_uri: str
    write: Callable[[], str]
    """Returns the page's text: Markdown for a ``.md`` page, the file itself otherwise."""
    key: tuple[Any, ...] | None = None
    """Everything the text is made from (template, settings, context): two pages with equal
    keys have the same text, so a live preview can keep a page whose key did not change. None
    when unknown."""

    @property
    def markdown(self) -> str:
        return self.write()


UNINDEXED_KINDS = frozenset({"handout", "projector", "facilitator", "day-runsheet"})
"""Page types left out of the search index. Handouts and projector views repeat a question set
word for word, and its own page is found by search; a facilitator guide repeats the participant
page, and its block notes are found on the run-sheet; a day's run-sheet repeats that day of the
gathering's run-sheet. Every first visit downloads the whole
index, so repeats cost everyone."""


UNHEADED_KINDS = frozenset({"handout"})
"""Page types printed without a running header or page numbers: each group sheet is a page of
its own, headed by its group."""


# libyaml's emitter writes the same text about four times faster; it runs once per page.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def print_header(title: str, language: str, context: dict[str, Any]) -> str:
    """The running header of a printed page: its title, and the gathering's dates if it has
    them."""
    gathering = context.get("g")
    if not isinstance(gathering, Gathering) or gathering.first_date is None:
        return title
    return f"{title}, {date_range(gathering.first_date, gathering.last_date, language)}"


def css_string(text: str) -> str:
    """``text`` for the inside of a double-quoted CSS string: every character that is not a
    letter, digit or plain punctuation is written as a CSS escape, so author text cannot end
    the string or the style element."""
    return _CSS_UNSAFE.sub(lambda match: f"\\{ord(match.group()):x} ", text)


_CSS_UNSAFE = re.compile(r"[^\w ,.:;()–-]|_")
"""A character that is neither a letter or digit (``str.isalnum``) nor plain punctuation."""


def _front_matter(**meta: Any) -> str:
    # Generated pages are data, not templates: the macros plugin must leave them alone.
    meta = {"render_macros": False, **meta}
    dumped = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return "---\n" + dumped + "---\n\n"


@dataclass
class Reuse:
    """During a live preview: each item's pages as the last build made them, with the models
    they were made from. A save makes new model objects only for the files it changed, so an
    item whose models are all the very objects of the last build has the same pages, and their
    keys are the same objects: neither is made nor compared again."""

    made: dict[tuple[str, str], tuple[tuple[Any, ...], list[GeneratedPage]]] = field(
        default_factory=dict
    )
    """The pages of each item, by kind and id."""
    cards: dict[tuple[str, str, str], tuple[tuple[Any, ...], Markup]] = field(default_factory=dict)
    """The card of each item in each list, by template, page and id."""
    settings: tuple[Any, ...] = ()
    """The site settings the kept pages and cards were made with."""
    used: set[tuple[str, str]] = field(default_factory=set)
    """The items asked for since the last ``prune``."""

    def pages(
        self,
        settings: tuple[Any, ...],
        item: tuple[str, str],
        inputs: tuple[Any, ...],
        make: Callable[[], Iterable[GeneratedPage]],
    ) -> list[GeneratedPage]:
        self._settle(settings)
        self.used.add(item)
        return _kept(self.made, item, inputs, lambda: list(make()))

    def card(
        self,
        settings: tuple[Any, ...],
        place: tuple[str, str, str],
        inputs: tuple[Any, ...],
        make: Callable[[], Markup],
    ) -> Markup:
        """The card of one item (template, page and id) of a list, kept like pages are."""
        self._settle(settings)
        return _kept(self.cards, place, inputs, make)

    def _settle(self, settings: tuple[Any, ...]) -> None:
        if settings != self.settings:
            self.made, self.cards = {}, {}
            self.settings = settings

    def prune(self) -> None:
        """Forget the items no build has asked for since the last prune (deleted ones)."""
        self.made = {item: kept for item, kept in self.made.items() if item in self.used}
        ids = {ident for _, ident in self.used}
        self.cards = {place: kept for place, kept in self.cards.items() if place[2] in ids}
        self.used = set()


K = TypeVar("K")
V = TypeVar("V")


def _kept(
    store: dict[K, tuple[tuple[Any, ...], V]],
    key: K,
    inputs: tuple[Any, ...],
    make: Callable[[], V],
) -> V:
    """What ``store`` holds at ``key`` if it was made from ``inputs``, else ``make()``, kept."""
    kept = store.get(key)
    if kept is not None and _same_objects(kept[0], inputs):
        return kept[1]
    value = make()
    store[key] = (inputs, value)
    return value


def _same_objects(before: tuple[Any, ...], now: tuple[Any, ...]) -> bool:
    # Identity, not equality: an equal model read again from a changed file is not trusted to
    # be the same input, and identity is what makes the check cost nothing.
    return len(before) == len(now) and all(a is b for a, b in zip(before, now, strict=True))


class Renderer:
    """Renders pages and fragments of one library for one site."""

    def __init__(
        self,
        library: Library,
        *,
        language: str = "nb",
        directory_urls: bool = True,
        site_url: str | None = None,
        published_directory_urls: bool | None = None,
        cache: Path | None = None,
        reuse: Reuse | None = None,
    ):
        self.library = library
        self.site_url = site_url
        """Where the site is published, when known: QR codes in the room point there."""
        self.published_directory_urls = (
            directory_urls if published_directory_urls is None else published_directory_urls
        )
        """How the published site writes its addresses, which QR codes use: an offline copy
        writes ``page.html`` where the published site has ``page/``."""
        self.cache = cache
        """A folder where work that outlives a build (QR codes) is kept, if any."""
        self.language = language
        """Language of the site's own pages, such as the indexes."""
        self.directory_urls = directory_urls
        self.reuse = reuse
        """During a live preview: the pages of the last build, kept per item."""
        self._timetables: dict[str, list[Timetable]] = {}

    @property
    def settings(self) -> tuple[Any, ...]:
        """Everything besides the content that a page, a card or a fragment is made with: the
        one settings part of every key a live preview keeps work by."""
        return (
            self.language,
            self.directory_urls,
            self.site_url,
            self.published_directory_urls,
            self.cache,
        )

    def made(
        self, kind: str, model: Any, make: Callable[[], Iterable[GeneratedPage]]
    ) -> Iterable[GeneratedPage]:
        """The pages ``make`` makes for ``model``, an item of ``kind`` in ``inputs.READS``:
        during a live preview, kept from the last build when the models that declaration lists
        and the settings are the same."""
        return self.reused((kind, model.id), inputs.read(kind, self.library, model), make)

    def reused(
        self,
        item: tuple[str, str],
        models: tuple[Any, ...],
        make: Callable[[], Iterable[GeneratedPage]],
    ) -> Iterable[GeneratedPage]:
        """The pages ``make`` makes for ``item`` (kind and id), which are a function of
        ``models`` and the site settings: kept from the last build when it had the same ones.
        Producers ask ``made``, which takes the models from the one declaration."""
        if self.reuse is None:
            return make()
        return self.reuse.pages(self.settings, item, models, make)

    def timetables(self, gathering: Gathering) -> list[Timetable]:
        """The timetable of each day of ``gathering``, worked out once per build: its pages
        and its room screens are made from the same."""
        found = self._timetables.get(gathering.id)
        if found is None:
            found = self._timetables[gathering.id] = timetables(gathering, self.library)
        return found

    def linker(self, page_src: str) -> urls.Linker:
        return urls.Linker(page_src, self.directory_urls)

    def render(self, template: str, page_src: str, language: str, **context: Any) -> str:
        """Template ``template`` rendered for the page at ``page_src`` in ``language``."""
        return (
            environment()
            .get_template(template)
            .render(
                t=partial(label, language=language),
                link=self.linker(page_src),
                lang=language,
                **context,
            )
        )

    def page(
        self,
        template: str,
        src: str,
        language: str,
        kind: str,
        title: str,
        *,
        scripts: tuple[str, ...] = (),
        indexed: bool = True,
        **context: Any,
    ) -> GeneratedPage:
        """A generated page; ``kind`` names the page type for styling.

        ``scripts`` are files under ``assets/`` that only this page loads; a page that is not
        ``indexed`` (nor any of ``UNINDEXED_KINDS``) is left out of the search index. The title
        goes into the front matter HTML-escaped: the theme prints the page title unescaped in
        its header, so author text must arrive there as text.
        """
        meta: dict[str, Any] = {"title": str(escape(title)), "language": language, "kd_page": kind}
        if kind not in UNHEADED_KINDS:
            meta["kd_print_header"] = css_string(print_header(title, language, context))
        if scripts:
            meta["kd_scripts"] = [f"assets/{name}" for name in scripts]
        if kind in UNINDEXED_KINDS or not indexed:
            meta["search"] = {"exclude": True}

        def write() -> str:
            return _front_matter(**meta) + self.render(template, src, language, **context)

        page = (template, src, language, kind, title, scripts, indexed)
        key = (*page, self.settings, sorted(context.items()))
        return GeneratedPage(src, write, key)

    def index(self, kind: str, **context: Any) -> GeneratedPage:
        """The index page of ``kind``'s register in the site language, from the template
        ``<kind>/index.md``, where the kind table puts it and named as its navigation is."""
        name = BY_NAME[kind].index_label
        assert name is not None, f"the kind '{kind}' has no index of its own"
        title = label(name, self.language)
        return self.page(
            f"{kind}/index.md", urls.index(kind), self.language, "index", title, **context
        )

    def standalone(self, template: str, src: str, language: str, **context: Any) -> GeneratedPage:
        """A file that ``template`` writes whole, without the site around it (a screen for the
        room, the presenter), keyed like a page so that a live preview can keep it."""
        key = (template, src, language, self.settings, sorted(context.items()))
        return GeneratedPage(src, partial(self.render, template, src, language, **context), key)

    def cards(
        self,
        template: str,
        page_src: str,
        kind: str,
        items: Iterable[tuple[Any, Callable[[], dict[str, Any]]]],
    ) -> list[Markup]:
        """One card per item from ``template``, for a list on the page at ``page_src`` in the
        site language. Each item is a model, an item of ``kind`` in ``inputs.READS``, and a
        function that gives the template's context. A card whose declared models are the very
        objects it was last made from is kept: an index of every gathering is made again on
        every save of a live preview, and most of its cards are the same."""

        def make(context: Callable[[], dict[str, Any]]) -> Markup:
            return Markup(self.render(template, page_src, self.language, **context()))

        reuse = self.reuse
        if reuse is None:
            return [make(context) for _, context in items]
        return [
            reuse.card(
                self.settings,
                (template, page_src, model.id),
                inputs.read(kind, self.library, model),
                partial(make, context),
            )
            for model, context in items
        ]

    def fragment(self, template: str, page_src: str, **context: Any) -> str:
        """An HTML fragment from ``template``, for a macro on ``page_src``."""
        language = str(context.pop("language", self.language))
        # Keyed like a page: a live preview renders the hand-written pages on every save, and
        # a list of every question set is the same after most edits.
        key = (language, self.settings, sorted(context.items()))
        kept = _FRAGMENTS.get((template, page_src))
        if kept is not None and kept[0] == key:
            return kept[1]
        text = self.render(template, page_src, language, **context)
        _FRAGMENTS[(template, page_src)] = (key, text)
        return text


_FRAGMENTS: dict[tuple[str, str], tuple[tuple[Any, ...], str]] = {}
"""The last text of each macro's fragment on each page, with its key."""
