"""Timetable rows: each block of a day with its times and its question set."""

from __future__ import annotations

from datetime import time

from kulturdialog.content import load_content
from kulturdialog.views.programme import timetable
from tests.conftest import FIXTURES


def test_rows_carry_clock_times_and_question_sets() -> None:
    library = load_content(FIXTURES / "valid")
    laid_out = timetable(library.gathering("kveldsmote"), library)
    assert [(row.begins, row.ends) for row in laid_out.rows] == [
        ("10:15", "10:35"),
        ("10:35", "11:15"),
        ("11:15", "11:30"),
    ]
    assert laid_out.total == 75
    assert laid_out.end == time(11, 30)
    assert [qs.id for qs in laid_out.question_sets] == ["samarbeid"]
    assert laid_out.rows[1].question_set is not None


def test_another_start_moves_every_row() -> None:
    library = load_content(FIXTURES / "valid")
    laid_out = timetable(library.gathering("kveldsmote"), library, start=time(9, 30))
    assert [row.begins for row in laid_out.rows] == ["09:30", "09:50", "10:30"]
    assert laid_out.end == time(10, 45)


def test_without_a_start_rows_count_from_zero() -> None:
    library = load_content(FIXTURES.parent.parent / "content")
    laid_out = timetable(library.gathering("nasjonalt-dialogseminar-2023"), library)
    assert [row.begins for row in laid_out.rows] == [
        "+0:00",
        "+0:25",
        "+0:45",
        "+1:40",
        "+2:00",
        "+2:50",
    ]
    assert laid_out.end is None
