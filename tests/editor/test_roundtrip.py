"""Saving writes the file an author would: only changed values change, everything stays text."""

from __future__ import annotations

import copy
import difflib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kulturdialog.editor.roundtrip import apply, plain_data
from tests.conftest import ROOT

SEMINAR = ROOT / "content" / "dialogues" / "nasjonalt-dialogseminar-2023.yml"
CONTENT_FILES = sorted((ROOT / "content").rglob("*.yml")) + sorted(
    path for path in (ROOT / "tests" / "fixtures").rglob("*.yml") if "invalid" not in str(path)
)


def values(path: Path) -> tuple[str, dict[str, Any]]:
    text = path.read_text("utf-8")
    data = plain_data(text, path)
    assert isinstance(data, dict)
    return text, data


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.name)
def test_unchanged_values_leave_the_file_byte_for_byte(path: Path) -> None:
    text, data = values(path)
    assert apply(text, path, data) == text


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_changing_one_blocks_minutes_changes_one_line(draw: st.DataObject) -> None:
    text, data = values(SEMINAR)
    block = draw.draw(st.integers(0, len(data["programme"]) - 1))
    old = data["programme"][block]["minutes"]
    minutes = draw.draw(st.integers(1, 1440).filter(lambda m: m != old))
    data["programme"][block]["minutes"] = minutes
    after = apply(text, SEMINAR, data)
    assert changed_lines(text, after) == [f"-    minutes: {old}", f"+    minutes: {minutes}"]
    assert plain_data(after, SEMINAR) == data


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=60,
) | st.sampled_from(
    [
        "Pause: kaffe # og kake",
        "{{ programme('x') }}",
        "<script>alert(1)</script>",
        "line one\nline two\n",
        "  leading and trailing  ",
        "yes",
        "no",
        "null",
        "~",
        "123",
        "1.5",
        "true",
        "2023-04-27",
        "10:15",
        "- a list?",
        "key: value",
        "&anchor",
        "*alias",
        "!tag",
        "'quoted'",
        '"double"',
        "tab\there",
        "\u2028separator",
        "",
    ]
)


def _text_leaves(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _text_leaves(item, (*at, key))]
    if isinstance(value, list):
        return [leaf for i, item in enumerate(value) for leaf in _text_leaves(item, (*at, i))]
    return [at] if isinstance(value, str) and at[-1:] != ("kind",) else []


def _set(data: Any, at: tuple[Any, ...], value: Any) -> None:
    for key in at[:-1]:
        data = data[key]
    data[at[-1]] = value


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_read_back_as_the_form_values_and_keep_the_rest(draw: st.DataObject) -> None:
    text, original = values(SEMINAR)
    data = copy.deepcopy(original)
    leaves = _text_leaves(data)
    touched = draw.draw(st.lists(st.sampled_from(leaves), max_size=4, unique=True))
    for leaf in touched:
        _set(data, leaf, draw.draw(TEXT))
    moves: dict[str, list[int | None]] = {}
    if draw.draw(st.booleans()):
        order = draw.draw(st.permutations(range(len(data["programme"]))))
        data["programme"] = [data["programme"][i] for i in order]
        moves["programme"] = list(order)
    after = apply(text, SEMINAR, data, moves)
    assert plain_data(after, SEMINAR) == data
    # The modeline and every top-level field nobody touched stay as they were, line for line.
    assert after.splitlines()[0] == text.splitlines()[0]
    untouched = {key for key in original if all(leaf[0] != key for leaf in touched)}
    for key in untouched - {"programme"}:
        block = _top_level_text(text, key)
        assert block in after, key


def _top_level_text(text: str, key: str) -> str:
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "\n")), len(lines)
    )
    return "".join(lines[start:end])


@settings(max_examples=80, deadline=None)
@given(TEXT)
def test_every_value_stays_text(value: str) -> None:
    text, data = values(SEMINAR)
    data["title"] = value
    data["notes"][0] = value
    data["programme"][2]["items"][0] = value
    after = apply(text, SEMINAR, data)
    read = plain_data(after, SEMINAR)
    assert isinstance(read, dict)
    assert read["title"] == value
    assert read["notes"][0] == value
    assert read["programme"][2]["items"][0] == value


def test_a_moved_block_keeps_its_comment(tmp_path: Path) -> None:
    path = tmp_path / "g.yml"
    text = (
        "kind: gathering\n"
        "programme:\n"
        "  # the opening\n"
        "  - kind: talk\n"
        "    minutes: 10  # short\n"
        "    title: A\n"
        "  - kind: break\n"
        "    minutes: 5\n"
        "    title: B\n"
    )
    _, data = text, plain_data(text, path)
    assert isinstance(data, dict)
    data["programme"].reverse()
    after = apply(text, path, data, {"programme": [1, 0]})
    assert "minutes: 10  # short" in after
    assert after.index("title: B") < after.index("title: A")
    assert plain_data(after, path) == data


def test_a_new_field_goes_where_the_form_puts_it(tmp_path: Path) -> None:
    path = tmp_path / "g.yml"
    text = "kind: gathering\nid: a\ndate: 2026-01-05\nplace: Ås\n"
    data = {"kind": "gathering", "id": "a", "date": "2026-01-05", "start": "09:00", "place": "Ås"}
    after = apply(text, path, data)
    assert after == "kind: gathering\nid: a\ndate: 2026-01-05\nstart: 09:00\nplace: Ås\n"


@pytest.mark.parametrize(
    "layout",
    [
        "kind: question_set\nid: a\ntitle: A\nquestions:\n- Én?\n- To?\n",
        "kind: question_set\nid: a\ntitle: A\nquestions:\n    - Én?  # first\n    - To?\n",
        "kind: question_set\nid: a\ntitle: A\nquotation:\n    text: Sitat\n    source: Kilde\n"
        "questions: [Én?, To?]\n",
        "# top\nkind: question_set\n\nid: a   # spaced\ntitle: 'A'\nquestions:\n  - \"Én?\"\n",
    ],
    ids=["dash-at-key", "four-spaces", "mapping-four-and-flow", "comments-quotes-blank-lines"],
)
def test_other_layouts_keep_their_indentation_and_change_one_line(
    layout: str, tmp_path: Path
) -> None:
    path = tmp_path / "q.yml"
    data = plain_data(layout, path)
    assert isinstance(data, dict)
    assert apply(layout, path, data) == layout
    data["title"] = "B: ny"
    after = apply(layout, path, data)
    assert len(changed_lines(layout, after)) == 2, after
    assert plain_data(after, path) == data
