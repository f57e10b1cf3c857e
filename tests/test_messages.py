"""Messages an author can act on: escaped control characters, values quoted as typed, syntax
errors where the broken construct opened, and the field named even when it is 'kind'."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from kulturdialog.cli import main
from kulturdialog.content import load_content
from kulturdialog.errors import ContentError, Problem
from kulturdialog.loader import parse

GATHERING = """kind: gathering
id: samling
title: Samling
language: nb
start: {start}
programme:
  - {{kind: talk, minutes: 20, title: Velkommen}}
"""


def problems(tmp_path: Path, text: str) -> list[Problem]:
    (tmp_path / "fil.yml").write_text(text, "utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path)
    return raised.value.problems


def test_control_characters_in_ids_and_values_are_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = 'kind: question_set\nid: "x\\e[31m\\nrødt"\ntitle: "T\\e]0;tittel\\a"\nquestions: [Q]\n'
    (tmp_path / "fil.yml").write_text(text, "utf-8")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "'x\\x1b[31m\\nrødt' is not a valid id" in out
    assert out.count("\n") == 3, out  # one line per problem, however many lines a value has


def test_start_13_00_is_read_as_13_00(tmp_path: Path) -> None:
    (tmp_path / "fil.yml").write_text(GATHERING.format(start="13.00"), "utf-8")
    assert load_content(tmp_path).gathering("samling").start == time(13, 0)


def test_start_9_30_is_read_as_09_30(tmp_path: Path) -> None:
    (tmp_path / "fil.yml").write_text(GATHERING.format(start="9.30"), "utf-8")
    assert load_content(tmp_path).gathering("samling").start == time(9, 30)


@pytest.mark.parametrize("written", ["13.5", "13.000", "25.00", "1e3"])
def test_a_time_that_is_not_one_is_quoted_as_typed(tmp_path: Path, written: str) -> None:
    [problem] = problems(tmp_path, GATHERING.format(start=written))
    assert problem.field == "start"
    assert problem.message.startswith(f"'{written}' is not a clock time")


@pytest.mark.parametrize("written", ["0930", "930", "+0930", "0"])
def test_a_whole_number_time_is_quoted_as_typed(tmp_path: Path, written: str) -> None:
    [problem] = problems(tmp_path, GATHERING.format(start=written))
    assert problem.field == "start"
    assert problem.message.startswith(f"'{written}' is not a clock time")


def test_a_whole_number_where_text_belongs_is_quoted_as_typed(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, GATHERING.format(start="09:30").replace("Samling", "007"))
    assert problem.field == "title"
    assert problem.message.startswith("expected text, found 007;")


def test_a_whole_number_read_from_yaml_is_still_the_number() -> None:
    document = parse("minutes: 020\n", Path("fil.yml"))
    assert not isinstance(document, Problem)
    assert document.data["minutes"] == 20 and str(document.data["minutes"]) == "20"


def test_an_unterminated_quote_is_reported_where_it_opened() -> None:
    lines = ["kind: gathering", "id: x", "title: T", "language: nb", "programme:"]
    lines += ["  - kind: talk", '    title: "Velkommen', "    minutes: 20"]
    lines += ["  - kind: talk", "    title: B", "    minutes: 20", ""]
    problem = parse("\n".join(lines), Path("fil.yml"))
    assert isinstance(problem, Problem)
    assert (problem.line, problem.column) == (7, 12)
    assert "the quote opened here is not closed" in problem.message


def test_an_unclosed_bracket_is_reported_where_it_opened() -> None:
    problem = parse("kind: gathering\nid: x\ntitle: [a, b\nlanguage: nb\n", Path("fil.yml"))
    assert isinstance(problem, Problem)
    assert problem.line == 3 and "the bracket opened here is not closed" in problem.message


def test_kind_gatherin_names_the_kind_field(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, "kind: gatherin\nid: x\ntitle: T\n")
    assert (problem.line, problem.column, problem.field) == (1, 7, "kind")
    assert "did you mean 'gathering'?" in problem.message


def test_an_unknown_block_kind_names_the_kind_field_of_the_block(tmp_path: Path) -> None:
    text = GATHERING.format(start="09:00").replace("kind: talk", "kind: tak")
    [problem] = problems(tmp_path, text)
    assert problem.field == "programme.1.kind" and "did you mean 'talk'?" in problem.message


def test_a_missing_kind_names_the_kind_field(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, "id: x\ntitle: T\n")
    assert problem.field == "kind" and "'kind' is missing" in problem.message
