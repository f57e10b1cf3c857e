"""Pages and fragments for series, programmes and planning worksheets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial
from typing import Any

from kulturdialog.model import Item, Plan, Worksheet
from kulturdialog.views import inputs, timeline, urls
from kulturdialog.views.calendars import has_calendar, unplaced
from kulturdialog.views.render import GeneratedPage, Renderer


def pages(renderer: Renderer) -> Iterator[GeneratedPage]:
    """The series index, an overview per series or programme and a page per meeting."""
    yield renderer.index("series", plans=plan_items(renderer))
    for plan in sorted_plans(renderer):
        yield from renderer.made("plan", plan, partial(plan_pages, renderer, plan))


def worksheet_pages(renderer: Renderer) -> Iterator[GeneratedPage]:
    """A page per planning worksheet."""
    users = worksheet_users(renderer)
    for entry in renderer.library.worksheets.values():
        worksheet = entry.model
        used_in = users.get(worksheet.id, [])
        yield from renderer.made(
            "worksheet", worksheet, partial(worksheet_page, renderer, worksheet, used_in)
        )


def worksheet_page(
    renderer: Renderer, worksheet: Worksheet, users: list[tuple[Plan, Item]]
) -> list[GeneratedPage]:
    return [
        renderer.page(
            "worksheet/page.md",
            urls.worksheet(worksheet.id),
            worksheet.language,
            "worksheet",
            worksheet.title,
            ws=worksheet,
            users=users,
        )
    ]


def plan_pages(renderer: Renderer, plan: Plan) -> Iterator[GeneratedPage]:
    src = urls.series(plan.id)
    yield renderer.page(
        "series/overview.md",
        src,
        plan.language,
        plan.kind,
        plan.title,
        plan=plan,
        years=timeline.years(plan),
        undated=timeline.undated(plan),
        dated=timeline.is_dated(plan),
        span=timeline.span(plan),
        no_date=[item.id for item in unplaced(plan)] if timeline.is_dated(plan) else [],
        calendar=_calendar_link(renderer, plan, src),
        worksheets=_worksheets_of(renderer, plan),
    )
    with_pages = [item for item in plan.items if item.has_page]
    for number, item in enumerate(with_pages):
        item_src = urls.series_item(plan.id, item.id)
        yield renderer.page(
            "series/item.md",
            item_src,
            plan.language,
            "meeting",
            item.title,
            plan=plan,
            item=item,
            number=plan.items.index(item) + 1,
            count=len(plan.items),
            previous=with_pages[number - 1] if number > 0 else None,
            next=with_pages[number + 1] if number + 1 < len(with_pages) else None,
            worksheet=_worksheet(renderer, item),
            calendar=_calendar_link(renderer, plan, item_src),
        )


def sorted_plans(renderer: Renderer) -> list[Plan]:
    """Series and programmes, the newest first, those without dates last, then by title."""
    plans = [entry.model for entry in renderer.library.series.values()]
    return sorted(plans, key=lambda p: (_first_day(p) is None, -_ordinal(p), p.title))


def plan_items(renderer: Renderer) -> list[dict[str, Any]]:
    items = []
    for plan in sorted_plans(renderer):
        whole = timeline.span(plan)
        items.append(
            {
                "plan": plan,
                "first": whole.first if whole else None,
                "last": whole.last if whole else None,
            }
        )
    return items


def worksheet_users(renderer: Renderer) -> dict[str, list[tuple[Plan, Item]]]:
    """For each worksheet id: (series, meeting) of every meeting that uses the worksheet."""
    users: dict[str, list[tuple[Plan, Item]]] = {}
    for entry in renderer.library.series.values():
        for item in entry.model.items:
            if item.worksheet:
                users.setdefault(item.worksheet, []).append((entry.model, item))
    return users


def _worksheet(renderer: Renderer, item: Item) -> Worksheet | None:
    return renderer.library.worksheet(item.worksheet) if item.worksheet else None


def _worksheets_of(renderer: Renderer, plan: Plan) -> list[Worksheet]:
    return [renderer.library.worksheet(ident) for ident in inputs.worksheet_ids(plan)]


def _calendar_link(renderer: Renderer, plan: Plan, page_src: str) -> str | None:
    return renderer.linker(page_src).series_calendar(plan.id) if has_calendar(plan) else None


def _first_day(plan: Plan) -> date | None:
    days = [d for d in (timeline.item_first_day(i) for i in plan.items) if d is not None]
    return min(days) if days else None


def _ordinal(plan: Plan) -> int:
    day = _first_day(plan)
    return day.toordinal() if day else 0


# Fragments for macros in hand-written pages.


def series_list_fragment(renderer: Renderer, page_src: str) -> str:
    return renderer.fragment("series/list_embed.html", page_src, plans=plan_items(renderer))
