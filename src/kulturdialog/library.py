"""All content of a site, loaded and validated once, with its cross-references checked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from kulturdialog import checks
from kulturdialog.errors import ContentError, Problem
from kulturdialog.loader import Key, Source, read
from kulturdialog.model import (
    Content,
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


Stamp = tuple[int, int]
"""A file's modification time (ns) and size: a file whose stamp is unchanged is not read again."""


@dataclass(frozen=True)
class Loaded:
    """One content file read and validated: its model and source, or its problems."""

    stamp: Stamp
    model: Content | None
    source: Source | None
    problems: tuple[Problem, ...]


@dataclass
class FileCache:
    """Validated files by path, kept across loads of one folder (the live preview): a load
    reads and validates again only the files whose stamp changed."""

    files: dict[Path, Loaded] = field(default_factory=dict)
    read: int = 0
    """How many files the last load read; the others came from the cache."""


def _stamp(path: Path) -> Stamp:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _load_file(path: Path, stamp: Stamp) -> Loaded:
    parsed = read(path)
    if isinstance(parsed, Problem):
        return Loaded(stamp, None, None, (parsed,))
    model, found = validate(parsed)
    return Loaded(stamp, model, parsed.source, tuple(found))


def load_library(root: Path, cache: FileCache | None = None) -> Library:
    """Read, validate and cross-check all content below ``root``; raise one ContentError with
    every problem found. With ``cache``, only files changed since the last load are read; the
    cross-checks always run over the whole library."""
    problems: list[Problem] = []
    library = Library()
    if not root.exists():
        raise ContentError([Problem(str(root), 1, 1, "", "the content folder does not exist")])
    kept: dict[Path, Loaded] = {}
    read_now = 0
    for path in content_files(root):
        try:
            stamp = _stamp(path)
        except OSError:
            stamp = (0, -1)
        loaded = cache.files.get(path) if cache is not None else None
        if loaded is None or loaded.stamp != stamp:
            loaded = _load_file(path, stamp)
            read_now += 1
        kept[path] = loaded
        problems.extend(loaded.problems)
        if loaded.model is not None and loaded.source is not None:
            problems.extend(_register(library, Entry(loaded.model, loaded.source)))
    if cache is not None:
        # Deleted files drop out here.
        cache.files = kept
        cache.read = read_now
    problems.extend(checks.check_library(library))
    if problems:
        raise ContentError(problems)
    return library


def _register(
    library: Library, entry: Entry[Gathering | QuestionSet | Plan | Worksheet | Package]
) -> Iterator[Problem]:
    model = entry.model
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
