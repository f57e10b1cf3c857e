"""What the form is made from: a kind's JSON Schema with labels and help in the site's language.

The form has no code per field: the browser draws it from the schema the model generates, so a
field added to the model appears in the form with its description as help. This module only
puts words in: each property gets ``x-label`` and its description in the site's language.
"""

from __future__ import annotations

from typing import Any

from kulturdialog.errors import ContentError
from kulturdialog.library import Library
from kulturdialog.model import KINDS
from kulturdialog.schemas import schema
from kulturdialog.views.fields import describe
from kulturdialog.views.labels import table

PREFIX = "editor_"
"""The editor's own words in the site's translation table: ``editor_save`` is ``save`` here."""

SHARED = ("kind", "week", *(f"kind_{kind}" for kind in KINDS))
"""Labels of the site's pages that the editor's pages and script use as they are."""


def words(language: str) -> dict[str, str]:
    """The editor's words in ``language``, for its templates and the browser."""
    labels = table()
    own = {
        key.removeprefix(PREFIX): texts[language]
        for key, texts in labels.items()
        if key.startswith(PREFIX)
    }
    return {**{key: labels[key][language] for key in SHARED}, **own}


def field_label(name: str, language: str) -> str:
    """A field's label: the editor's own, else the site's label of that name, else the name."""
    labels = table()
    found = labels.get(f"{PREFIX}field_{name}") or labels.get(name)
    return found[language] if found is not None else name.replace("_", " ")


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
