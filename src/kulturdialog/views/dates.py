"""Dates, months, weeks and weekdays written for a language, for series and programmes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from babel.dates import format_date, get_day_names

from kulturdialog.model.series import WEEKDAYS, WeekRange, YearMonth
from kulturdialog.views.labels import label


def _long(value: date, language: str, *, year: bool = True) -> str:
    if language == "en":
        return format_date(value, "d MMMM y" if year else "d MMMM", locale=language)
    return format_date(value, "d. MMMM y" if year else "d. MMMM", locale=language)


def date_range(first: date, last: date | None, language: str) -> str:
    """'24.–25. september 2024', or one long date when the range is a single day."""
    if last is None or last == first:
        return _long(first, language)
    if (first.year, first.month) == (last.year, last.month):
        dot = "" if language == "en" else "."
        return f"{first.day}{dot}–{_long(last, language)}"
    if first.year == last.year:
        return f"{_long(first, language, year=False)} – {_long(last, language)}"
    return f"{_long(first, language)} – {_long(last, language)}"


def month_year(value: YearMonth | date, language: str) -> str:
    """'oktober 2024'."""
    day = value.first_day() if isinstance(value, YearMonth) else value
    return format_date(day, "LLLL y", locale=language)


def months(values: Sequence[YearMonth], language: str) -> str:
    """Months as the plans write them: 'juni/august 2025', 'november/desember 2025'."""
    if len({m.year for m in values}) == 1:
        names = [format_date(m.first_day(), "LLLL", locale=language) for m in values]
        return "/".join(names) + f" {values[0].year}"
    return "/".join(month_year(m, language) for m in values)


def week_numbers(values: Sequence[WeekRange]) -> str:
    """'39', '40–44', '34/35'."""
    return "/".join(str(w.first) if w.first == w.last else f"{w.first}–{w.last}" for w in values)


def weeks(values: Sequence[WeekRange], language: str) -> str:
    """'uke 39', 'uke 40–44', 'uke 34/35'."""
    return label("week", language, weeks=week_numbers(values))


def weekdays(values: Sequence[str], language: str) -> str:
    """'mandag/onsdag/fredag'."""
    names = get_day_names("wide", locale=language)
    return "/".join(names[WEEKDAYS.index(day)] for day in values)


FILTERS: dict[str, Callable[..., Any]] = {
    "date_range": date_range,
    "month_year": month_year,
    "months": months,
    "weeks": weeks,
    "week_numbers": week_numbers,
    "weekdays": weekdays,
}
"""Jinja filters: ``{{ item.date|date_range(item.end_date, lang) }}`` and the like."""
