"""A gathering as a local kit: a new gathering built on an existing one, for a municipality or
a region to run on its own.

The new gathering uses the same question sets (by id) and the same preparation, keeps the
recordings, and leaves the date, the start and the organisers to the local author. Who arranged
the source, its contacts, place and documents belong to the source and are left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kulturdialog.authoring.schemas import modeline
from kulturdialog.content import load_content
from kulturdialog.errors import ContentError, display_path
from kulturdialog.model import Gathering
from kulturdialog.views.labels import label

KEPT = ("audience", "theme", "background", "preparation", "programme", "recording", "notes")
"""The fields of the source gathering that the local one starts with, in this order."""


def source_gathering(content: Path, id: str) -> Gathering | str:
    """The gathering ``id`` in ``content``, or why it cannot be used."""
    if not content.exists():
        return f"there is no content in {display_path(content)}"
    try:
        library = load_content(content)
    except ContentError as error:
        count = len(error.problems)
        where = display_path(content)
        return f"the content in {where} has {count} problem(s); run kulturdialog check"
    if id not in library.gatherings:
        known = ", ".join(sorted(library.gatherings)) or "none"
        return f"there is no gathering with the id '{id}' (known: {known})"
    return library.gathering(id)


# libyaml's emitter is several times faster; every gathering's pages offer a starter file.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _yaml(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)


def _kind_first(block: dict[str, Any]) -> dict[str, Any]:
    return {"kind": block.pop("kind"), **block}


def kit_text(source: Gathering, title: str, id: str) -> str:
    """The starter file of a local gathering built on ``source``; it passes check beside it."""
    data = source.model_dump(mode="json", exclude_defaults=True, include=set(KEPT))
    if "programme" in data:
        data["programme"] = [_kind_first(block) for block in data["programme"]]
    head = {"kind": "gathering", "id": id, "title": title, "language": source.language}

    # The comments speak the language the file is written in, the gathering's.
    def t(key: str) -> str:
        return label(key, source.language)

    lines = [
        modeline("gathering"),
        f"# {t('kit_based_on')}",
        f"# «{' '.join(source.title.split())}» ({source.id}):",
        f"# {t('kit_keeps')}",
        f"# {t('kit_then')}",
        _yaml(head).rstrip("\n"),
        f"# date: 2025-09-24  # {t('kit_date')}",
        f"# start: 09:00  # {t('kit_start')}",
        f"organisers: []  # {t('kit_organisers')}",
    ]
    ordered = {key: data[key] for key in KEPT if key in data}
    return "\n".join(lines) + "\n" + _yaml(ordered)
