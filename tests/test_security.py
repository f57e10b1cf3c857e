"""Author text never becomes markup: a payload in every free-text field of every content kind,
found by walking the model's schema, arrives in the built HTML as text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import count
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from icalendar import Calendar
from pydantic import ValidationError

from kulturdialog import schemas
from kulturdialog.authoring import starters
from kulturdialog.content import content_files, load_content
from kulturdialog.errors import Problem
from kulturdialog.loader import Document, parse, read
from kulturdialog.model import CONTENT_ADAPTER, KINDS
from kulturdialog.site import passthrough
from kulturdialog.views.problems import problems_page
from tests.conftest import FIXTURES, ROOT, Build, BuildSite
from tests.pagefind_index import fragments

Path_ = tuple[str | int, ...]


MULTI_LINE = (
    "\n\n# X {: autofocus tabindex=1 onfocus=alert(1) }\n\n",
    "\n\n<img src=x onerror=alert(1)>\n\n",
    "\n\n[x](javascript:alert(1))\n\n",
    "\n\n[x]: javascript:alert(1)\n\n",
)
"""Payloads on paragraphs of their own: lines Markdown would read as a heading with attributes,
raw HTML, a link and a reference definition."""


def text_payload(marker: str) -> str:
    return (
        f"{marker}{''.join(MULTI_LINE)}[x] {marker}<script>alert('{marker}')</script>"
        f"<img src=x onerror=alert('{marker}')>"
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
    return hostile_content(tmp_path_factory.mktemp("content"))


def hostile_content(content: Path) -> tuple[Path, dict[str, str], set[Any]]:
    """Bundled content and every starter, with payloads in every free-text field, in ``content``;
    with the marker placed in each field and the (model, field) pairs covered."""
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
        text = starters.fill(kind, f"Sikkerhet {kind}", ident, "nb", references=refs)
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
    load_content(content)  # every payload-filled file still passes all checks
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
                assert name != "autofocus", (where, tag)
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


def test_multi_line_payloads_reach_the_search_index_as_text(built: Build) -> None:
    # Pagefind holds each page's text, so a payload is there as the characters it was typed
    # as; the search box shows it as text (tests/browser/test_hostile_content.py).
    found = fragments(built.site)
    texts = [doc["content"] + " " + doc["meta"]["title"] for doc in found]
    assert any(re.search(r"kdx\d+x", text) for text in texts), "no payload is indexed"
    assert any("onerror=alert(1)" in text for text in texts)
    # What the page shows escaped is text in the index, never an entity a browser would decode.
    assert not any("&lt;img" in text for text in texts)


def test_multi_line_payloads_make_valid_calendar_files(
    built: Build, injected: tuple[Path, dict[str, str], set[Any]]
) -> None:
    content, _, _ = injected
    library = load_content(content)
    files = sorted(built.site.rglob("*.ics"))
    dated = [g for g in library.gatherings.values() if g.model.date is not None]
    assert len(files) >= len(dated) > 0
    for path in files:
        calendar = Calendar.from_ical(path.read_bytes())
        for event in calendar.walk("VEVENT"):
            assert "\n" not in str(event["summary"]), path


def test_the_serve_problems_page_shows_multi_line_values_as_text() -> None:
    # The problems page echoes what an author wrote; it goes through the same passthrough and
    # the site's Markdown extensions as every generated page.
    problems = [
        Problem("content/x.yml", 3, 1, f"title{index}", f"'{payload}' is wrong{payload}")
        for index, payload in enumerate(MULTI_LINE)
    ]
    page = problems_page(problems, "nb")
    body = page.split("---\n", 2)[2]
    headings, blocks = passthrough.set_aside(body)
    converted = markdown.markdown(headings, extensions=["attr_list", "md_in_html", "tables", "toc"])
    html = passthrough.put_back(converted, blocks)
    soup = BeautifulSoup(html, "html.parser")
    assert [h.name for h in soup.find_all(re.compile(r"^h[1-6]$"))] == ["h1"]
    assert soup.find("img") is None and soup.find("a") is None
    assert not any(n.startswith("on") for tag in soup.find_all(True) for n in tag.attrs)
    assert "# X {: autofocus tabindex=1 onfocus=alert(1) }" in soup.get_text()


def test_every_template_heading_is_marked() -> None:
    # A heading line without the mark would be HTML, shown as '#' characters; one that the rule
    # took from its shape alone would also take author text of that shape.
    templates = ROOT / "src" / "kulturdialog" / "views" / "templates"
    unmarked = [
        f"{path.relative_to(templates)}:{number}"
        for path in sorted(templates.rglob("*.md"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if re.match(r"#{1,6} ", line)
    ]
    assert unmarked == []


@pytest.mark.parametrize("character", ["\x1b", "\x00", "\x07", "\x7f", "\x9b"])
def test_control_characters_in_text_are_refused(character: str) -> None:
    title = f"Tittel{character}[31m"
    data = {"kind": "question_set", "id": "x", "title": title, "questions": ["Q"]}
    with pytest.raises(ValidationError, match="control character"):
        CONTENT_ADAPTER.validate_python(data)
