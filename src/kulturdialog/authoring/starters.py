"""Starter files for new content: a commented template per kind, filled in with a title and id.

Adding a kind takes only a file ``starters/<kind>.yml``: the ``new`` command offers every kind
that has a starter and that the model knows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import yaml

from kulturdialog.authoring import local_kit, prospect
from kulturdialog.content import content_files, load_content
from kulturdialog.errors import ContentError, display_path
from kulturdialog.model.ids import make_id, shorten
from kulturdialog.model.kinds import BY_NAME, KINDS, TABLE

ALIASES = {kind.alias: kind.name for kind in TABLE if kind.alias}
"""Short names an author may type instead of a kind."""

ID_LENGTH = 60
"""Room is left below the longest id for ids the starter derives, such as '<id>-gruppeoppgave'."""

_KIND_LINE = re.compile(r"^kind:\s*([a-z_]+)\s*(?:#.*)?$", re.MULTILINE)


def starter_kinds() -> list[str]:
    """Every kind that has a starter file and a model, in the model's order."""
    folder = resources.files("kulturdialog.authoring").joinpath("starters")
    names = {entry.name.removesuffix(".yml") for entry in folder.iterdir()}
    return [kind for kind in KINDS if kind in names]


def command_names() -> list[str]:
    """What an author can type after ``new``: the kinds and their short names."""
    kinds = starter_kinds()
    return kinds + [alias for alias, kind in ALIASES.items() if kind in kinds]


LEAD_TIME = timedelta(weeks=8)
"""How far ahead a starter's date lies: far enough to plan, near enough to be believable."""


def template(kind: str, language: str = "nb") -> str:
    """The starter of ``kind`` written in ``language``; the Norwegian one where none is."""
    folder = resources.files("kulturdialog.authoring").joinpath("starters")
    translated = folder.joinpath(language, f"{kind}.yml")
    return (translated if translated.is_file() else folder.joinpath(f"{kind}.yml")).read_text(
        "utf-8"
    )


def translated(kind: str, language: str) -> bool:
    """Whether ``kind`` has a starter written in ``language`` (Norwegian bokmål always has)."""
    folder = resources.files("kulturdialog.authoring").joinpath("starters", language)
    return language == "nb" or folder.joinpath(f"{kind}.yml").is_file()


def future_date(today: date) -> date:
    """A weekday some weeks after ``today``, for a starter's example date."""
    day = today + LEAD_TIME
    return day + timedelta(days=8 - day.isoweekday()) if day.isoweekday() > 5 else day


def _yaml_text(value: str) -> str:
    """``value`` as a YAML scalar: as it is where it reads back the same, else in quotes."""
    try:
        plain_ok = yaml.safe_load(f"v: {value}") == {"v": value}
    except yaml.YAMLError:
        plain_ok = False
    return value if plain_ok and value == value.strip() else json.dumps(value, ensure_ascii=False)


REFERENCE_EXAMPLES = {"gathering": "samlingens-id", "question_set": "gruppeoppgavens-id"}
"""What a starter that refers to other content shows where no content is at hand (the guide)."""


def fill(
    kind: str,
    title: str,
    id: str,
    language: str,
    *,
    today: date | None = None,
    references: Mapping[str, str] | None = None,
) -> str:
    """The starter of ``kind`` with its placeholders filled in; its dates lie after ``today``.

    ``references`` fill the ids a starter refers to (feedback names its gathering and group
    task); see ``references``.
    """
    today = today or date.today()
    # Series and programmes run from the autumn of next year, so every date lies ahead.
    year = today.year + 1
    values = {
        "id": id,
        "title": _yaml_text(title),
        "language": language,
        "date": future_date(today).isoformat(),
        # Feedback is written down the day it arrives.
        "today": today.isoformat(),
        "year": str(year),
        "next_year": str(year + 1),
        **REFERENCE_EXAMPLES,
        **(references or {}),
    }
    text = template(kind, language)
    for name, value in values.items():
        text = text.replace("{{ " + name + " }}", value)
    return text


def references(kind: str, content: Path, gathering: str | None = None) -> dict[str, str] | str:
    """The ids the starter of ``kind`` refers to, read from the content in ``content``, or why
    there are none.

    Feedback refers to a gathering (``gathering``, else the newest one with a group task) and
    to its group task: the first that asks for prioritised points, else the first, taking one
    that has no feedback yet before one that has.
    """
    if kind != "feedback":
        return {}
    if not content.exists():
        return f"there is no content in {display_path(content)} yet; write the gathering first"
    library = local_kit.existing_content(content)
    if isinstance(library, str):
        return library
    candidates = [g for g in library.sorted_gatherings() if gathering in (None, g.id)]
    if gathering is not None and not candidates:
        return f"there is no gathering with the id '{gathering}' in {display_path(content)}"
    for found in candidates:
        sets = found.question_set_ids
        if not sets:
            continue
        answered = {feedback.question_set for feedback in library.feedback_for(found.id)}
        asking = [
            id
            for id in sets
            if (rb := library.question_set(id).report_back) is not None and rb.priorities
        ]
        # A group task that has feedback already would make the starter's group 1 a second
        # entry for that group; one still without is taken first.
        order = [*asking, *(id for id in sets if id not in asking)]
        open_tasks = [id for id in order if id not in answered]
        return {"gathering": found.id, "question_set": (open_tasks or order)[0]}
    which = f"the gathering '{gathering}' has" if gathering else "no gathering has"
    return f"{which} a group task for feedback; add a group_work block first"


