"""From one parsed document to a typed model, with every validation error put in words."""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kulturdialog.errors import Problem
from kulturdialog.loader import Document, Key, Source, field_path
from kulturdialog.model import CONTENT_ADAPTER, KINDS, Content


def validate(document: Document) -> tuple[Content | None, list[Problem]]:
    """The model of ``document``, or None and the problems that keep it from being one."""
    try:
        return CONTENT_ADAPTER.validate_python(document.data), []
    except ValidationError as error:
        details = _without_misspelled_missing(error.errors(include_url=False))
        return None, [_problem(document, detail) for detail in details]


@dataclass(frozen=True)
class Partial:
    """What is left of a document with problems once the broken parts are taken out: checked
    for references, times and over-runs as far as those parts allow."""

    model: Content
    removed: tuple[tuple[Key, ...], ...]
    """The paths taken out, in order, each as the data was when it was taken out."""


MAX_PRUNING_ROUNDS = 12
"""Each round takes out what one validation names; a required field taken out takes its
mapping out in the next round, so a few rounds reach a model or the document's own root."""


def valid_part(data: dict[str, Any]) -> Partial | None:
    """The model of ``data`` without its broken fields (a broken required field takes its
    mapping with it), or None when nothing valid is left of the document itself."""
    data = copy.deepcopy(data)
    removed: list[tuple[Key, ...]] = []
    for _ in range(MAX_PRUNING_ROUNDS):
        try:
            return Partial(CONTENT_ADAPTER.validate_python(data), tuple(removed))
        except ValidationError as error:
            targets = {_target(data, detail) for detail in error.errors(include_url=False)}
        if () in targets or None in targets:
            return None
        # Deepest first, and later list items before earlier ones, so no removal moves another.
        # Within one container paths hold the same types, so they compare.
        for path in sorted((t for t in targets if t), key=lambda t: (len(t), t), reverse=True):
            _remove(data, path)
            removed.append(path)
    return None


def _written(data: Any, loc: tuple[Any, ...]) -> tuple[Key, ...] | None:
    """``loc`` as a path in ``data``: a union branch name, which the data does not hold, is
    left out; None when the path does not lead anywhere."""
    path: list[Key] = []
    node = data
    for part in loc:
        held = isinstance(node, dict) and part in node
        if held or (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str):
            continue
        else:
            return None
        path.append(part)
    return tuple(path)


def _target(data: Any, detail: ErrorDetails) -> tuple[Key, ...] | None:
    """What to take out for one validation error: the broken value, or for a missing field or
    an unknown kind the mapping that lacks it."""
    loc = tuple(detail["loc"])
    if detail["type"] == "missing":
        return _written(data, loc[:-1])
    return _written(data, loc)


def _remove(data: Any, path: tuple[Key, ...]) -> None:
    node = data
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]


@dataclass(frozen=True)
class PrunedSource(Source):
    """The source of a document checked without its broken parts: problems found in what is
    left are located where the author wrote them."""

    removed: tuple[tuple[Key, ...], ...] = ()

    def problem(self, path: tuple[Key, ...], message: str, *, at_key: bool = False) -> Problem:
        return super().problem(original_path(path, self.removed), message, at_key=at_key)

    def trusted(self, problem: Problem) -> bool:
        """Whether a rule's ``problem`` holds for the document as written. A field taken out
        reads as left out: a rule that names it, in its mapping or below (an end that needs a
        start, a published package without presentations), says what the field's own problem
        already says."""
        for number, gone in enumerate(self.removed):
            written = original_path(gone, self.removed[:number])
            if not isinstance(written[-1], str):
                continue
            mapping = field_path(written[:-1])
            inside = (
                not mapping or problem.field == mapping or problem.field.startswith(mapping + ".")
            )
            if inside and re.search(rf"\b{re.escape(written[-1])}\b", problem.message):
                return False
        return True


def original_path(path: tuple[Key, ...], removed: tuple[tuple[Key, ...], ...]) -> tuple[Key, ...]:
    """Where ``path`` in a pruned document stands in the document as written: each list item
    taken out moves the items after it up by one."""
    for gone in reversed(removed):
        head, index = gone[:-1], gone[-1]
        if (
            isinstance(index, int)
            and len(path) > len(head)
            and path[: len(head)] == head
            and isinstance(path[len(head)], int)
            and path[len(head)] >= index  # type: ignore[operator]
        ):
            moved = path[len(head)]
            assert isinstance(moved, int)
            path = (*head, moved + 1, *path[len(head) + 1 :])
    return path


