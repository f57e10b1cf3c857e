"""A save is checked first, writes only content files inside the content folder, in one step."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kulturdialog.editor import saving
from kulturdialog.editor.roundtrip import plain_data
from kulturdialog.editor.saving import Refused, Saver, content_file, open_file
from tests.editor.conftest import QUESTIONS, SEMINAR, copy_project


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project") / "content"


def opened(content: Path, name: str) -> tuple[str, dict[str, Any]]:
    found = open_file(content, name)
    assert isinstance(found, saving.Opened)
    return found.hash, found.values


def test_a_valid_save_writes_the_file_and_returns_its_new_hash(content: Path) -> None:
    digest, values = opened(content, SEMINAR)
    values["programme"][0]["minutes"] = 20
    saved = Saver(content).save(SEMINAR, digest, values)
    assert saved.written and not saved.problems
    assert saved.hash == saving.file_hash((content / SEMINAR).read_bytes())
    assert "    minutes: 20\n" in (content / SEMINAR).read_text("utf-8")


def test_the_preview_is_told_of_each_file_written_and_only_of_those(content: Path) -> None:
    told: list[Path] = []
    saver = Saver(content, written=told.append)
    digest, values = opened(content, SEMINAR)
    assert saver.save(SEMINAR, digest, values).written
    assert told == []  # nothing changed, nothing written
    values["programme"][0]["minutes"] = 20
    saved = saver.save(SEMINAR, digest, values)
    assert told == [content / SEMINAR]
    values["programme"][0]["minutes"] = "tjue"
    assert not saver.save(SEMINAR, saved.hash, values).written
    assert told == [content / SEMINAR]


def test_a_refused_save_writes_nothing_and_locates_each_problem(content: Path) -> None:
    before = (content / SEMINAR).read_bytes()
    digest, values = opened(content, SEMINAR)
    values["programme"][1]["minutes"] = 0
    del values["title"]
    saved = Saver(content).save(SEMINAR, digest, values)
    assert not saved.written
    assert {problem.field for problem in saved.problems} == {"programme.2.minutes", "title"}
    assert all(problem.file.endswith(SEMINAR) and problem.line > 0 for problem in saved.problems)
    # A reference to no content: the library's own check, at its field.
    values = opened(content, SEMINAR)[1]
    values["programme"][2]["question_set"] = "no-such-set"
    saved = Saver(content).save(SEMINAR, digest, values)
    assert [problem.field for problem in saved.problems] == ["programme.3.question_set"]
    assert (content / SEMINAR).read_bytes() == before


def test_a_save_that_breaks_another_file_is_refused(content: Path) -> None:
    before = (content / QUESTIONS).read_bytes()
    digest, values = opened(content, QUESTIONS)
    values["id"] = "another-id"
    saved = Saver(content).save(QUESTIONS, digest, values)
    assert not saved.written
    assert any(problem.file.endswith(SEMINAR) for problem in saved.problems)
    assert (content / QUESTIONS).read_bytes() == before


def test_a_file_changed_since_the_form_opened_is_not_overwritten(content: Path) -> None:
    digest, values = opened(content, SEMINAR)
    by_hand = (content / SEMINAR).read_text("utf-8") + "# a note\n"
    (content / SEMINAR).write_text(by_hand, "utf-8")
    values["programme"][0]["minutes"] = 20
    saved = Saver(content).save(SEMINAR, digest, values)
    assert saved.conflict and not saved.written
    assert (content / SEMINAR).read_text("utf-8") == by_hand


@pytest.mark.parametrize(
    "name",
    [
        "../mkdocs.yml",
        "dialogues/../../mkdocs.yml",
        "/etc/passwd.yml",
        "dialogues\\nasjonalt-dialogseminar-2023.yml",
        "dialogues/./nasjonalt-dialogseminar-2023.yml",
        "dialogues//nasjonalt-dialogseminar-2023.yml",
        "../docs/index.md",
        "dialogues/nasjonalt-dialogseminar-2023.md",
        "dialogues/missing.yml",
        "",
        "dialogues/\x00.yml",
    ],
)
def test_paths_outside_the_content_folder_or_not_content_are_refused(
    content: Path, name: str
) -> None:
    with pytest.raises(Refused):
        content_file(content, name)
    with pytest.raises(Refused):
        Saver(content).save(name, "x", {"kind": "gathering"})


def test_links_are_refused_even_inside_the_folder(content: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_text((content / SEMINAR).read_text("utf-8"), "utf-8")
    (content / "dialogues" / "out.yml").symlink_to(outside)
    (content / "dialogues" / "in.yml").symlink_to(content / QUESTIONS)
    (content / "linked").symlink_to(tmp_path, target_is_directory=True)
    for name in ("dialogues/out.yml", "dialogues/in.yml", "linked/outside.yml"):
        with pytest.raises(Refused):
            content_file(content, name)
    assert outside.read_text("utf-8") == (content / SEMINAR).read_text("utf-8")


def test_the_write_is_one_rename_and_a_failed_one_leaves_the_file(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = content / SEMINAR
    before = path.read_bytes()
    digest, values = opened(content, SEMINAR)
    values["programme"][0]["minutes"] = 20

    def fail(source: str, target: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(saving.os, "replace", fail)
    with pytest.raises(OSError):
        Saver(content).save(SEMINAR, digest, values)
    assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == sorted(
        name for name in os.listdir(path.parent) if not name.endswith(".tmp")
    )
    monkeypatch.undo()
    inode = path.stat().st_ino
    assert Saver(content).save(SEMINAR, digest, values).written
    assert path.stat().st_ino != inode


def test_a_file_with_windows_line_ends_keeps_them(content: Path) -> None:
    path = content / QUESTIONS
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    digest, values = opened(content, QUESTIONS)
    values["title"] = "Nytt navn"
    assert Saver(content).save(QUESTIONS, digest, values).written
    lines = path.read_bytes().split(b"\r\n")
    assert b"title: Nytt navn" in lines
    assert b"\n" not in b"".join(lines)


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 2000)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_whatever_a_form_sends_is_written_as_sent_or_refused_with_nothing_written(
    content: Path, draw: st.DataObject
) -> None:
    path = content / SEMINAR
    digest, values = opened(content, SEMINAR)
    before = path.read_bytes()
    where = draw.draw(st.sampled_from(["title", "date", "start", "programme", "notes", "extra"]))
    values[where] = draw.draw(JSON)
    saved = Saver(content).save(SEMINAR, digest, values)
    if saved.written:
        assert plain_data(path.read_text("utf-8"), path) == values
        path.write_bytes(before)
    else:
        assert saved.problems and path.read_bytes() == before
