"""One gathering model over its days: every page, check, import and calendar asks the model for
a gathering's group tasks, weeks and ends, so a one-day gathering and one over several days take
the same path (issue 22's cases, each named after it, and properties over random gatherings)."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from kulturdialog.authoring.check import check
from kulturdialog.authoring.feedback_import import import_feedback
from kulturdialog.content import load_content
from kulturdialog.errors import ContentError, Problem
from kulturdialog.loader import parse
from kulturdialog.views import urls
from kulturdialog.views.after import offered_as_kit
from kulturdialog.views.calendars import gathering_calendar
from kulturdialog.views.environment import long_date
from kulturdialog.views.local_kit import kit_text
from kulturdialog.views.pages import all_pages
from kulturdialog.views.render import Renderer
from tests.conftest import FIXTURES

MULTI = FIXTURES / "multi-day"
STAMP = datetime(2026, 1, 1, tzinfo=UTC)
MONDAY = date(2024, 9, 23)
TASKS = {"oppgave-a": "Oppgave Alfa", "oppgave-b": "Oppgave Beta", "oppgave-c": "Oppgave Gamma"}


def fixture() -> dict[str, Any]:
    """The two-day fixture's data, read as an author means it (10:00 is a clock time)."""
    document = parse((MULTI / "samling.yml").read_text("utf-8"), MULTI / "samling.yml")
    assert not isinstance(document, Problem)
    return dict(document.data)