def folder_for(kind: str, content: Path) -> Path:
    """Where a new file of ``kind`` goes: beside the most files of that kind, else the default."""
    counts: dict[Path, int] = {}
    for path in content_files(content) if content.is_dir() else []:
        try:
            head = path.read_text("utf-8", errors="replace")[:4000]
        except OSError:
            continue
        match = _KIND_LINE.search(head)
        if match and match.group(1) == kind:
            counts[path.parent] = counts.get(path.parent, 0) + 1
    if counts:
        return max(counts, key=lambda folder: counts[folder])
    return content / BY_NAME[kind].home


@dataclass(frozen=True)
class NewFile:
    """A starter written to disk, or why it was not."""

    path: Path
    written: bool
    message: str


def new_file(
    name: str,
    title: str,
    content: Path,
    *,
    id: str | None = None,
    language: str = "nb",
    source: str | None = None,
) -> NewFile:
    """Write the starter for ``name`` (a kind or a short name) into ``content``; never overwrite.

    ``source`` is the id of a gathering the new file builds on: a new gathering is a local kit
    of it (see ``local_kit``), and feedback is written for it.
    """
    kind = ALIASES.get(name, name)
    ident = id if id is not None else shorten(make_id(title), ID_LENGTH)
    folder = folder_for(kind, content)
    path = folder / f"{ident}.yml"
    if not ident:
        return NewFile(
            path, False, f"cannot make an id from the title '{title}'; give one with --id"
        )
    if make_id(ident) != ident:
        return NewFile(
            path, False, f"'{ident}' is not a valid id; use lowercase a–z, digits and hyphens"
        )
    if not title.strip():
        return NewFile(path, False, "the title is empty; give the new file a title")
    if source is not None and kind == "gathering":
        based_on = local_kit.source_gathering(content, source)
        if isinstance(based_on, str):
            return NewFile(path, False, f"{based_on}; nothing was written")
        return _write_checked(path, local_kit.kit_text(based_on, title.strip(), ident), content)
    if source is not None and kind != "feedback":
        return NewFile(path, False, "--from works with 'gathering' and 'feedback' only")
    found = references(kind, content, source)
    if isinstance(found, str):
        return NewFile(path, False, f"{found}; nothing was written")
    text = fill(kind, title.strip(), ident, language, references=found)
    made = _write_checked(path, text, content)
    if made.written and not translated(kind, language):
        return NewFile(
            path,
            True,
            f"wrote {display_path(path)} (the example text is in Norwegian bokmål: "
            f"there is no '{language}' starter for {kind} yet)",
        )
    return made


def _write_checked(path: Path, text: str, content: Path) -> NewFile:
    """Write ``text`` to a new file at ``path`` if check would accept it beside the content
    there; else refuse with what check would say."""
    if path.exists():
        # Refused as a file in the way, which says more than the clash of ids would.
        return write_new(path, text)
    try:
        library = load_content(content)
    except ContentError:
        # Content with problems of its own: check refuses it whatever is added, so only the
        # new file's own problems are the new file's.
        _, problems = prospect.file_problems(path, text)
    else:
        problems = prospect.problems_with(library, {path: text})
    if problems:
        said = "; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in problems)
        return NewFile(
            path,
            False,
            f"{display_path(path)} was not written: check would refuse it ({said}). "
            "Choose another title, or give another id with --id",
        )
    return write_new(path, text)


def write_new(path: Path, text: str) -> NewFile:
    """Write ``text`` to a new file at ``path``; refuse, naming it, if it exists or cannot be
    written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Mode 'x' refuses an existing file even if one appears between a check and the write.
        with path.open("x", encoding="utf-8") as out:
            try:
                out.write(text)
            except OSError:
                # A file cut short (a full disk) is no file check accepts: it goes again.
                path.unlink(missing_ok=True)
                raise
    except FileExistsError:
        return NewFile(
            path,
            False,
            f"{display_path(path)} already exists; nothing was written. "
            "Choose another title, or give another id with --id",
        )
    except OSError as error:
        return NewFile(
            path,
            False,
            f"{display_path(path)} cannot be written: {error.strerror or error}; nothing was "
            "written. Make the content folder writable, or give another with --content",
        )
    return NewFile(path, True, f"wrote {display_path(path)}")
