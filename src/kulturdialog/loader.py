"""YAML with source positions, read as an author means it.

PyYAML follows YAML 1.1, where an unquoted ``10:15`` is the number 615 and ``no`` is ``False``.
Authors mean a clock time and a word, so this loader resolves only plain decimal numbers,
``true``/``false`` and ``null``; everything else stays text for the model to interpret. It composes
nodes with the C parser where libyaml is present (several times faster) and turns them into plain
Python values itself, keeping each node's position for error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kulturdialog.errors import Problem, display_path

Key = str | int


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in a source file."""

    line: int
    column: int


@dataclass
class Positions:
    """Where a value and, for mappings and lists, each of its children stand in the file."""

    mark: Mark
    """Where the value itself starts."""
    key_marks: dict[str, Mark] = field(default_factory=dict)
    """For a mapping: where each key is written."""
    children: dict[Key, Positions] = field(default_factory=dict)
    """Positions of the children, by key (mappings) or 0-based index (lists)."""

    def locate(
        self, path: tuple[Key, ...], *, at_key: bool = False
    ) -> tuple[Mark, tuple[Key, ...]]:
        """The mark of the value at ``path`` (or of its nearest written ancestor) and the path
        as written in the file.

        Path parts that the file does not contain (such as the name of a union branch in a
        validation error) are dropped, except the last, which names a missing field.
        """
        node = self
        written: list[Key] = []
        for index, part in enumerate(path):
            last = index == len(path) - 1
            child = node.children.get(part)
            if child is None:
                if last:
                    written.append(part)
                continue
            written.append(part)
            if at_key and last and isinstance(part, str):
                return node.key_marks[part], tuple(written)
            node = child
        return node.mark, tuple(written)


@dataclass(frozen=True)
class Source:
    """Where a document was read from, for locating problems in it."""

    path: Path
    text: str

    @cached_property
    def positions(self) -> Positions:
        """Where every value stands. Worked out only when a problem needs it: kept for every
        node of every file, positions would take more memory than the content itself."""
        node = _Composer(self.text).get_single_node()
        assert node is not None, "positions are asked for only of documents that parsed"
        _, positions = _Converter(keep_positions=True).convert(node)
        assert positions is not None
        return positions

    @property
    def display_path(self) -> str:
        return display_path(self.path)

    def problem(self, path: tuple[Key, ...], message: str, *, at_key: bool = False) -> Problem:
        """A problem located at ``path`` inside this document."""
        mark, written = self.positions.locate(path, at_key=at_key)
        return Problem(self.display_path, mark.line, mark.column, field_path(written), message)


@dataclass(frozen=True)
class Document:
    """One content file: its values as plain Python data, and its source."""

    source: Source
    data: Any

    @property
    def path(self) -> Path:
        return self.source.path

    @property
    def positions(self) -> Positions:
        return self.source.positions

    def problem(self, path: tuple[Key, ...], message: str, *, at_key: bool = False) -> Problem:
        """A problem located at ``path`` inside this document."""
        return self.source.problem(path, message, at_key=at_key)


def field_path(path: tuple[Key, ...]) -> str:
    """A field path as authors count: list items from 1, so the first block is ``programme.1``."""
    return ".".join(str(part + 1) if isinstance(part, int) else part for part in path)


MAX_DIGITS = 4300
"""The most digits a whole number may have: Python refuses to read longer ones, and no field
needs a number a hundredth as long."""


class WrittenFloat(float):
    """A decimal number that remembers how it was written: YAML reads ``13.00`` as 13.0, but an
    author who wrote it meant a clock time, and a message should quote what was typed."""

    written: str

    def __new__(cls, text: str) -> WrittenFloat:
        number = super().__new__(cls, text)
        number.written = text
        return number

    def __str__(self) -> str:
        return self.written


class WrittenInt(int):
    """A whole number that remembers how it was written: YAML reads ``0930`` as 930, and a
    message should quote what the author typed. It prints as the number, so pages are unchanged."""

    written: str

    def __new__(cls, text: str) -> WrittenInt:
        number = super().__new__(cls, text)
        number.written = text
        return number


# Data read here is written back as YAML elsewhere (starters, fixtures): the safe dumpers write
# the number, as they do for any int.
yaml.SafeDumper.add_representer(WrittenInt, yaml.representer.SafeRepresenter.represent_int)
if hasattr(yaml, "CSafeDumper"):
    yaml.CSafeDumper.add_representer(WrittenInt, yaml.representer.SafeRepresenter.represent_int)


class _AuthorResolver(yaml.resolver.BaseResolver):
    """Resolves only what an author plainly means as a number, a boolean or nothing."""


_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")

_TAG = "tag:yaml.org,2002:"
_AuthorResolver.add_implicit_resolver(_TAG + "bool", _BOOL, list("tTfF"))
_AuthorResolver.add_implicit_resolver(_TAG + "int", _INT, list("-+0123456789"))
_AuthorResolver.add_implicit_resolver(_TAG + "float", _FLOAT, list("-+0123456789."))
_AuthorResolver.add_implicit_resolver(_TAG + "null", _NULL, ["~", "n", "N", ""])

C_LOADER: bool = bool(getattr(yaml, "__with_libyaml__", False))
"""Whether libyaml's C parser composes the nodes (several times faster than pure Python)."""

