"""The README and the author guide say what the tools do: every command they show is one the
tools accept, the ones that run offline and quickly run in a copy of the project as shown, and
every path and folder they name is where the tools put it (or is in the repository)."""

from __future__ import annotations

import argparse
import glob
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from kulturdialog.authoring import starters
from kulturdialog.cli import _parser
from kulturdialog.content import content_files
from kulturdialog.model import KINDS
from kulturdialog.room import serve as room_serve
from tests.conftest import ROOT
from tests.site_project import make_project, run

GUIDES = [ROOT / "docs" / "guide", ROOT / "docs" / "guide" / "da", ROOT / "docs" / "guide" / "en"]
"""The author guide in bokmål, Danish and English: a site shows the one in its language."""
RUN_DOCS = [ROOT / "README.md", *sorted(GUIDES[0].glob("*.md"))]
"""The documents whose commands run in one copy of the project; the translations show the same
commands (parsed, not run again: a second import of the same group tasks writes nothing)."""
DOCS = RUN_DOCS + [page for guide in GUIDES[1:] for page in sorted(guide.glob("*.md"))]
GATHERING = "nasjonalt-dialogseminar-2023"
TASK_2 = "Dialogtema 2 – Gruppeoppgaver"
FENCE = re.compile(r"^\s*```[a-z]*\n(.*?)^\s*```", re.MULTILINE | re.DOTALL)
SPAN = re.compile(r"`([^`\n]+)`")
COMMAND = re.compile(r"^(kulturdialog|python -m kulturdialog|bash scripts/dev|mkdocs)\b")
PATH = re.compile(r"[\w.<>…-]+/|\.(?:yml|yaml|zip|py|json|eml|html|ics|md|csv)\b")
RUNS = {"check", "new", "schema", "build", "offline", "feedback", "--version"}
"""The kulturdialog commands that run offline and quickly; serve is only parsed."""
DEV = re.compile(r"^  ([a-z|]+)\)$", re.MULTILINE)
"""A command of scripts/dev: a branch of its case statement."""
NOUNS = {
    "gatherings": ["gathering"],
    "question sets": ["question_set"],
    "theme packages": ["package"],
    "series": ["series"],
    "programmes": ["programme"],
    "planning worksheets": ["worksheet"],
}
"""How the README names the kinds in its sentence on folders."""
GUIDE_PAGES = {"series": ["series", "programme"]}
"""The guide's page of a kind, where it is not the kind's own name."""


@dataclass(frozen=True)
class Shown:
    """A command as a document shows it, in a code block or in running text."""

    doc: str
    line: str
    block: bool

    def words(self) -> list[str]:
        """The command's words with its placeholders filled in: ``<id>`` and ``…`` become a
        word, ``[PATH]`` goes, ``[--zip]`` is given."""
        line = re.sub(r"\s#\s.*$", "", self.line).strip()
        line = re.sub(r"<[^>]*>|…", "x", line)
        line = re.sub(r"\[(--[\w-]+)\]", r"\1", line)
        line = re.sub(r"\[[A-Z]+\]", "", line)
        return shlex.split(line)

    def kulturdialog(self) -> list[str] | None:
        """The words after ``kulturdialog``, for a command that runs it; else None."""
        words = self.words()
        if words[:3] == ["python", "-m", "kulturdialog"]:
            return words[3:]
        if words[:1] == ["kulturdialog"]:
            return words[1:]
        if words[:3] == ["bash", "scripts/dev", "kulturdialog"]:
            return words[3:]
        if words[:2] == ["bash", "scripts/dev"] and words[2:3] in (["build"], ["offline"]):
            return words[2:]
        return None


def shown_commands(docs: list[Path] = DOCS) -> list[Shown]:
    found: list[Shown] = []
    for doc in docs:
        text = doc.read_text("utf-8")
        for block in FENCE.findall(text):
            for line in block.splitlines():
                if COMMAND.match(line.strip()):
                    found.append(Shown(doc.name, line.strip(), True))
        for span in SPAN.findall(FENCE.sub("", text)):
            if COMMAND.match(span):
                found.append(Shown(doc.name, span, False))
    return found


class Refused(Exception):
    """What argparse would print before exiting."""


@pytest.fixture
def strict_parser(monkeypatch: pytest.MonkeyPatch) -> argparse.ArgumentParser:
    def error(self: argparse.ArgumentParser, message: str) -> None:
        raise Refused(message)

    monkeypatch.setattr(argparse.ArgumentParser, "error", error)
    return _parser()


def test_every_command_shown_is_one_the_tools_accept(
    strict_parser: argparse.ArgumentParser,
) -> None:
    shown = shown_commands()
    assert len([s for s in shown if s.block]) > 15
    dev_commands = {
        name
        for names in DEV.findall((ROOT / "scripts" / "dev").read_text())
        for name in names.split("|")
    }
    refused: list[str] = []
    for command in shown:
        words = command.words()
        if words[:2] == ["bash", "scripts/dev"] and words[2:] and words[2] not in dev_commands:
            refused.append(f"{command.doc}: {command.line}: scripts/dev has no {words[2]}")
        arguments = command.kulturdialog()
        if arguments is None:
            continue
        try:
            strict_parser.parse_args(arguments)
        except Refused as error:
            # Running text may name a command without its arguments ("`kulturdialog new`").
            if command.block or "required" not in str(error):
                refused.append(f"{command.doc}: {command.line}: {error}")
        except SystemExit:
            pass  # --version and --help print and stop: accepted
    assert refused == []


