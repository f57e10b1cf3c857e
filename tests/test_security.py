"""Author text never becomes markup: a payload in every free-text field of every content kind,
found by walking the model's schema, arrives in the built HTML as text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import count
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from pydantic import ValidationError

from kulturdialog.authoring import schemas, starters
from kulturdialog.library import content_files, load_library
from kulturdialog.loader import Document, parse, read
from kulturdialog.model import CONTENT_ADAPTER, KINDS
from tests.conftest import FIXTURES, ROOT, Build, BuildSite

Path_ = tuple[str | int, ...]


def text_payload(marker: str) -> str:
    return (
        f"{marker}<script>alert('{marker}')</script><img src=x onerror=alert('{marker}')>"
        f'<a href="javascript:alert(1)">{marker}</a> [{marker}](javascript:alert(1)) '
        f"<javascript:alert(1)> *{marker}* {{{{ '{marker}' ~ 'PWN' }}}} {{% raw %}} {{# c #}}"
    )


def url_payload(marker: str) -> str:
    return f'https://example.no/{marker}?q="><script>alert(1)</script>'


PAYLOADS = (text_payload, url_payload)


def _schema_refs(node: Any) -> Iterator[Any]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _schema_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _schema_refs(value)


@cache
def discriminators() -> frozenset[str]:
    names = {"kind"}
    for kind in KINDS:
        for node in _schema_refs(schemas.schema(kind)):
            if "discriminator" in node:
                names.add(node["discriminator"]["propertyName"])
    return frozenset(names)


def string_leaves(value: Any, path: Path_ = ()) -> Iterator[Path_]:
    if isinstance(value, dict):
        for key, child in value.items():
            if key not in discriminators():
                yield from string_leaves(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from string_leaves(child, (*path, index))
    elif isinstance(value, str):
        yield path


def get(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def put(data: Any, path: Path_, value: Any) -> None:
    get(data, path[:-1])[path[-1]] = value


def written_path(data: Any, loc: tuple[Any, ...]) -> Path_:
    """The deepest path of the document that a validation error location passes through."""
    path: list[str | int] = []
    node = data
    for part in loc:
        in_mapping = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_mapping or in_list:
            path.append(part)
            node = node[part]
    return tuple(path)


def inject(data: dict[str, Any], markers: Iterator[int]) -> dict[Path_, str]:
    """Put a payload into every string the model accepts as such; return the markers placed."""
    original = {path: get(data, path) for path in string_leaves(data)}
    level = dict.fromkeys(original, 0)
    placed: dict[Path_, str] = {}
    for path in original:
        placed[path] = f"kdx{next(markers)}x"
    while True:
        for path, text in original.items():
            chosen = PAYLOADS[level[path]](placed[path]) if level[path] < len(PAYLOADS) else text
            put(data, path, chosen)
        try:
            CONTENT_ADAPTER.validate_python(data)
        except ValidationError as error:
            refused = {written_path(data, tuple(e["loc"])) for e in error.errors()}
            bumped = False
            for path in original:
                if any(path[: len(r)] == r for r in refused) and level[path] < len(PAYLOADS):
                    level[path] += 1
                    bumped = True
            assert bumped, error
            continue
        return {path: placed[path] for path in original if level[path] < len(PAYLOADS)}


def resolve(node: dict[str, Any], defs: dict[str, Any], value: Any) -> dict[str, Any]:
    """The branch of a schema node that describes ``value``."""
    while True:
        if "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
            continue
        branches = node.get("oneOf") or node.get("anyOf")
        if not branches:
            return node
        if "discriminator" in node and isinstance(value, dict):
            mapping = node["discriminator"]["mapping"]
            node = {"$ref": mapping[value[node["discriminator"]["propertyName"]]]}
            continue
        wanted = {dict: "object", list: "array", str: "string"}.get(type(value))
        for branch in branches:
            target = defs[branch["$ref"].rsplit("/", 1)[-1]] if "$ref" in branch else branch
            if target.get("type") == wanted or (wanted == "object" and "properties" in target):
                node = branch
                break
        else:
            return {}


def is_free_text(node: dict[str, Any], defs: dict[str, Any]) -> bool:
    """Whether a field takes text the author writes freely (or a list of it)."""
    options = node.get("anyOf") or [node]
    for option in options:
        if option.get("type") == "array":
            option = option.get("items", {})
        if option.get("type") == "string" and not (
            {"pattern", "format", "enum", "const"} & set(option)
        ):
            return True
    return False


def free_text_fields() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for kind in KINDS:
        root = schemas.schema(kind)
        for model in [root, *root.get("$defs", {}).values()]:
            for name, spec in model.get("properties", {}).items():
                if is_free_text(spec, root.get("$defs", {})):
                    found.add((model["title"], name))
    return found


def covered_fields(data: Any, paths: set[Path_]) -> set[tuple[str, str]]:
    root = schemas.schema(data["kind"])
    defs = root.get("$defs", {})
    found: set[tuple[str, str]] = set()

    def walk(value: Any, node: dict[str, Any], path: Path_) -> None:
        node = resolve(node, defs, value)
        if isinstance(value, dict):
            for key, child in value.items():
                spec = node.get("properties", {}).get(key)
                if spec is None:
                    continue
                if any(p[: len(path) + 1] == (*path, key) for p in paths):
                    found.add((node["title"], key))
                walk(child, spec, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, node.get("items", {}), (*path, index))

    walk(data, root, ())
    return found


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], set[Any]]:
    """Bundled content and every starter, with payloads in every free-text field."""
    content = tmp_path_factory.mktemp("content")
    documents: dict[Path, Document] = {}
    for path in content_files(ROOT / "content"):
        document = read(path)
        assert isinstance(document, Document)
        documents[content / path.relative_to(ROOT / "content")] = document
    for path in sorted((FIXTURES / "all-fields").glob("*.yml")):
        document = read(path)
        assert isinstance(document, Document)
        documents[content / "dialogues" / path.name] = document
    for kind in starters.starter_kinds():
        ident = f"sikkerhet-{kind.replace('_', '-')}"
        refs = starters.references(kind, ROOT / "content")
        assert isinstance(refs, dict), refs
        text = starters.fill(kind, f"Sikkerhet {kind}", ident, "nb", **refs)
        target = starters.folder_for(kind, ROOT / "content")
        document = parse(text, Path(f"{ident}.yml"))
        assert isinstance(document, Document)
        documents[content / target.relative_to(ROOT / "content") / f"{ident}.yml"] = document
    markers = count(1)
    placed: dict[str, str] = {}
    covered: set[tuple[str, str]] = set()
    for target, document in documents.items():
        data = document.data
        found = inject(data, markers)
        for found_path, marker in found.items():
            placed[marker] = f"{target.name}:{'.'.join(map(str, found_path))}"
        covered |= covered_fields(data, set(found))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    load_library(content)  # every payload-filled file still passes all checks
    return content, placed, covered


def test_every_free_text_field_of_every_kind_gets_a_payload(
    injected: tuple[Path, dict[str, str], set[Any]],
) -> None:
    _, _, covered = injected
    missing = sorted(free_text_fields() - covered)
    assert missing == [], f"free-text fields no bundled file or starter fills: {missing}"


@pytest.fixture(scope="module")
def built(build_site: BuildSite, injected: tuple[Path, dict[str, str], set[Any]]) -> Build:
    content, _, _ = injected
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    result = build_site(content=content)
    assert result.returncode == 0, result.output
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before
    return result


def html_files(build: Build) -> list[Path]:
    files = sorted(build.site.rglob("*.html"))
    assert len(files) > 10
    return files


def test_payloads_never_reach_the_html_as_markup(built: Build) -> None:
    for path in html_files(built):
        raw = path.read_text("utf-8")
        where = path.relative_to(built.site)
        assert "<script>alert" not in raw, where
        assert not re.search(r"<img[^>]*onerror", raw), where
        assert not re.search(r"kdx\d+xPWN", raw), f"{where}: a template in author text ran"
        assert not re.search(r"<em>kdx\d+x</em>", raw), f"{where}: Markdown in author text ran"
        soup = BeautifulSoup(raw, "html.parser")
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                assert not (name.startswith("on") and "alert" in text), (where, tag)
                if name in {"href", "src", "action", "formaction", "xlink:href"}:
                    assert not text.strip().lower().startswith("javascript:"), (where, tag)


def test_payloads_arrive_as_visible_text(
    built: Build, injected: tuple[Path, dict[str, str], set[Any]]
) -> None:
    _, placed, _ = injected
    shown: set[str] = set()
    for path in html_files(built):
        text = BeautifulSoup(path.read_text("utf-8"), "html.parser").get_text(" ")
        shown |= set(re.findall(r"kdx\d+x", text))
        if "<script>alert(" in text:
            assert "onerror=alert(" in text  # the payload shows whole, as text
    assert shown, "no payload is shown at all"
    # The text payloads that are shown are shown with their markup as plain characters.
    visible = [m for m in placed if m in shown]
    assert len(visible) >= len(placed) // 2, sorted(set(placed) - shown)[:20]
