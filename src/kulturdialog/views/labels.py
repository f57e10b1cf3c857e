"""Interface labels in the content's language, from the one translation table ``labels.yml``."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from kulturdialog.model.common import LANGUAGES

__all__ = ["LANGUAGES", "label", "table"]


@cache
def table() -> dict[str, dict[str, str]]:
    """Every label by key, each with its text in every language."""
    text = resources.files("kulturdialog.views").joinpath("labels.yml").read_text("utf-8")
    loaded: dict[str, dict[str, str]] = yaml.safe_load(text)
    return loaded


def label(key: str, language: str, **values: object) -> str:
    """The label ``key`` in ``language``, with any {placeholders} filled in."""
    text = table()[key][language]
    return text.format(**values) if values else text


def counted(key: str, language: str, count: int) -> str:
    """The label ``key`` for ``count`` things: ``<key>_one`` for one, else ``<key>_other`` with
    the count filled in."""
    return label(f"{key}_{'one' if count == 1 else 'other'}", language, count=count)
