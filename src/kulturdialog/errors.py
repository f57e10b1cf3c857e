"""One error type for content problems, collected over a whole run and printed for authors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Control characters (C0, DEL, C1), line and paragraph separators: echoed raw they would move
# the cursor, recolour the terminal or split one problem over several lines.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` with every control character written as an escape, such as ``\\x1b``."""
    return _INVISIBLE.sub(
        lambda m: (
            _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}")
            if ord(m.group()) < 0x100
            else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one content file, with where it is and what to do about it."""

    file: str
    """Path of the content file, as the author would type it (relative where possible)."""
    line: int
    """1-based line of the offending value or key."""
    column: int
    """1-based column of the offending value or key."""
    field: str
    """Dotted path of the field inside the document, such as ``programme.2.minutes``."""
    message: str
    """What is wrong and what to do, in plain words."""

    def __str__(self) -> str:
        where = f"{visible(self.file)}:{self.line}:{self.column}"
        message = visible(self.message)
        return f"{where}: {visible(self.field)}: {message}" if self.field else f"{where}: {message}"


class ContentError(Exception):
    """Raised once per run with every problem found, so an author can fix them all in one go."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} content {noun} found; fix them and build again.")
        return "\n".join(lines)


def display_path(path: Path) -> str:
    """The path relative to the working folder when it lies below it, else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
