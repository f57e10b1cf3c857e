"""The field reference of the author guide, read from the same JSON Schema that editors use.

Descriptions are the model's field docstrings, so the guide cannot drift from what the build
accepts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from typing import Any

import yaml
from markupsafe import Markup

from kulturdialog.model.common import CLOCK_PATTERN
from kulturdialog.schemas import schema
from kulturdialog.views.labels import label


@dataclass(frozen=True)
class Part:
    """A piece of a field's value description; ``anchor`` links to another section."""

    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Field:
    name: str
    required: bool
    value: list[Part]
    description: str


@dataclass(frozen=True)
class Section:
    """One model: a content kind or a part written inside one, such as a block or a contact."""

    name: str
    anchor: str
    description: str
    fields: list[Field]


_LITERAL = re.compile(r"``([^`]+)``")
"""A reStructuredText literal in a docstring, such as ``days``: a field's name in running text."""


def plain(description: str) -> str:
    """A model description as the guide prints it: on one line, with field names in «» as the
    translations write them, the same in the Markdown tables and the HTML fragment."""
    return _LITERAL.sub(r"«\1»", " ".join(description.split()))


GUIDE_LANGUAGES = ("nb", "da", "en")
"""The languages the author guide is written in. English is the model's own; a nynorsk site
shows the bokmål guide."""


GUIDE_SUBFOLDERS = {"da": "da", "en": "en"}
"""The subfolder of the guide folder (``docs/guide/``) that holds each translation; the bokmål
guide is at its top."""


def guide_language(language: str) -> str:
    """The language of the guide a site in ``language`` shows."""
    return language if language in GUIDE_LANGUAGES else "nb"


@cache
def translations() -> dict[str, dict[str, str]]:
    """For each guide language but English: its words for each of the model's (English)
    descriptions, keyed as printed. One file holds them all (``field_descriptions.yml``)."""
    text = resources.files("kulturdialog.views").joinpath("field_descriptions.yml")
    loaded: dict[str, dict[str, str]] = yaml.safe_load(text.read_text("utf-8"))
    found: dict[str, dict[str, str]] = {lang: {} for lang in GUIDE_LANGUAGES if lang != "en"}
    for key, by_language in loaded.items():
        for language, value in by_language.items():
            found[language][plain(key)] = plain(value)
    return found


def describe(description: str, language: str) -> str:
    """A model description in the guide's language; as written where it has no translation."""
    english = plain(description)
    if guide_language(language) == "en":
        return english
    return translations()[guide_language(language)].get(english, english)


def markdown_cell(text: str) -> Markup:
    """Our own text in a Markdown table cell: only what would end the cell, open a tag or start
    code."""
    return Markup(text.replace("|", "\\|").replace("<", "&lt;").replace("`", "\\`"))


def anchor(kind: str, name: str) -> str:
    return f"{kind}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}"


def sections(kind: str, language: str) -> list[Section]:
    """Every model reachable from ``kind``'s schema, the kind itself first."""
    root = schema(kind)
    defs: dict[str, Any] = root.get("$defs", {})
    order: list[str] = []
    found: list[Section] = []
    pending: list[tuple[str, dict[str, Any]]] = [(str(root.get("title", kind)), root)]
    while pending:
        name, model = pending.pop(0)
        if name in order:
            continue
        order.append(name)
        rows = []
        required = set(model.get("required", []))
        for field, spec in model.get("properties", {}).items():
            rows.append(
                Field(
                    field,
                    field in required,
                    _value(spec, kind, language),
                    describe(str(spec.get("description", "")), language),
                )
            )
            pending.extend((ref, defs[ref]) for ref in _refs(spec) if ref in defs)
        found.append(
            Section(
                name,
                anchor(kind, name),
                describe(str(model.get("description", "")), language),
                rows,
            )
        )
    return found


def _refs(spec: Any) -> list[str]:
    if isinstance(spec, dict):
        own = [spec["$ref"].rsplit("/", 1)[-1]] if "$ref" in spec else []
        return own + [ref for value in spec.values() for ref in _refs(value)]
    if isinstance(spec, list):
        return [ref for value in spec for ref in _refs(value)]
    return []


def _value(spec: dict[str, Any], kind: str, language: str) -> list[Part]:
    t: Callable[..., str] = partial(label, language=language)
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        return [Part(name, anchor(kind, name))]
    for union in ("anyOf", "oneOf"):
        if union in spec:
            options = [option for option in spec[union] if option.get("type") != "null"]
            parts: list[Part] = []
            for option in options:
                if parts:
                    parts.append(Part(f" {t('type_or')} "))
                parts.extend(_value(option, kind, language))
            return parts
    if "const" in spec:
        return [Part(f"'{spec['const']}'")]
    if "enum" in spec:
        return [Part(f"{t('type_one_of')}: " + ", ".join(str(value) for value in spec["enum"]))]
    kinds = spec.get("type")
    if isinstance(kinds, list):
        return [Part(f" {t('type_or')} ".join(_simple(k, {}, t) for k in kinds))]
    if kinds == "array":
        item = _value(spec.get("items", {}), kind, language)
        return [Part(t("type_list_of", item="")), *item]
    return [Part(_simple(str(kinds), spec, t))]


def _simple(kind: str, spec: dict[str, Any], t: Any) -> str:
    if kind == "string":
        pattern = spec.get("pattern", "")
        if spec.get("format") == "date":
            return str(t("type_date"))
        if pattern == CLOCK_PATTERN:
            return str(t("type_clock"))
        if "@" in pattern:
            return str(t("type_email"))
        if "https?" in pattern:
            return str(t("type_url"))
        if "a-z0-9" in pattern:
            return str(t("type_id"))
        return str(t("type_text"))
    if kind == "integer":
        low = spec.get("minimum")
        if low is None and "exclusiveMinimum" in spec:
            low = spec["exclusiveMinimum"] + 1
        high = spec.get("maximum")
        text = str(t("type_whole_number"))
        if low is not None and high is not None:
            text += " " + str(t("type_range", low=low, high=high))
        return text
    if kind == "number":
        return str(t("type_number"))
    if kind == "boolean":
        return str(t("type_true_false"))
    return kind


def fields_markdown(kind: str, language: str = "nb") -> str:
    """The field tables of ``kind`` as Markdown in ``language``, for the guide's source files."""
    from kulturdialog.views.environment import environment

    language = guide_language(language)
    return (
        environment()
        .get_template("guide/fields.md")
        .render(
            t=partial(label, language=language),
            sections=sections(kind, language),
            cell=markdown_cell,
        )
    )
