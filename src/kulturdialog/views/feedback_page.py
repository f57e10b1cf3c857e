"""What the groups said: a feedback page and a CSV file for each gathering that has feedback.

Points are gathered without any language processing: two points are the same when their text
is identical after trimming and case-folding, and every other point is listed as the group
wrote it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from kulturdialog.model import Feedback, FeedbackEntry, Gathering, QuestionSet
from kulturdialog.views import urls
from kulturdialog.views.labels import label
from kulturdialog.views.render import GeneratedPage, Renderer

# A spreadsheet reads a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class GroupPoints:
    """One group's points, as the page shows them."""

    name: str
    """'Gruppe 3', the group's own name, or the label for a group without one."""
    group: str
    """The group as the CSV file gives it: its number or name, empty when it gave none."""
    points: tuple[str, ...]
    text: str | None
    received: date


@dataclass(frozen=True)
class Tally:
    """One point and how often groups gave it at each rank."""

    text: str
    """The point as the first group that gave it wrote it."""
    counts: tuple[int, ...]
    """How many groups gave it first, second, third, ..."""

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class TaskFeedback:
    """Everything the groups sent on one group task."""

    qs: QuestionSet
    groups: tuple[GroupPoints, ...]
    ranks: int
    """How many rank columns the tally has: the most points any group gave."""
    tallies: tuple[Tally, ...]


def same_point(text: str) -> str:
    """What makes two points the same: the text trimmed and case-folded, nothing more."""
    return text.strip().casefold()


def tally(groups: Iterable[Sequence[str]]) -> list[Tally]:
    """Points gathered across groups: most often first before most often second, and so on;
    points with equal counts in the order they were first given."""
    lists = [list(points) for points in groups]
    ranks = max((len(points) for points in lists), default=0)
    wording: dict[str, str] = {}
    counts: dict[str, list[int]] = {}
    for points in lists:
        for rank, text in enumerate(points):
            key = same_point(text)
            wording.setdefault(key, text.strip())
            counts.setdefault(key, [0] * ranks)[rank] += 1
    order = {key: index for index, key in enumerate(wording)}
    keys = sorted(counts, key=lambda key: ([-n for n in counts[key]], order[key]))
    return [Tally(wording[key], tuple(counts[key])) for key in keys]


def _group_order(entry: FeedbackEntry) -> tuple[int, int, str]:
    if isinstance(entry.group, int):
        return (0, entry.group, "")
    if entry.group is not None:
        return (1, 0, "")
    return (2, 0, "")


def _group_points(entries: Sequence[FeedbackEntry], language: str) -> list[GroupPoints]:
    # Numbered groups by number, then named groups, then the rest, each in the order written.
    ordered = sorted(entries, key=_group_order)
    found = []
    unnamed = 0
    for entry in ordered:
        if isinstance(entry.group, int):
            name = label("group_number", language, number=entry.group)
        elif entry.group is not None:
            name = entry.group
        else:
            unnamed += 1
            name = label("feedback_group_unnamed", language, number=unnamed)
        group = "" if entry.group is None else str(entry.group)
        found.append(GroupPoints(name, group, tuple(entry.points), entry.text, entry.received))
    return found


def task_feedback(
    gathering: Gathering, feedback: Sequence[Feedback], sets: Sequence[QuestionSet]
) -> list[TaskFeedback]:
    """Per group task of ``gathering``, in programme order, what its groups sent."""
    found = []
    for qs in sets:
        entries = [e for f in feedback if f.question_set == qs.id for e in f.entries]
        if not entries:
            continue
        groups = _group_points(entries, gathering.language)
        tallies = tally(group.points for group in groups)
        ranks = max(len(group.points) for group in groups)
        found.append(TaskFeedback(qs, tuple(groups), ranks, tuple(tallies)))
    return found


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(tasks: Sequence[TaskFeedback], language: str) -> str:
    """Every point as a row: group, task, rank, text; headed in the gathering's language.

    Starts with a byte order mark so that spreadsheets read the letters æ, ø and å right.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [label(f"feedback_csv_{column}", language) for column in ("group", "task", "rank", "text")]
    )
    for task in tasks:
        for group in task.groups:
            for rank, text in enumerate(group.points, start=1):
                writer.writerow([_cell(group.group), _cell(task.qs.title), rank, _cell(text)])
    return "\ufeff" + out.getvalue()


def pages(renderer: Renderer) -> Iterator[GeneratedPage]:
    """For every gathering with feedback: the feedback page and its CSV file."""
    for gathering in renderer.library.sorted_gatherings():
        if renderer.library.feedback_for(gathering.id):
            yield from renderer.made(
                "feedback", gathering, partial(feedback_pages, renderer, gathering)
            )


def feedback_pages(renderer: Renderer, gathering: Gathering) -> list[GeneratedPage]:
    library = renderer.library
    feedback = library.feedback_for(gathering.id)
    sets = [library.question_set(ident) for ident in gathering.question_set_ids]
    tasks = task_feedback(gathering, feedback, sets)
    lang = gathering.language
    csv = urls.feedback_csv(gathering.id)
    return [
        GeneratedPage(csv, partial(csv_text, tasks, lang), ("csv", tasks, lang)),
        renderer.page(
            "feedback/page.md",
            urls.feedback(gathering.id),
            lang,
            "feedback",
            f"{label('feedback_page', lang)}: {gathering.title}",
            g=gathering,
            tasks=tasks,
            csv=csv,
        ),
    ]
