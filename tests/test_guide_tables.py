"""The guide's field tables live in its Markdown files, in each of the guide's languages (bokmål,
Danish, English), in step with the model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kulturdialog.authoring import guide
from kulturdialog.model import KINDS
from kulturdialog.views.fields import GUIDE_LANGUAGES, sections, translations
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "guide"


def stale_field_tables(folder: Path) -> list[str]:
    """Guide pages whose tables differ from what the model gives, as paths in ``folder``."""
    return [
        path.relative_to(folder).as_posix()
        for language, where in guide.language_folders(folder).items()
        for path in sorted(where.glob("*.md"))
        if guide.refreshed(path.read_text("utf-8"), language) != path.read_text("utf-8")
    ]


def tables_in(folder: Path) -> set[str]:
    """The kinds whose tables the guide pages directly in ``folder`` hold."""
    return {
        match["kind"]
        for path in folder.glob("*.md")
        for match in guide._BLOCK.finditer(path.read_text("utf-8"))
    }


def _descriptions() -> set[str]:
    used: set[str] = set()
    for kind in KINDS:
        for section in sections(kind, "en"):
            used |= {section.description, *(f.description for f in section.fields)}
    return {text for text in used if text}


def untranslated(language: str = "nb") -> list[str]:
    """Every description of the model the guide in ``language`` has no words for."""
    return sorted(_descriptions() - set(translations()[language]))


def orphaned(language: str) -> list[str]:
    """Translations in ``language`` of descriptions the model no longer has."""
    return sorted(set(translations()[language]) - _descriptions())


def test_the_field_tables_in_the_guide_match_the_model() -> None:
    # Run 'kulturdialog schema' after changing the model, and commit what it writes.
    assert stale_field_tables(GUIDE) == []


def test_every_kind_has_its_table_in_the_guide() -> None:
    assert tables_in(GUIDE) == set(KINDS)


def test_every_description_has_its_norwegian() -> None:
    assert untranslated() == []


def test_the_tables_read_in_the_source(tmp_path: Path) -> None:
    text = (GUIDE / "gathering.md").read_text("utf-8")
    assert "| `title` | ja | tekst | Navnet på samlingen. |" in text
    assert "Blokkene i den rekkefølgen de skjer, for en samling på én dag;" in text
    assert "{{ fields(" not in text


def test_writing_restores_a_changed_table_and_leaves_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "guide"
    shutil.copytree(GUIDE, folder)
    page = folder / "worksheet.md"
    original = page.read_text("utf-8")
    page.write_text(original.replace("Tekst over temaene.", "Noe annet."), "utf-8")
    assert stale_field_tables(folder) == ["worksheet.md"]
    assert guide.write_field_tables(folder) == [page]
    assert page.read_text("utf-8") == original
    assert guide.write_field_tables(folder) == []


FOLDERS = guide.language_folders(GUIDE)


@pytest.mark.parametrize("language", GUIDE_LANGUAGES)
def test_every_kind_has_its_table_in_the_guide_of_each_language(language: str) -> None:
    assert tables_in(FOLDERS[language]) == set(KINDS)


@pytest.mark.parametrize("language", ["nb", "da"])
def test_every_description_has_its_words_in_each_guide_language(language: str) -> None:
    # One source per language: a changed docstring needs its words here, and a removed one
    # leaves none behind.
    assert untranslated(language) == []
    assert orphaned(language) == []


def test_the_guide_has_the_same_pages_in_every_language() -> None:
    names = {
        language: sorted(p.name for p in FOLDERS[language].glob("*.md")) for language in FOLDERS
    }
    assert names["da"] == names["nb"] and names["en"] == names["nb"]


@pytest.mark.parametrize(
    ("language", "row"),
    [
        ("da", "| `title` | ja | tekst | Arrangementets navn. |"),
        ("en", "| `title` | yes | text | The name of the gathering. |"),
    ],
)
def test_each_guide_s_tables_speak_its_language(language: str, row: str) -> None:
    assert row in (FOLDERS[language] / "gathering.md").read_text("utf-8")


def test_a_drifted_table_in_a_translation_is_found_and_restored(tmp_path: Path) -> None:
    folder = tmp_path / "guide"
    shutil.copytree(GUIDE, folder)
    page = folder / "da" / "worksheet.md"
    original = page.read_text("utf-8")
    page.write_text(original.replace("Tekst over temaerne.", "Noget andet."), "utf-8")
    assert stale_field_tables(folder) == ["da/worksheet.md"]
    assert guide.write_field_tables(folder) == [page]
    assert page.read_text("utf-8") == original
