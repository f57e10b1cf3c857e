"""All content of a site by kind and id: what the checks read and the views render.

Loading and checking live in ``kulturdialog.content``, above this module and ``checks``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Generic, TypeVar

from kulturdialog.errors import Problem
from kulturdialog.loader import Key, Source
from kulturdialog.model import (
    AnyContent,
    Feedback,
    Gathering,
    Package,
    Plan,
    QuestionSet,
    Worksheet,
)
from kulturdialog.model.kinds import BY_NAME

T = TypeVar("T")


@dataclass(frozen=True)
class Entry(Generic[T]):
    """A validated model and where it was written, for locating later problems."""

    model: T
    source: Source
    """The file it was read from; the parsed data itself is not kept."""
    prefix: tuple[Key, ...] = ()
    """Path of the model inside its document, for models written inside another one."""

    def problem(self, path: tuple[Key, ...], message: str) -> Problem:
        return self.source.problem(self.prefix + path, message)


@dataclass
class Library:
    """Every gathering and question set of a site, by id."""

    gatherings: dict[str, Entry[Gathering]] = field(default_factory=dict)
    question_sets: dict[str, Entry[QuestionSet]] = field(default_factory=dict)
    series: dict[str, Entry[Plan]] = field(default_factory=dict)
    """Series and programmes by id."""
    worksheets: dict[str, Entry[Worksheet]] = field(default_factory=dict)
    packages: dict[str, Entry[Package]] = field(default_factory=dict)
    """Theme packages by id."""
    with_problems: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Ids of files that have problems of their own, by kind ('question_set', 'gathering', ...):
    a reference to one is not a missing id, and its problems are listed once, for its file."""

    def reference(
        self, entry: Entry[Any], path: tuple[Key, ...], kind: str, id: str
    ) -> Iterator[Problem]:
        """The problem with a reference at ``path`` in ``entry`` to ``id`` of ``kind``: none
        when the id exists or when the file that gives it has problems of its own, which are
        listed for that file; otherwise that there is no such id, with the known ones."""
        registry: dict[str, Any] = getattr(self, BY_NAME[kind].register)
        if id in registry or id in self.with_problems.get(kind, ()):
            return
        known = ""
        if registry and len(registry) <= 12:
            known = " (known ids: " + ", ".join(sorted(registry)) + ")"
        noun = BY_NAME[kind].noun
        yield entry.problem(
            path, f"there is no {noun} with the id '{id}'; check the spelling or add it{known}"
        )

    @cached_property
    def used_by(self) -> dict[str, list[tuple[str, str]]]:
        """For each question set id: the (kind, id) of every gathering or package that uses
        it, gatherings first. Worked out from the models, once, after loading."""
        found: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for gathering in self.gatherings.values():
            for ident in gathering.model.question_set_ids:
                if ident in self.question_sets:
                    found[ident].append(("gathering", gathering.model.id))
        for package in self.packages.values():
            for ident in package.model.question_set_ids:
                if ident in self.question_sets:
                    found[ident].append(("package", package.model.id))
        return dict(found)

    feedback: dict[str, Entry[Feedback]] = field(default_factory=dict)
    """Feedback files by id; ``feedback_for`` finds those of one gathering."""

    def feedback_for(self, gathering_id: str) -> list[Feedback]:
        """The feedback on ``gathering_id``, in file order."""
        return self._feedback_by_gathering.get(gathering_id, [])

    @cached_property
    def _feedback_by_gathering(self) -> dict[str, list[Feedback]]:
        # Asked once per gathering and page; worked out once, after loading.
        found: dict[str, list[Feedback]] = defaultdict(list)
        for entry in self.feedback.values():
            found[entry.model.gathering].append(entry.model)
        return dict(found)

    def gathering(self, id: str) -> Gathering:
        return self.gatherings[id].model

    def gatherings_naming(self, package_id: str) -> list[str]:
        """Ids of the gatherings that name ``package_id`` (themselves or in a block), in the
        order of ``sorted_gatherings``."""
        return self._gatherings_by_package.get(package_id, [])

    @cached_property
    def _gatherings_by_package(self) -> dict[str, list[str]]:
        # Asked once per package and page; worked out once, after loading.
        found: dict[str, list[str]] = defaultdict(list)
        for gathering in self.sorted_gatherings():
            for id in dict.fromkeys(id for _, id in gathering.package_references):
                found[id].append(gathering.id)
        return dict(found)

    def question_set(self, id: str) -> QuestionSet:
        return self.question_sets[id].model

    def plan(self, id: str) -> Plan:
        return self.series[id].model

    def worksheet(self, id: str) -> Worksheet:
        return self.worksheets[id].model

    def package(self, id: str) -> Package:
        return self.packages[id].model

    def sorted_packages(self) -> list[Package]:
        """Published packages before announced ones, each by collection, by part as the source
        numbers them, then by title."""
        return sorted(
            (entry.model for entry in self.packages.values()),
            key=lambda p: (p.status != "published", p.collection or "", p.part or "", p.title),
        )

    def sorted_gatherings(self) -> list[Gathering]:
        """Gatherings with a date first, newest first, then the undated ones by title."""
        entries = [entry.model for entry in self.gatherings.values()]
        return sorted(
            entries,
            key=lambda g: (
                g.first_date is None,
                -(g.first_date or date.min).toordinal(),
                g.title,
            ),
        )


def register(library: Library, entry: Entry[AnyContent]) -> Iterator[Problem]:
    """Add ``entry`` to its kind's register, and the question sets written inside a gathering
    to theirs; a problem for each id already taken."""
    model = entry.model
    kind = BY_NAME[model.kind]
    yield from _add(getattr(library, kind.register), entry, kind.noun)
    if isinstance(model, Gathering):
        for index, inline in enumerate(model.question_sets):
            inline_entry = Entry(inline, entry.source, ("question_sets", index))
            yield from _add(library.question_sets, inline_entry, BY_NAME[inline.kind].noun)


def _add(registry: dict[str, Entry[T]], entry: Entry[T], noun: str) -> Iterable[Problem]:
    ident: str = getattr(entry.model, "id")  # noqa: B009 - every registered model has an id
    existing = registry.get(ident)
    if existing is None:
        registry[ident] = entry
        return []
    first = existing.problem(("id",), "")
    return [
        entry.problem(
            ("id",),
            f"the {noun} id '{ident}' is already used in {first.file}:{first.line}; "
            "give this one another id",
        )
    ]
