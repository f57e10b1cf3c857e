"""JSON Schemas for editors, one per content kind, generated from the model.

Editors with the YAML language server read the schema named on a file's first line and complete
fields and flag errors while the author types. The schema must accept what the loader accepts:
the shorthand forms that the model turns into richer values (a question written as plain text, a
week written as a number) are allowed next to the full form.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from kulturdialog.model import KINDS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FOLDER = Path("docs") / "schemas"
"""Where the schemas are published, relative to the project folder (and so under the site)."""


class _AuthorSchema(GenerateJsonSchema):
    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        # A before-validator without a declared input form turns a shorthand (text or a number)
        # into the full value; the editor must not flag the shorthand as an error.
        if schema.get("json_schema_input_schema") is not None:
            return super().function_before_schema(schema)
        full = self.generate_inner(schema["schema"])
        return {"anyOf": [full, {"type": ["string", "number"]}]}


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one content kind, such as ``gathering``."""
    return copy.deepcopy(_schema(kind))


@cache
def _schema(kind: str) -> dict[str, Any]:
    # Generated once per process: the guide's field tables ask for it on every preview build.
    generated = KINDS[kind].model_json_schema(schema_generator=_AuthorSchema)
    return {"$schema": SCHEMA_DIALECT, **generated}


def schema_text(kind: str) -> str:
    """The schema as it is written to its file: stable key order, two-space indent."""
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"


def schema_file(kind: str) -> str:
    """The file name of a kind's schema."""
    return f"{kind}.json"


def modeline(kind: str) -> str:
    """The first line of a content file of ``kind`` in ``content/<folder>/``, for editors."""
    return f"# yaml-language-server: $schema=../../{SCHEMA_FOLDER.as_posix()}/{schema_file(kind)}"


def write_schemas(folder: Path) -> list[Path]:
    """Write every kind's schema into ``folder``; return the files whose text changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for kind in KINDS:
        path = folder / schema_file(kind)
        text = schema_text(kind)
        if not path.exists() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
            changed.append(path)
    return changed
