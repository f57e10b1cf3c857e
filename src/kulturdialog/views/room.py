"""Pages for the room: a printable group sheet per group task, a projector view per group work,
and a room timer per gathering and per package run-sheet.

The live clock that the facilitator guide, the run-sheet, the timer and the projector views share
is plain JavaScript: the run model in ``site/assets/run-model.js`` and the views that render it
in ``site/assets/live.js``; what it needs to know of a programme (blocks,
minutes, who leads, the planned start and day, labels) is given to it here as data.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, partial
from typing import Any

from kulturdialog.model import Gathering, Package, QuestionSet
from kulturdialog.schedule import format_clock
from kulturdialog.views import package_urls, urls
from kulturdialog.views.environment import long_date
from kulturdialog.views.feedback import priority_slots
from kulturdialog.views.labels import label
from kulturdialog.views.programme import Timetable
from kulturdialog.views.qr import published_address, qr_code, short_address
from kulturdialog.views.render import GeneratedPage, Renderer

HANDOUT_SCRIPTS = ("handout.js",)
"""Repeats the group sheet once per group for ``?groups=N``."""
LIVE_SCRIPTS = ("run-model.js", "live.js")
"""The run model (pure: state, actions, figures) and the live views that render it."""

LIVE_LABELS = (
    "live_before",
    "live_over",
    "live_no_start",
    "stage_normal",
    "stage_warning",
    "stage_up",
    "stage_over",
    "stage_paused",
    "stage_ready",
    "last_block",
    "led_by",
    "on_time",
    "behind",
    "ahead",
    "starts_at",
    "starts_in",
    "timer_pause",
    "timer_resume",
    "timer_start",
    "reset",
    "reset_confirm",
    "rehearsal",
    "rehearse_start",
    "rehearse_end",
    "link_proposes",
)
"""Labels the live clock writes into pages while it runs."""

DEFAULT_WARNING = 2
"""Minutes before the end of a step when a package's timer turns to its warning."""


def pages(renderer: Renderer) -> Iterator[GeneratedPage]:
    """For every gathering: group sheets, projector views and the timer; for every package with a
    run-sheet: its timer."""
    for gathering in renderer.library.sorted_gatherings():
        yield from renderer.made(
            "gathering room", gathering, partial(gathering_room_pages, renderer, gathering)
        )
    for package in renderer.library.sorted_packages():
        if package.runsheet is not None:
            yield package_timer(renderer, package)


def live_data(gathering: Gathering, p: Timetable) -> dict[str, Any]:
    """What the live clock needs to know of one day's programme of a gathering, as JSON-ready
    data. Each day of a gathering over several days keeps a live state of its own."""
    lang = gathering.language
    day = p.day
    several = day is not None and day.several
    when = day.date if day is not None else gathering.date
    return _live(
        key=f"gathering:{gathering.id}" + (f":day-{day.number}" if several and day else ""),
        language=lang,
        start=format_clock(p.start) if p.start is not None else None,
        date=when.isoformat() if when else None,
        starts_on=(label("starts_on", lang, date=long_date(when, lang)) if when else None),
        blocks=[
            {
                "title": row.block.title,
                "minutes": row.block.minutes,
                "who": ", ".join(row.block.speakers),
                "warn": row.block.warning_minutes or gathering.warning_minutes,
            }
            for row in p.rows
        ],
    )


def package_live_data(package: Package) -> dict[str, Any]:
    """What the live clock needs to know of a package's run-sheet."""
    assert package.runsheet is not None
    return _live(
        key=f"package:{package.id}",
        language=package.language,
        start=None,
        date=None,
        starts_on=None,
        blocks=[
            {"title": step.activity, "minutes": step.minutes, "who": "", "warn": DEFAULT_WARNING}
            for step in package.runsheet.steps
        ],
    )


def _live(language: str, **data: Any) -> dict[str, Any]:
    return {**data, "labels": _live_labels(language)}


@cache
def _live_labels(language: str) -> dict[str, str]:
    # One dict per language, shared by every page (templates only read it): comparing a
    # preview's page keys then finds the same object.
    labels = {key: label(key, language) for key in LIVE_LABELS}
    labels["announce"] = label("remaining_announce", language)
    return labels


def gathering_room_pages(renderer: Renderer, gathering: Gathering) -> Iterator[GeneratedPage]:
    days = renderer.timetables(gathering)
    # The group sheet belongs to the question set, whichever day it is used on; the projector
    # views and the timer to one day, timed against that day's programme.
    lang = gathering.language
    seen: dict[str, QuestionSet] = {}
    for day in days:
        for found in day.question_sets:
            seen.setdefault(found.id, found)
    for qs in seen.values():
        rows = [row for day in days for row in day.rows if row.question_set == qs]
        yield renderer.page(
            "gathering/handout.md",
            urls.handout(gathering.id, qs.id),
            lang,
            "handout",
            f"{label('handout', lang)}: {qs.title}",
            scripts=HANDOUT_SCRIPTS,
            g=gathering,
            p=days[0],
            qs=qs,
            rows=rows,
            slots=priority_slots(qs),
        )
    for p in days:
        if p.rows:
            yield from _day_room_pages(renderer, gathering, p)


def _day_room_pages(
    renderer: Renderer, gathering: Gathering, p: Timetable
) -> Iterator[GeneratedPage]:
    """The projector views and the timer of one day."""
    lang = gathering.language
    live = live_data(gathering, p)
    day = p.day.number if p.day is not None and p.day.several else None
    for row in p.rows:
        if row.question_set is None:
            continue
        src = urls.projector(gathering.id, row.number, row.day)
        yield renderer.standalone(
            "gathering/projector.html",
            src,
            lang,
            g=gathering,
            p=p,
            row=row,
            qs=row.question_set,
            live=live | {"focus": row.number - 1},
            **sheet_code(renderer, urls.handout(gathering.id, row.question_set.id)),
        )
    src = urls.timer(gathering.id, day)
    guide = urls.day_guide(gathering.id, day) if day is not None else urls.facilitator(gathering.id)
    yield renderer.standalone(
        "gathering/timer.html",
        src,
        lang,
        title=gathering.title,
        live=live,
        back=renderer.linker(src)(guide),
        back_label=label("facilitator_guide", lang),
    )


def sheet_code(renderer: Renderer, src: str) -> dict[str, Any]:
    """The QR code and short address of a page at the address the published site gives it (an
    offline copy's codes too), when the site knows its address; else none."""
    address = published_address(renderer.site_url, src, renderer.published_directory_urls)
    if address is None:
        return {"qr": None, "short_address": None}
    return {"qr": qr_code(address, renderer.cache), "short_address": short_address(address)}


def package_timer(renderer: Renderer, package: Package) -> GeneratedPage:
    src = package_urls.timer(package.id)
    return renderer.standalone(
        "gathering/timer.html",
        src,
        package.language,
        title=package.title,
        live=package_live_data(package),
        back=renderer.linker(src)(package_urls.runsheet(package.id)),
        back_label=label("runsheet", package.language),
    )
