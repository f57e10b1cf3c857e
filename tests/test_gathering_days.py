"""Gatherings over several days: the day is the unit every view, check and calendar works on."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from kulturdialog.authoring.check import check
from kulturdialog.content import load_content
from kulturdialog.model import Gathering
from kulturdialog.views import urls
from kulturdialog.views.calendars import gathering_calendar
from kulturdialog.views.pages import all_pages
from kulturdialog.views.programme import timetables
from kulturdialog.views.render import Renderer
from tests.conftest import FIXTURES, Build, BuildSite

MULTI = FIXTURES / "multi-day"
OSLO = ZoneInfo("Europe/Oslo")
STAMP = datetime(2026, 1, 1, tzinfo=UTC)
BUNDLED_TWO_DAYS = "gatherings/fremtidens-kulturskole-fellessamling-1"
VALID = load_content(FIXTURES / "valid")


def test_a_one_day_gathering_is_one_day_of_its_own_fields() -> None:
    library = load_content(FIXTURES / "valid")
    gathering = library.gathering("kveldsmote")
    (day,) = gathering.schedule
    assert (day.number, day.count, day.several) == (1, 1, False)
    assert day.start == gathering.start and day.programme == list(gathering.programme)
    assert day.path == ()


def test_each_day_has_its_own_clock_and_numbering() -> None:
    library = load_content(MULTI)
    days = timetables(library.gathering("tredagers"), library)
    assert [d.day.date for d in days if d.day] == [
        date(2024, 9, 24),
        date(2024, 9, 25),
        date(2024, 9, 26),
    ]
    assert [[(r.number, r.begins, r.ends, r.day) for r in d.rows] for d in days] == [
        [(1, "10:00", "10:30", 1), (2, "10:30", "11:15", 1), (3, "11:15", "11:30", 1)],
        [(1, "09:00", "09:20", 2), (2, "09:20", "10:10", 2)],
        [],
    ]
    assert [d.total for d in days] == [90, 70, 0]
    assert library.used_by["oppgave"] == [("gathering", "tredagers")]


BLOCK = st.fixed_dictionaries(
    {"kind": st.just("talk"), "minutes": st.integers(1, 120), "title": st.just("Innlegg")}
)


# The machine's load, not the arithmetic, decides how long an example takes.
@settings(deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(BLOCK, max_size=5), st.one_of(st.none(), st.integers(6, 12))),
        min_size=2,
        max_size=4,
    )
)
def test_every_day_starts_from_its_own_start_and_adds_up(
    days: list[tuple[list[dict[str, object]], int | None]],
) -> None:
    gathering = Gathering.model_validate(
        {
            "kind": "gathering",
            "id": "x",
            "title": "X",
            "language": "nb",
            "days": [
                {
                    "date": (date(2025, 1, 6) + timedelta(days=index)).isoformat(),
                    "programme": blocks,
                    **({"start": f"{hour:02d}:00"} if hour is not None else {}),
                }
                for index, (blocks, hour) in enumerate(days)
            ],
        }
    )
    laid_out = timetables(gathering, VALID)
    assert len(laid_out) == len(days)
    for (blocks, hour), day in zip(days, laid_out, strict=True):
        assert day.total == sum(int(str(b["minutes"])) for b in blocks)
        assert [row.slot.offset for row in day.rows][:1] in ([], [0])
        assert day.start == (time(hour) if hour is not None else None)
        assert [row.number for row in day.rows] == list(range(1, len(blocks) + 1))
    assert sum(d.total for d in laid_out) == sum(b.minutes for b in gathering.blocks)


def test_every_check_runs_per_day_and_names_the_day() -> None:
    result = check(FIXTURES / "multi-day-invalid")
    lines = sorted(str(problem) for problem in result.problems)
    found = {line.split(": ", 2)[0].rsplit("/", 1)[-1]: line for line in lines}
    assert set(found) == {
        "day-and-days.yml:5:7",
        "one-day-wrong-week.yml:6:7",
        "out-of-order.yml:8:11",
        "overrun-day-2.yml:13:10",
        "wrong-week.yml:9:11",
    }
    assert (
        "days.2.end: the programme runs until 09:45, 15 minutes past"
        in (found["overrun-day-2.yml:13:10"])
    )
    assert "days.2.week: 2024-09-30 is in ISO week 40, not 39" in found["wrong-week.yml:9:11"]
    assert (
        "days.2.date: day 2 (2024-09-24) does not come after day 1"
        in (found["out-of-order.yml:8:11"])
    )
    assert "week: 2024-09-24 is in ISO week 39, not 40" in found["one-day-wrong-week.yml:6:7"]
    assert "move 'date' into the days" in found["day-and-days.yml:5:7"]


def test_the_calendar_has_one_event_per_day() -> None:
    library = load_content(MULTI)
    calendar = Calendar.from_ical(
        gathering_calendar(library.gathering("tredagers"), STAMP).to_ical()
    )
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert sorted(events) == [
        "tredagers-1@kulturdialog",
        "tredagers-2@kulturdialog",
        "tredagers-3@kulturdialog",
    ]
    first = events["tredagers-1@kulturdialog"]
    assert first.decoded("dtstart") == datetime(2024, 9, 24, 10, 0, tzinfo=OSLO)
    # Day 1 declares its end: the event ends then, as the pages say.
    assert first.decoded("dtend") == datetime(2024, 9, 24, 15, 0, tzinfo=OSLO)
    second = events["tredagers-2@kulturdialog"]
    assert second.decoded("dtend") == datetime(2024, 9, 25, 10, 10, tzinfo=OSLO)
    # A day with no times is a whole day.
    assert events["tredagers-3@kulturdialog"].decoded("dtstart") == date(2024, 9, 26)


@pytest.fixture(scope="module")
def multi_site(build_site: BuildSite) -> Build:
    result = build_site(content=MULTI)
    assert result.returncode == 0, result.output
    return result


def test_pages_show_each_day_with_its_programme(multi_site: Build) -> None:
    base = "gatherings/tredagers"
    participant = multi_site.article(f"{base}/index.html")
    titles = [h.get_text(" ", strip=True) for h in participant.select(".kd-day__title")]
    assert titles == [
        "Dag 1: 24. september 2024 · 10:00–15:00",
        "Dag 2: 25. september 2024 · 09:00–10:10",
        "Dag 3: 26. september 2024",
    ]
    tables = participant.select("section.kd-day table.kd-programme")
    assert len(tables) == 2
    assert "Kilden oppgir ikke programmet" in participant.select("section.kd-day")[2].get_text()
    facts = participant.select_one("dl.kd-facts").get_text(" ", strip=True)
    assert "24.–26. september 2024" in facts and "Uke 39" in facts
    guide = multi_site.html(f"{base}/facilitator/index.html")
    assert guide.select(".kd-live") == []
    day_links = [a["href"] for a in guide.select(".kd-day__live a")]
    assert day_links == ["../day-1/", "../day-2/"]
    projectors = [a["href"] for a in guide.select(".kd-room-links a") if "projector" in a["href"]]
    assert projectors == ["../day-1-projector-2/", "../day-2-projector-2/"]


def test_each_day_s_guide_runs_the_live_mode_for_that_day_alone(multi_site: Build) -> None:
    page = multi_site.html("gatherings/tredagers/day-2/index.html")
    assert len(page.select(".kd-live")) == 1
    live = json.loads(page.select_one("#kd-live-data").get_text())
    assert [block["minutes"] for block in live["blocks"]] == [20, 50]
    assert live["start"] == "09:00" and live["date"] == "2024-09-25"
    # Each day keeps a live state of its own.
    assert live["key"] == "gathering:tredagers:day-2"
    assert [h.get_text(" ", strip=True) for h in page.select(".kd-day__title")] == [
        "Dag 2: 25. september 2024 · 09:00–10:10"
    ]
    assert "live.js" in str(page.select("script[src]"))
    assert not (multi_site.site / "gatherings/tredagers/day-3").exists()
    projector = multi_site.html("gatherings/tredagers/day-2-projector-2/index.html")
    shown = json.loads(projector.select_one("#kd-live-data").get_text())
    assert [block["minutes"] for block in shown["blocks"]] == [20, 50] and shown["focus"] == 1
    timer = multi_site.html("gatherings/tredagers/day-2-timer/index.html")
    assert json.loads(timer.select_one("#kd-live-data").get_text())["key"] == live["key"]


def test_the_run_sheet_has_a_section_per_day(multi_site: Build) -> None:
    page = multi_site.html("gatherings/tredagers/runsheet/index.html")
    days = page.select("section.kd-runsheet-day")
    assert len(days) == 3
    assert [len(d.select("table.kd-runsheet tbody tr")) for d in days] == [3, 2, 0]
    assert page.select(".kd-live") == []
    # Each day with a programme links to its own run-sheet, where the live mode runs.
    links = [a["href"] for a in page.select(".kd-runsheet-day .kd-day__live a")]
    assert links == ["../day-1-runsheet/", "../day-2-runsheet/"]


def test_each_day_s_run_sheet_runs_the_live_mode_for_that_day_alone(multi_site: Build) -> None:
    base = "gatherings/tredagers"
    for number, minutes, start in ((1, [30, 45, 15], "10:00"), (2, [20, 50], "09:00")):
        page = multi_site.html(f"{base}/day-{number}-runsheet/index.html")
        assert len(page.select(".kd-live")) == 1 and "live.js" in str(page.select("script[src]"))
        live = json.loads(page.select_one("#kd-live-data").get_text())
        assert [block["minutes"] for block in live["blocks"]] == minutes
        assert live["start"] == start
        # The day's guide, run-sheet, timer and projector views share one state, the day's own.
        guide = multi_site.html(f"{base}/day-{number}/index.html")
        assert live == json.loads(guide.select_one("#kd-live-data").get_text())
        assert live["key"] == f"gathering:tredagers:day-{number}"
        assert len(page.select("table.kd-runsheet tbody tr")) == len(minutes)
        timer = page.select_one(".kd-live a[data-kd-carry]")
        assert timer is not None and timer["href"] == f"../day-{number}-timer/"
    assert not (multi_site.site / base / "day-3-runsheet").exists()


def test_the_bundled_two_day_gathering_invents_no_programme(bundled: Build) -> None:
    article = bundled.article(f"{BUNDLED_TWO_DAYS}/index.html")
    assert [h.get_text(" ", strip=True) for h in article.select(".kd-day__title")] == [
        "Dag 1: 24. september 2024",
        "Dag 2: 25. september 2024",
    ]
    assert article.select("table") == []
    assert len(article.select(".kd-note--no-programme")) == 2
    ics = bundled.site / BUNDLED_TWO_DAYS / "fremtidens-kulturskole-fellessamling-1.ics"
    calendar = Calendar.from_ical(ics.read_bytes())
    starts = sorted(e.decoded("dtstart") for e in calendar.walk("VEVENT"))
    assert starts == [date(2024, 9, 24), date(2024, 9, 25)]


TASK_SETS = ("forste", "andre")
DAY_BLOCKS = st.lists(
    st.one_of(
        st.builds(lambda m: {"kind": "talk", "minutes": m}, st.integers(5, 60)),
        st.builds(
            lambda m, qs: {"kind": "group_work", "minutes": m, "question_set": qs},
            st.integers(5, 60),
            st.sampled_from(TASK_SETS),
        ),
    ),
    max_size=4,
)


def _gathering_file(days: list[list[dict[str, object]]], starts: list[bool]) -> str:
    """A gathering over several days, each block titled after its day and place."""
    gathering = {
        "kind": "gathering",
        "id": "dagar",
        "title": "Dagar",
        "language": "nn",
        "days": [
            {
                "date": (date(2025, 3, 10) + timedelta(days=index)).isoformat(),
                **({"start": "09:00"} if start else {}),
                "programme": [
                    {**block, "title": f"Blokk {index + 1}.{place + 1}"}
                    for place, block in enumerate(blocks)
                ],
            }
            for index, (blocks, start) in enumerate(zip(days, starts, strict=True))
        ],
        "question_sets": [
            {"id": qs, "title": f"Oppgåve {qs}", "language": "nn", "questions": ["Kva no?"]}
            for qs in TASK_SETS
        ],
    }
    return json.dumps(gathering, ensure_ascii=False)  # JSON is YAML


# Rendering a gathering's pages takes a while on a loaded machine; what is tested is which tasks
# they list, not how fast.
@settings(deadline=None, max_examples=20)
@given(st.lists(st.tuples(DAY_BLOCKS, st.booleans()), min_size=2, max_size=4))
def test_every_day_s_group_task_is_in_every_view_that_lists_tasks(
    days: list[tuple[list[dict[str, object]], bool]],
) -> None:
    # The model says which group tasks each day has; every page that lists tasks must show
    # each of them on its day: the participant page, the guide of all days and the day's own,
    # the run-sheet of all days and the day's own, and the task's projector view.
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "dagar.yml").write_text(
            _gathering_file([b for b, _ in days], [s for _, s in days]), "utf-8"
        )
        library = load_content(root)
    gathering = library.gathering("dagar")
    renderer = Renderer(library)
    pages = {page.src_uri: page for page in all_pages(renderer)}

    def html(src: str) -> BeautifulSoup:
        return BeautifulSoup(pages[src].markdown, "html.parser")

    def day_part(src: str, number: int) -> str:
        heading = html(src).find(id=f"day-{number}")
        assert heading is not None and heading.parent is not None, f"{src} has no day {number}"
        return heading.parent.get_text()

    assert gathering.several_days
    id = gathering.id
    for day in gathering.schedule:
        for task in day.group_tasks:
            title = task.block.title
            qs_title = library.question_set(task.question_set).title
            listed = {
                "participant page": day_part(urls.gathering(id), day.number),
                "guide": day_part(urls.facilitator(id), day.number),
                "day's guide": html(urls.day_guide(id, day.number)).get_text(),
                "run-sheet": day_part(urls.runsheet(id), day.number),
                "day's run-sheet": html(urls.day_runsheet(id, day.number)).get_text(),
            }
            for view, text in listed.items():
                assert title in text and qs_title in text, (view, title)
            projector = urls.projector(id, task.index + 1, day.number)
            for src in (urls.facilitator(id), urls.day_guide(id, day.number)):
                hrefs = {a["href"] for a in html(src).select(".kd-room-links a")}
                assert renderer.linker(src)(projector) in hrefs, (src, title)
            shown = html(projector)
            assert qs_title in shown.select_one(".kd-projector__task").get_text()
            assert title in shown.get_text()
            live = json.loads(shown.select_one("#kd-live-data").get_text())
            assert live["focus"] == task.index
            assert live["key"] == f"gathering:{id}:day-{day.number}"
