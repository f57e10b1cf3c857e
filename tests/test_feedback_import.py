"""The feedback import command: four e-mails as mail clients write them become feedback files
that check accepts and that build the same page as the hand-written fixture."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st

from kulturdialog.authoring.check import check
from kulturdialog.authoring.feedback_import import feedback_id, import_feedback
from kulturdialog.authoring.mail import MAX_EMAIL_BYTES
from kulturdialog.cli import main
from kulturdialog.model import Feedback, QuestionSet
from tests.conftest import FEEDBACK_GATHERING, FIXTURES, Build, BuildSite
from tests.test_staging import immutable

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
        if ": could not read this e-mail: " in line
    }
    assert set(reported) == set(cases)
    assert "found no points" in reported["no-points.eml"]
    assert "4 points" in reported["too-many.eml"] and "1 to 3" in reported["too-many.eml"]
    assert "'Hva kan vi gjøre sammen?' or 'Hva tar vi med oss?'" in reported["which-task.eml"]
    assert "Date" in reported["no-date.eml"]
    assert "nothing was written" in captured.err and "wrote " not in captured.out
    assert not list(content.glob("*tilbakemeldinger.yml"))
    # With --skip-bad the good e-mail is written and the bad ones are named again.
    files = [str(path) for path in [*paths, EMAILS[0]]]
    skipping = ["feedback", "import", FEEDBACK_GATHERING, *files, "--skip-bad"]
    assert main([*skipping, "--content", str(content)]) == 1
    captured = capsys.readouterr()
    assert "wrote " in captured.out and all(name in captured.err for name in cases)
    assert len(list(content.glob("*tilbakemeldinger.yml"))) == 1


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


HEADER = (
    "From: gruppe@example.no\r\nDate: {date}\r\nSubject: Innspill fra gruppene: "
    "Hva kan vi gjøre sammen?\r\nContent-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n\r\n"
)


def email(group: str, points: list[str], date: str = "Thu, 14 Mar 2024 11:00:00 +0100") -> bytes:
    body = f"Gruppe: {group}\r\n\r\nPrioriterte punkter:\r\n"
    body += "".join(f"{n}. {point}\r\n" for n, point in enumerate(points, start=1))
    return (HEADER.format(date=date) + body).encode("utf-8")


def write_emails(folder: Path, emails: dict[str, bytes]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for name, data in emails.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


@pytest.mark.parametrize(
    ("group", "points", "why"),
    [
        ("①", ["A"], "'①' is no group number; write it with the digits 0–9"),
        ("²", ["A"], "'²' is no group number"),
        ("0", ["A"], "the Gruppe line: '0' is no group; write the group's number (1 to 999)"),
        ("1" * 23, ["A"], "is no group; write the group's number (1 to 999)"),
        ("2", ["Ring \x07 klokka"], "point 1: the text has the control character U+0007"),
        (
            "3",
            ["A", "ord " * 430_000],
            "would be 1.8 MB, more than the 1 MB a content file may have",
        ),
        ("x" * 101, ["A"], "its Gruppe line is over 100 characters"),
    ],
)
def test_group_numbers_control_characters_and_long_points_are_refused_with_why(
    content: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    group: str,
    points: list[str],
    why: str,
) -> None:
    [bad] = write_emails(tmp_path / "mail", {"group4.eml": email(group, points)})
    before = snapshot(content)
    assert run(content, EMAILS[0], bad) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    [line] = [line for line in captured.err.splitlines() if "group4.eml" in line]
    assert line.startswith(f"{bad}: could not read this e-mail: ") and why in line, line
    assert snapshot(content) == before, "nothing is written while an e-mail is bad"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("draft", "correction"),
    [
        ("Thu, 14 Mar 2024 14:05:00 +0100", "Thu, 14 Mar 2024 16:45:00 +0100"),
        # 16:00 in New York is 22:00 in Oslo: later, though its clock shows less.
        ("Thu, 14 Mar 2024 17:30:00 +0100", "Thu, 14 Mar 2024 12:00:00 -0500"),
    ],
)
def test_the_later_email_is_later_in_time(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], draft: str, correction: str
) -> None:
    paths = write_emails(
        tmp_path / "mail",
        {
            "correction.eml": email("4", ["Rettet punkt"], correction),
            "draft.eml": email("4", ["Utkast"], draft),
        },
    )
    assert run(content, *paths) == 0
    [written] = content.glob("*samarbeid-fjordby-tilbakemeldinger.yml")
    text = written.read_text("utf-8")
    assert "Rettet punkt" in text and "Utkast" not in text
    assert "the later e-mail is used" in capsys.readouterr().out


@settings(max_examples=200, deadline=None)
@given(
    gathering=st.from_regex(r"[a-z0-9]{1,30}(-[a-z0-9]{1,30}){0,3}", fullmatch=True),
    first=st.from_regex(r"[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,3}", fullmatch=True),
    second=st.from_regex(r"[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,3}", fullmatch=True),
)
def test_feedback_file_names_are_unique_for_any_id_length(
    gathering: str, first: str, second: str
) -> None:
    assume(first != second)
    names = []
    for qs_id in (first, second):
        qs = QuestionSet(
            kind="question_set", id=qs_id, title="T", language="nb", questions=["Hva?"]
        )
        name = feedback_id(gathering[:80], qs)
        # A valid id, as check wants it.
        Feedback(
            kind="feedback",
            id=name,
            gathering=gathering[:80],
            question_set=qs_id,
            entries=[{"points": ["A"], "received": "2024-03-14"}],
        )
        names.append(name)
    assert names[0] != names[1]


def test_two_long_group_tasks_of_a_long_gathering_get_two_files() -> None:
    gathering = "a" * 58
    qs = [
        QuestionSet(kind="question_set", id=f"oppgave-om-{'b' * 30}-{n}", title="T",
                    language="nb", questions=["Hva?"])
        for n in (1, 2)
    ]  # fmt: skip
    assert feedback_id(gathering, qs[0]) != feedback_id(gathering, qs[1])


def test_an_email_over_the_size_limit_is_refused(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.eml"
    with big.open("wb") as out:
        out.write(email("5", ["A"]))
        out.truncate(MAX_EMAIL_BYTES + 1)
    assert run(content, big) == 1
    err = capsys.readouterr().err
    assert f"{big}: could not read this e-mail: it is 10.0 MB, more than the 10 MB" in err


def test_deep_nested_multipart_is_refused_without_recursion_error(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    depth = 2000
    opening = "".join(
        f'Content-Type: multipart/mixed; boundary="b{n}"\r\n\r\n--b{n}\r\n' for n in range(depth)
    )
    closing = "".join(f"\r\n--b{n}--\r\n" for n in reversed(range(depth)))
    text = HEADER.format(date="Thu, 14 Mar 2024 11:00:00 +0100").split("Content-Type")[0]
    text += "MIME-Version: 1.0\r\n"
    text += opening + "Content-Type: text/plain\r\n\r\nGruppe: 5\r\n1. A\r\n" + closing
    [deep] = write_emails(tmp_path / "mail", {"deep.eml": text.encode("utf-8")})
    assert run(content, deep) == 1
    err = capsys.readouterr().err
    assert f"{deep}: could not read this e-mail: its parts are nested too deeply" in err


def test_only_regular_files_are_read(content: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "x.eml"
    os.mkfifo(fifo)
    command = [sys.executable, "-m", "kulturdialog", "feedback", "import", FEEDBACK_GATHERING]
    result = subprocess.run(
        [*command, str(fifo), str(tmp_path), "--content", str(content)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{fifo}: could not read this e-mail: it is not a file but a folder, pipe" in (
        result.stderr
    )
    assert f"{tmp_path}: could not read this e-mail: it is not a file" in result.stderr


def test_an_unwritable_content_folder_is_a_clear_error(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(content)
    with immutable(content):
        assert run(content, EMAILS[0]) == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert "cannot be written: Operation not permitted; nothing was written" in err
        assert main(["new", "questions", "Ny oppgave", "--content", str(content)]) == 1
        err = capsys.readouterr().err
        assert "cannot be written: Operation not permitted; nothing was written" in err
    assert snapshot(content) == before


SUBJECTS = ["Hva kan vi gjøre sammen?", "Hva tar vi med oss?", "Svar"]
"""Two subjects that name a group task of the gathering, and one that names none."""
ZONES = ["+0100", "+0200", "-0500", "+0000", "-0000", "+1345"]
words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
plain = st.text("abcæøå ABC123.,:-", min_size=1, max_size=30).filter(str.strip)


@st.composite
def random_email(draw: st.DrawFn) -> bytes:
    group = draw(
        st.one_of(
            st.integers(1, 12).map(str),
            st.integers(-3, 1200).map(str),
            st.sampled_from(["①", "²", "0", "1" * 23, "", "Bergen", "  7 "]),
            words,
        )
    )
    points = draw(st.lists(st.one_of(plain, plain, words), min_size=1, max_size=3))
    day, hour, minute = draw(st.integers(1, 28)), draw(st.integers(0, 23)), draw(st.integers(0, 59))
    date = f"{day:02d} Mar 2024 {hour:02d}:{minute:02d}:00 {draw(st.sampled_from(ZONES))}"
    head = HEADER.format(date=date).replace(
        "Innspill fra gruppene: Hva kan vi gjøre sammen?", draw(st.sampled_from(SUBJECTS))
    )
    body = f"Gruppe: {group}\r\n\r\nPrioriterte punkter:\r\n"
    body += "".join(f"{n}. {point}\r\n" for n, point in enumerate(points, start=1))
    if draw(st.booleans()):
        body += f"\r\nKommentar:\r\n{draw(words)}\r\n"
    return (head + body).encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(emails=st.lists(random_email(), min_size=1, max_size=4), skip_bad=st.booleans())
def test_what_import_writes_check_accepts(emails: list[bytes], skip_bad: bool) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        content = folder / "content"
        shutil.copytree(FIXTURES / "feedback", content)
        for name in FEEDBACK_FILES:
            (content / name).unlink()
        before = snapshot(content)
        paths = write_emails(folder / "mail", {f"group{n}.eml": e for n, e in enumerate(emails)})
        result = import_feedback(FEEDBACK_GATHERING, paths, content, skip_bad=skip_bad)
        event(f"{len(result.written)} file(s) written, problems: {bool(result.problems)}")
        if result.written:
            checked = check(content)
            assert checked.ok, [str(p) for p in checked.problems]
        else:
            assert snapshot(content) == before
        if result.problems and not skip_bad:
            assert not result.written
        for line in result.problems:
            assert "Traceback" not in line
