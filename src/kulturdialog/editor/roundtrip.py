"""Writing a form's values into a content file as an author would: only what changed.

The file is read with ruamel.yaml's round-trip loader, which keeps comments, key order, quoting
and line breaks. The form's values are merged into that tree: a value equal to what the
project's own loader reads there is left alone, so its text stays byte for byte as it was; a
changed value is written in the style the old one had; a moved list item keeps its comments.
Finally the new text is read back with the project's loader: it must give exactly the form's
values, or a value is quoted until it does (every value stays text).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.util import load_yaml_guess_indent

from kulturdialog.errors import Problem
from kulturdialog.loader import Key, field_path, parse

Moves = Mapping[str, Sequence[int | None]]
"""Where each item of a list came from: the list's field path (as ``field_path`` writes it, in
the new document) to the old index of each new item, or None for a new item."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Characters YAML cannot hold unescaped (outside its printable set, or read as a line break),
# and what a literal block (|) cannot carry as it is: only a double-quoted scalar escapes them.
_UNPRINTABLE = re.compile(
    r"[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]"
)
_NOT_LITERAL = re.compile(r"[ \t]\n|^[ \t]|\s$")


class NotWritable(Exception):
    """The values cannot be written so that the file reads back as them."""


LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (3, 3, 1))
"""Indentations (mapping, sequence, offset of the dash) that authors' files use."""


def _yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    # Never fold a long line the author wrote on one.
    yaml.width = 1_000_000
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _layout(text: str) -> tuple[YAML, Any]:
    """A round-trip reader and the file's tree, with the indentation that writes the file back
    byte for byte (the guessed one when none does)."""
    try:
        _, sequence, offset = load_yaml_guess_indent(text)
        guessed = (2, sequence or 4, offset if offset is not None else 2)
    except Exception:  # an unreadable file is refused before, by the project's own loader
        guessed = LAYOUTS[0]
    for indent in dict.fromkeys((guessed, *LAYOUTS)):
        yaml = _yaml(indent)
        tree = yaml.load(text)
        if _dump(yaml, tree) == text:
            return yaml, tree
    yaml = _yaml(guessed)
    return yaml, yaml.load(text)


def _dump(yaml: YAML, tree: Any) -> str:
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def plain_data(text: str, path: Path) -> dict[str, Any] | Problem:
    """The file's values as the project's loader reads them: what the form shows."""
    document = parse(text, path)
    return document if isinstance(document, Problem) else document.data


def apply(text: str, path: Path, values: Mapping[str, Any], moves: Moves | None = None) -> str:
    """``text`` with ``values`` (the whole document, as the form has it) written in."""
    before = plain_data(text, path)
    if isinstance(before, Problem):
        raise NotWritable(str(before))
    yaml, tree = _layout(text)
    if not isinstance(tree, CommentedMap):
        raise NotWritable("the file is not a set of fields")
    _merge_map(tree, before, values, (), moves or {})
    written = _dump(yaml, tree)
    # Whatever our emitter would write plain but the project's loader reads otherwise (a
    # number, a boolean, nothing) is quoted, until the file reads back as the form's values.
    for _ in range(3):
        wrong = _differences(plain_data(written, path), values, ())
        if not wrong:
            return written
        for where in wrong:
            _quote(tree, where)
        written = _dump(yaml, tree)
    raise NotWritable("the values do not read back as written")


def _merge_map(
    node: CommentedMap, before: Any, new: Mapping[str, Any], at: tuple[Key, ...], moves: Moves
) -> None:
    old = before if isinstance(before, dict) else {}
    for key in [key for key in node if key not in new]:
        del node[key]
    previous: str | None = None
    for key, value in new.items():
        if key in node:
            merged = _merge(node[key], old.get(key), value, (*at, key), moves)
            if merged is not node[key]:
                node[key] = merged
        else:
            keys = list(node)
            position = keys.index(previous) + 1 if previous in keys else 0
            node.insert(position, key, _fresh(value, None))
        previous = key


