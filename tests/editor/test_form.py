"""The form is made from the schemas: every field has a label and help in the site's language."""

from __future__ import annotations

import re
from typing import Any

import pytest

from kulturdialog.editor import form
from kulturdialog.model import KINDS
from kulturdialog.schemas import schema
from kulturdialog.views.labels import LANGUAGES, label
from tests.conftest import ROOT


def properties(node: Any) -> list[tuple[str, dict[str, Any]]]:
    if isinstance(node, list):
        return [found for item in node for found in properties(item)]
    if not isinstance(node, dict):
        return []
    own = list(node.get("properties", {}).items())
    return own + [found for value in node.values() for found in properties(value)]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_field_has_a_label_and_help_in_the_site_language(kind: str) -> None:
    norwegian = form.form_schema(kind, "nb")
    english = form.form_schema(kind, "en")
    for (name, spec), (_, spec_en) in zip(properties(norwegian), properties(english), strict=True):
        assert spec["x-label"], name
        assert "description" in spec or "$ref" in spec or spec.get("const"), (kind, name)
        if "description" in spec and spec["description"] != spec_en["description"]:
            # Translated: the guide's Norwegian, never the model's English.
            assert spec["description"] not in {
                s.get("description") for _, s in properties(schema(kind))
            }


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_field_of_the_model_is_a_field_of_the_form(kind: str) -> None:
    # The form has no code per field: whatever the model has, the schema and so the form have.
    names = {field.alias or name for name, field in KINDS[kind].model_fields.items()}
    assert set(form.form_schema(kind, "nb")["properties"]) == names


EDITOR = ROOT / "src" / "kulturdialog" / "editor"
_TEMPLATE_WORD = re.compile(r"""\bw(?:\.(\w+)|\[["'](\w+)["']\])""")
_SCRIPT_WORD = re.compile(r"""\b(?:say|status)\(["'](\w+)["']""")


def used_words() -> set[str]:
    """Every word the editor's templates (``w.key``) and script (``say("key")``) ask for."""
    found: set[str] = set()
    for template in (EDITOR / "templates").glob("*.html"):
        for match in _TEMPLATE_WORD.finditer(template.read_text("utf-8")):
            found.add(match.group(1) or match.group(2))
    for script in (EDITOR / "static").glob("*.js"):
        found |= set(_SCRIPT_WORD.findall(script.read_text("utf-8")))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_editors_words_exist_in_every_language(language: str) -> None:
    words = form.words(language)
    used = used_words()
    assert {"save", "edit", "saved", "row", "week", "files"} <= used
    assert [word for word in sorted(used) if not words.get(word)] == []
    # The list of kinds to make is made of every kind's name.
    for kind in KINDS:
        assert words[f"kind_{kind}"]
    assert form.field_label("minutes", language) != "minutes" or language == "en"
    assert form.field_label("a_field_nobody_named", language) == "a field nobody named"


def test_the_editor_and_the_site_name_a_kind_alike() -> None:
    # One table: the editor's list of kinds and the site's pages say the same word.
    for language in LANGUAGES:
        for kind in KINDS:
            assert form.words(language)[f"kind_{kind}"] == label(f"kind_{kind}", language)
    assert form.words("da")["kind_gathering"] == "Arrangement" == label("gatherings", "da")[:-2]


def test_choices_are_named_as_the_site_names_them() -> None:
    gathering = form.form_schema("gathering", "nb")
    blocks = gathering["properties"]["programme"]["items"]["x-options"]
    assert blocks["talk"] == "Innlegg" and blocks["group_work"] == "Gruppearbeid"
    formats = gathering["properties"]["format"]["anyOf"][0]["x-options"]
    assert formats == {"physical": "Fysisk", "digital": "Digitalt", "hybrid": "Hybrid"}
