"""The guide's field tables live in its Markdown files, in Norwegian, in step with the model."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from kulturdialog.authoring import guide
from kulturdialog.model import KINDS
from kulturdialog.views.fields import norwegian, sections
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "guide"
OPENED = re.compile(r"<!-- fields: (?P<kind>[a-z_]+) ")


def stale_field_tables(folder: Path) -> list[str]:
    """Guide pages whose tables differ from what the model gives."""
    return [
        path.name
        for path in sorted(folder.glob("*.md"))
        if guide.refreshed(path.read_text("utf-8")) != path.read_text("utf-8")
    ]


def untranslated() -> list[str]:
    """Every description of the model the guide has no Norwegian for."""
    missing = set()
    for kind in KINDS:
        for section in sections(kind, "en"):
            missing |= {text for text in [section.description] if text not in norwegian()}
            missing |= {f.description for f in section.fields if f.description not in norwegian()}
    return sorted(text for text in missing if text)


def test_the_field_tables_in_the_guide_match_the_model() -> None:
    # Run 'kulturdialog schema' after changing the model, and commit what it writes.
    assert stale_field_tables(GUIDE) == []


def test_every_kind_has_its_table_in_the_guide() -> None:
    found = {m["kind"] for page in GUIDE.glob("*.md") for m in OPENED.finditer(page.read_text())}
    assert found == set(KINDS)


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
