"""Rules for theme packages that span fields or files: material that matches the status, slide
references inside their presentation, links that exist, run-sheets that fit their duration."""

from __future__ import annotations

from collections.abc import Iterator

from kulturdialog import schedule
from kulturdialog.errors import Problem
from kulturdialog.library import Entry, Library
from kulturdialog.model import Package


def check_packages(library: Library) -> Iterator[Problem]:
    """Every problem of every package."""
    for entry in library.packages.values():
        yield from check_package(entry, library)


def check_package(entry: Entry[Package], library: Library) -> Iterator[Problem]:
    yield from _check_status(entry)
    yield from _check_presentation_ids(entry)
    yield from _check_links(entry, library)
    yield from _check_steps(entry, library)
    yield from _check_duration(entry)


def _check_status(entry: Entry[Package]) -> Iterator[Problem]:
    package = entry.model
    if package.status == "published" and not package.presentations:
        yield entry.problem(
            ("status",),
            "a published package needs at least one presentation; add 'presentations', "
            "or write 'status: announced' while the material is not ready",
        )
    if package.status != "published":
        for name in ("presentations", "runsheet"):
            if getattr(package, name):
                yield entry.problem(
                    (name,),
                    f"a package with 'status: {package.status}' has no material here, but "
                    f"this one has '{name}'; write 'status: published', or remove it",
                )


def _check_presentation_ids(entry: Entry[Package]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, presentation in enumerate(entry.model.presentations):
        if presentation.id in seen:
            yield entry.problem(
                ("presentations", index, "id"),
                f"the presentation id '{presentation.id}' is used twice in this package; "
                "give this one another id",
            )
        seen.add(presentation.id)


def _check_links(entry: Entry[Package], library: Library) -> Iterator[Problem]:
    package = entry.model
    for index, id in enumerate(package.question_sets):
        yield from library.reference(entry, ("question_sets", index), "question_set", id)
    for index, id in enumerate(package.gatherings):
        yield from library.reference(entry, ("gatherings", index), "gathering", id)


def _check_steps(entry: Entry[Package], library: Library) -> Iterator[Problem]:
    package = entry.model
    if package.runsheet is None:
        return
    for index, step in enumerate(package.runsheet.steps):
        at = ("runsheet", "steps", index)
        if step.question_set is not None:
            yield from library.reference(
                entry, (*at, "question_set"), "question_set", step.question_set
            )
        if step.presentation is not None and package.presentation(step.presentation) is None:
            known = ", ".join(p.id for p in package.presentations) or "none"
            yield entry.problem(
                (*at, "presentation"),
                f"this package has no presentation with the id '{step.presentation}'; "
                f"use one of its presentations ({known})",
            )
            continue
        if not step.slides:
            continue
        presentation = package.presentation(step.presentation)
        if presentation is None:
            if package.presentations:
                yield entry.problem(
                    (*at, "slides"),
                    "the package has several presentations; say which one these slides are "
                    "in with 'presentation: <id>'",
                )
            else:
                yield entry.problem(
                    (*at, "slides"),
                    "the package has no presentations to show slides from; "
                    "add one or remove 'slides'",
                )
            continue
        count = len(presentation.slides)
        for ref_index, ref in enumerate(step.slides):
            if ref.last > count:
                yield entry.problem(
                    (*at, "slides", ref_index),
                    f"slide {ref.last} is past the end of the presentation "
                    f"'{presentation.id}', which has {count} slides; "
                    f"use numbers from 1 to {count}",
                )


def _check_duration(entry: Entry[Package]) -> Iterator[Problem]:
    runsheet = entry.model.runsheet
    if runsheet is None or runsheet.duration is None:
        return
    total = schedule.total_minutes([step.minutes for step in runsheet.steps])
    over = total - runsheet.duration.last
    if over > 0:
        yield entry.problem(
            ("runsheet", "duration"),
            f"the steps take {total} minutes, {over} minutes more than the declared "
            f"{runsheet.duration} minutes; shorten the steps by {over} minutes in all, "
            "or lengthen the duration",
        )
