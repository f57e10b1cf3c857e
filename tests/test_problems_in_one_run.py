"""Every problem in one run: a file with a broken field is still checked for references, times
and over-runs as far as its valid parts allow, and a file that is not valid YAML is named by
its own problem, never as a missing id by the files that refer to it."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kulturdialog.authoring.check import check
from kulturdialog.validation import original_path


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def lines(folder: Path) -> list[str]:
    """Each problem of one run of check as 'file:line:column: field: message'."""
    return [
        f"{Path(p.file).name}:{p.line}:{p.column}: {p.field}: {p.message}"
        for p in check(folder).problems
    ]


THREE_MISTAKES = """kind: gathering
id: samling
title: Fellessamling
language: nn
date: 2024-09-24
start: 25:99
programme:
  - {kind: talk, minutes: tjue, title: Velkommen}
  - {kind: group_work, minutes: 30, title: Gruppearbeid, question_set: finnes-ikke}
"""


def test_three_mistakes_in_one_file_take_one_run_of_check(tmp_path: Path) -> None:
    write(tmp_path, "samling.yml", THREE_MISTAKES)
    found = lines(tmp_path)
    assert [line.split(": ", 2)[:2] for line in found] == [
        ["samling.yml:6:8", "start"],
        ["samling.yml:8:27", "programme.1.minutes"],
        ["samling.yml:9:72", "programme.2.question_set"],
    ]
    assert "there is no question set with the id 'finnes-ikke'" in found[2]


def test_a_broken_field_leaves_the_over_run_checked(tmp_path: Path) -> None:
    text = THREE_MISTAKES.replace("start: 25:99", "start: '10:00'\nend: '10:20'")
    text = text.replace("question_set: finnes-ikke", "question_set: finnes-ikke, titel: x")
    text += "  - {kind: plenary, minutes: 30, title: Plenum}\n"
    write(tmp_path, "samling.yml", text)
    found = lines(tmp_path)
    # The over-run counts the blocks that are left: the group work without its unknown field
    # and the plenary, 60 minutes; the block with broken minutes is left out.
    assert sorted(line.split(": ", 2)[1] for line in found) == [
        "end",
        "programme.1.minutes",
        "programme.2.question_set",
        "programme.2.titel",
    ]
    assert "runs until 11:00, 40 minutes past the declared end 10:20" in found[0]


def test_a_broken_start_does_not_also_report_its_end(tmp_path: Path) -> None:
    write(
        tmp_path, "samling.yml", THREE_MISTAKES.replace("start: 25:99", "start: 25:99\nend: 12:00")
    )
    assert [line.split(": ", 2)[1] for line in lines(tmp_path)] == [
        "start",
        "programme.1.minutes",
        "programme.2.question_set",
    ]


def test_an_unquoted_colon_in_a_gathering_is_named_once(tmp_path: Path) -> None:
    write(
        tmp_path,
        "samling.yml",
        "kind: gathering\nid: samling\ntitle: Samling: om kolon\nlanguage: nb\n"
        "programme:\n  - {kind: talk, minutes: 20, title: Velkommen}\n",
    )
    package = {
        "kind": "package",
        "id": "pakke",
        "title": "Pakke",
        "language": "nb",
        "status": "announced",
        "gatherings": ["samling"],
    }
    write(tmp_path, "pakke.yml", yaml.safe_dump(package))
    [line] = lines(tmp_path)
    assert line.startswith("samling.yml:3:15: : YAML syntax error")


# Plant k independent mistakes in different fields of valid content: one run reports k.

GATHERING: dict[str, Any] = {
    "kind": "gathering",
    "id": "samling",
    "title": "Samling",
    "language": "nb",
    "date": "2024-09-24",
    "start": "09:00",
    "week": 39,
    "format": "physical",
    "programme": [
        {"kind": "talk", "minutes": 20, "title": "Velkommen"},
        {"kind": "group_work", "minutes": 40, "title": "Grupper", "question_set": "oppgave"},
        {"kind": "plenary", "minutes": 20, "title": "Plenum"},
        {"kind": "break", "minutes": 10, "title": "Pause"},
        # A second group task on the same set: feedback on it does not hang on the first.
        {"kind": "group_work", "minutes": 20, "title": "Grupper igjen", "question_set": "oppgave"},
    ],
}
QUESTION_SET: dict[str, Any] = {
    "kind": "question_set",
    "id": "oppgave",
    "title": "Oppgave",
    "language": "nb",
    "questions": ["Hva nå?"],
}
FEEDBACK: dict[str, Any] = {
    "kind": "feedback",
    "id": "tilbakemelding",
    "gathering": "samling",
    "question_set": "oppgave",
    "entries": [
        {"group": 1, "points": ["Et punkt"], "received": "2024-09-25"},
        {"group": 2, "points": ["Et annet punkt"], "received": "2024-09-25"},
    ],
}

Files = dict[str, dict[str, Any]]


def _set(file: str, path: tuple[Any, ...], value: Any) -> Callable[[Files], None]:
    def plant(files: Files) -> None:
        node = files[file]
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return plant


def _rename(file: str, path: tuple[Any, ...], old: str, new: str) -> Callable[[Files], None]:
    def plant(files: Files) -> None:
        node = files[file]
        for part in path:
            node = node[part]
        node[new] = node.pop(old)

    return plant


MISTAKES: dict[str, tuple[Callable[[Files], None], str, str]] = {
    # name: (how to plant it, the file, the field the problem names)
    "start": (_set("samling", ("start",), "25:99"), "samling", "start"),
    "minutes": (
        _set("samling", ("programme", 0, "minutes"), "tjue"),
        "samling",
        "programme.1.minutes",
    ),
    "reference": (
        _set("samling", ("programme", 1, "question_set"), "finnes-ikke"),
        "samling",
        "programme.2.question_set",
    ),
    "title": (
        _rename("samling", ("programme", 2), "title", "titel"),
        "samling",
        "programme.3.titel",
    ),
    "kind": (_set("samling", ("programme", 3, "kind"), "pausen"), "samling", "programme.4.kind"),
    "week": (_set("samling", ("week",), 40), "samling", "week"),
    "format": (_set("samling", ("format",), "fysisk"), "samling", "format"),
    "question set field": (
        _rename("oppgave", (), "title", "titel"),
        "oppgave",
        "titel",
    ),
    "feedback gathering": (
        _set("tilbakemelding", ("gathering",), "finnes-ikke"),
        "tilbakemelding",
        "gathering",
    ),
    "feedback date": (
        _set("tilbakemelding", ("entries", 0, "received"), "2024-02-30"),
        "tilbakemelding",
        "entries.1.received",
    ),
}


@settings(deadline=None, max_examples=60)
@given(st.sets(st.sampled_from(sorted(MISTAKES)), min_size=1))
def test_k_planted_mistakes_give_k_located_problems_in_one_run(planted: set[str]) -> None:
    files: Files = {
        "samling": yaml.safe_load(yaml.safe_dump(GATHERING)),
        "oppgave": dict(QUESTION_SET),
        "tilbakemelding": yaml.safe_load(yaml.safe_dump(FEEDBACK)),
    }
    for name in planted:
        MISTAKES[name][0](files)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, data in files.items():
            # Clock times quoted, as YAML 1.1 would read an unquoted 09:00 as a number.
            write(root, f"{name}.yml", yaml.safe_dump(data, allow_unicode=True))
        found = sorted((Path(p.file).stem, p.field) for p in check(root).problems)
    expected = sorted((MISTAKES[name][1], MISTAKES[name][2]) for name in planted)
    assert found == expected


@given(st.tuples(st.integers(1, 12), st.lists(st.integers(0, 100))))
def test_a_place_in_what_is_left_is_found_where_the_author_wrote_it(
    drawn: tuple[int, list[int]],
) -> None:
    count, picks = drawn
    items = list(range(count))
    removed: list[tuple[str | int, ...]] = []
    for pick in picks:
        if not items:
            break
        index = pick % len(items)
        del items[index]
        removed.append(("programme", index))
    for now, original in enumerate(items):
        path = original_path(("programme", now, "minutes"), tuple(removed))
        assert path == ("programme", original, "minutes")
