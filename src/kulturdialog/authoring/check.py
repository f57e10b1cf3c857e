"""The check command: every content problem at once, or a short summary of what was found."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from kulturdialog.content import content_files, load_content
from kulturdialog.errors import ContentError, Problem
from kulturdialog.library import Entry, Library


@dataclass(frozen=True)
class CheckResult:
    """What a check of one content folder found."""

    files: int
    problems: list[Problem]
    counts: dict[str, int]
    """How many entries of each registry (gatherings, question_sets, ...) the library holds."""

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        files = f"{self.files} file" + ("" if self.files == 1 else "s")
        if self.problems:
            count = len(self.problems)
            noun = "problem" if count == 1 else "problems"
            return f"{count} content {noun} found in {files}; fix them and check again."
        parts = ", ".join(f"{name.replace('_', ' ')}: {n}" for name, n in self.counts.items() if n)
        return f"OK: {files}, no problems" + (f" ({parts})." if parts else ".")


def _counts(library: Library) -> dict[str, int]:
    # Every registry of the library, whatever kinds it holds now or later.
    counts = {}
    for item in fields(library):
        value = getattr(library, item.name)
        if isinstance(value, dict) and all(isinstance(v, Entry) for v in value.values()):
            counts[item.name] = len(value)
    return counts


def check(root: Path) -> CheckResult:
    """Load and check all content below ``root``; never raises for what is in the files."""
    files = len(content_files(root)) if root.exists() else 0
    try:
        library = load_content(root)
    except ContentError as error:
        return CheckResult(files, error.problems, {})
    return CheckResult(files, [], _counts(library))
