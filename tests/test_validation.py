"""Every content problem names the file, the line, the field, and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from kulturdialog.content import load_content
from kulturdialog.errors import ContentError, Problem
from tests.conftest import FIXTURES

INVALID = FIXTURES / "invalid"


def problems(path: Path) -> list[Problem]:
    with pytest.raises(ContentError) as raised:
        load_content(path)
    return raised.value.problems


def only_problem(name: str) -> Problem:
    found = problems(INVALID / name)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("name", "line", "column", "field", "says"),
    [
        ("unknown-field.yml", 7, 5, "programme.1.minuttes", "did you mean 'minutes'"),
        ("wrong-type.yml", 7, 14, "programme.1.minutes", "'tjue' is not a whole number"),
        ("missing-field.yml", 1, 1, "title", "required field 'title' is missing"),
        ("zero-minutes.yml", 10, 14, "programme.2.minutes", "must be more than 0"),
        ("negative-minutes.yml", 7, 14, "programme.1.minutes", "must be more than 0, but is -5"),
        ("not-a-time.yml", 5, 8, "start", "'25:99' is not a clock time"),
        (
            "dangling-reference.yml",
            12,
            19,
            "programme.2.question_set",
            "no question set with the id 'finnes-ikke'",
        ),
        ("overrun.yml", 6, 6, "end", "runs until 10:10, 10 minutes past the declared end 10:00"),
        ("unknown-block-kind.yml", 6, 11, "programme.1.kind", "'lunsj' is not a known kind"),
        ("bad-language.yml", 4, 11, "language", "'no' is not allowed here"),
    ],
)
def test_problem_is_located_and_explained(
    name: str, line: int, column: int, field: str, says: str
) -> None:
    found = only_problem(name)
    assert found.file.endswith(f"invalid/{name}")
    assert (found.line, found.column, found.field) == (line, column, field)
    assert says in found.message
    assert str(found).startswith(f"{found.file}:{line}:{column}: {field}: ")


def test_missing_question_set_lists_what_exists() -> None:
    found = only_problem("dangling-reference.yml")
    assert "check the spelling or add it" in found.message


def test_yaml_syntax_error() -> None:
    found = only_problem("syntax.yml")
    assert (found.line, found.field) == (8, "")
    assert found.message.startswith("YAML syntax error")


def test_duplicate_id_points_at_both_files() -> None:
    [found] = problems(FIXTURES / "duplicate-id")
    assert found.file.endswith("duplicate-id/two.yml")
    assert (found.line, found.field) == (2, "id")
    assert "already used in" in found.message and "one.yml:2" in found.message


def test_every_problem_of_a_run_is_reported_together() -> None:
    found = problems(INVALID)
    files = {Path(p.file).name for p in found}
    assert files == {path.name for path in INVALID.glob("*.yml")}
    report = ContentError(found).report()
    assert report.endswith(f"{len(found)} content problems found; fix them and build again.")


def test_a_file_with_several_mistakes_reports_each(tmp_path: Path) -> None:
    path = tmp_path / "mange.yml"
    path.write_text(
        "kind: gathering\nid: Mange Feil\nlanguage: sv\nprogramme:\n"
        "  - kind: talk\n    minutes: 0\n    title: A\n",
        "utf-8",
    )
    fields = {p.field for p in problems(path)}
    assert fields == {"id", "title", "language", "programme.1.minutes"}


def test_valid_content_loads() -> None:
    library = load_content(FIXTURES / "valid")
    assert list(library.gatherings) == ["kveldsmote"]
    # A question set written inside a gathering is usable by id like any other.
    assert list(library.question_sets) == ["samarbeid"]
    assert library.used_by["samarbeid"] == [("gathering", "kveldsmote")]
    assert library.gathering("kveldsmote").start is not None


def test_the_bundled_content_loads() -> None:
    library = load_content(FIXTURES.parent.parent / "content")
    seminar = library.gathering("nasjonalt-dialogseminar-2023")
    assert [block.minutes for block in seminar.programme] == [25, 20, 55, 20, 50, 10]
    assert seminar.start is None