def test_the_list_of_new_kinds_is_every_kind(strict_parser: argparse.ArgumentParser) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    line = re.search(r"^kulturdialog new (\w+) .*# also: (.*)$", readme, re.MULTILINE)
    assert line is not None
    listed = [line.group(1), *line.group(2).split(", ")]
    kinds = {starters.ALIASES.get(name, name) for name in listed}
    assert kinds == set(starters.starter_kinds()), listed
    said = re.search(r"Each file has a `kind:` \(([^)]*)\)", readme)
    assert said is not None
    assert set(re.findall(r"`(\w+)`", said.group(1))) == set(KINDS)


@dataclass(frozen=True)
class Ran:
    project: Path
    before: set[Path]
    """The project's content files before the commands ran."""


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> Ran:
    """A copy of the project (with a site_url, as the README's start asks), in which every
    command the documents show that runs offline and quickly has run, each as shown."""
    contents = [path for path in sorted((ROOT / "content").iterdir()) if path.is_dir()]
    project = make_project(
        tmp_path_factory.mktemp("docs") / "project", "https://x.github.io/project/", contents
    )
    before = set((project / "content").rglob("*.yml"))
    # The e-mails the documents' import commands read: one group's answer to each group task
    # (an import never adds to the file of an earlier one), from group 2, as the feedback
    # starter that `new feedback --from` writes later holds group 1.
    for folder, task in (("mail", "Dialogtema 1 – Gruppeoppgaver"), ("e-poster", TASK_2)):
        (project / folder).mkdir()
        (project / folder / "gruppe-1.eml").write_text(
            "From: a@example.no\nDate: Thu, 14 Mar 2024 11:00:00 +0100\n"
            f"Subject: {task}\n\nGruppe: 2\n\n1. Felles møteplasser\n",
            "utf-8",
        )
    commands = [c.kulturdialog() for c in shown_commands(RUN_DOCS) if c.block]
    runnable = [words for words in commands if words and words[0] in RUNS]
    order = ["--version", "check", "schema", "new", "feedback", "build", "offline"]
    done: set[tuple[str, ...]] = set()
    for words in sorted(runnable, key=lambda words: order.index(words[0])):
        expanded = [
            word
            for pattern in words
            for word in (
                sorted(glob.glob(pattern, root_dir=project)) if "*" in pattern else [pattern]
            )
        ]
        if tuple(expanded) in done:
            continue
        done.add(tuple(expanded))
        result = run(project, *expanded)
        assert result.returncode == 0, (words, result.stdout + result.stderr)
    return Ran(project, before)


