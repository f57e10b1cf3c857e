"""Checks on feedback: the gathering and group task exist and belong together, each group gives
the number of points the task asks for, and no group speaks twice; each problem located."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kulturdialog.checks.feedback import group_key
from kulturdialog.content import load_content
from kulturdialog.errors import ContentError, Problem
from tests.conftest import FIXTURES

GATHERING = "dialogmote-i-fjordby"
TASK = "samarbeid-fjordby"


def problems_with(tmp_path: Path, feedback: str, name: str = "extra.yml") -> list[Problem]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "feedback", content)
    (content / name).write_text(feedback, "utf-8")
    try:
        load_content(content)
    except ContentError as error:
        return error.problems
    return []


def feedback_text(gathering: str = GATHERING, task: str = TASK, entries: str = "") -> str:
    return (
        "kind: feedback\n"
        "id: ekstra\n"
        f"gathering: {gathering}\n"
        f"question_set: {task}\n"
        "entries:\n" + (entries or "  - group: 7\n    points: [A]\n    received: 2024-03-14\n")
    )


def test_the_fixture_with_three_groups_passes() -> None:
    library = load_content(FIXTURES / "feedback")
    three, one = library.feedback_for(GATHERING)
    assert (three.question_set, len(three.entries)) == (TASK, 3)
    assert len(one.entries) == 1


def test_an_unknown_gathering_is_located_at_its_field(tmp_path: Path) -> None:
    [problem] = problems_with(tmp_path, feedback_text(gathering="finnes-ikke"))
    assert (problem.file.endswith("extra.yml"), problem.line, problem.column) == (True, 3, 12)
    assert problem.field == "gathering"
    assert "no gathering with the id 'finnes-ikke'" in problem.message


def test_an_unknown_question_set_is_located_at_its_field(tmp_path: Path) -> None:
    [problem] = problems_with(tmp_path, feedback_text(task="finnes-ikke"))
    assert (problem.line, problem.column, problem.field) == (4, 15, "question_set")
    assert "no question set with the id 'finnes-ikke'" in problem.message


def test_a_question_set_the_gathering_does_not_use_is_a_problem(tmp_path: Path) -> None:
    other = "kind: question_set\nid: annen-oppgave\ntitle: Annen\nlanguage: nb\nquestions: [Hva?]\n"
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "annen.yml").write_text(other, "utf-8")
    shutil.copytree(FIXTURES / "feedback", tmp_path / "content", dirs_exist_ok=True)
    (tmp_path / "content" / "extra.yml").write_text(feedback_text(task="annen-oppgave"), "utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path / "content")
    [problem] = raised.value.problems
    assert (problem.line, problem.field) == (4, "question_set")
    assert "does not use the question set 'annen-oppgave'" in problem.message
    assert TASK in problem.message


@pytest.mark.parametrize("count", [0, 4, 5])
def test_points_outside_the_tasks_range_are_located_at_the_entry(
    tmp_path: Path, count: int
) -> None:
    points = "[" + ", ".join(f"P{n}" for n in range(count)) + "]"
    entries = f"  - group: 7\n    points: {points}\n    received: 2024-03-14\n"
    [problem] = problems_with(tmp_path, feedback_text(entries=entries))
    assert (problem.line, problem.column, problem.field) == (7, 13, "entries.1.points")
    if count:
        assert f"{count} points" in problem.message and "1 to 3" in problem.message


@pytest.mark.parametrize(("first", "second"), [("2", "2"), ("2", "'2'"), ("Vest", "' vest'")])
def test_two_entries_claiming_one_group_are_a_problem_even_across_files(
    tmp_path: Path, first: str, second: str
) -> None:
    entries = (
        f"  - group: {first}\n    points: [A]\n    received: 2024-03-14\n"
        f"  - group: {second}\n    points: [B]\n    received: 2024-03-14\n"
    )
    found = problems_with(tmp_path, feedback_text(entries=entries))
    messages = [(p.field, p.line) for p in found]
    if first == "2":  # the fixture's group 2 came first: both new entries repeat it
        assert ("entries.1.group", 6) in messages and ("entries.2.group", 9) in messages
        assert "dialogmote-tilbakemeldinger.yml:" in found[0].message
    else:
        assert messages == [("entries.2.group", 9)]
        assert "extra.yml:6" in found[0].message


def test_entries_without_a_group_never_clash(tmp_path: Path) -> None:
    entries = (
        "  - points: [A]\n    received: 2024-03-14\n  - points: [B]\n    received: 2024-03-14\n"
    )
    assert problems_with(tmp_path, feedback_text(entries=entries)) == []


def test_group_keys_ignore_case_and_surrounding_space() -> None:
    assert group_key(3) == group_key(" 3 ")
    assert group_key("Bergen") == group_key("  bERGEN")
    assert group_key(None) is None


@pytest.mark.parametrize("group", ["0", "1000", "[1]", "true", "''"])
def test_a_group_that_is_neither_a_number_nor_a_name_is_one_problem(
    tmp_path: Path, group: str
) -> None:
    entries = f"  - group: {group}\n    points: [A]\n    received: 2024-03-14\n"
    [problem] = problems_with(tmp_path, feedback_text(entries=entries))
    assert (problem.line, problem.field) == (6, "entries.1.group")
    assert "write the group's number (1 to 999)" in problem.message
