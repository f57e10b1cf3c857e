"""The feedback import command: four e-mails as mail clients write them become feedback files
that check accepts and that build the same page as the hand-written fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kulturdialog.authoring.check import check
from kulturdialog.cli import main
from tests.conftest import FEEDBACK_GATHERING, FIXTURES, Build, BuildSite

EMAILS = sorted((FIXTURES / "feedback-emails").glob("*.eml"))
FEEDBACK_FILES = ("dialogmote-tilbakemeldinger.yml", "dialogmote-veien-videre.yml")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The feedback fixture without its feedback files: the gathering before the e-mails."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "feedback", folder)
    for name in FEEDBACK_FILES:
        (folder / name).unlink()
    return folder


def run(content: Path, *files: Path) -> int:
    return main(
        ["feedback", "import", FEEDBACK_GATHERING, *map(str, files), "--content", str(content)]
    )


def test_the_four_emails_make_files_that_build_the_fixtures_page(
    content: Path, build_site: BuildSite, feedback_site: Build, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(EMAILS) == 4
    assert run(content, *EMAILS) == 0
    out = capsys.readouterr().out
    assert out.count("wrote ") == 2, "one file per group task"
    assert check(content).ok
    built = build_site(content=content)
    assert built.returncode == 0, built.output
    page = f"gatherings/{FEEDBACK_GATHERING}/feedback/index.html"
    assert str(built.article(page)) == str(feedback_site.article(page))
    csv = f"gatherings/{FEEDBACK_GATHERING}/{FEEDBACK_GATHERING}-feedback.csv"
    assert (built.site / csv).read_bytes() == (feedback_site.site / csv).read_bytes()


def test_import_never_overwrites_and_names_the_file_in_the_way(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(content, *EMAILS) == 0
    written = {p: p.read_bytes() for p in content.glob("*tilbakemeldinger.yml")}
    capsys.readouterr()
    assert run(content, *EMAILS) == 1
    err = capsys.readouterr().err
    for path in written:
        assert f"{path}: already holds feedback" in err
    assert {p: p.read_bytes() for p in content.glob("*tilbakemeldinger.yml")} == written


def test_an_existing_file_of_the_same_name_is_refused(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_the_way = content / "dialogmote-i-fjordby-hva-tar-vi-med-oss-tilbakemeldinger.yml"
    # Any file of that name, here one that is no feedback at all.
    text = "kind: question_set\nid: annet\ntitle: Annet\nlanguage: nb\nquestions: [Hva?]\n"
    in_the_way.write_text(text, "utf-8")
    assert run(content, EMAILS[3]) == 1
    assert f"{in_the_way} already exists; nothing was written" in capsys.readouterr().err
    assert in_the_way.read_text("utf-8") == text


def test_every_email_that_cannot_be_read_is_reported_with_why(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "From: a@example.no\r\nDate: Thu, 14 Mar 2024 11:00:00 +0100\r\n"
    cases = {
        "not-mail.eml": "bare noen notater\n",
        "no-points.eml": header + "Subject: Innspill fra gruppene\r\n\r\nGruppe: 5\r\nHei!\r\n",
        "too-many.eml": header
        + "Subject: Innspill fra gruppene\r\n\r\nGruppe: 6\r\n1. A\r\n2. B\r\n3. C\r\n4. D\r\n",
        "which-task.eml": header + "Subject: Svar\r\n\r\nGruppe: 7\r\n1. A\r\n",
        "no-date.eml": "From: a@example.no\r\nSubject: Svar\r\n\r\n1. A\r\n",
    }
    paths = []
    for name, text in cases.items():
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    assert run(content, *paths, EMAILS[0]) == 1
    captured = capsys.readouterr()
    reported = {
        line.split(": could not read this e-mail: ")[0].rsplit("/", 1)[-1]: line
        for line in captured.err.splitlines()
    }
    assert set(reported) == set(cases)
    assert "found no points" in reported["no-points.eml"]
    assert "4 points" in reported["too-many.eml"] and "1 to 3" in reported["too-many.eml"]
    assert "'Hva kan vi gjøre sammen?' or 'Hva tar vi med oss?'" in reported["which-task.eml"]
    assert "Date" in reported["no-date.eml"]
    assert "wrote " in captured.out, "the readable e-mail is still imported"


def test_a_group_that_writes_twice_counts_once_with_its_later_email(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = tmp_path / "later.eml"
    later.write_bytes(
        EMAILS[0]
        .read_bytes()
        .replace(b"Thu, 14 Mar 2024", b"Fri, 15 Mar 2024")
        .replace(b"1. Felles m\xc3\xb8teplasser", b"1. Noe annet")
    )
    assert run(content, EMAILS[0], later) == 0
    assert "the later e-mail is used" in capsys.readouterr().out
    [written] = content.glob("*samarbeid-fjordby-tilbakemeldinger.yml")
    text = written.read_text("utf-8")
    assert "Noe annet" in text and "Felles møteplasser" not in text


def test_new_feedback_from_a_gathering_answers_its_task_that_asks_for_points(
    content: Path,
) -> None:
    args = ["new", "feedback", "Tilbakemeldinger", "--from", FEEDBACK_GATHERING]
    assert main([*args, "--content", str(content)]) == 0
    written = (content / "dialogues" / "tilbakemeldinger.yml").read_text("utf-8")
    assert f"gathering: {FEEDBACK_GATHERING}" in written
    assert "question_set: samarbeid-fjordby" in written
    assert check(content).ok


def test_new_feedback_needs_a_gathering_with_a_group_task(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", folder)
    assert main(["new", "feedback", "X", "--from", "finnes-ikke", "--content", str(folder)]) == 1
    assert "no gathering with the id 'finnes-ikke'" in capsys.readouterr().err
