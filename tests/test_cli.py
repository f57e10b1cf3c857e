"""The kulturdialog command: check, new and schema, run as an author runs them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kulturdialog.authoring import starters
from kulturdialog.cli import main
from kulturdialog.content import load_content
from kulturdialog.model import KINDS
from kulturdialog.model.ids import make_id
from tests.conftest import FIXTURES, ROOT

PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<rest>.+)$")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def test_check_passes_on_the_bundled_content_with_a_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(ROOT / "content")
    assert main(["check", str(ROOT / "content")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: ") and "gatherings: 2" in out
    assert snapshot(ROOT / "content") == before


def test_check_lists_every_problem_as_file_line_column_field_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(FIXTURES / "invalid")]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    files = {p.name for p in (FIXTURES / "invalid").glob("*.yml")}
    assert {Path(PROBLEM_LINE.match(line)["file"]).name for line in lines} == files  # type: ignore[index]
    assert any(
        line.endswith("programme.1.minuttes: unknown field 'minuttes'; did you mean 'minutes'?")
        for line in lines
    )
    assert "content problems found" in captured.err


def test_check_as_a_console_command_exits_1_without_a_traceback() -> None:
    command = Path(sys.executable).parent / "kulturdialog"
    result = subprocess.run(
        [str(command), "check", str(FIXTURES / "invalid")], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert all(PROBLEM_LINE.match(line) for line in result.stdout.splitlines())


def test_a_missing_folder_is_a_problem_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "nowhere")]) == 1
    out = capsys.readouterr().out
    assert out == f"{tmp_path / 'nowhere'}: no such file or folder; give a content folder or file\n"
    # No invented position: there is no file to point into.
    assert not re.search(r":\d+:\d+:", out)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Høstsamling på Ås", "hostsamling-pa-as"),
        ("Ærlig talt: Æ, Ø og Å", "aerlig-talt-ae-o-og-a"),
        ("Café Noël – 2024!", "cafe-noel-2024"),
        ("Straße nach Łódź", "strasse-nach-lodz"),
        ("  Kulturskolen & SFO (2025) ", "kulturskolen-sfo-2025"),
        ("Ελληνικά", ""),
    ],
)
def test_ids_are_made_from_titles(title: str, expected: str) -> None:
    assert make_id(title) == expected


def test_long_titles_give_ids_the_model_accepts() -> None:
    ident = make_id("Samling " * 40)
    assert 0 < len(ident) <= 80 and not ident.endswith("-")


@pytest.mark.parametrize("kind", starters.starter_kinds())
def test_new_writes_a_starter_that_passes_check(kind: str, content: Path) -> None:
    before = snapshot(content)
    assert main(["new", kind, "Høstsamling på Ås 2025", "--content", str(content)]) == 0
    after = snapshot(content)
    added = set(after) - set(before)
    assert len(added) == 1 and added.pop().endswith("hostsamling-pa-as-2025.yml")
    assert all(after[name] == data for name, data in before.items())
    load_content(content)  # raises on any problem


@pytest.mark.parametrize("kind", starters.starter_kinds())
def test_a_starter_passes_check_on_its_own_in_every_language(kind: str, tmp_path: Path) -> None:
    for language in ("nb", "nn", "da", "en"):
        folder = tmp_path / language
        if kind == "feedback":  # feedback answers a gathering's group task: start one first
            assert main(["new", "gathering", "Samling", "--language", language,
                         "--content", str(folder)]) == 0  # fmt: skip
        assert main(["new", kind, 'Tema: "samarbeid" #1', "--language", language,
                     "--content", str(folder)]) == 0  # fmt: skip
        library = load_content(folder)
        written = next(p for p in folder.rglob("*.yml") if p.stem != "samling").read_text("utf-8")
        assert written.startswith(f"# yaml-language-server: $schema=../../docs/schemas/{kind}.json")
        assert library is not None


def test_new_puts_files_in_the_right_folders(content: Path) -> None:
    expected = {"gathering": "dialogues", "questions": "dialogues", "package": "packages"}
    if "series" in starters.starter_kinds():
        expected["series"] = "series"
    for name, folder in expected.items():
        assert main(["new", name, f"Ny {name}", "--content", str(content)]) == 0
        assert (content / folder / f"ny-{name}.yml").is_file()


def test_new_refuses_to_overwrite_and_says_so(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = content / "dialogues" / "dialogtema-1.yml"
    before = target.read_bytes()
    assert main(["new", "questions", "Dialogtema 1", "--content", str(content)]) == 1
    assert "already exists; nothing was written" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_new_refuses_a_title_without_letters_and_a_bad_id(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "gathering", "Ελληνικά", "--content", str(content)]) == 1
    assert "give one with --id" in capsys.readouterr().err
    assert main(["new", "gathering", "X", "--id", "Not Valid", "--content", str(content)]) == 1
    assert "is not a valid id" in capsys.readouterr().err


def test_every_kind_of_the_model_has_a_starter() -> None:
    assert set(starters.starter_kinds()) == set(KINDS)


def test_schema_command_writes_the_schema_of_every_kind(tmp_path: Path) -> None:
    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.json")) == sorted(f"{k}.json" for k in KINDS)
    assert main(["schema", "--out", str(tmp_path)]) == 0  # a second run changes nothing


# --- a newcomer's commands: found from any folder of the project, refused outside one ---


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A project of our own: mkdocs.yml and the bundled content, as a fresh clone has them."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "content", root / "content")
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    return root


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The command as an author types it, in ``cwd``."""
    import os

    return subprocess.run(
        [sys.executable, "-m", "kulturdialog", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )


def test_python_m_and_version_work() -> None:
    result = run(["--version"], ROOT)
    assert result.returncode == 0
    assert re.fullmatch(r"kulturdialog \d+\.\d+\.\d+\n", result.stdout)


def test_new_from_inside_the_content_folder_writes_where_it_would_from_the_project(
    project_copy: Path,
) -> None:
    inside = project_copy / "content" / "dialogues"
    result = run(["new", "gathering", "Høstsamling"], inside)
    assert result.returncode == 0, result.stderr
    assert (inside / "hostsamling.yml").is_file()
    assert not (inside / "content").exists()
    assert run(["check"], inside).returncode == 0


def test_check_and_schema_find_the_project_from_a_folder_below(project_copy: Path) -> None:
    below = project_copy / "content" / "series"
    checked = run(["check"], below)
    assert checked.returncode == 0 and checked.stdout.startswith("OK: ")
    assert run(["schema"], below).returncode == 0
    assert (project_copy / "docs" / "schemas" / "gathering.json").is_file()
    assert not (below / "docs").exists()


@pytest.mark.parametrize("args", [["check"], ["new", "gathering", "X"], ["schema"]])
def test_commands_refuse_to_run_outside_a_project(tmp_path: Path, args: list[str]) -> None:
    before = snapshot(tmp_path)
    result = run(args, tmp_path)
    assert result.returncode == 2
    assert "not inside a Kulturdialog project" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before


def test_new_takes_its_default_language_from_the_site_language(project_copy: Path) -> None:
    result = run(["new", "questions", "Gruppeopgave"], project_copy, KULTURDIALOG_LANGUAGE="da")
    assert result.returncode == 0, result.stderr
    written = (project_copy / "content" / "dialogues" / "gruppeopgave.yml").read_text("utf-8")
    assert "language: da" in written and "Et spørgsmålssæt" in written


def test_every_command_the_readme_and_guide_show_exists() -> None:
    from kulturdialog.cli import _parser

    commands = _parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    texts = [ROOT / "README.md", *sorted((ROOT / "docs" / "guide").glob("*.md"))]
    shown = set()
    for path in texts:
        shown |= set(re.findall(r"kulturdialog (?:--\w+ )?([a-z]+)\b", path.read_text("utf-8")))
    # Words that follow the name in prose rather than commands.
    shown -= {"and", "command", "commands", "is", "plugin", "the", "in", "set", "turns", "to"}
    assert shown and shown <= set(commands), sorted(shown - set(commands))


def test_serve_previews_the_project_without_the_theme_s_notice(project_copy: Path) -> None:
    import os
    import socket
    import time
    import urllib.request

    shutil.copytree(ROOT / "docs", project_copy / "docs")
    shutil.copytree(ROOT / "macros", project_copy / "macros")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    process = subprocess.Popen(
        [sys.executable, "-m", "kulturdialog", "serve", "--address", f"127.0.0.1:{port}"],
        cwd=project_copy / "content",
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = ""
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and "Kulturdialog" not in page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    page = answer.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert '<html lang="nb"' in page
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]
    assert "end of life" not in output
    assert "[macros]" not in output
