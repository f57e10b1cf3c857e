"""Every kind is declared once, in ``model.kinds.TABLE``; the library, the reserved ids, the
navigation, the page producers, the macros and the starters read it."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from types import SimpleNamespace
from typing import get_args

import pytest

from kulturdialog.authoring import starters
from kulturdialog.checks.addresses import RESERVED
from kulturdialog.library import Library
from kulturdialog.model import AnyContent
from kulturdialog.model.kinds import KINDS, TABLE, registers
from kulturdialog.site import macros
from kulturdialog.site.site_language import NAV_LABELS
from kulturdialog.views import urls
from kulturdialog.views.labels import label, table
from kulturdialog.views.pages import KIND_PAGES, PRODUCERS
from kulturdialog.views.render import Renderer


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


def test_each_register_has_its_pages_in_the_table_s_order() -> None:
    assert set(KIND_PAGES) == {kind.name for kind in registers().values()}
    ordered = [KIND_PAGES[kind.name] for kind in registers().values()]
    assert list(PRODUCERS[: len(ordered)]) == ordered


def test_each_kind_with_an_index_has_its_list_macro() -> None:
    names: list[str] = []
    env = SimpleNamespace(macro=lambda function: names.append(function.__name__))
    macros.register(env)
    listed = {kind.name for kind in registers().values() if kind.index_label is not None}
    assert set(macros.LISTS) == listed
    assert {f"{name}_list" for name in listed} <= set(names)
    assert len(names) == len(set(names))


def test_new_offers_each_kind_s_short_name_and_puts_it_in_its_home(tmp_path: Path) -> None:
    for kind in TABLE:
        assert starters.folder_for(kind.name, tmp_path) == tmp_path / kind.home
        if kind.alias is not None:
            assert starters.ALIASES[kind.alias] == kind.name
            assert kind.alias in starters.command_names()
    assert starters.ALIASES == {"questions": "question_set"}


def test_each_index_page_is_where_the_table_puts_it_and_named_as_the_navigation_names_it() -> None:
    renderer = Renderer(Library(), language="nn")
    for kind in registers().values():
        if kind.index_label is None:
            with pytest.raises((ValueError, AssertionError)):
                renderer.index(kind.name)
            continue
        page = renderer.index(kind.name)
        assert page.src_uri == urls.index(kind.name) == f"{kind.folder}/index.md"
        # The key holds the template, src, language, page type and title.
        assert page.key is not None
        assert page.key[:5] == (
            f"{kind.name}/index.md",
            page.src_uri,
            "nn",
            "index",
            label(kind.index_label, "nn"),
        )
