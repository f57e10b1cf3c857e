"""Ids that would name a generated page the site already has: every output file has one source.

An id becomes part of a page address. Some names are taken by the site itself: ``index`` is the
page that lists the question sets (``questions/index.md``), the overview of a series
(``series/<id>/index.md``), and the folder page of every other kind. An id with such a name
would silently replace that page.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from kulturdialog.errors import Problem
from kulturdialog.library import Entry, Library
from kulturdialog.loader import Key
from kulturdialog.model.kinds import registers

RESERVED: dict[str, dict[str, str]] = {
    **{k.noun: {"index": k.index_name} for k in registers().values() if k.index_name},
    # Ids written inside a file, whose pages sit in the folder of the file's own pages.
    "series item": {"index": "the overview of its series"},
    "presentation": {"index": "the list of the package's presentations"},
}
"""For each kind of id, the names the site uses for its own pages, and which page each is."""


def check_addresses(library: Library) -> Iterator[Problem]:
    """A problem for every id that is a reserved name for its kind."""
    for register, kind in registers().items():
        if kind.noun in RESERVED:
            registry: Mapping[str, Entry[Any]] = getattr(library, register)
            for ident, entry in registry.items():
                yield from _reserved(entry, kind.noun, ident, ("id",))
    for plan in library.series.values():
        for index, item in enumerate(plan.model.items):
            yield from _reserved(plan, "series item", item.id, ("items", index, "id"))
    for package in library.packages.values():
        for index, presentation in enumerate(package.model.presentations):
            path: tuple[Key, ...] = ("presentations", index, "id")
            yield from _reserved(package, "presentation", presentation.id, path)


def _reserved(entry: Entry[Any], noun: str, ident: str, path: tuple[Key, ...]) -> Iterator[Problem]:
    taken = RESERVED[noun].get(ident)
    if taken is not None:
        yield entry.problem(
            path,
            f"the {noun} id '{ident}' is reserved: its page would replace {taken}; "
            "choose another id",
        )
