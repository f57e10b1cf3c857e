"""Property-based tests: any file, however mangled, loads or yields located problems.

The default run tries a few hundred examples per property; set KULTURDIALOG_FUZZ_EXAMPLES (for
example to 10000) for a long run.
"""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kulturdialog.authoring import starters
from kulturdialog.content import content_files, load_content
from kulturdialog.errors import ContentError, Problem
from kulturdialog.loader import Document, parse
from kulturdialog.model import KINDS
from kulturdialog.validation import validate
from tests.conftest import ROOT

EXAMPLES = int(os.environ.get("KULTURDIALOG_FUZZ_EXAMPLES", "300"))

FUZZ = settings(
    max_examples=EXAMPLES,
    # Each example must finish quickly: a hang or a runaway parse fails the test.
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)

SEEDS: list[str] = [path.read_text("utf-8") for path in content_files(ROOT / "content")] + [
    starters.fill(kind, "Høstsamling", "hostsamling", "nb") for kind in starters.starter_kinds()
]

ODD_VALUES = [
    "", "~", "null", "no", "yes", "10:15", "25:99", "-1", "0", "1e999", "0x1F", "1_000", ".inf",
    "[", "]", "{", "}", "&a", "*a", "!!python/object/apply:os.system ['true']", "!!binary aGk=",
    "|", ">", "'", '"', "- x", ": x", "? x", "%YAML 1.1", "---", "...", "#", "\t", "<script>",
    "{{ 7*7 }}", "{% raw %}", "9" * 400, "2023-02-30", "2023-13-01", "😀", "\x00", "\u202e",
    "[1, [2, [3]]]", "{a: {b: {c: d}}}", "- - - - -", "javascript:alert(1)",
]  # fmt: skip


def check_outcome(text: str, problems: list[Problem]) -> None:
    # YAML also breaks lines at \r, \x85, \u2028 and \u2029; splitlines counts them all.
    lines = max(len(text.splitlines()), 1) + 1
    for problem in problems:
        assert 1 <= problem.line <= lines, (problem, lines)
        assert problem.column >= 1, problem
        assert problem.message, problem


def load_text(text: str) -> list[Problem]:
    """Parse and validate one text as a content file; the problems found."""
    parsed = parse(text, Path("content/fuzz.yml"))
    if isinstance(parsed, Problem):
        return [parsed]
    assert isinstance(parsed, Document)
    _, problems = validate(parsed)
    return problems


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(SEEDS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "odd"]))
        line = lines[at]
        if how == "delete":
            del lines[at]
        elif how == "duplicate":
            lines.insert(at, line)
        elif how == "swap" and len(line) > 1:
            i = draw(st.integers(0, len(line) - 2))
            lines[at] = line[:i] + line[i + 1] + line[i] + line[i + 2 :]
        elif how == "indent":
            lines[at] = " " * draw(st.integers(1, 5)) + line
        elif how == "dedent":
            lines[at] = line.lstrip()
        elif how == "odd":
            odd = draw(st.sampled_from(ODD_VALUES) | st.text(max_size=20))
            key, colon, _ = line.partition(": ")
            lines[at] = f"{key}: {odd}" if colon else line.replace(line.strip(), odd, 1)
    return "\n".join(lines)


@FUZZ
@given(mutated())
def test_mutated_files_load_or_yield_located_problems(text: str) -> None:
    check_outcome(text, load_text(text))


@FUZZ
@given(st.text(max_size=300))
def test_random_text_loads_or_yields_located_problems(text: str) -> None:
    check_outcome(text, load_text(text))


scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(min_size=1, max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


@FUZZ
@given(st.sampled_from(sorted(KINDS)), st.dictionaries(st.sampled_from(
    ["id", "title", "language", "programme", "questions", "items", "sections", "date", "start",
     "end", "presentations", "runsheet", "contacts", "preparation", "report_back"]
), values, max_size=8))  # fmt: skip
def test_random_structures_of_every_kind_yield_located_problems(
    kind: str, fields: dict[str, object]
) -> None:
    import yaml

    text = yaml.safe_dump({"kind": kind, **fields}, allow_unicode=True)
    check_outcome(text, load_text(text))


@settings(FUZZ, max_examples=max(EXAMPLES // 10, 30))
@given(st.data())
def test_a_mutated_file_in_the_whole_library_loads_or_yields_located_problems(
    tmp_path_factory: object, data: st.DataObject
) -> None:
    # The whole pipeline, cross-file checks included, with one file mangled.
    root = Path(tmp_path_factory.mktemp("fuzz"))  # type: ignore[attr-defined]
    shutil.copytree(ROOT / "content", root, dirs_exist_ok=True)
    files = content_files(root)
    target = data.draw(st.sampled_from(files))
    text = data.draw(mutated())
    target.write_text(text, "utf-8")
    try:
        load_content(root)
    except ContentError as error:
        for problem in error.problems:
            if Path(problem.file).name == target.name:
                check_outcome(text, [problem])
            else:
                assert problem.line >= 1 and problem.column >= 1
