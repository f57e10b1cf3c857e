"""Every problem in a theme package names the file, the line, the field, and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from kulturdialog.content import load_content
from kulturdialog.errors import ContentError, Problem
from tests.conftest import FIXTURES

PACKAGES = FIXTURES / "packages"
INVALID = PACKAGES / "invalid"


def only_problem(name: str) -> Problem:
    with pytest.raises(ContentError) as raised:
        load_content(INVALID / name)
    found = raised.value.problems
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("name", "line", "column", "field", "says"),
    [
        (
            "slide-past-end.yml",
            15,
            19,
            "runsheet.steps.1.slides.2",
            "slide 4 is past the end of the presentation 'lysbilder', which has 2 slides",
        ),
        (
            "backwards-range.yml",
            15,
            16,
            "runsheet.steps.1.slides.1",
            "the range '2–1' is written backwards; write the lower number first: 1–2",
        ),
        (
            "dangling-question-set.yml",
            7,
            5,
            "question_sets.1",
            "there is no question set with the id 'finnes-ikke'",
        ),
        (
            "dangling-gathering.yml",
            6,
            14,
            "gatherings.1",
            "there is no gathering with the id 'finnes-ikke'",
        ),
        ("zero-minutes.yml", 14, 16, "runsheet.steps.2.minutes", "must be more than 0, but is 0"),
        (
            "negative-minutes.yml",
            12,
            16,
            "runsheet.steps.1.minutes",
            "must be more than 0, but is -5",
        ),
        (
            "overrun.yml",
            11,
            13,
            "runsheet.duration",
            "the steps take 100 minutes, 10 minutes more than the declared 60–90 minutes",
        ),
        (
            "published-without-presentations.yml",
            5,
            9,
            "status",
            "a published package needs at least one presentation",
        ),
        (
            "announced-with-presentations.yml",
            7,
            3,
            "presentations",
            "a package with 'status: announced' has no material here",
        ),
        (
            "elsewhere-with-runsheet.yml",
            7,
            3,
            "runsheet",
            "a package with 'status: elsewhere' has no material here",
        ),
        (
            "unknown-presentation.yml",
            14,
            21,
            "runsheet.steps.1.presentation",
            "no presentation with the id 'andre'",
        ),
        (
            "which-presentation.yml",
            18,
            15,
            "runsheet.steps.1.slides",
            "say which one these slides are in",
        ),
        (
            "not-a-slide-number.yml",
            14,
            16,
            "runsheet.steps.1.slides.1",
            "'første' is neither a number nor a range",
        ),
    ],
)
def test_problem_is_located_and_explained(
    name: str, line: int, column: int, field: str, says: str
) -> None:
    found = only_problem(name)
    assert found.file.endswith(f"packages/invalid/{name}")
    assert (found.line, found.column, found.field) == (line, column, field)
    assert says in found.message
    assert str(found).startswith(f"{found.file}:{line}:{column}: {field}: ")


def test_every_problem_of_a_run_is_reported_together() -> None:
    with pytest.raises(ContentError) as raised:
        load_content(INVALID)
    files = {Path(p.file).name for p in raised.value.problems}
    assert files == {path.name for path in INVALID.glob("*.yml")}


def test_a_valid_package_is_registered_and_its_question_sets_know_it() -> None:
    library = load_content(PACKAGES / "valid")
    assert library.package("pakke").title == "Prøvepakke"
    # Linked from the package and from a run-sheet step: listed once.
    assert library.used_by["oppgaver"] == [("package", "pakke")]
