"""The starter file of a local gathering built on an existing one: the text the gathering's
pages offer for download and ``new gathering --from`` writes.

The new gathering uses the same question sets (by id) and the same preparation, keeps the
recordings, and leaves the date, the start and the organisers to the local author. Who arranged
the source, its contacts, place and documents belong to the source and are left out.
"""

from __future__ import annotations

from typing import Any

import yaml

from kulturdialog.model import Gathering
from kulturdialog.schemas import modeline
from kulturdialog.views.labels import label

KEPT = (
    "audience",
    "theme",
    "background",
    "preparation",
    "programme",
    "days",
    "recording",
    "notes",
)
"""The fields of the source gathering that the local one starts with, in this order."""


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
    # Each day keeps its date (the field every day needs) and its programme; times are local.
    if "days" in data:
        data["days"] = [
            {"date": day["date"], "programme": [_kind_first(b) for b in day.get("programme", [])]}
            for day in data["days"]
        ]
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