def written_by_new(project: Path, kind: str) -> Path:
    """The folder (below ``project``) where ``new`` writes a file of ``kind``."""
    title = f"Dokumentert {kind}"
    extra = ["--from", GATHERING] if kind == "feedback" else []
    result = run(project, "new", kind, title, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    name = f"dokumentert-{kind}".replace("_", "-")
    made = [path for path in (project / "content").rglob("*.yml") if name in path.name]
    assert len(made) == 1, made
    return made[0].parent.relative_to(project)


def folder_claims() -> list[tuple[str, str, str]]:
    """Where the guide's table and the README say each kind of file lives: (document, kind,
    folder)."""
    claims: list[tuple[str, str, str]] = []
    row = re.compile(r"^\|[^|]*\| `(content/[\w-]+/)` \| \[[^]]*\]\((\w+)\.md\)", re.MULTILINE)
    for guide in GUIDES:
        name = guide.relative_to(ROOT).as_posix()
        found = row.findall((guide / "index.md").read_text("utf-8"))
        assert found, name
        for folder, page in found:
            for kind in GUIDE_PAGES.get(page, [page]):
                claims.append((name, kind, folder))
    readme = (ROOT / "README.md").read_text("utf-8")
    sentence = re.search(
        r"Content lives in YAML files under `content/`: (.*?)\. ", readme, re.DOTALL
    )
    assert sentence is not None
    for nouns, folder in re.findall(r"([\w ,\n]+?) in\s+`(content/[\w-]+/)`", sentence.group(1)):
        for noun in re.split(r",\s*|\s+and\s+", nouns.strip(" ,")):
            for kind in NOUNS[" ".join(noun.split())]:
                claims.append(("README", kind, folder))
    assert {kind for _, kind, _ in claims} >= set(starters.starter_kinds()) - {"feedback"}
    return claims


def wrong_folders(project: Path, claims: list[tuple[str, str, str]]) -> list[str]:
    made = {kind: written_by_new(project, kind) for kind in sorted({k for _, k, _ in claims})}
    return [
        f"{doc}: {kind} in {folder}, but new writes to {made[kind]}/"
        for doc, kind, folder in claims
        if made[kind].as_posix() + "/" != folder
    ]


def test_the_folders_the_documents_name_are_where_files_go(ran: Ran) -> None:
    claims = folder_claims()
    assert wrong_folders(ran.project, claims) == []
    # The groups' e-mails become feedback where the guide says: beside the gathering.
    imported = [
        path
        for path in (ran.project / "content").rglob("*.yml")
        if path not in ran.before
        and "kind: feedback" in path.read_text("utf-8")
        and "dokumentert" not in path.name
    ]
    assert len(imported) == 2
    assert {p.parent.relative_to(ran.project).as_posix() + "/" for p in imported} == {
        folder for _, kind, folder in claims if kind == "feedback"
    }


def test_the_folders_hold_on_a_site_without_the_samples(tmp_path: Path) -> None:
    # As the README's own site starts: the samples deleted, the folders kept.
    project = make_project(tmp_path / "own", None, [])
    for folder in ("dialogues", "packages", "series"):
        (project / "content" / folder).mkdir(parents=True)
    # Feedback needs its gathering, written where gatherings go.
    gathering = run(project, "new", "gathering", "Vårsamling", "--id", GATHERING)
    assert gathering.returncode == 0, gathering.stdout + gathering.stderr
    claims = [claim for claim in folder_claims() if claim[1] != "gathering"]
    assert wrong_folders(project, claims) == []


def named_paths() -> list[tuple[str, str]]:
    """Every path, folder or file name the documents give in code, with the document."""
    found = []
    for doc in DOCS:
        for span in SPAN.findall(doc.read_text("utf-8")):
            if span.startswith(("{{", "http", "#", "--")) or "$schema" in span:
                continue
            for word in span.split():
                # A word with a colon is a message's form (`docs/page.md:line: …`).
                if PATH.search(word) and ":" not in word and not COMMAND.match(word):
                    found.append((doc.name, word))
    return found


ROOM_STORE = f"{room_serve.STORE_FOLDER}/<gathering-id>.sqlite"
"""Where `kulturdialog room` keeps the run and the answers, as the README names it."""


def test_every_path_the_documents_name_is_there(ran: Ran, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    # A file the author copies an example to: the example is there.
    copied = dict(
        (target, source) for source, target in re.findall(r"copy `([^`]+)` to\s+`([^`]+)`", readme)
    )
    project = ran.project
    places = [
        ROOT,
        ROOT / "src" / "kulturdialog",
        ROOT / "docs",
        project,
        project / "site",
        project / "offline-copy",
    ]
    named = named_paths()
    assert len(named) > 40
    missing = []
    for doc, word in named:
        path = copied.get(word, word)
        if path == ROOM_STORE:
            # Made only while a room runs: named as the room names it.
            continue
        pattern = re.sub(r"<[^>]*>|…", "*", path.split("?")[0]).rstrip("/")
        if re.fullmatch(r"\.\w+", pattern):
            # A file name ending, such as `.ics` or `.yaml`: the tools made files with it, or
            # read content files with it.
            sample = tmp_path / f"sample{pattern}"
            sample.write_text("", "utf-8")
            found = any(project.rglob(f"*{pattern}")) or sample in content_files(tmp_path)
        else:
            found = any(
                glob.glob(pattern, root_dir=place, include_hidden=True)
                or glob.glob(f"**/{pattern}", root_dir=place, recursive=True, include_hidden=True)
                for place in places
            )
            if found and path.split("?")[0].endswith("/"):
                found = any(
                    Path(place, match).is_dir()
                    for place in places
                    for match in glob.glob(pattern, root_dir=place, include_hidden=True)
                    + glob.glob(
                        f"**/{pattern}", root_dir=place, recursive=True, include_hidden=True
                    )
                )
        if not found:
            missing.append(f"{doc}: {word}")
    assert not missing, "\n".join(missing)


def test_schema_as_shown_leaves_the_schemas_and_tables_as_they_are(ran: Ran) -> None:
    # The documents say schema rewrites the editor schemas and the guide's field tables from the
    # model: in a copy of the project, what it writes is what the repository holds.
    for schema in sorted((ROOT / "docs" / "schemas").glob("*.json")):
        assert (ran.project / "docs" / "schemas" / schema.name).read_bytes() == schema.read_bytes()
    for guide in GUIDES:
        for page in sorted(guide.glob("*.md")):
            written = ran.project / page.relative_to(ROOT)
            assert written.read_text("utf-8") == page.read_text("utf-8"), page


def test_build_and_offline_make_what_the_documents_say(ran: Ran) -> None:
    project = ran.project
    assert (project / "site" / "index.html").is_file()
    assert (project / "site.zip").is_file()
    assert (project / "offline-copy" / "index.html").is_file()
    assert (project / "offline-copy.zip").is_file()
    # Kept between builds, as the README says, once the site knows its address.
    assert any((project / ".cache" / "kulturdialog" / "qr").iterdir())
