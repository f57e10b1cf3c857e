"""Editor schemas: published with the site, in step with the model, named on every file's first
line, and accepting what the loader accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pydantic import TypeAdapter, ValidationError

from kulturdialog import schemas
from kulturdialog.authoring import starters
from kulturdialog.content import content_files
from kulturdialog.loader import parse, read
from kulturdialog.model import KINDS
from kulturdialog.model.common import Email, WebAddress
from tests.conftest import ROOT

PUBLISHED = ROOT / schemas.SCHEMA_FOLDER
BUNDLED = content_files(ROOT / "content")


def stale_schemas(folder: Path) -> list[str]:
    """Schema files in ``folder`` that differ from the model, are missing, or name no kind."""
    expected = {schemas.schema_file(kind): schemas.schema_text(kind) for kind in KINDS}
    found = {path.name: path.read_text("utf-8") for path in folder.glob("*.json")}
    stale = [name for name, text in expected.items() if found.get(name) != text]
    stale += [name for name in found if name not in expected]
    return sorted(stale)


def test_the_published_schemas_match_the_model() -> None:
    stale = stale_schemas(PUBLISHED)
    assert stale == [], f"regenerate with `kulturdialog schema`: {stale}"


def test_every_schema_is_a_valid_json_schema() -> None:
    for kind in KINDS:
        Draft202012Validator.check_schema(schemas.schema(kind))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_file_names_its_schema_on_the_first_line(path: object) -> None:
    document = read(path)  # type: ignore[arg-type]
    assert not isinstance(document, Exception) and hasattr(document, "data"), document
    kind = document.data["kind"]  # type: ignore[union-attr]
    first = path.read_text("utf-8").splitlines()[0]  # type: ignore[attr-defined]
    assert first == schemas.modeline(kind)
    assert (PUBLISHED / schemas.schema_file(kind)).is_file()


def _documents() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for path in BUNDLED:
        document = read(path)
        found.append((path.name, getattr(document, "data", None)))
    for kind in starters.starter_kinds():
        document = parse(starters.fill(kind, "Høstsamling: tema", "eksempel", "nn"), ROOT / "x.yml")
        found.append((f"starter-{kind}", getattr(document, "data", None)))
    return found


@pytest.mark.parametrize(
    ("name", "data"), _documents(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_the_schema_accepts_every_bundled_file_and_starter(name: str, data: object) -> None:
    # What the YAML language server sees: YAML 1.2 values, which is what our loader reads too.
    assert isinstance(data, dict), name
    validator = Draft202012Validator(schemas.schema(data["kind"]))
    errors = [
        f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)
    ]
    assert errors == []


def test_the_schema_flags_what_the_model_refuses() -> None:
    validator = Draft202012Validator(schemas.schema("gathering"))
    bad = {
        "kind": "gathering",
        "id": "x",
        "title": "T",
        "language": "no",
        "start": "25:99",
        "programme": [{"kind": "talk", "minutes": 10, "title": "A", "minuttes": 5}],
    }
    paths = {".".join(map(str, e.absolute_path)) for e in validator.iter_errors(bad)}
    assert {"language", "start"} <= paths and any(p.startswith("programme.0") for p in paths)


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//example.no",
        "https://exa mple.no",
    ],
)
def test_web_addresses_only_take_http_and_https(address: str) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(WebAddress).validate_python(address)


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", 'x"onmouseover="alert(1)@example.no', "<a@b.no>"]
)
def test_email_addresses_refuse_scripts_and_markup(address: str) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(Email).validate_python(address)
