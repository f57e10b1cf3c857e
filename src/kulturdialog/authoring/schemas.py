"""The JSON Schemas as the authoring commands use them; they are made in ``kulturdialog.schemas``,
below the views, which print the guide's field tables from them."""

from __future__ import annotations

from kulturdialog.schemas import (
    SCHEMA_DIALECT,
    SCHEMA_FOLDER,
    modeline,
    schema,
    schema_file,
    schema_text,
    write_schemas,
)

__all__ = [
    "SCHEMA_DIALECT",
    "SCHEMA_FOLDER",
    "modeline",
    "schema",
    "schema_file",
    "schema_text",
    "write_schemas",
]
