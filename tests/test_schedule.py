"""Schedule arithmetic: clock times from a start, relative times without one, totals, overruns."""

from __future__ import annotations

import re
from datetime import time

from hypothesis import given
from hypothesis import strategies as st

from kulturdialog import schedule

SEMINAR = [25, 20, 55, 20, 50, 10]


def test_clock_times_follow_from_the_start() -> None:
    slots = schedule.slots(SEMINAR, time(9, 0))
    assert [(s.start, s.end) for s in slots[:3]] == [
        (time(9, 0), time(9, 25)),
        (time(9, 25), time(9, 45)),
        (time(9, 45), time(10, 40)),
    ]
    assert slots[-1].end == time(12, 0)


def test_without_a_start_times_are_relative() -> None:
    slots = schedule.slots(SEMINAR)
    assert [schedule.format_offset(s.offset) for s in slots] == [
        "+0:00",
        "+0:25",
        "+0:45",
        "+1:40",
        "+2:00",
        "+2:50",
    ]
    assert all(s.start is None and s.end is None for s in slots)
    assert slots[-1].end_offset == 180


def test_total_and_end() -> None:
    assert schedule.total_minutes(SEMINAR) == 180
    assert schedule.end_time(SEMINAR, time(9, 30)) == time(12, 30)


def test_overrun_counts_minutes_past_the_declared_end() -> None:
    assert schedule.overrun(SEMINAR, time(9, 0), time(12, 0)) == 0
    assert schedule.overrun(SEMINAR, time(9, 0), time(11, 50)) == 10
    assert schedule.overrun([45, 25], time(9, 0), time(10, 0)) == 10


def test_times_wrap_past_midnight() -> None:
    assert schedule.add_minutes(time(23, 30), 45) == time(0, 15)
    assert schedule.overrun([60], time(23, 30), time(0, 30)) == 0


def test_formatting() -> None:
    assert schedule.format_clock(time(9, 5)) == "09:05"
    assert schedule.format_offset(130) == "+2:10"


@given(st.integers(min_value=0, max_value=100 * 60))
def test_a_time_from_the_start_is_marked_and_reads_back(minutes: int) -> None:
    text = schedule.format_offset(minutes)
    match = re.fullmatch(r"\+(\d+):(\d\d)", text)
    assert match is not None, text
    assert int(match.group(1)) * 60 + int(match.group(2)) == minutes
