"""Pure time arithmetic for programmes and run-sheets: no content model, no mkdocs.

Everything works in whole minutes from the start of the programme, so that a programme with a
start time shows clock times and one without shows times relative to 0:00.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True)
class Slot:
    """When one block runs, in minutes from the start, and as clock times if a start is known."""

    offset: int
    """Minutes from the start of the programme to the start of this block."""
    minutes: int
    """Length of the block."""
    start: time | None
    """Clock time the block starts, if the programme has a start time."""
    end: time | None
    """Clock time the block ends, if the programme has a start time."""

    @property
    def end_offset(self) -> int:
        return self.offset + self.minutes


def to_minutes(clock: time) -> int:
    """Minutes since midnight."""
    return clock.hour * 60 + clock.minute


def from_minutes(minutes: int) -> time:
    """The clock time that many minutes after midnight, wrapping past midnight."""
    minutes %= MINUTES_PER_DAY
    return time(minutes // 60, minutes % 60)


def add_minutes(clock: time, minutes: int) -> time:
    """The clock time ``minutes`` after ``clock``."""
    return from_minutes(to_minutes(clock) + minutes)


def slots(durations: Sequence[int], start: time | None = None) -> list[Slot]:
    """The slot of each block, back to back from ``start`` (or from 0:00 when it is unknown)."""
    result: list[Slot] = []
    offset = 0
    for minutes in durations:
        begins = add_minutes(start, offset) if start is not None else None
        ends = add_minutes(start, offset + minutes) if start is not None else None
        result.append(Slot(offset, minutes, begins, ends))
        offset += minutes
    return result


def total_minutes(durations: Sequence[int]) -> int:
    """How long the whole programme lasts."""
    return sum(durations)


def end_time(durations: Sequence[int], start: time) -> time:
    """When the programme ends if it starts at ``start``."""
    return add_minutes(start, total_minutes(durations))


def overrun(durations: Sequence[int], start: time, declared_end: time) -> int:
    """Minutes by which the programme runs past ``declared_end`` (0 when it fits)."""
    available = (to_minutes(declared_end) - to_minutes(start)) % MINUTES_PER_DAY
    return max(0, total_minutes(durations) - available)


def format_clock(clock: time) -> str:
    """A clock time as HH:MM."""
    return f"{clock.hour:02d}:{clock.minute:02d}"


def format_offset(minutes: int) -> str:
    """Minutes from the start written as +H:MM, such as +0:45 or +2:10: the sign keeps a time
    from the start from reading as a time of day."""
    return f"+{minutes // 60}:{minutes % 60:02d}"
