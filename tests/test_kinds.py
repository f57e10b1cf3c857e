"""Every kind is declared once, in ``model.kinds.TABLE``; the library, the reserved ids, the
navigation and the starters read it."""

from __future__ import annotations

from dataclasses import fields
from typing import get_args

from kulturdialog.checks.addresses import RESERVED
from kulturdialog.library import Library
from kulturdialog.model import AnyContent
from kulturdialog.model.kinds import KINDS, TABLE
from kulturdialog.site.site_language import NAV_LABELS
from kulturdialog.views.labels import table


def test_the_table_names_every_content_model_once() -> None:
    assert sorted(k.model.__name__ for k in TABLE) == sorted(
        m.__name__ for m in get_args(AnyContent)
    )
    assert list(KINDS) == [k.name for k in TABLE]
    for kind in TABLE:
        assert kind.model.model_fields["kind"].annotation.__args__ == (kind.name,)


def test_each_kind_has_its_register_in_the_library() -> None:
    registers = {field.name for field in fields(Library)}
    assert {kind.register for kind in TABLE} <= registers


def test_each_index_is_reserved_and_named_in_the_navigation() -> None:
    labels = table()
    for kind in TABLE:
        if kind.folder is None:
            continue
        assert RESERVED[kind.noun]["index"] == kind.index_name
        if kind.index_label is not None:
            assert NAV_LABELS[f"{kind.folder}/index.md"] == kind.index_label
            assert kind.index_label in labels