def _without_misspelled_missing(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop 'field X is missing' where the same mapping has an unknown field that is a typo of X:
    the author wrote it, only misspelled, and one message says so."""
    typos: set[tuple[Any, ...]] = set()
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] == "extra_forbidden" and loc:
            for close in difflib.get_close_matches(str(loc[-1]), _field_names(), n=3, cutoff=0.75):
                typos.add((*loc[:-1], close))
    return [
        detail
        for detail in details
        if not (detail["type"] == "missing" and tuple(detail["loc"]) in typos)
    ]


def _problem(document: Document, detail: ErrorDetails) -> Problem:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    if kind == "missing":
        return document.problem(loc, f"the required field '{loc[-1]}' is missing; add it")
    if kind == "extra_forbidden":
        return document.problem(loc, _unknown_field(str(loc[-1])), at_key=True)
    if kind in {"union_tag_invalid", "union_tag_not_found"}:
        # The error is on the mapping; the author has to change (or add) its 'kind' field.
        field = str((detail.get("ctx") or {}).get("discriminator", "kind")).strip("'\"")
        return document.problem((*loc, field), _message(detail))
    return document.problem(loc, _message(detail))


def _unknown_field(name: str) -> str:
    close = difflib.get_close_matches(name, _field_names(), n=1, cutoff=0.75)
    if close:
        return f"unknown field '{name}'; did you mean '{close[0]}'?"
    return (
        f"unknown field '{name}'; check the spelling, or remove it "
        "(the author guide lists the fields)"
    )


@cache
def _field_names() -> tuple[str, ...]:
    names: set[str] = set()
    pending: list[type[BaseModel]] = list(KINDS.values())
    seen: set[type[BaseModel]] = set()
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(name)
            pending.extend(_models_in(info.annotation))
    return tuple(sorted(names))


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in getattr(annotation, "__args__", ()) or ():
        found.extend(_models_in(arg))
    for meta in getattr(annotation, "__metadata__", ()) or ():
        found.extend(_models_in(meta))
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        found.extend(_models_in(origin))
    return found


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, int | float) and not isinstance(value, bool):
        # As typed: '13.00' and '0930', not the 13.0 and 930 YAML made of them.
        return _shortened(str(getattr(value, "written", value)))
    return f"'{_shortened(str(value))}'"


def _shortened(text: str) -> str:
    # A value is quoted so the author can find it, not to be copied back in full.
    return text if len(text) <= 80 else text[:60] + f"… ({len(text)} characters)"


def _message(detail: ErrorDetails) -> str:
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    given = _shown(detail.get("input"))
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"{given} is not a whole number; write it in digits, for example 20"
    if kind == "greater_than":
        return f"must be more than {ctx['gt']}, but is {given}; give a positive number"
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}, but is {given}"
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']}, but is {given}"
    if kind == "finite_number":
        return f"{given} is not a number a page can show; write a number such as 95"
    if kind == "string_type":
        return (
            f"expected text, found {given}; write text here "
            "(put it in quotes if it looks like a number)"
        )
    if kind == "string_too_short":
        return "is empty; write something or leave the field out"
    if kind == "string_too_long":
        return f"is longer than {ctx['max_length']} characters; shorten it"
    if kind == "string_pattern_mismatch":
        return _pattern_message(str(ctx.get("pattern", "")), given)
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), found {given}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"expected a set of fields ('name: value' lines), found {given}"
    if kind == "too_short":
        return f"needs at least {ctx['min_length']} item(s); add one"
    if kind == "literal_error":
        return f"{given} is not allowed here; use one of: {ctx['expected']}"
    if kind == "union_tag_invalid":
        tags = [tag.strip(" '") for tag in str(ctx["expected_tags"]).split(",")]
        close = difflib.get_close_matches(str(ctx["tag"]), tags, n=1, cutoff=0.75)
        if close:
            return f"'{ctx['tag']}' is not a known kind; did you mean '{close[0]}'?"
        return f"'{ctx['tag']}' is not a known kind; use one of: {ctx['expected_tags']}"
    if kind == "union_tag_not_found":
        return f"the field 'kind' is missing; it says what this is, one of: {_expected_kinds()}"
    if kind in {
        "date_from_datetime_parsing",
        "date_parsing",
        "date_type",
        "date_from_datetime_inexact",
    }:
        return f"{given} is not a date; write it as YYYY-MM-DD, for example 2024-09-24"
    if kind == "bool_type" or kind == "bool_parsing":
        return f"{given} is not true or false; write true or false"
    if kind == "value_error":
        return str(detail["msg"]).removeprefix("Value error, ")
    return str(detail["msg"])


def _expected_kinds() -> str:
    return ", ".join(KINDS)


def _pattern_message(pattern: str, given: str) -> str:
    if "@" in pattern:
        return (
            f"{given} is not an e-mail address; write only the address, such as name@example.no "
            "(no spaces, line breaks or ? & = %)"
        )
    if "https?" in pattern:
        return f"{given} is not a web address; start it with https://"
    if "a-z0-9" in pattern:
        return (
            f"{given} is not a valid id; use lowercase letters a–z, digits and single hyphens, "
            "for example 'dialogseminar-2023'"
        )
    return f"{given} does not have the expected form"
