"""Series and programmes: dates, times and ISO weeks checked against each other."""

from __future__ import annotations

from pathlib import Path

import pytest

from kulturdialog.content import load_content
from kulturdialog.errors import ContentError, display_path
from kulturdialog.model import Programme, Series
from tests.conftest import FIXTURES, ROOT

INVALID = FIXTURES / "series-invalid"


def problems(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(path)
    return [str(problem) for problem in caught.value.problems]


def shown(path: Path) -> str:
    return display_path(path)


def test_a_week_that_does_not_match_its_date_is_caught() -> None:
    path = INVALID / "wrong-week.yml"
    assert problems(path) == [
        f"{shown(path)}:11:11: items.1.week: week 38 does not match the date: "
        "2024-09-24 to 2024-09-25 is in ISO week 39; correct the week or the date"
    ]


def test_ranges_and_times_written_backwards_are_caught() -> None:
    path = INVALID / "dates-backwards.yml"
    assert problems(path) == [
        f"{shown(path)}:9:15: items.1.end_date: the date range ends on 2024-09-24, "
        "before it starts on 2024-09-25; swap the dates or correct one of them",
        f"{shown(path)}:14:49: items.2.sessions.1.end: it ends at 11:00, "
        "before it starts at 12:00; correct the start or the end",
        f"{shown(path)}:16:47: timeline.1.week: "
        "the week range 14-9 is written backwards; write 9-14",
    ]


def test_a_week_range_written_backwards_is_caught() -> None:
    path = INVALID / "week-backwards.yml"
    assert problems(path) == [
        f"{shown(path)}:10:11: items.1.week: the week range 44-40 is written backwards; write 40-44"
    ]


def test_a_worksheet_that_does_not_exist_is_caught() -> None:
    path = INVALID / "dangling-worksheet.yml"
    assert problems(path) == [
        f"{shown(path)}:8:16: items.1.worksheet: there is no worksheet with the id 'findes-ikke'; "
        "check the spelling or add it"
    ]


def test_a_week_that_is_not_a_number_is_caught() -> None:
    (found,) = problems(INVALID / "not-a-week.yml")
    assert ":10:11: items.1.week" in found
    assert "'uke ni' is not an ISO week" in found


def test_month_and_week_without_a_day_is_allowed() -> None:
    library = load_content(FIXTURES / "series-valid")
    plan = library.plan("month-and-week")
    assert isinstance(plan, Programme)
    by_id = {item.id: item for item in plan.items}
    supervision = by_id["veiledning"]
    assert supervision.date is None
    assert supervision.month is not None and supervision.month[0].month == 10
    assert supervision.week is not None and list(supervision.week[0].numbers) == [
        40,
        41,
        42,
        43,
        44,
    ]
    alternatives = by_id["delingsarena"].week
    assert alternatives is not None
    assert [(w.first, w.last) for w in alternatives] == [(2, 3), (4, 4)]
    # 30 December 2024 to 2 January 2025 lies in ISO week 1 of 2025.
    assert by_id["fellessamling"].week is not None


def test_the_bundled_series_load_with_their_items_and_sessions() -> None:
    # The whole content: a programme's item may refer to a gathering in content/dialogues.
    library = load_content(ROOT / "content")
    kulturspor = library.plan("kulturspor")
    assert isinstance(kulturspor, Series)
    assert [item.title for item in kulturspor.items] == [
        "Formøde/opstartsmøde",
        "Planlægningsmøde",
        "Midtvejsrefleksion",
        "Evaluering og afslutning af samarbejde",
    ]
    assert kulturspor.items[1].worksheet == "kulturspor-skabelon"
    assert len(library.worksheet("kulturspor-skabelon").sections) == 7
    webinars = library.plan("inkluderende-kulturskoler-webinarer-2022")
    # One item per webinar topic, each offered three times.
    topics = [item for item in webinars.items if item.kind == "webinar"]
    assert len(topics) == 6
    assert all(len(item.sessions) == 3 for item in topics)
    programme = library.plan("fremtidens-kulturskole-regionale-program-2024-2025")
    assert isinstance(programme, Programme)
    assert len(programme.items) == 19
    assert len(programme.phases) == 5
    assert len(programme.competence_goals) == 5


def test_an_item_s_gathering_must_exist_and_agree_on_the_days(tmp_path: Path) -> None:
    programme = ROOT / "content/series/fremtidens-kulturskole-regionale-program-2024-2025.yml"
    text = programme.read_text("utf-8")
    (tmp_path / "programme.yml").write_text(
        text.replace("end_date: 2024-09-25", "end_date: 2024-09-26"), "utf-8"
    )
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path)
    assert [p.message for p in raised.value.problems] == [
        "there is no gathering with the id 'fremtidens-kulturskole-fellessamling-1'; check the "
        "spelling or add it"
    ]
    gathering = ROOT / "content/dialogues/fremtidens-kulturskole-fellessamling-1.yml"
    (tmp_path / "gathering.yml").write_text(gathering.read_text("utf-8"), "utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path)
    (problem,) = raised.value.problems
    assert problem.field == "items.3.date"
    assert "runs 2024-09-24 to 2024-09-25, but this item says 2024-09-24 to 2024-09-26" in (
        problem.message
    )
