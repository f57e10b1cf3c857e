"""All content of a site, loaded and validated once, with its cross-references checked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from kulturdialog import checks
from kulturdialog.errors import ContentError, Problem
from kulturdialog.loader import Key, Source, read
from kulturdialog.model import (
    Feedback,
    Gathering,
    Package,
    Plan,
    Programme,
    QuestionSet,
    Series,
    Worksheet,
)
from kulturdialog.validation import validate

T = TypeVar("T")

CONTENT_SUFFIXES = (".yml", ".yaml")


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
    used_by: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    """For each question set id: the (kind, id) of every gathering or package that uses it."""
    series: dict[str, Entry[Plan]] = field(default_factory=dict)
    """Series and programmes by id."""
    worksheets: dict[str, Entry[Worksheet]] = field(default_factory=dict)
    packages: dict[str, Entry[Package]] = field(default_factory=dict)
    """Theme packages by id."""
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
            entries, key=lambda g: (g.date is None, -(g.date or date.min).toordinal(), g.title)
        )


def content_files(root: Path) -> list[Path]:
    """Every YAML file below ``root``, in a stable order."""
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.suffix in CONTENT_SUFFIXES and p.is_file())


def load_library(root: Path) -> Library:
    """Read, validate and cross-check all content below ``root``; raise one ContentError with
    every problem found."""
    problems: list[Problem] = []
    library = Library()
    if not root.exists():
        raise ContentError([Problem(str(root), 1, 1, "", "the content folder does not exist")])
    for path in content_files(root):
        parsed = read(path)
        if isinstance(parsed, Problem):
            problems.append(parsed)
            continue
        model, found = validate(parsed)
        problems.extend(found)
        if model is not None:
            problems.extend(_register(library, Entry(model, parsed.source)))
    problems.extend(checks.check_library(library))
    if problems:
        raise ContentError(problems)
    return library


def _register(
    library: Library, entry: Entry[Gathering | QuestionSet | Plan | Worksheet | Package | Feedback]
) -> Iterator[Problem]:
    model = entry.model
    if isinstance(model, Feedback):
        yield from _add(library.feedback, Entry(model, entry.source), "feedback")
        return
    if isinstance(model, Package):
        yield from _add(library.packages, Entry(model, entry.source), "package")
        return
    if isinstance(model, Series | Programme):
        yield from _add(library.series, Entry(model, entry.source), "series")
        return
    if isinstance(model, Worksheet):
        yield from _add(library.worksheets, Entry(model, entry.source), "worksheet")
        return
    if isinstance(model, Gathering):
        yield from _add(library.gatherings, Entry(model, entry.source), "gathering")
        for index, inline in enumerate(model.question_sets):
            inline_entry = Entry(inline, entry.source, ("question_sets", index))
            yield from _add(library.question_sets, inline_entry, "question set")
    else:
        yield from _add(library.question_sets, Entry(model, entry.source), "question set")


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
