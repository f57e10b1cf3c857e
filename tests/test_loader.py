"""The loader reads YAML as an author means it and keeps where every value stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from kulturdialog import loader
from kulturdialog.errors import Problem
from kulturdialog.loader import Document, Mark


def parse(text: str) -> Document:
    result = loader.parse(text, Path("eksempel.yml"))
    assert isinstance(result, Document), result
    return result


def problem(text: str) -> Problem:
    result = loader.parse(text, Path("eksempel.yml"))
    assert isinstance(result, Problem), result
    return result


def test_uses_the_c_parser_when_libyaml_is_present() -> None:
    assert loader.C_LOADER


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("10:15", "10:15"),  # YAML 1.1 reads 615
        ("09:30", "09:30"),
        ("no", "no"),  # YAML 1.1 reads False
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("N", "N"),
        ("2024-09-24", "2024-09-24"),
        ("0o17", "0o17"),
        ("1_000", "1_000"),
        ("20", 20),
        ("-5", -5),
        ("1.5", 1.5),
        ("true", True),
        ("false", False),
        ("null", None),
        ("", None),
        ("'20'", "20"),
    ],
)
def test_scalars_mean_what_an_author_means(written: str, meant: object) -> None:
    assert parse(f"value: {written}\n").data == {"value": meant}


def test_positions_of_values_and_keys_are_kept() -> None:
    document = parse("kind: gathering\nprogramme:\n  - minutes: 20\n    title: A\n")
    mark, written = document.positions.locate(("programme", 0, "title"))
    assert mark == Mark(4, 12)
    assert written == ("programme", 0, "title")
    key_mark, _ = document.positions.locate(("programme", 0, "title"), at_key=True)
    assert key_mark == Mark(4, 5)


def test_locate_drops_parts_the_file_does_not_contain() -> None:
    document = parse("programme:\n  - kind: talk\n    minutes: 0\n")
    mark, written = document.positions.locate(("programme", 0, "talk", "minutes"))
    assert (mark, written) == (Mark(3, 14), ("programme", 0, "minutes"))
    # A missing field keeps its name and points at the mapping that lacks it.
    mark, written = document.positions.locate(("programme", 0, "talk", "title"))
    assert (mark, written) == (Mark(2, 5), ("programme", 0, "title"))


def test_problem_paths_count_list_items_from_one() -> None:
    document = parse("programme:\n  - kind: talk\n")
    found = document.problem(("programme", 0, "kind"), "wrong")
    assert str(found) == "eksempel.yml:2:11: programme.1.kind: wrong"


def test_syntax_error_names_line_and_column() -> None:
    found = problem("kind: gathering\nprogramme:\n  - minutes: 20\n   title: A\n")
    assert found.line == 4
    assert "YAML syntax error" in found.message


def test_tabs_get_a_hint() -> None:
    found = problem("kind: gathering\n\ttitle: A\n")
    assert found.line == 2
    assert "spaces, not tabs" in found.message


def test_duplicate_keys_are_an_error_not_a_silent_overwrite() -> None:
    found = problem("title: A\ntitle: B\n")
    assert (found.line, found.column) == (2, 1)
    assert "written twice (first on line 1)" in found.message


def test_aliases_are_refused_so_nothing_can_expand_or_recurse() -> None:
    found = problem("a: &x [1, 2]\nb: *x\n")
    assert (found.line, found.column) == (1, 4)
    assert "aliases" in found.message


def test_python_tags_are_refused() -> None:
    found = problem("a: !!python/object/apply:os.system ['true']\n")
    assert "not supported" in found.message


@pytest.mark.parametrize(
    ("text", "says"),
    [("", "empty"), ("- a\n- b\n", "set of fields"), ("just text\n", "set of fields")],
)
def test_a_file_must_be_a_mapping(text: str, says: str) -> None:
    assert says in problem(text).message


def test_read_reports_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yml"
    path.write_bytes("title: Bjørn\n".encode("latin-1"))
    found = loader.read(path)
    assert isinstance(found, Problem)
    assert "UTF-8" in found.message


def test_read_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.yml"
    path.write_bytes(b"\xef\xbb\xbftitle: A\n")
    found = loader.read(path)
    assert isinstance(found, Document)
    assert found.data == {"title": "A"}


def test_a_whole_number_read_is_written_back_as_the_number() -> None:
    import yaml

    document = loader.parse("minutes: 020\nweek: 40\n", Path("fil.yml"))
    assert not isinstance(document, Problem)
    for dumper in {yaml.SafeDumper, getattr(yaml, "CSafeDumper", yaml.SafeDumper)}:
        text = yaml.dump(document.data, Dumper=dumper)
        assert text == "minutes: 20\nweek: 40\n"
