"""Dates, months, weeks and weekdays written for each language."""

from __future__ import annotations

from datetime import date

import pytest

from kulturdialog.model.series import WeekRange, YearMonth
from kulturdialog.views.dates import date_range, month_year, months, week_numbers, weekdays, weeks


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "24.–25. september 2024"),
        ("nn", "24.–25. september 2024"),
        ("da", "24.–25. september 2024"),
        ("en", "24–25 September 2024"),
    ],
)
def test_a_date_range_within_a_month(language: str, expected: str) -> None:
    assert date_range(date(2024, 9, 24), date(2024, 9, 25), language) == expected


def test_single_days_and_ranges_over_months_and_years() -> None:
    assert date_range(date(2024, 3, 15), None, "nb") == "15. mars 2024"
    assert (
        date_range(date(2024, 9, 30), date(2024, 10, 2), "da") == "30. september – 2. oktober 2024"
    )
    assert date_range(date(2024, 12, 30), date(2025, 1, 2), "en") == (
        "30 December 2024 – 2 January 2025"
    )


def test_months_weeks_and_weekdays_in_each_language() -> None:
    assert month_year(YearMonth(year=2024, month=10), "nb") == "oktober 2024"
    assert months([YearMonth(year=2025, month=6), YearMonth(year=2025, month=8)], "nb") == (
        "juni/august 2025"
    )
    choices = [WeekRange(first=2, last=3), WeekRange(first=4, last=4)]
    assert week_numbers(choices) == "2–3/4"
    assert [weeks([WeekRange(first=39, last=39)], lang) for lang in ("nb", "nn", "da", "en")] == [
        "uke 39",
        "veke 39",
        "uge 39",
        "week 39",
    ]
    assert weekdays(["monday", "wednesday", "friday"], "nn") == "måndag/onsdag/fredag"
    assert weekdays(["monday", "wednesday", "friday"], "da") == "mandag/onsdag/fredag"
