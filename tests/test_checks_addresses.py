"""Ids that would replace a page of the site are refused where they are written; the build
refuses two sources for one output file and names both."""

from __future__ import annotations

from pathlib import Path

import pytest

from kulturdialog.checks.addresses import RESERVED
from kulturdialog.content import load_content
from kulturdialog.errors import ContentError
from tests.conftest import FIXTURES, BuildSite

# One file per kind, each with every id that names a page written as {ident}.
FILES = {
    "gathering": """kind: gathering
id: {gathering}
title: Møte
language: nb
programme:
  - {{kind: talk, minutes: 20, title: Velkommen}}
""",
    "question set": """kind: question_set
id: {question set}
title: Spørsmål
language: nb
questions: [Hva nå?]
""",
    "series": """kind: series
id: {series}
title: Serie
language: nb
items:
  - {{id: {series item}, title: Første}}
  - {{id: annen, title: Andre}}
""",
    "worksheet": """kind: worksheet
id: {worksheet}
title: Ark
language: nb
sections:
  - {{title: Mål}}
""",
    "package": """kind: package
id: {package}
title: Pakke
language: nb
presentations:
  - id: {presentation}
    title: Lysbilder
    slides:
      - {{title: Første}}
runsheet:
  steps:
    - {{minutes: 10, activity: Innledning, slides: [1]}}
""",
}

ORDINARY = {noun: f"vanlig-{index}" for index, noun in enumerate(RESERVED)}


def write(root: Path, ids: dict[str, str]) -> Path:
    for noun, text in FILES.items():
        (root / f"{noun.replace(' ', '-')}.yml").write_text(text.format(**ids), "utf-8")
    return root


def test_ordinary_ids_pass(tmp_path: Path) -> None:
    load_content(write(tmp_path, ORDINARY))


@pytest.mark.parametrize(
    ("noun", "name"), [(noun, name) for noun, names in RESERVED.items() for name in names]
)
def test_every_reserved_name_is_refused_with_a_located_message(
    tmp_path: Path, noun: str, name: str
) -> None:
    write(tmp_path, {**ORDINARY, noun: name})
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path)
    [problem] = raised.value.problems
    assert problem.field.endswith("id") and problem.line > 1
    assert f"'{name}' is reserved" in problem.message and "choose another id" in problem.message


def test_question_set_with_id_index_cannot_replace_the_library(tmp_path: Path) -> None:
    write(tmp_path, {**ORDINARY, "question set": "index"})
    with pytest.raises(ContentError, match="question-set library"):
        load_content(tmp_path)


def test_series_item_with_id_index_cannot_replace_the_overview(tmp_path: Path) -> None:
    write(tmp_path, {**ORDINARY, "series item": "index"})
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path)
    assert raised.value.problems[0].field == "items.1.id"


def test_two_sources_for_one_output_file_fail_the_build_naming_both(
    build_site: BuildSite, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    (docs / "questions").mkdir(parents=True)
    (docs / "index.md").write_text("# Forside\n", "utf-8")
    (docs / "questions" / "index.md").write_text("# Egne spørsmål\n", "utf-8")
    result = build_site(content=FIXTURES / "valid", docs=docs)
    assert result.returncode != 0
    assert "questions/index.html: written by both docs/questions/index.md" in result.output
    assert "the generated page questions/index.md" in result.output
    assert "Traceback" not in result.output
