"""Calendar files: every generated .ics parses back with the events, days, times and zones."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from kulturdialog.content import load_content
from kulturdialog.views.calendars import calendars, gathering_calendar, plan_calendar
from tests.conftest import BUNDLED_GATHERING, FIXTURES, Build

PROGRAMME = "fremtidens-kulturskole-regionale-program-2024-2025"
WEBINARS = "inkluderende-kulturskoler-webinarer-2022"
OSLO = ZoneInfo("Europe/Oslo")
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def parse(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def events(calendar: Calendar) -> dict[str, Event]:
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_every_calendar_file_parses_back_with_its_time_zone(bundled: Build) -> None:
    files = sorted(bundled.site.rglob("*.ics"))
    names = {path.name for path in files}
    assert names == {
        f"{BUNDLED_GATHERING}.ics",
        "fremtidens-kulturskole-fellessamling-1.ics",
        f"{PROGRAMME}.ics",
        f"{WEBINARS}.ics",
    }
    for path in files:
        calendar = parse(path)
        assert calendar.walk("VEVENT"), path
        for event in calendar.walk("VEVENT"):
            assert event["uid"] and event["dtstamp"] and event["summary"]
            start = event.decoded("dtstart")
            if isinstance(start, datetime):
                assert start.tzinfo is not None and str(event["dtstart"].params["TZID"]) == (
                    "Europe/Oslo"
                )
        if any(isinstance(e.decoded("dtstart"), datetime) for e in calendar.walk("VEVENT")):
            assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]


def test_the_bundled_seminar_is_an_all_day_event(bundled: Build) -> None:
    path = bundled.site / "gatherings" / BUNDLED_GATHERING / f"{BUNDLED_GATHERING}.ics"
    (event,) = parse(path).walk("VEVENT")
    assert event.decoded("dtstart") == date(2023, 4, 27)
    assert event.decoded("dtend") == date(2023, 4, 28)
    assert str(event["uid"]) == f"{BUNDLED_GATHERING}@kulturdialog"


def test_programme_events_have_their_days_and_times(bundled: Build) -> None:
    found = events(parse(bundled.site / "series" / PROGRAMME / f"{PROGRAMME}.ics"))
    gathering = found[f"{PROGRAMME}.fellessamling-1@kulturdialog"]
    assert str(gathering["summary"]) == "Fellessamling 1: oppstart av regionale program"
    # Two days without clock times: an all-day event whose end is the day after.
    assert gathering.decoded("dtstart") == date(2024, 9, 24)
    assert gathering.decoded("dtend") == date(2024, 9, 26)
    inspiration = found[f"{PROGRAMME}.inspirasjonssamling@kulturdialog"]
    assert inspiration.decoded("dtstart") == datetime(2024, 3, 15, 9, 0, tzinfo=OSLO)
    assert inspiration.decoded("dtend") == datetime(2024, 3, 15, 14, 0, tzinfo=OSLO)
    coordinators = found[f"{PROGRAMME}.koordinatorsamling-1@kulturdialog"]
    assert coordinators.decoded("dtstart") == date(2024, 8, 21)
    # Items with only a month and weeks have no day to put in a calendar.
    assert f"{PROGRAMME}.veiledning-1@kulturdialog" not in found
    assert f"{PROGRAMME}.delingsarena@kulturdialog" not in found
    # Twelve of the nineteen items have a day.
    assert len(found) == 12


def test_webinar_sessions_and_the_recurring_helpdesk(bundled: Build) -> None:
    found = events(parse(bundled.site / "series" / WEBINARS / f"{WEBINARS}.ics"))
    sessions = [uid for uid in found if ".aktivitetsomrader-" in uid]
    assert len(sessions) == 3
    second = found[f"{WEBINARS}.aktivitetsomrader-2@kulturdialog"]
    assert second.decoded("dtstart") == datetime(2022, 1, 28, 11, 0, tzinfo=OSLO)
    helpdesk = found[f"{WEBINARS}.helpdesk@kulturdialog"]
    # Week 9 of 2022 begins on Monday 28 February; weeks 9-14, Monday, Wednesday and Friday.
    assert helpdesk.decoded("dtstart") == datetime(2022, 2, 28, 9, 0, tzinfo=OSLO)
    assert helpdesk.decoded("dtend") == datetime(2022, 2, 28, 10, 0, tzinfo=OSLO)
    rule = helpdesk.decoded("rrule")
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO", "WE", "FR"]
    assert rule["UNTIL"][0].astimezone(OSLO).date() == date(2022, 4, 10)
    assert len(found) == 6 * 3 + 1


def test_danish_content_gets_copenhagen_time_and_stable_uids() -> None:
    library = load_content(FIXTURES / "series-valid")
    plan = library.plan("dansk-moede")
    first = plan_calendar(plan, STAMP)
    later = plan_calendar(plan, STAMP + timedelta(days=30))
    assert [str(e["uid"]) for e in first.walk("VEVENT")] == [
        str(e["uid"]) for e in later.walk("VEVENT")
    ]
    parsed = Calendar.from_ical(first.to_ical())
    assert [str(tz["tzid"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    (event,) = parsed.walk("VEVENT")
    copenhagen = ZoneInfo("Europe/Copenhagen")
    assert event.decoded("dtstart") == datetime(2024, 10, 29, 14, 0, tzinfo=copenhagen)
    assert event.decoded("dtend") == datetime(2024, 10, 29, 15, 30, tzinfo=copenhagen)
    assert str(event["location"]) == "Teams"
    assert str(event["dtstart"].params["TZID"]) == "Europe/Copenhagen"


def test_calendars_list_only_what_has_a_day() -> None:
    library = load_content(FIXTURES / "series-valid")
    uris = [f.src_uri for f in calendars(library, STAMP)]
    # The Danish fixture has a dated meeting; the Nynorsk one has a dated joint gathering.
    assert uris == [
        "series/dansk-moede/dansk-moede.ics",
        "series/month-and-week/month-and-week.ics",
    ]


def test_a_gathering_with_a_start_time_is_a_timed_event() -> None:
    library = load_content(FIXTURES / "valid")
    gathering = library.gathering("kveldsmote").model_copy(update={"date": date(2024, 10, 29)})
    parsed = Calendar.from_ical(gathering_calendar(gathering, STAMP).to_ical())
    (event,) = parsed.walk("VEVENT")
    total = sum(block.minutes for block in gathering.programme)
    begins = datetime(2024, 10, 29, 10, 15, tzinfo=OSLO)
    assert event.decoded("dtstart") == begins
    assert event.decoded("dtend") == begins + timedelta(minutes=total)
    assert str(event["location"]) == "Kulturskolen"
    assert [str(tz["tzid"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/Oslo"]


def test_the_calendar_names_every_item_it_cannot_hold_and_the_page_marks_them(
    bundled: Build,
) -> None:
    calendar = parse(bundled.site / f"series/{PROGRAMME}/{PROGRAMME}.ics")
    held = {str(event["summary"]) for event in calendar.walk("VEVENT")}
    # An extended property parses back as written: its text escaped as a summary's is.
    written = str(calendar["x-wr-caldesc"])
    description = re.sub(r"\\([\\;,])", r"\1", written)
    assert re.search(r"(?<!\\)[;,]", written) is None
    plan = load_content(Path("content")).series[PROGRAMME].model
    titled = {i.id: f"{i.title}: {i.subtitle}" if i.subtitle else i.title for i in plan.items}
    unheld = [item for item in plan.items if titled[item.id] not in held]
    assert [item.id for item in unheld] == [
        "veiledning-1",
        "veiledning-2",
        "veiledning-3",
        "veiledning-4",
        "koordinatorsamling-5",
        "veiledning-5",
        "delingsarena",
    ]
    for item in unheld:
        assert item.title in description
    assert "Veiledningsbesøk/veiledning kommunegruppe 1 (oktober 2024, uke 40–44)" in description
    assert "Delingsarena! (januar 2026, uke 2–3/4)" in description
    for item in plan.items:
        if titled[item.id] in held:
            assert f"{titled[item.id]} (" not in description
    page = bundled.article(f"series/{PROGRAMME}/index.html")
    marked = [
        li.select_one(".kd-event__title").get_text(" ", strip=True)
        for li in page.select("li.kd-event--no-date")
    ]
    assert marked == [item.title for item in unheld]
    assert all(li.select_one(".kd-no-date") for li in page.select("li.kd-event--no-date"))
    webinars = parse(bundled.site / f"series/{WEBINARS}/{WEBINARS}.ics")
    assert "x-wr-caldesc" not in webinars


def _unfolded(ical: bytes) -> list[str]:
    return ical.decode("utf-8").replace("\r\n ", "").split("\r\n")


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(str.strip))
@example("C:\\Notater")  # icalendar alone reads a backslash and N as a line break
def test_calendar_names_are_escaped_as_summaries_are(title: str) -> None:
    library = load_content(FIXTURES / "valid")
    gathering = library.gathering("kveldsmote").model_copy(
        update={"date": date(2024, 10, 29), "title": title}
    )
    ical = gathering_calendar(gathering, STAMP).to_ical()
    lines = _unfolded(ical)
    name = next(line for line in lines if line.startswith("X-WR-CALNAME:"))
    summary = next(line for line in lines if line.startswith("SUMMARY:"))
    # The same text, escaped the same way (';', ',' and '\\' with a backslash), on one line.
    assert name.removeprefix("X-WR-CALNAME:") == summary.removeprefix("SUMMARY:")
    (event,) = Calendar.from_ical(ical).walk("VEVENT")
    assert str(event["summary"]) == " ".join(title.split())


@settings(max_examples=200, deadline=None)
@given(
    summary=st.text(
        st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r")
    ).filter(str.strip),
    place=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(str.strip),
)
@example(summary="C:\\Notater\n\n<b>Ta med</b>; kaffe, te\\N", place="Rom \\N2; 3. etg.")
def test_a_description_and_a_place_read_back_as_written(summary: str, place: str) -> None:
    # Line breaks (blank lines too), markup, ';' ',' and backslashes, a backslash and N: what
    # a calendar program reads is the text as written, line breaks as '\n', the place on one line.
    library = load_content(FIXTURES / "valid")
    gathering = library.gathering("kveldsmote").model_copy(
        update={"date": date(2024, 10, 29), "summary": summary, "place": place}
    )
    (event,) = Calendar.from_ical(gathering_calendar(gathering, STAMP).to_ical()).walk("VEVENT")
    written = summary.replace("\r\n", "\n").replace("\r", "\n")
    assert str(event["description"]) == written
    assert str(event["location"]) == " ".join(place.split())
