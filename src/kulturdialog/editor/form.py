"""What the form is made from: a kind's JSON Schema with labels and help in the site's language.

The form has no code per field: the browser draws it from the schema the model generates, so a
field added to the model appears in the form with its description as help. This module only
puts words in: each property gets ``x-label`` and its description in the site's language.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from kulturdialog.errors import ContentError
from kulturdialog.library import Library
from kulturdialog.model import KINDS
from kulturdialog.schemas import schema
from kulturdialog.views.fields import describe
from kulturdialog.views.labels import table


@cache
def _words() -> dict[str, dict[str, str]]:
    text = resources.files("kulturdialog.editor").joinpath("words.yml").read_text("utf-8")
    loaded: dict[str, dict[str, str]] = yaml.safe_load(text)
    return loaded


def word(key: str, language: str, **values: object) -> str:
    """One of the editor's words in ``language``."""
    text = _words()[key][language]
    return text.format(**values) if values else text


def words(language: str) -> dict[str, str]:
    """All the editor's words in ``language``, for the browser."""
    return {key: texts[language] for key, texts in _words().items()}


def field_label(name: str, language: str) -> str:
    """A field's label: the editor's own, else the site's label of that name, else the name."""
    own = _words().get(f"field_{name}")
    if own is not None:
        return own[language]
    site = table().get(name)
    return site[language] if site is not None else name.replace("_", " ")


def form_schema(kind: str, language: str) -> dict[str, Any]:
    """The JSON Schema of ``kind`` with every field's label and help in ``language``."""
    found = schema(kind)
    _translate(found, language)
    return found


def _translate(node: Any, language: str) -> None:
    if isinstance(node, list):
        for item in node:
            _translate(item, language)
        return
    if not isinstance(node, dict):
        return
    if isinstance(node.get("description"), str):
        node["description"] = describe(node["description"], language)
    properties = node.get("properties")
    if isinstance(properties, dict):
        for name, spec in properties.items():
            if isinstance(spec, dict):
                spec["x-label"] = field_label(name, language)
                for option in [spec, *spec.get("anyOf", [])]:
                    if isinstance(option, dict) and isinstance(option.get("enum"), list):
                        option["x-options"] = _options(name, option["enum"], language)
    discriminator = node.get("discriminator")
    if isinstance(discriminator, dict):
        name = str(discriminator.get("propertyName"))
        node["x-options"] = _options(name, list(discriminator.get("mapping", {})), language)
    for value in node.values():
        _translate(value, language)


KINDS_WITH_FORMS = frozenset(KINDS)
"""Every kind of content file has a form: it is drawn from the kind's schema."""


def _options(name: str, values: list[Any], language: str) -> dict[str, str]:
    """Each value of a choice as the site's pages name it (``kind_talk``: Innlegg), else as
    written."""
    labels = table()
    return {
        str(value): labels[f"{name}_{value}"][language]
        if f"{name}_{value}" in labels
        else str(value)
        for value in values
    }


CHOICES = {"question_set": "question_sets", "gathering": "gatherings", "worksheet": "worksheets"}
"""Fields whose value is the id of other content, and the library registry they choose from."""


def choices(library: Library | ContentError) -> dict[str, list[tuple[str, str]]]:
    """For each field that refers to other content: (id, title) of everything it can name."""
    if isinstance(library, ContentError):
        return {}
    made = {}
    for field_name, registry in CHOICES.items():
        entries = getattr(library, registry)
        made[field_name] = sorted(
            (
                (ident, str(getattr(entry.model, "title", ident)))
                for ident, entry in entries.items()
            ),
            key=lambda pair: pair[1].casefold(),
        )
    return made
