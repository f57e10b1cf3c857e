"""What each item's pages are made from, declared once.

Every page producer makes its pages per item (a gathering, a package, ...) under one of the
names below, and the pages of an item are a function of the models its entry here lists and
the site settings. A live preview keeps an item's pages while those models are the very
objects of the last build, so a model read but not listed here gives a stale preview: list it
here, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kulturdialog.library import Library
from kulturdialog.model import AnyContent, Gathering, Package, Plan, QuestionSet, Worksheet


def gathering(library: Library, model: Gathering) -> tuple[AnyContent, ...]:
    """Itself, the question sets its days use (which another file may hold), the feedback on
    it, and the theme packages it names."""
    named = dict.fromkeys(id for _, id in model.package_references if id in library.packages)
    return (
        model,
        *(library.question_set(ident) for ident in sorted(model.question_set_ids)),
        *library.feedback_for(model.id),
        *(library.package(ident) for ident in named),
    )


def question_set(library: Library, model: QuestionSet) -> tuple[AnyContent, ...]:
    """Itself and every gathering or package that uses it."""
    return (model, *users(library, model.id))


def users(library: Library, question_set_id: str) -> list[Gathering | Package]:
    """Every gathering or package that uses a question set, gatherings first."""
    return [
        library.package(id) if kind == "package" else library.gathering(id)
        for kind, id in library.used_by.get(question_set_id, [])
    ]


def package(library: Library, model: Package) -> tuple[AnyContent, ...]:
    """Itself, the question sets it and its run-sheet name, and the gatherings it links to:
    those it names and those that name it."""
    steps = model.runsheet.steps if model.runsheet else []
    used = [*model.question_sets, *(s.question_set for s in steps if s.question_set)]
    return (
        model,
        *(library.question_set(ident) for ident in used),
        *(library.gathering(ident) for ident in related_gatherings(library, model)),
    )


def related_gatherings(library: Library, package: Package) -> list[str]:
    """The gatherings the package names, then those that name the package, each once."""
    return list(dict.fromkeys([*package.gatherings, *library.gatherings_naming(package.id)]))


def plan(library: Library, model: Plan) -> tuple[AnyContent, ...]:
    """Itself and the worksheets its meetings use."""
    return (model, *(library.worksheet(ident) for ident in worksheet_ids(model)))


def worksheet_ids(plan: Plan) -> list[str]:
    """The worksheets a series' or programme's meetings use, each once, in meeting order."""
    return list(dict.fromkeys(item.worksheet for item in plan.items if item.worksheet))


def worksheet(library: Library, model: Worksheet) -> tuple[AnyContent, ...]:
    """Itself and every series or programme with a meeting that uses it."""
    users = (entry.model for entry in library.series.values())
    return (model, *(user for user in users if model.id in worksheet_ids(user)))


def itself(library: Library, model: Any) -> tuple[AnyContent, ...]:
    """Only the model: a page made from one file alone."""
    return (model,)


READS: dict[str, Callable[[Library, Any], tuple[AnyContent, ...]]] = {
    "gathering": gathering,
    "gathering room": gathering,
    "feedback": gathering,
    "local kit": itself,
    "question set": question_set,
    "package": package,
    "plan": plan,
    "worksheet": worksheet,
}
"""For each kind of item a producer makes pages per, the models those pages read."""


def read(kind: str, library: Library, model: Any) -> tuple[AnyContent, ...]:
    """The models the pages of ``model``, an item of ``kind``, are made from."""
    return READS[kind](library, model)
