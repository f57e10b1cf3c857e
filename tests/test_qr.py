"""QR codes of the room's screens: what the path draws, and the codes kept between builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import segno
from hypothesis import given
from hypothesis import strategies as st

from kulturdialog.views import qr
from kulturdialog.views.qr import qr_code, short_address

ADDRESS = "https://seminar.example.org/gatherings/samling/handout-oppgave/"


def dark_modules(path: str) -> set[tuple[int, int]]:
    drawn = set()
    for x, y, run in re.findall(r"M(\d+) (\d+)h(\d+)", path):
        drawn |= {(int(x) + i, int(y)) for i in range(int(run))}
    return drawn


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789/.:-", min_size=1, max_size=80))
def test_the_qr_path_draws_exactly_the_dark_modules(address: str) -> None:
    code = qr_code(address)
    matrix = segno.make(address, error="m").matrix
    dark = {(x, y) for y, row in enumerate(matrix) for x, value in enumerate(row) if value}
    assert dark_modules(code["path"]) == dark
    assert code["size"] == len(matrix)


@pytest.fixture
def fresh() -> None:
    """Each test starts with nothing remembered in memory, as a new build does."""
    qr._code.cache_clear()


@pytest.mark.usefixtures("fresh")
def test_a_code_is_kept_on_disk_and_read_back_by_the_next_build(tmp_path: Path) -> None:
    made = qr_code(ADDRESS, tmp_path)
    [kept] = tmp_path.glob("*.txt")
    assert kept.read_text("ascii") == f"{made['size']}\n{made['path']}"
    qr._code.cache_clear()
    # The next build reads the kept file instead of encoding again: a changed file shows it.
    kept.write_text("21\nM0 0h1v1h-1z", "ascii")
    assert qr_code(ADDRESS, tmp_path) == {"size": 21, "path": "M0 0h1v1h-1z"}
    assert not list(tmp_path.glob("*.part")), "no half-written file is left behind"


@pytest.mark.usefixtures("fresh")
@pytest.mark.parametrize(
    "damage", ["", "37", "abc\nM0 0h1v1h-1z", '37\n"/><script>alert(1)</script>', "\xff\xfe"]
)
def test_a_damaged_kept_code_is_made_again(tmp_path: Path, damage: str) -> None:
    expected = qr_code(ADDRESS)
    qr._code.cache_clear()
    qr_code(ADDRESS, tmp_path)
    [kept] = tmp_path.glob("*.txt")
    kept.write_bytes(damage.encode("latin-1", "replace"))
    qr._code.cache_clear()
    assert qr_code(ADDRESS, tmp_path) == expected
    assert kept.read_text("ascii") == f"{expected['size']}\n{expected['path']}"


@pytest.mark.usefixtures("fresh")
def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert qr_code(ADDRESS, blocked / "qr") == qr_code(ADDRESS)


@pytest.mark.usefixtures("fresh")
def test_different_addresses_are_kept_apart(tmp_path: Path) -> None:
    first = qr_code(ADDRESS, tmp_path)
    second = qr_code(ADDRESS + "x/", tmp_path)
    assert first != second
    assert len(list(tmp_path.glob("*.txt"))) == 2


def test_the_short_address_is_what_people_type() -> None:
    assert short_address(ADDRESS) == "seminar.example.org/gatherings/samling/handout-oppgave"
