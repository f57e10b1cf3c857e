"""The feedback import command: saved e-mails from the groups in, one new feedback file per
group task out. Nothing is ever overwritten.

Each e-mail is taken as a whole: every one is read and checked against the rules of ``check``
first, and nothing is written unless all are good (with ``skip_bad``, the good ones are written
and the bad ones named)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from kulturdialog.authoring.mail import Form, Message, Unreadable, read_form, read_message
from kulturdialog.authoring.prospect import file_problems, problems_with
from kulturdialog.authoring.starters import write_new
from kulturdialog.checks.feedback import group_key
from kulturdialog.content import load_content
from kulturdialog.errors import ContentError, Problem, display_path
from kulturdialog.library import Library
from kulturdialog.model import QuestionSet
from kulturdialog.model.ids import MAX_LENGTH, shorten
from kulturdialog.schemas import modeline
from kulturdialog.views.labels import counted, label


@dataclass(frozen=True)
class Reply:
    """One e-mail read: which group task it answers and what the group wrote."""

    path: Path
    question_set: QuestionSet
    form: Form
    received: datetime
    """When the e-mail was sent, with its time zone."""


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


def import_feedback(
    gathering_id: str, paths: Sequence[Path], content: Path, *, skip_bad: bool = False
) -> ImportResult:
    """Read ``paths`` as the groups' e-mails for ``gathering_id`` and write the feedback files;
    nothing unless every e-mail is good, or with ``skip_bad`` the files of the good ones."""
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
            reply = read_reply(path, sets)
            _check_reply(gathering_id, reply)
        except Unreadable as why:
            result.problems.append(f"{display_path(path)}: could not read this e-mail: {why}")
            continue
        replies.append(reply)
    return write_replies(library, gathering_id, replies, result, skip_bad=skip_bad)


def write_replies(
    library: Library,
    gathering_id: str,
    replies: Sequence[Reply],
    result: ImportResult | None = None,
    *,
    skip_bad: bool = False,
) -> ImportResult:
    """Write the feedback files of ``replies`` (the groups' answers, read from e-mails or sent
    from phones in the room): one new file per group task, nothing over what exists; nothing
    unless all are good (and ``result`` holds no problem), or with ``skip_bad`` the good ones."""
    result = result if result is not None else ImportResult()
    sets = _group_tasks(library, gathering_id)
    planned: dict[Path, tuple[QuestionSet, list[Reply]]] = {}
    for qs in sets:
        chosen = _latest_per_group([r for r in replies if r.question_set.id == qs.id], result)
        target = _planned_path(library, gathering_id, qs, len(chosen), result) if chosen else None
        if target is not None:
            planned[target] = (qs, chosen)
    texts = {
        path: feedback_text(gathering_id, qs, chosen) for path, (qs, chosen) in planned.items()
    }
    # The rules of check across files, with the new files in: a guard on all of the above.
    for problem in problems_with(library, texts):
        result.problems.append(str(problem))
        texts = {path: text for path, text in texts.items() if display_path(path) != problem.file}
    if result.problems and not skip_bad:
        result.problems.append(
            "nothing was written: correct or leave out the e-mails named above and import "
            "again, or add --skip-bad to write the feedback of the others"
        )
        return result
    _write_all(texts, planned, result)
    return result


def _check_reply(gathering_id: str, reply: Reply) -> None:
    """Raise Unreadable with why when the feedback of ``reply`` alone would not pass check."""
    probe = Path(f"{feedback_id(gathering_id, reply.question_set)}.yml")
    _, problems = file_problems(probe, feedback_text(gathering_id, reply.question_set, [reply]))
    if problems:
        raise Unreadable("; ".join(_in_words(problem) for problem in problems))


def _in_words(problem: Problem) -> str:
    """A problem of a one-entry feedback file, said of the e-mail it comes from."""
    parts = problem.field.split(".")
    if len(parts) >= 3 and parts[0] == "entries":
        if parts[2] == "points" and len(parts) > 3 and parts[3].isdigit():
            # Field paths count from 1, as authors do.
            return f"point {parts[3]}: {problem.message}"
        named = {"group": "the Gruppe line", "text": "the comment", "received": "the Date line"}
        return f"{named.get(parts[2], parts[2])}: {problem.message}"
    return problem.message


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
    # A group that wrote twice meant the e-mail it sent later; groups without a name never
    # clash. Sent at the same moment, the one later on the command line counts.
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


_HASH_LENGTH = 8


def feedback_id(gathering_id: str, qs: QuestionSet) -> str:
    """The id (and file name) of the feedback on one group task of a gathering: distinct for
    every task of every gathering, however long their ids (a long pair is cut short and given
    a mark of the whole)."""
    suffix = label("feedback_file", qs.language)
    whole = f"{gathering_id}-{qs.id}"
    room = MAX_LENGTH - len(suffix) - 1
    if len(whole) <= room:
        return f"{whole}-{suffix}"
    mark = hashlib.sha256(whole.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    return f"{shorten(whole, room - _HASH_LENGTH - 1)}-{mark}-{suffix}"


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
        # The day as the sender's Date line gives it.
        entry["received"] = reply.received.date()
        entries.append(entry)
    data = {
        "kind": "feedback",
        "id": feedback_id(gathering_id, qs),
        "gathering": gathering_id,
        "question_set": qs.id,
        "entries": entries,
    }
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    # The note speaks the language of the file it heads, the question set's.
    note = f"# {counted('feedback_import_note', qs.language, len(replies))}"
    return f"{modeline('feedback')}\n{note}\n{body}"


def _group_order(group: int | str | None) -> tuple[int, int, str]:
    if isinstance(group, int):
        return (0, group, "")
    return (1, 0, group.casefold()) if group is not None else (2, 0, "")


def _planned_path(
    library: Library, gathering_id: str, qs: QuestionSet, groups: int, result: ImportResult
) -> Path | None:
    """Where the feedback on ``qs`` goes, or None (and why) when a file holds it already."""
    for entry in library.feedback.values():
        if entry.model.gathering == gathering_id and entry.model.question_set == qs.id:
            result.problems.append(
                f"{entry.source.display_path}: already holds feedback on '{qs.title}'; nothing "
                f"was written for it. Add the {groups} new entries to that file by hand, "
                "or move it away and import all the e-mails again"
            )
            return None
    # Beside the gathering it answers.
    folder = library.gatherings[gathering_id].source.path.parent
    path = folder / f"{feedback_id(gathering_id, qs)}.yml"
    if path.exists():
        result.problems.append(
            f"{display_path(path)} already exists; nothing was written for '{qs.title}'"
        )
        return None
    return path


def _write_all(
    texts: dict[Path, str],
    planned: dict[Path, tuple[QuestionSet, list[Reply]]],
    result: ImportResult,
) -> None:
    for path, text in texts.items():
        qs, replies = planned[path]
        made = write_new(path, text)
        if not made.written:
            # A file that appeared since the check above, or a folder that cannot be written.
            result.problems.append(
                f"{display_path(path)} already exists; nothing was written for '{qs.title}'"
                if path.exists()
                else made.message
            )
            continue
        result.written.append(path)
        result.report.append(f"wrote {display_path(path)}: '{qs.title}', {len(replies)} group(s)")
