"""Pages and fragments for theme packages: index, overview, presentations with speaker notes,
the full-screen presenter view, the run-sheet and the preparation page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from kulturdialog import schedule
from kulturdialog.model import Package, QuestionSet
from kulturdialog.model.package import Presentation, Step
from kulturdialog.views import inputs, package_urls, room, urls
from kulturdialog.views.charts import DECK, PAGE, Chart, Layout, chart
from kulturdialog.views.labels import label
from kulturdialog.views.render import GeneratedPage, Renderer


@dataclass(frozen=True)
class StepRow:
    """One run-sheet step with when it runs and the slides it shows."""

    step: Step
    slot: schedule.Slot
    refs: str
    """The slide references as written, such as '1–3, 5'."""
    slides: list[tuple[int, str]]
    """Number and title of every slide the step shows."""
    presentation: Presentation | None
    question_set: QuestionSet | None


@dataclass(frozen=True)
class Sheet:
    """A package's run-sheet laid out in time."""

    rows: list[StepRow]
    total: int
    duration: str | None
    """The declared duration, such as '60–90'."""
    suggested: bool = False
    """Whether the minutes are the editors' suggestion rather than the source's."""


@dataclass(frozen=True)
class Links:
    """Where a package's pages are, relative to the page being written."""

    overview: str
    runsheet: str | None
    preparation: str | None
    presentations: list[tuple[Presentation, str, str]]
    """Each presentation with the links to its page and to its presenter view."""
    question_sets: list[tuple[QuestionSet, str]]
    gatherings: list[tuple[str, str]]
    """Title and link of each related gathering."""


def pages(renderer: Renderer) -> Iterator[GeneratedPage]:
    """The package index and every page of every package."""
    yield renderer.index("package", packages=package_items(renderer, urls.index("package")))
    for package in renderer.library.sorted_packages():
        yield from renderer.made("package", package, partial(package_pages, renderer, package))


def package_pages(renderer: Renderer, package: Package) -> Iterator[GeneratedPage]:
    lang, id = package.language, package.id
    sheet = runsheet(renderer, package)

    def context(src: str) -> dict[str, Any]:
        return {"pkg": package, "to": links(renderer, package, src), "sheet": sheet}

    src = package_urls.package(id)
    yield renderer.page("package/overview.md", src, lang, "package", package.title, **context(src))
    for presentation in package.presentations:
        charts = slide_charts(presentation, lang)
        src = package_urls.presentation(id, presentation.id)
        yield renderer.page(
            "package/presentation.md",
            src,
            lang,
            "presentation",
            f"{presentation.title}",
            presentation=presentation,
            charts=charts,
            **context(src),
        )
        deck_charts = slide_charts(presentation, lang, DECK)
        steps = deck_steps(sheet, presentation)
        for template, src in (
            ("package/presenter.html", package_urls.presenter(id, presentation.id)),
            ("package/speaker.html", package_urls.speaker(id, presentation.id)),
        ):
            link = renderer.linker(src)
            yield renderer.standalone(
                template,
                src,
                lang,
                presentation=presentation,
                charts=deck_charts,
                deck={"key": f"{id}/{presentation.id}", "steps": steps},
                back=link(package_urls.presentation(id, presentation.id)),
                presenter=link(package_urls.presenter(id, presentation.id)),
                speaker=link(package_urls.speaker(id, presentation.id)),
                **context(src),
            )
    if sheet is not None:
        src = package_urls.runsheet(id)
        title = f"{label('runsheet', lang)}: {package.title}"
        yield renderer.page(
            "package/runsheet.md",
            src,
            lang,
            "runsheet",
            title,
            scripts=room.LIVE_SCRIPTS,
            live_state=room.package_live_data(package),
            timer_href=renderer.linker(src)(package_urls.timer(id)),
            **context(src),
        )
    if has_preparation(package):
        src = package_urls.preparation(id)
        title = f"{label('preparation', lang)}: {package.title}"
        yield renderer.page(
            "package/preparation.md",
            src,
            lang,
            "preparation",
            title,
            question_sets=[renderer.library.question_set(q) for q in package.question_sets],
            **context(src),
        )


def has_preparation(package: Package) -> bool:
    return package.preparation is not None or bool(package.question_sets)


def links(renderer: Renderer, package: Package, page_src: str) -> Links:
    link = renderer.linker(page_src)
    library = renderer.library
    id = package.id
    return Links(
        overview=link(package_urls.package(id)),
        runsheet=link(package_urls.runsheet(id)) if package.runsheet else None,
        preparation=link(package_urls.preparation(id)) if has_preparation(package) else None,
        presentations=[
            (
                p,
                link(package_urls.presentation(id, p.id)),
                link(package_urls.presenter(id, p.id)),
            )
            for p in package.presentations
        ],
        question_sets=[
            (library.question_set(q), link.question_set(q)) for q in package.question_sets
        ],
        gatherings=[
            (library.gathering(g).title, link.gathering(g))
            for g in inputs.related_gatherings(library, package)
        ],
    )


def runsheet(renderer: Renderer, package: Package) -> Sheet | None:
    """The run-sheet with times from 0:00 and each step's slides resolved to their titles."""
    if package.runsheet is None:
        return None
    steps = package.runsheet.steps
    rows = []
    for step, slot in zip(steps, schedule.slots([s.minutes for s in steps]), strict=True):
        presentation = package.presentation(step.presentation)
        slides: list[tuple[int, str]] = []
        if presentation is not None:
            for ref in step.slides:
                slides.extend((n, presentation.slides[n - 1].title) for n in ref.numbers)
        question_set = (
            renderer.library.question_set(step.question_set) if step.question_set else None
        )
        refs = ", ".join(str(ref) for ref in step.slides)
        rows.append(StepRow(step, slot, refs, slides, presentation, question_set))
    duration = package.runsheet.duration
    total = schedule.total_minutes([s.minutes for s in steps])
    return Sheet(
        rows, total, str(duration) if duration else None, package.runsheet.minutes_suggested
    )


def deck_steps(sheet: Sheet | None, presentation: Presentation) -> list[dict[str, Any]]:
    """The run-sheet steps that show this presentation's slides, for the speaker view's clock."""
    if sheet is None:
        return []
    return [
        {
            "activity": row.step.activity,
            "minutes": row.step.minutes,
            "slides": [number for number, _ in row.slides],
        }
        for row in sheet.rows
        if row.presentation is not None and row.presentation.id == presentation.id and row.slides
    ]


def slide_charts(
    presentation: Presentation, language: str, layout: Layout = PAGE
) -> list[list[Chart]]:
    """For each slide, its figures laid out as charts with ids unique on the page."""
    return [
        [
            chart(figure, f"chart-{number}-{index}", language, layout)
            for index, figure in enumerate(slide.figures, start=1)
        ]
        for number, slide in enumerate(presentation.slides, start=1)
    ]


def package_items(renderer: Renderer, page_src: str) -> list[dict[str, Any]]:
    link = renderer.linker(page_src)
    items = []
    for package in renderer.library.sorted_packages():
        sheet = package.runsheet
        items.append(
            {
                "package": package,
                "href": link(package_urls.package(package.id)),
                "slides": sum(len(p.slides) for p in package.presentations),
                "total": sum(s.minutes for s in sheet.steps) if sheet else None,
                "suggested": bool(sheet and sheet.minutes_suggested),
            }
        )
    return items


# Fragments for macros in hand-written pages.


def package_list_fragment(renderer: Renderer, page_src: str) -> str:
    return renderer.fragment(
        "package/list_embed.html", page_src, packages=package_items(renderer, page_src)
    )