def write(folder: Path, name: str, data: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def feedback(gathering: str, question_set: str, group: int = 1) -> dict[str, Any]:
    return {
        "kind": "feedback",
        "id": f"{gathering}-{question_set}-{group}",
        "gathering": gathering,
        "question_set": question_set,
        "entries": [{"group": group, "points": ["Et punkt"], "received": "2024-09-30"}],
    }


def email(folder: Path, title: str, group: int) -> Path:
    path = folder / f"{title}-{group}.eml"
    path.write_text(
        "From: Gruppe <gruppe@example.no>\nTo: post@example.no\n"
        f"Subject: {title}\nDate: Mon, 30 Sep 2024 11:02:37 +0200\n"
        "Content-Type: text/plain; charset=UTF-8\n\n"
        f"Gruppe: {group}\n\nPrioriterte punkter:\n1. Felles møteplasser\n",
        "utf-8",
    )
    return path


def pages_of(content: Path, gathering: str) -> dict[str, str]:
    """Every generated page of ``gathering`` (and its group sheets), by address."""
    renderer = Renderer(load_content(content))
    return {
        page.src_uri: page.markdown
        for page in all_pages(renderer)
        if page.src_uri.startswith(f"gatherings/{gathering}/")
    }


# The cases at the top of the issue, on tests/fixtures/multi-day.


def test_check_accepts_valid_feedback_on_a_gathering_with_days(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MULTI, content)
    write(content, "tilbakemelding.yml", feedback("tredagers", "oppgave"))
    assert check(content).ok, check(content).problems
    write(content, "feil.yml", feedback("tredagers", "finnes-ikke"))
    assert not check(content).ok


def test_feedback_import_finds_the_group_tasks_of_a_gathering_with_days(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MULTI, content)
    result = import_feedback("tredagers", [email(tmp_path, "Oppgave", 1)], content)
    assert result.ok, result.problems
    assert len(result.written) == 1
    assert check(content).ok


def test_a_recording_on_a_day_1_block_offers_the_local_kit(tmp_path: Path) -> None:
    data = fixture()
    data["days"][0]["programme"][0]["recording"] = {
        "url": "https://example.no/opptak",
        "title": "Opptak",
    }
    content = tmp_path / "content"
    write(content, "samling.yml", data)
    library = load_content(content)
    assert offered_as_kit(library.gathering("tredagers"))
    assert urls.local_kit("tredagers") in {page.src_uri for page in all_pages(Renderer(library))}


def test_the_participant_page_lists_the_group_tasks_of_every_day(tmp_path: Path) -> None:
    data = fixture()
    data["days"][1]["programme"][1]["question_set"] = "andre"
    data["question_sets"].append(
        {"id": "andre", "title": "Andre dags oppgave", "language": "nb", "questions": ["Hva nå?"]}
    )
    content = tmp_path / "content"
    write(content, "samling.yml", data)
    participant = pages_of(content, "tredagers")[urls.gathering("tredagers")]
    group_tasks = participant.split("#group-tasks", 1)[1]
    assert "Oppgave" in group_tasks and "Andre dags oppgave" in group_tasks


def test_a_gathering_week_is_checked_against_every_day(tmp_path: Path) -> None:
    data = fixture()
    data["week"] = 9
    for day in data["days"]:
        day["week"] = 39
    content = tmp_path / "content"
    path = write(content, "samling.yml", data)
    lines = [str(p) for p in check(content).problems]
    assert lines == [
        f"{path}:7:7: week: day {n} (2024-09-{23 + n}) is in ISO week 39, not 9; a week "
        "written for the whole gathering holds for every day: correct it, or write each "
        "day's week in the day"
        for n in (1, 2, 3)
    ]


def test_the_group_sheet_of_a_day_2_task_carries_only_its_own_date(tmp_path: Path) -> None:
    data = fixture()
    data["days"][0]["programme"].pop(1)
    content = tmp_path / "content"
    write(content, "samling.yml", data)
    sheet = pages_of(content, "tredagers")[urls.handout("tredagers", "oppgave")]
    assert long_date(date(2024, 9, 25), "nb") in sheet
    assert long_date(date(2024, 9, 24), "nb") not in sheet
    assert "24.–26. september" not in sheet


def test_the_header_the_programme_and_the_calendar_end_at_the_declared_end(
    tmp_path: Path,
) -> None:
    data = fixture()
    content = tmp_path / "content"
    write(content, "samling.yml", data)
    pages = pages_of(content, "tredagers")
    for address in (urls.gathering("tredagers"), urls.facilitator("tredagers")):
        assert "10:00–15:00" in pages[address]
        assert "10:00–11:30" not in pages[address]
    calendar = gathering_calendar(load_content(content).gathering("tredagers"), STAMP)
    first = next(e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("tredagers-1"))
    assert first.decoded("dtend").strftime("%H:%M") == "15:00"


def test_a_one_day_page_shows_the_declared_end(tmp_path: Path) -> None:
    one_day = {
        "kind": "gathering",
        "id": "en-dag",
        "title": "En dag",
        "language": "nb",
        "date": "2024-09-24",
        "start": "13:00",
        "end": "16:00",
        "programme": [{"kind": "talk", "minutes": 140, "title": "Innlegg"}],
    }
    content = tmp_path / "content"
    write(content, "en-dag.yml", one_day)
    pages = pages_of(content, "en-dag")
    for address in (urls.gathering("en-dag"), urls.facilitator("en-dag")):
        assert '13:00</span>–<span data-kd-clock="180">16:00' in pages[address]
    calendar = gathering_calendar(load_content(content).gathering("en-dag"), STAMP)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtend").strftime("%H:%M") == "16:00"


def test_each_day_s_calendar_event_is_named_with_its_day() -> None:
    gathering = load_content(MULTI).gathering("tredagers")
    events = Calendar.from_ical(gathering_calendar(gathering, STAMP).to_ical()).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [
        f"Samling over to dager (Dag {n})" for n in (1, 2, 3)
    ]


# Properties over random gatherings.

blocks = st.lists(
    st.one_of(
        st.builds(lambda m: {"kind": "talk", "minutes": m, "title": "Innlegg"}, st.integers(5, 90)),
        st.builds(
            lambda m, q: {
                "kind": "group_work",
                "minutes": m,
                "title": "Gruppearbeid",
                "question_set": q,
            },
            st.integers(5, 90),
            st.sampled_from(sorted(TASKS)),
        ),
    ),
    min_size=1,
    max_size=5,
)


@st.composite
def gatherings(draw: st.DrawFn) -> dict[str, Any]:
    count = draw(st.integers(1, 4))
    days = []
    for number in range(count):
        day: dict[str, Any] = {"date": (MONDAY + timedelta(days=number)).isoformat()}
        if draw(st.booleans()):
            day["start"] = "09:00"
            if draw(st.booleans()):
                day["end"] = "17:00"
        day["programme"] = draw(blocks)
        days.append(day)
    return {
        "kind": "gathering",
        "id": "tilfeldig",
        "title": "Tilfeldig samling",
        "language": "nb",
        "days": days,
        "question_sets": [
            {"id": ident, "title": title, "language": "nb", "questions": ["Hva nå?"]}
            for ident, title in TASKS.items()
        ],
    }


def flat(gathering: dict[str, Any]) -> dict[str, Any]:
    """The same one-day gathering with its day's fields written at the top."""
    (day,) = gathering["days"]
    head = {key: value for key, value in gathering.items() if key != "days"}
    return {**head, **day}


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(gathering=gatherings().filter(lambda g: len(g["days"]) == 1))
def test_a_one_day_gathering_written_flat_or_with_one_day_builds_the_same_pages(
    gathering: dict[str, Any],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write(root / "days", "g.yml", gathering)
        write(root / "flat", "g.yml", flat(gathering))
        assert pages_of(root / "days", "tilfeldig") == pages_of(root / "flat", "tilfeldig")
        calendars = [
            gathering_calendar(load_content(root / kind).gathering("tilfeldig"), STAMP).to_ical()
            for kind in ("days", "flat")
        ]
        assert calendars[0] == calendars[1]


@settings(deadline=None, max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(gathering=gatherings())
def test_every_group_task_of_every_day_is_on_every_page_and_accepted_by_check_and_import(
    gathering: dict[str, Any],
) -> None:
    used: dict[str, set[str]] = {}
    for day in gathering["days"]:
        for block in day["programme"]:
            if block["kind"] == "group_work":
                used.setdefault(block["question_set"], set()).add(day["date"])
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        write(content, "g.yml", gathering)
        pages = pages_of(content, "tilfeldig")
        participant = pages[urls.gathering("tilfeldig")].split("#group-tasks", 1)[-1]
        guide = pages[urls.facilitator("tilfeldig")]
        for ident, title in TASKS.items():
            if ident not in used:
                assert title not in participant
                continue
            assert title in participant and title in guide
            sheet = pages[urls.handout("tilfeldig", ident)]
            for day in gathering["days"]:
                shown = long_date(date.fromisoformat(day["date"]), "nb") in sheet
                assert shown == (day["date"] in used[ident])
            write(content, f"f-{ident}.yml", feedback("tilfeldig", ident))
        try:
            load_content(content)
        except ContentError as error:  # pragma: no cover - the assertion says what went wrong
            raise AssertionError(error.problems) from error
        if used:
            # The feedback page shows the feedback on every day's group task.
            shown = pages_of(content, "tilfeldig")[urls.feedback("tilfeldig")]
            assert all(TASKS[ident] in shown for ident in used)
        for path in content.glob("f-*.yml"):
            path.unlink()
        mails = [email(Path(folder), TASKS[ident], 2) for ident in used]
        result = import_feedback("tilfeldig", mails, content)
        if used:
            assert result.ok, result.problems
            assert len(result.written) == len(used)
            assert check(content).ok
        else:
            assert result.problems == ["the gathering 'tilfeldig' has no group task to answer"]


def test_the_local_kit_of_a_gathering_with_days_keeps_its_days_and_passes_check(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    shutil.copytree(MULTI, content)
    kit = kit_text(load_content(content).gathering("tredagers"), "Lokal samling", "lokal")
    (content / "lokal.yml").write_text(kit, "utf-8")
    assert check(content).ok, check(content).problems
    local = load_content(content).gathering("lokal")
    assert [len(day.programme) for day in local.schedule] == [3, 2, 0]
