"""The feedback import command: saved e-mails from the groups in, one new feedback file per
group task out. Nothing is ever overwritten."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from kulturdialog.authoring.ids import MAX_LENGTH, shorten
from kulturdialog.authoring.mail import Form, Message, Unreadable, read_form, read_message
from kulturdialog.authoring.schemas import modeline
from kulturdialog.authoring.starters import write_new
from kulturdialog.checks.feedback import group_key
from kulturdialog.content import load_content
from kulturdialog.errors import ContentError, display_path
from kulturdialog.library import Library
from kulturdialog.model import QuestionSet
from kulturdialog.views.labels import label


@dataclass(frozen=True)
class Reply:
    """One e-mail read: which group task it answers and what the group wrote."""

    path: Path
    question_set: QuestionSet
    form: Form
    received: date


@dataclass
class ImportResult:
    """What an import did, in lines for the author."""

    written: list[Path] = field(default_factory=list)
    report: list[str] = field(default_factory=list)
    """What was written, and e-mails replaced by a later one from the same group."""
    problems: list[str] = field(default_factory=list)
    """E-mails that could not be read and files that were not written, each with why."""

    @property
    def ok(self) -> bool:
        return not self.problems


def import_feedback(gathering_id: str, paths: Sequence[Path], content: Path) -> ImportResult:
    """Read ``paths`` as the groups' e-mails for ``gathering_id`` and write the feedback files."""
    result = ImportResult()
    try:
        library = load_content(content)
    except ContentError as error:
        count = len(error.problems)
        result.problems.append(
            f"the content in {display_path(content)} has {count} problem(s); "
            "run kulturdialog check and fix them first"
        )
        return result
    if gathering_id not in library.gatherings:
        known = ", ".join(sorted(library.gatherings)) or "none"
        result.problems.append(
            f"there is no gathering with the id '{gathering_id}' (known: {known})"
        )
        return result
    sets = _group_tasks(library, gathering_id)
    if not sets:
        result.problems.append(f"the gathering '{gathering_id}' has no group task to answer")
        return result
    replies: list[Reply] = []
    for path in paths:
        try:
            replies.append(read_reply(path, sets))
        except Unreadable as why:
            result.problems.append(f"{display_path(path)}: could not read this e-mail: {why}")
    for qs in sets:
        chosen = _latest_per_group([r for r in replies if r.question_set.id == qs.id], result)
        if chosen:
            _write(library, gathering_id, qs, chosen, result)
    return result


def _group_tasks(library: Library, gathering_id: str) -> list[QuestionSet]:
    ids = library.gathering(gathering_id).question_set_ids
    return [library.question_set(id) for id in ids]


def read_reply(path: Path, sets: Sequence[QuestionSet]) -> Reply:
    """The group task and answer of the e-mail at ``path``; raises Unreadable with why not."""
    message = read_message(path)
    qs = _which_task(message, sets)
    form = read_form(message.lines)
    if not form.points:
        # A reply that only quotes the group's e-mail: the points are in the quoted text.
        quoted = read_form(message.quoted)
        form = quoted if quoted.points else form
    if not form.points:
        raise Unreadable(
            "found no points; write them as numbered lines ('1. …') below a line "
            f"'{label('mail_points', qs.language)}:'"
        )
    priorities = qs.report_back.priorities if qs.report_back else None
    if priorities is not None and not priorities.min <= len(form.points) <= priorities.max:
        raise Unreadable(
            f"it has {len(form.points)} points, but '{qs.title}' asks each group for "
            f"{priorities.min} to {priorities.max}; edit the e-mail or write the entry by hand"
        )
    return Reply(path, qs, form, message.received)


def _which_task(message: Message, sets: Sequence[QuestionSet]) -> QuestionSet:
    def names(qs: QuestionSet) -> list[str]:
        subject = qs.report_back.subject if qs.report_back else None
        return [name.casefold() for name in (qs.title, subject) if name]

    subject = message.subject.casefold()
    by_subject = [qs for qs in sets if any(name in subject for name in names(qs))]
    if len(by_subject) == 1:
        return by_subject[0]
    lines = {line.strip().casefold() for line in message.lines + message.quoted}
    by_body = [qs for qs in sets if any(name in lines for name in names(qs))]
    if len(by_body) == 1:
        return by_body[0]
    if len(sets) == 1:
        return sets[0]
    titles = " or ".join(f"'{qs.title}'" for qs in sets)
    raise Unreadable(f"cannot tell which group task it answers; put {titles} in the subject")


def _latest_per_group(replies: list[Reply], result: ImportResult) -> list[Reply]:
    # A group that wrote twice meant its later e-mail; groups without a name never clash.
    kept: dict[str, Reply] = {}
    unnamed: list[Reply] = []
    for reply in sorted(replies, key=lambda r: r.received):
        key = group_key(reply.form.group)
        if key is None:
            unnamed.append(reply)
            continue
        earlier = kept.get(key)
        if earlier is not None:
            result.report.append(
                f"{display_path(earlier.path)}: group {reply.form.group} wrote again in "
                f"{display_path(reply.path)}; the later e-mail is used"
            )
        kept[key] = reply
    return list(kept.values()) + unnamed


def feedback_id(gathering_id: str, qs: QuestionSet) -> str:
    """The id (and file name) of the feedback on one group task of a gathering."""
    suffix = label("feedback_file", qs.language)
    return f"{shorten(f'{gathering_id}-{qs.id}', MAX_LENGTH - len(suffix) - 1)}-{suffix}"


def feedback_text(gathering_id: str, qs: QuestionSet, replies: Sequence[Reply]) -> str:
    """The feedback file for ``replies``, as YAML the loader reads back the same."""
    ordered = sorted(replies, key=lambda r: _group_order(r.form.group))
    entries: list[dict[str, Any]] = []
    for reply in ordered:
        entry: dict[str, Any] = {}
        if reply.form.group is not None:
            entry["group"] = reply.form.group
        entry["points"] = list(reply.form.points)
        if reply.form.text:
            entry["text"] = reply.form.text
        entry["received"] = reply.received
        entries.append(entry)
    data = {
        "kind": "feedback",
        "id": feedback_id(gathering_id, qs),
        "gathering": gathering_id,
        "question_set": qs.id,
        "entries": entries,
    }
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    note = f"# Lest inn fra {len(replies)} e-post(er) med: kulturdialog feedback import"
    return f"{modeline('feedback')}\n{note}\n{body}"


def _group_order(group: int | str | None) -> tuple[int, int, str]:
    if isinstance(group, int):
        return (0, group, "")
    return (1, 0, group.casefold()) if group is not None else (2, 0, "")


def _write(
    library: Library,
    gathering_id: str,
    qs: QuestionSet,
    replies: list[Reply],
    result: ImportResult,
) -> None:
    for entry in library.feedback.values():
        if entry.model.gathering == gathering_id and entry.model.question_set == qs.id:
            result.problems.append(
                f"{entry.source.display_path}: already holds feedback on '{qs.title}'; nothing "
                f"was written for it. Add the {len(replies)} new entries to that file by hand, "
                "or move it away and import all the e-mails again"
            )
            return
    # Beside the gathering it answers.
    folder = library.gatherings[gathering_id].source.path.parent
    path = folder / f"{feedback_id(gathering_id, qs)}.yml"
    made = write_new(path, feedback_text(gathering_id, qs, replies))
    if not made.written:
        result.problems.append(
            f"{display_path(path)} already exists; nothing was written for '{qs.title}'"
        )
        return
    result.written.append(path)
    groups = len(replies)
    result.report.append(f"wrote {display_path(path)}: '{qs.title}', {groups} group(s)")
