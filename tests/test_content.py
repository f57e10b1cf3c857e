"""Loading content: which files are read, which are refused at once, and how a broken file's
users are told about it."""

from __future__ import annotations

import ast
import time
from pathlib import Path

import pytest

from kulturdialog.content import MAX_FILE_BYTES, content_files, load_content
from kulturdialog.errors import ContentError
from tests.conftest import FIXTURES, ROOT

QUESTION_SET = """kind: question_set
id: {id}
title: Spørsmål
language: nb
questions: [Hva nå?]
"""

GATHERING = """kind: gathering
id: samling
title: Samling
language: nb
programme:
  - {kind: group_work, minutes: 30, title: Grupper, question_set: oppgaver}
"""


def test_yml_and_yaml_in_any_letter_case_are_read(tmp_path: Path) -> None:
    (tmp_path / "A.YML").write_text(QUESTION_SET.format(id="a"), "utf-8")
    (tmp_path / "B.Yaml").write_text(QUESTION_SET.format(id="b"), "utf-8")
    (tmp_path / "c.yml").write_text(QUESTION_SET.format(id="c"), "utf-8")
    assert [p.name for p in content_files(tmp_path)] == ["A.YML", "B.Yaml", "c.yml"]
    assert sorted(load_content(tmp_path).question_sets) == ["a", "b", "c"]


def test_files_in_nested_folders_are_listed_in_path_order_and_broken_links_left_out(
    tmp_path: Path,
) -> None:
    for name in ("b/inner/x.yml", "b-c/y.yml", "a.yml", "b/z.yaml", "b/notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", "utf-8")
    (tmp_path / "broken.yml").symlink_to(tmp_path / "nowhere.yml")
    (tmp_path / "folder.yml").mkdir()
    listed = [p.relative_to(tmp_path).as_posix() for p in content_files(tmp_path)]
    # Path order: a folder's files come before those of a folder whose name it begins.
    assert listed == ["a.yml", "b/inner/x.yml", "b/z.yaml", "b-c/y.yml"]


def test_a_link_to_a_file_outside_the_content_folder_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "secret.yml"
    outside.write_text(QUESTION_SET.format(id="hemmelig"), "utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "link.yml").symlink_to(outside)
    with pytest.raises(ContentError) as raised:
        load_content(content)
    [problem] = raised.value.problems
    assert problem.file.endswith("link.yml") and "outside the content folder" in problem.message
    assert "hemmelig" not in str(raised.value)


def test_a_file_over_1_mb_is_refused_at_once(tmp_path: Path) -> None:
    # The case from the report: 5 MB of empty questions took 64 s and 1.7 GB to check.
    big = tmp_path / "big.yml"
    big.write_text(QUESTION_SET.format(id="stor") + "  - ''\n" * 1_000_000, "utf-8")
    assert big.stat().st_size > 5 * MAX_FILE_BYTES
    started = time.perf_counter()
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path)
    assert time.perf_counter() - started < 1
    [problem] = raised.value.problems
    assert "more than the 1 MB" in problem.message and "split it" in problem.message


def test_a_broken_question_set_is_named_once_for_its_own_file(tmp_path: Path) -> None:
    (tmp_path / "oppgaver.yml").write_text(
        QUESTION_SET.format(id="oppgaver").replace("questions: [Hva nå?]", "questons: [x]"),
        "utf-8",
    )
    (tmp_path / "samling.yml").write_text(GATHERING, "utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path)
    # The gathering that uses it is not told again: the file's own problem says what to fix.
    [problem] = raised.value.problems
    assert problem.file.endswith("oppgaver.yml")
    assert "did you mean 'questions'" in problem.message


def test_library_and_checks_do_not_import_each_other() -> None:
    # Loading and checking live in kulturdialog.content, above both.
    def imports(path: Path) -> set[str]:
        tree = ast.parse(path.read_text("utf-8"))
        found: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        return found

    source = ROOT / "src" / "kulturdialog"
    assert not {m for m in imports(source / "library.py") if "checks" in m or "content" in m}
    for path in (source / "checks").glob("*.py"):
        assert "kulturdialog.content" not in imports(path), path.name


def test_bundled_content_still_loads() -> None:
    assert load_content(FIXTURES / "valid").gatherings


def test_a_linked_folder_outside_the_content_folder_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yml").write_text(QUESTION_SET.format(id="hemmelig"), "utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "own.yml").write_text(QUESTION_SET.format(id="egen"), "utf-8")
    (content / "linked").symlink_to(outside)
    library = load_content(content)
    assert sorted(library.question_sets) == ["egen"]
