"""The guide's field tables live in its Markdown files, in Norwegian, in step with the model."""

from __future__ import annotations

import shutil
from pathlib import Path

from kulturdialog.authoring import guide
from kulturdialog.model import KINDS
from kulturdialog.views.fields import untranslated
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "guide"


def test_the_field_tables_in_the_guide_match_the_model() -> None:
    # Run 'kulturdialog schema' after changing the model, and commit what it writes.
    assert guide.stale_field_tables(GUIDE) == []


def test_every_kind_has_its_table_in_the_guide() -> None:
    assert guide.tables_in(GUIDE) == set(KINDS)


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
    assert guide.stale_field_tables(folder) == ["worksheet.md"]
    assert guide.write_field_tables(folder) == [page]
    assert page.read_text("utf-8") == original
    assert guide.write_field_tables(folder) == []
