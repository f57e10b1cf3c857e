"""The pictures in the author guide and the README: each is there, is a real, small PNG, and is
one that scripts/screenshots.py makes; each the script makes for the guide is shown."""

from __future__ import annotations

import importlib.util
import re
import struct
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
MAX_BYTES = 100_000
"""A picture in the guide is one screen or part of one: small enough to publish on every site."""


@cache
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "screenshots", ROOT / "scripts" / "screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pictures(document: Path) -> list[tuple[str, Path]]:
    """The alt text and the file of each picture ``document`` shows, relative to the project."""
    text = document.read_text("utf-8")
    return [
        (alt, (document.parent / target).resolve().relative_to(ROOT))
        for alt, target in _IMAGE.findall(text)
    ]


def guide_pages() -> list[Path]:
    return sorted((ROOT / "docs" / "guide").rglob("*.md"))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("page", guide_pages(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_picture_the_guide_shows_is_made_by_the_script_and_is_there(page: Path) -> None:
    made = set(script().guide_shots())
    for alt, picture in pictures(page):
        assert alt.strip(), f"{page}: a picture without alt text"
        assert picture in made, f"{page}: {picture} is not one scripts/screenshots.py makes"
        assert (ROOT / picture).is_file(), f"{picture} is missing: run scripts/screenshots.py"
        width, height = png_size(ROOT / picture)
        assert 200 <= width <= 1000 and 100 <= height <= 1000, (picture, width, height)
        assert (ROOT / picture).stat().st_size <= MAX_BYTES, picture


def test_each_language_of_the_guide_shows_its_own_pictures() -> None:
    shown: dict[Path, Path] = {}
    for page in guide_pages():
        for _, picture in pictures(page):
            shown[picture] = page.parent.relative_to(ROOT)
    folders = script().GUIDE_LANGUAGES
    for picture in script().guide_shots():
        language = picture.stem.rsplit("-", 1)[1]
        # Shown, and by a page of the guide in the picture's language.
        assert shown.get(picture) == Path(folders[language]), picture


def test_the_readmes_pictures_are_the_scripts_too() -> None:
    readme = pictures(ROOT / "README.md")
    assert readme
    for _, picture in readme:
        assert picture.parent == Path("media") and picture.name in script().SHOTS
        png_size(ROOT / picture)