if C_LOADER:
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    class _Composer(CParser, _AuthorResolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _AuthorResolver.__init__(self)

else:  # pragma: no cover - libyaml is present wherever the project is installed from wheels
    C_LOADER = False

    class _Composer(  # type: ignore[no-redef]
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        _AuthorResolver,
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _AuthorResolver.__init__(self)


class _Invalid(Exception):
    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


def _mark(node: Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Converter:
    """Turns a node tree into plain values (and positions, if asked), refusing what authors
    never need."""

    def __init__(self, *, keep_positions: bool) -> None:
        self._seen: set[int] = set()
        self._keep = keep_positions

    def convert(self, node: Node) -> tuple[Any, Positions | None]:
        # An alias makes the composer return the same node twice: refusing it keeps a
        # recursive or exponentially nested file from hanging the build.
        if id(node) in self._seen:
            raise _Invalid(
                node, "anchors and aliases (& and *) are not supported; write the value out"
            )
        self._seen.add(id(node))
        positions = Positions(_mark(node)) if self._keep else None
        if isinstance(node, MappingNode):
            return self._mapping(node, positions), positions
        if isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                raise _Invalid(node, f"the tag {node.tag} is not supported; remove it")
            values: list[Any] = []
            for index, item in enumerate(node.value):
                value, child = self.convert(item)
                values.append(value)
                if positions is not None and child is not None:
                    positions.children[index] = child
            return values, positions
        assert isinstance(node, ScalarNode)
        return self._scalar(node), positions

    def _mapping(self, node: MappingNode, positions: Positions | None) -> dict[str, Any]:
        if node.tag != _TAG + "map":
            raise _Invalid(node, f"the tag {node.tag} is not supported; remove it")
        result: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Invalid(key_node, "a field name must be a plain word, not a list or mapping")
            key = str(key_node.value)
            if key in result:
                raise _Invalid(
                    key_node,
                    f"the field '{key}' is written twice "
                    f"(first on line {key_lines[key]}); keep one",
                )
            value, child = self.convert(value_node)
            result[key] = value
            key_lines[key] = key_node.start_mark.line + 1
            if positions is not None and child is not None:
                positions.key_marks[key] = _mark(key_node)
                positions.children[key] = child
        return result

    @staticmethod
    def _scalar(node: ScalarNode) -> Any:
        text: str = node.value
        tag = node.tag
        if tag == _TAG + "str":
            return text
        if tag == _TAG + "int":
            digits = len(text.lstrip("+-"))
            if digits > MAX_DIGITS:
                raise _Invalid(
                    node,
                    f"the number has {digits} digits, more than any field takes; write a "
                    "smaller number, or put it in quotes if it is text",
                )
            return WrittenInt(text)
        if tag == _TAG + "float":
            return WrittenFloat(text)
        if tag == _TAG + "bool":
            return text.lower() == "true"
        if tag == _TAG + "null":
            return None
        raise _Invalid(node, f"the tag {tag} is not supported; remove it and write plain text")


def parse(text: str, path: Path) -> Document | Problem:
    """Parse one YAML text into a document, or the problem that stops it from being read."""
    shown = display_path(path)
    try:
        node = _Composer(text).get_single_node()
    except yaml.MarkedYAMLError as error:
        return _syntax_problem(shown, error)
    except yaml.YAMLError as error:
        return Problem(shown, 1, 1, "", f"YAML syntax error: {error}")
    if node is None:
        return Problem(shown, 1, 1, "", "the file is empty; start it with 'kind:' and the fields")
    try:
        data, _ = _Converter(keep_positions=False).convert(node)
    except _Invalid as invalid:
        where = _mark(invalid.node)
        return Problem(shown, where.line, where.column, "", invalid.message)
    except RecursionError:
        return Problem(shown, 1, 1, "", "the file is nested too deeply to read")
    if not isinstance(data, dict):
        where = _mark(node)
        return Problem(
            shown,
            where.line,
            where.column,
            "",
            "a content file must be a set of fields ('kind: …', 'id: …', 'title: …'), "
            "not a single value or a list",
        )
    return Document(Source(path, text), data)


_OPENED = ("quoted scalar", "flow sequence", "flow mapping")
"""Constructs whose error is found far from where they open: a quote or bracket never closed
is noticed only at the end of the file."""


def _syntax_problem(shown: str, error: yaml.MarkedYAMLError) -> Problem:
    what = " ".join(part for part in (error.context, error.problem) if part)
    opened = error.context_mark is not None and any(c in (error.context or "") for c in _OPENED)
    mark = error.context_mark if opened else (error.problem_mark or error.context_mark)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if opened and error.problem_mark is not None:
        found = error.problem_mark.line + 1
        closer = "quote" if "quoted" in what else "bracket"
        return Problem(
            shown,
            line,
            column,
            "",
            f"YAML syntax error: the {closer} opened here is not closed (noticed on line "
            f"{found}: {error.problem}); close it on this line",
        )
    return Problem(shown, line, column, "", f"YAML syntax error: {what}; {_syntax_hint(what)}")


def _syntax_hint(what: str) -> str:
    if "\\t" in what or "'\\t'" in what or "tab" in what:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in what:
        return "a text containing ': ' must be put in quotes"
    return "check the indentation, colons and quotes on this line and the one above"


def read(path: Path) -> Document | Problem:
    """Read and parse one content file; never raises for what is in the file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return Problem(display_path(path), 1, 1, "", f"cannot read the file: {error.strerror}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(
            display_path(path),
            line,
            1,
            "",
            "the file is not UTF-8 text; save it as UTF-8 in your editor",
        )
    return parse(text, path)