def _merge(node: Any, before: Any, new: Any, at: tuple[Key, ...], moves: Moves) -> Any:
    if isinstance(new, Mapping):
        if not isinstance(node, CommentedMap):
            return _fresh(new, node)
        _merge_map(node, before, new, at, moves)
        return node
    if isinstance(new, list):
        if not isinstance(node, CommentedSeq):
            return _fresh(new, node)
        _merge_seq(node, before, new, at, moves)
        return node
    if _same(before, new):
        return node
    return _fresh(new, node)


def _origins(count: int, old: int, given: Sequence[int | None] | None) -> list[int | None]:
    if given is not None and len(given) == count:
        taken = [o for o in given if o is not None]
        if all(isinstance(o, int) and 0 <= o < old for o in taken) and len(set(taken)) == len(
            taken
        ):
            return list(given)
    return [index if index < old else None for index in range(count)]


def _merge_seq(
    node: CommentedSeq, before: Any, new: list[Any], at: tuple[Key, ...], moves: Moves
) -> None:
    old = before if isinstance(before, list) and len(before) == len(node) else [None] * len(node)
    origins = _origins(len(new), len(node), moves.get(field_path(at)))
    items: list[Any] = []
    comments: dict[int, Any] = {}
    for index, (origin, value) in enumerate(zip(origins, new, strict=True)):
        if origin is None:
            items.append(_fresh(value, None))
            continue
        items.append(_merge(node[origin], old[origin], value, (*at, index), moves))
        if origin in node.ca.items:
            comments[index] = node.ca.items[origin]
    if len(items) == len(node) and all(a is b for a, b in zip(items, node, strict=True)):
        return
    # Set the list's items and their comments together, without ruamel's index shifting.
    list.clear(node)
    list.extend(node, items)
    node.ca.items.clear()
    node.ca.items.update(comments)


def _same(before: Any, new: Any) -> bool:
    """Whether two plain values are the same to an author (True == 1 in Python, not here)."""
    if before != new:
        return False
    if isinstance(before, bool) or isinstance(new, bool):
        return isinstance(before, bool) and isinstance(new, bool)
    return type(before) is type(new) or (
        isinstance(before, int | float) and isinstance(new, int | float)
    )


def _fresh(value: Any, old: Any) -> Any:
    """``value`` as a new node, in the style ``old`` had where there was one."""
    if isinstance(value, Mapping):
        made = CommentedMap()
        for key, item in value.items():
            made[key] = _fresh(item, None)
        return made
    if isinstance(value, list):
        return CommentedSeq(_fresh(item, None) for item in value)
    if isinstance(value, str):
        return _text(value, old)
    return value


def _text(value: str, old: Any) -> Any:
    if _UNPRINTABLE.search(value):
        return DoubleQuotedScalarString(value)
    if "\n" in value.rstrip("\n"):
        if _NOT_LITERAL.search(value.rstrip("\n")):
            return DoubleQuotedScalarString(value)
        return LiteralScalarString(value)
    if isinstance(old, DoubleQuotedScalarString | SingleQuotedScalarString) and "\n" not in value:
        return type(old)(value)
    if isinstance(old, LiteralScalarString | FoldedScalarString) and not _NOT_LITERAL.search(
        value.rstrip("\n")
    ):
        # A block stays a block: the author chose it for text that grows.
        return type(old)(value) if value.endswith("\n") else LiteralScalarString(value)
    if "\n" in value:
        return DoubleQuotedScalarString(value)
    if _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return value


def _differences(read: Any, wanted: Any, at: tuple[Key, ...]) -> list[tuple[Key, ...]]:
    if isinstance(wanted, Mapping) and isinstance(read, dict) and set(read) == set(wanted):
        return [d for key in wanted for d in _differences(read[key], wanted[key], (*at, key))]
    if isinstance(wanted, list) and isinstance(read, list) and len(read) == len(wanted):
        return [d for i, item in enumerate(wanted) for d in _differences(read[i], item, (*at, i))]
    if _same(read, wanted):
        return []
    if isinstance(wanted, str) and at:
        return [at]
    raise NotWritable(f"{field_path(at) or 'the file'} does not read back as written")


def _quote(tree: Any, where: tuple[Key, ...]) -> None:
    parent = tree
    for key in where[:-1]:
        parent = parent[key]
    last = where[-1]
    parent[last] = DoubleQuotedScalarString(str(parent[last]))
