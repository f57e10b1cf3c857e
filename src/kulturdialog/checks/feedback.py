"""Rules for feedback: it answers a group task the gathering has, within the task's number of
points, and each group speaks once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kulturdialog.errors import Problem
from kulturdialog.model import Feedback

if TYPE_CHECKING:
    from kulturdialog.library import Entry, Library


def group_key(group: int | str | None) -> str | None:
    """What makes two entries the same group: 3 and '3', 'Bergen' and ' bergen '."""
    return None if group is None else str(group).strip().casefold()


def check_feedback(library: Library) -> Iterator[Problem]:
    # The first entry seen for each group of each gathering's task, across files.
    claimed: dict[tuple[str, str, str], tuple[Entry[Feedback], int]] = {}
    for entry in library.feedback.values():
        yield from _check_references(entry, library)
        feedback = entry.model
        for index, item in enumerate(feedback.entries):
            key = group_key(item.group)
            if key is None:
                continue
            first = claimed.setdefault(
                (feedback.gathering, feedback.question_set, key), (entry, index)
            )
            if first != (entry, index):
                where = first[0].problem(("entries", first[1], "group"), "")
                yield entry.problem(
                    ("entries", index, "group"),
                    f"group '{item.group}' already has an entry in {where.file}:{where.line}; "
                    "merge the two or correct the group",
                )


def _check_references(entry: Entry[Feedback], library: Library) -> Iterator[Problem]:
    feedback = entry.model
    gathering = library.gatherings.get(feedback.gathering)
    yield from library.reference(entry, ("gathering",), "gathering", feedback.gathering)
    yield from library.reference(entry, ("question_set",), "question_set", feedback.question_set)
    qs = library.question_sets.get(feedback.question_set)
    if qs is None:
        return
    if gathering is not None:
        used = gathering.model.question_set_ids
        if feedback.question_set not in used:
            listed = ", ".join(used) or "none"
            yield entry.problem(
                ("question_set",),
                f"the gathering '{feedback.gathering}' does not use the question set "
                f"'{feedback.question_set}'; use one of its group tasks ({listed})",
            )
    priorities = qs.model.report_back.priorities if qs.model.report_back else None
    if priorities is None:
        return
    for index, item in enumerate(feedback.entries):
        count = len(item.points)
        if not priorities.min <= count <= priorities.max:
            yield entry.problem(
                ("entries", index, "points"),
                f"{count} points, but the group task asks each group for "
                f"{priorities.min} to {priorities.max}; keep the group's most important ones",
            )
