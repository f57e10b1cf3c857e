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

RESERVED: dict[str, dict[str, str]] = {
    "gathering": {"index": "the list of gatherings"},
    "question set": {"index": "the question-set library"},
    "series": {"index": "the list of series and programmes"},
    "series item": {"index": "the overview of its series"},
    "worksheet": {"index": "the list of worksheets"},
    "package": {"index": "the list of theme packages"},
    "presentation": {"index": "the list of the package's presentations"},
}
"""For each kind of id, the names the site uses for its own pages, and which page each is."""


def check_addresses(library: Library) -> Iterator[Problem]:
    """A problem for every id that is a reserved name for its kind."""
    registries: list[tuple[str, Mapping[str, Entry[Any]]]] = [
        ("gathering", library.gatherings),
        ("question set", library.question_sets),
        ("series", library.series),
        ("worksheet", library.worksheets),
        ("package", library.packages),
    ]
    for noun, registry in registries:
        for ident, entry in registry.items():
            yield from _reserved(entry, noun, ident, ("id",))
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
