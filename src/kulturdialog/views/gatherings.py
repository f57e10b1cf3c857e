"""Pages and fragments for gatherings and question sets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from markupsafe import Markup

from kulturdialog.model import Gathering, Package, QuestionSet
from kulturdialog.views import inputs, package_urls, room, urls
from kulturdialog.views.after import after, has_feedback_page
from kulturdialog.views.labels import label
from kulturdialog.views.packages import has_preparation
from kulturdialog.views.programme import timetable
from kulturdialog.views.render import GeneratedPage, Renderer


def pages(renderer: Renderer) -> Iterator[GeneratedPage]:
    """The gathering index and three pages per gathering (and a guide and a run-sheet per day
    of several)."""
    yield renderer.index("gathering", cards=gathering_cards(renderer, urls.index("gathering")))
    for gathering in renderer.library.sorted_gatherings():
        yield from renderer.made(
            "gathering", gathering, partial(gathering_pages, renderer, gathering)
        )


def question_set_pages(renderer: Renderer) -> Iterator[GeneratedPage]:
    """The question-set library and a page per question set."""
    src = urls.index("question_set")
    yield renderer.index("question_set", cards=question_set_cards(renderer, src))
    for entry in renderer.library.question_sets.values():
        qs = entry.model
        yield from renderer.made("question set", qs, partial(question_set_page, renderer, qs))


def question_set_page(renderer: Renderer, qs: QuestionSet) -> list[GeneratedPage]:
    src = urls.question_set(qs.id)
    return [
        renderer.page(
            "question_set/page.md",
            src,
            qs.language,
            "question_set",
            qs.title,
            qs=qs,
            users=users_of(renderer, qs.id, src),
        )
    ]


@dataclass(frozen=True)
class NamedPackage:
    """A theme package a gathering names, with the pages its own pages link to."""

    package: Package
    block: str | None
    """The title of the block that names it; None when the gathering itself does."""
    overview: str
    preparation: str | None


def named_packages(renderer: Renderer, gathering: Gathering) -> list[NamedPackage]:
    """The packages ``gathering`` names, each once, where it first names them."""
    found: dict[str, NamedPackage] = {}
    for path, id in gathering.package_references:
        if id in found or id not in renderer.library.packages:
            continue
        package = renderer.library.package(id)
        block = None
        if path[-1] == "package" and len(path) > 1:
            day = next(d for d in gathering.schedule if d.path == path[:-3])
            index = path[-2]
            assert isinstance(index, int)
            block = day.programme[index].title
        found[id] = NamedPackage(
            package,
            block,
            package_urls.package(id),
            package_urls.preparation(id) if has_preparation(package) else None,
        )
    return list(found.values())


def gathering_pages(renderer: Renderer, gathering: Gathering) -> Iterator[GeneratedPage]:
    days = renderer.timetables(gathering)
    context: dict[str, Any] = {
        "packages": named_packages(renderer, gathering),
        "g": gathering,
        "p": days[0],
        "days": days,
        "question_sets": [renderer.library.question_set(i) for i in gathering.question_set_ids],
        "day_page": False,
        "after": after(renderer, gathering),
        "live_state": room.live_data(gathering, days[0]),
    }
    lang, id, title = gathering.language, gathering.id, gathering.title
    guide_title = f"{label('facilitator_guide', lang)}: {title}"
    runsheet_title = f"{label('runsheet', lang)}: {title}"
    yield renderer.page(
        "gathering/participant.md", urls.gathering(id), lang, "participant", title, **context
    )
    # The live clock (start time, countdown, +5 min) runs on the facilitator's two pages.
    yield renderer.page(
        "gathering/facilitator.md",
        urls.facilitator(id),
        lang,
        "facilitator",
        guide_title,
        scripts=room.LIVE_SCRIPTS,
        **context,
    )
    yield renderer.page(
        "gathering/runsheet.md",
        urls.runsheet(id),
        lang,
        "runsheet",
        runsheet_title,
        scripts=() if gathering.several_days else room.LIVE_SCRIPTS,
        indexed=runsheet_indexed(gathering),
        **context,
    )
    # A gathering over several days: each day with a programme gets a guide and a run-sheet of
    # its own, where the live mode runs for that day alone.
    for day in days:
        if gathering.several_days and day.rows:
            assert day.day is not None
            number = day.day.number
            on_the_day = f", {label('day_n', lang, number=number)}"
            daily = {
                **context,
                "p": day,
                "days": [day],
                "day_page": True,
                "live_state": room.live_data(gathering, day),
            }
            yield renderer.page(
                "gathering/facilitator.md",
                urls.day_guide(id, number),
                lang,
                "facilitator",
                guide_title + on_the_day,
                scripts=room.LIVE_SCRIPTS,
                **daily,
            )
            yield renderer.page(
                "gathering/runsheet.md",
                urls.day_runsheet(id, number),
                lang,
                "day-runsheet",
                runsheet_title + on_the_day,
                scripts=room.LIVE_SCRIPTS,
                **daily,
            )


def gathering_cards(renderer: Renderer, page_src: str) -> list[Markup]:
    library = renderer.library

    def item(g: Gathering, feedback: bool) -> dict[str, Any]:
        return {"item": {"gathering": g, "total": g.minutes, "feedback": feedback}}

    items = [
        (g, partial(item, g, has_feedback_page(renderer, g))) for g in library.sorted_gatherings()
    ]
    return renderer.cards("gathering/card.html", page_src, "gathering", items)


def question_set_cards(renderer: Renderer, page_src: str) -> list[Markup]:
    def item(qs: QuestionSet, users: list[Gathering | Package]) -> dict[str, Any]:
        return {"item": {"qs": qs, "users": [user.title for user in users]}}

    items = [
        (entry.model, partial(item, entry.model, inputs.users(renderer.library, entry.model.id)))
        for entry in sorted(renderer.library.question_sets.values(), key=lambda e: e.model.title)
    ]
    return renderer.cards("question_set/card.html", page_src, "question set", items)


def users_of(renderer: Renderer, question_set_id: str, page_src: str) -> list[tuple[str, str, str]]:
    """(kind, link, title) of every gathering or package that uses a question set."""
    library = renderer.library
    link = renderer.linker(page_src)
    found = []
    for kind, id in library.used_by.get(question_set_id, []):
        if kind == "gathering":
            found.append((kind, link.gathering(id), library.gathering(id).title))
        elif kind == "package":
            found.append((kind, link(package_urls.package(id)), library.package(id).title))
    return found


# Fragments for macros in hand-written pages.


def programme_fragment(renderer: Renderer, id: str, page_src: str) -> str:
    # A gathering over several days embeds its first day.
    g = renderer.library.gathering(id)
    p = timetable(g, renderer.library)
    return renderer.fragment(
        "gathering/programme_embed.html", page_src, language=g.language, g=g, p=p
    )


def runsheet_indexed(gathering: Gathering) -> bool:
    """Whether the gathering's run-sheet is searched: for the blocks' notes, its one text of its
    own (its times, blocks and speakers are the participant page's, marked ``data-search-exclude``
    in the template), so a run-sheet without notes stays out of the index."""
    return any(block.notes for block in gathering.blocks)


def runsheet_fragment(renderer: Renderer, id: str, page_src: str) -> str:
    g = renderer.library.gathering(id)
    p = timetable(g, renderer.library)
    return renderer.fragment(
        "gathering/runsheet_embed.html", page_src, language=g.language, g=g, p=p
    )


def question_set_fragment(renderer: Renderer, id: str, page_src: str) -> str:
    qs = renderer.library.question_set(id)
    return renderer.fragment("question_set/embed.html", page_src, language=qs.language, qs=qs)


def gathering_list_fragment(renderer: Renderer, page_src: str) -> str:
    return renderer.fragment(
        "gathering/list_embed.html", page_src, cards=gathering_cards(renderer, page_src)
    )


def question_set_list_fragment(renderer: Renderer, page_src: str) -> str:
    return renderer.fragment(
        "question_set/list_embed.html", page_src, cards=question_set_cards(renderer, page_src)
    )
