"""What `kulturdialog check` accepts, the build publishes: each case an author reported as
'check OK, build crashed' is now a located problem from both, or builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from kulturdialog.cli import main
from tests.conftest import FIXTURES, BuildSite

GATHERING = """kind: gathering
id: samling
title: {title}
language: nb
{extra}programme:
  - {{kind: talk, minutes: {minutes}, title: Velkommen}}
"""

SERIES = """kind: series
id: serie
title: {title}
language: nb
items:
  - {{id: forste, title: {title}, {when}}}
"""

PACKAGE = (FIXTURES / "packages" / "valid" / "pakke.yml").read_text("utf-8")
TASKS = (FIXTURES / "packages" / "valid" / "oppgaver.yml").read_text("utf-8")


def content(tmp_path: Path, **files: str) -> Path:
    root = tmp_path / "content"
    root.mkdir()
    for name, text in files.items():
        (root / f"{name}.yml").write_text(text, "utf-8")
    return root


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", str(root)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def refused_by_both(
    root: Path, build_site: BuildSite, capsys: pytest.CaptureFixture[str], *expected: str
) -> None:
    code, output = check(root, capsys)
    assert code == 1, output
    for text in expected:
        assert text in output, output
    built = build_site(content=root)
    assert built.returncode != 0
    assert "Traceback" not in built.output
    for text in expected:
        assert text in built.output, built.output


def built_by_both(root: Path, build_site: BuildSite, capsys: pytest.CaptureFixture[str]) -> Path:
    code, output = check(root, capsys)
    assert code == 0, output
    built = build_site(content=root)
    assert built.returncode == 0, built.output
    return built.site


def test_multi_line_title_on_a_dated_gathering_builds_its_calendar_file(
    tmp_path: Path, build_site: BuildSite, capsys: pytest.CaptureFixture[str]
) -> None:
    title = '"Høst\\n\\nsamling"'
    root = content(
        tmp_path, g=GATHERING.format(title=title, extra="date: 2024-09-24\n", minutes=20)
    )
    site = built_by_both(root, build_site, capsys)
    ics = (site / "gatherings" / "samling" / "samling.ics").read_text("utf-8")
    assert "X-WR-CALNAME:Høst samling" in ics and "SUMMARY:Høst samling" in ics


def test_multi_line_title_on_a_series_with_a_dated_item_builds_its_calendar_file(
    tmp_path: Path, build_site: BuildSite, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content(tmp_path, s=SERIES.format(title='"Møte\\n\\nrekke"', when="date: 2024-10-29"))
    site = built_by_both(root, build_site, capsys)
    assert "X-WR-CALNAME:Møte rekke" in (site / "series" / "serie" / "serie.ics").read_text()


def test_date_9999_12_31_is_a_located_problem(
    tmp_path: Path, build_site: BuildSite, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content(tmp_path, g=GATHERING.format(title="G", extra="date: 9999-12-31\n", minutes=5))
    refused_by_both(root, build_site, capsys, "g.yml:5:7: date: must be at most 2200-12-31")


def test_date_9999_12_31_with_week_is_a_located_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content(tmp_path, s=SERIES.format(title="S", when="date: 9999-12-31, week: 52"))
    code, output = check(root, capsys)
    assert code == 1 and "items.1.date: must be at most 2200-12-31" in output


def test_year_2024_week_53_is_a_located_problem(
    tmp_path: Path, build_site: BuildSite, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content(tmp_path, s=SERIES.format(title="S", when="year: 2024, week: 53"))
    refused_by_both(root, build_site, capsys, "items.1.week: 2024 has 52 ISO weeks")


def test_year_2020_week_53_builds(
    tmp_path: Path, build_site: BuildSite, capsys: pytest.CaptureFixture[str]
) -> None:
    when = "year: 2020, week: 53, weekdays: [monday], start: '10:00'"
    site = built_by_both(
        content(tmp_path, s=SERIES.format(title="S", when=when)), build_site, capsys
    )
    assert "RRULE" in (site / "series" / "serie" / "serie.ics").read_text()


@pytest.mark.parametrize("week", [0, 54])
def test_weeks_0_and_54_are_located_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], week: int
) -> None:
    root = content(tmp_path, s=SERIES.format(title="S", when=f"year: 2024, week: {week}"))
    code, output = check(root, capsys)
    assert code == 1 and "s.yml:6:" in output and "items.1.week" in output


@pytest.mark.parametrize("value", ["1e309", "inf", ".inf", "nan"])
def test_figure_value_1e309_or_inf_is_a_located_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    root = content(tmp_path, p=PACKAGE.replace("value: 95", f"value: {value}"), o=TASKS)
    code, output = check(root, capsys)
    assert code == 1, output
    assert "presentations.1.slides.2.figures.1.values.1.value:" in output


def test_figure_value_1e309_fails_the_build_the_same_way(
    tmp_path: Path, build_site: BuildSite, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content(tmp_path, p=PACKAGE.replace("value: 95", "value: 1e309"), o=TASKS)
    refused_by_both(root, build_site, capsys, "'1e309' is not a number a page can show")


def test_integer_of_4301_digits_is_a_located_problem_and_others_are_still_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content(
        tmp_path,
        g=GATHERING.format(title="G", extra="", minutes="9" * 4301),
        h=GATHERING.format(title="H", extra="", minutes=-5).replace("samling", "annen"),
    )
    code, output = check(root, capsys)
    assert code == 1
    assert "g.yml:6:27: the number has 4301 digits" in output
    assert "h.yml:6:" in output and "Traceback" not in output


def test_a_day_past_midnight_is_refused(
    tmp_path: Path, build_site: BuildSite, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = "date: 2024-09-24\nstart: '23:00'\n"
    root = content(tmp_path, g=GATHERING.format(title="Natt", extra=extra, minutes=120))
    refused_by_both(
        root,
        build_site,
        capsys,
        "g.yml:8:3: programme: the programme takes 120 minutes from 23:00 and runs 60 minutes "
        "past midnight",
    )


def test_a_day_ending_at_midnight_builds(
    tmp_path: Path, build_site: BuildSite, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = "date: 2024-09-24\nstart: '23:00'\n"
    root = content(tmp_path, g=GATHERING.format(title="Natt", extra=extra, minutes=60))
    site = built_by_both(root, build_site, capsys)
    ics = (site / "gatherings" / "samling" / "samling.ics").read_text()
    assert "DTEND;TZID=Europe/Oslo:20240925T000000" in ics


def test_series_item_ending_past_midnight_on_the_same_day_is_a_located_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    when = "date: 2024-10-29, start: '23:00', end: '01:00'"
    code, output = check(content(tmp_path, s=SERIES.format(title="S", when=when)), capsys)
    assert code == 1 and "items.1.end: it ends at 01:00, before it starts at 23:00" in output
