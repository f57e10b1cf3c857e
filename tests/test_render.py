"""The renderer's pages during a live preview: what a save keeps from the build before is what a
fresh build of the same content makes."""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kulturdialog.content import FileCache, load_content
from kulturdialog.errors import ContentError
from kulturdialog.model import QuestionSet
from kulturdialog.model.kinds import KINDS
from kulturdialog.views import inputs, urls
from kulturdialog.views.pages import all_pages
from kulturdialog.views.render import GeneratedPage, Renderer, Reuse
from tests.conftest import FIXTURES, ROOT

_TITLE = re.compile(r"^(\s*title: )(.+)$", re.MULTILINE)


def linked_content(tmp_path: Path) -> Path:
    """The bundled content with a gathering that has feedback, and a package that links to that
    gathering and names a question set: every kind of link between files."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(FIXTURES / "feedback", content / "feedback")
    shutil.copytree(FIXTURES / "packages" / "valid", content / "pakke")
    package = content / "pakke" / "pakke.yml"
    package.write_text(package.read_text("utf-8") + "gatherings: [dialogmote-i-fjordby]\n", "utf-8")
    return content


def retitled(number: int, match: re.Match[str]) -> str:
    """A title line with ``number`` added inside the title, quoted or not."""
    title = match.group(2).rstrip()
    if title[0] in "'\"" and title[-1] == title[0]:
        return f"{match.group(1)}{title[:-1]} {number}{title[-1]}"
    return f"{match.group(1)}{title} {number}"


def keyed(pages: list[GeneratedPage]) -> list[tuple[str, object]]:
    return [(page.src_uri, page.key) for page in pages]


def test_after_an_edit_to_any_file_the_kept_pages_are_those_a_fresh_build_makes(
    tmp_path: Path,
) -> None:
    # Each file in turn gets every title changed: a gathering, a question set that another
    # file's gathering uses, a package, a series. A page kept from the build before must have
    # the key (everything its text is made from) that a renderer without kept pages gives it.
    content = linked_content(tmp_path)
    cache, reuse = FileCache(), Reuse()
    before = list(all_pages(Renderer(load_content(content, cache), reuse=reuse)))
    reuse.prune()
    files = sorted(content.rglob("*.yml"))
    reused = 0
    assert len(files) > 5
    for number, path in enumerate(files):
        path.write_text(_TITLE.sub(partial(retitled, number), path.read_text("utf-8")), "utf-8")
        library = load_content(content, cache)
        assert cache.read == 1
        kept = list(all_pages(Renderer(library, reuse=reuse)))
        reuse.prune()
        fresh = list(all_pages(Renderer(library)))
        assert keyed(kept) == keyed(fresh), path.name
        # Pages that are the very objects of the build before were not made again.
        reused += len({id(page) for page in before} & {id(page) for page in kept})
        before = kept
    assert reused > 0
    # Feedback deleted: the gathering's pages no longer link to a feedback page.
    for path in content.glob("feedback/*-*.yml"):
        path.unlink()
    library = load_content(content, cache)
    assert keyed(list(all_pages(Renderer(library, reuse=reuse)))) == keyed(
        list(all_pages(Renderer(library)))
    )


def test_a_gathering_s_pages_are_made_again_when_a_question_set_of_another_file_changes(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    cache, reuse = FileCache(), Reuse()
    library = load_content(content, cache)
    renderer = Renderer(library, reuse=reuse)
    users = [
        (g, qs)
        for g in library.sorted_gatherings()
        for qs in inputs.read("gathering", library, g)
        if isinstance(qs, QuestionSet)
        if library.question_sets[qs.id].source.path != library.gatherings[g.id].source.path
    ]
    assert users, "the bundled content has a gathering using a question set of another file"
    gathering, question_set = users[0]
    first = {p.src_uri: p for p in all_pages(renderer)}
    path = Path(library.question_sets[question_set.id].source.path)
    path.write_text(
        path.read_text("utf-8").replace(question_set.title, "Et nytt spørsmålssett", 1), "utf-8"
    )
    again = {p.src_uri: p for p in all_pages(Renderer(load_content(content, cache), reuse=reuse))}
    participant = urls.gathering(gathering.id)
    assert again[participant] is not first[participant]
    assert "Et nytt spørsmålssett" in again[participant].write()


def test_other_settings_make_every_page_again(tmp_path: Path) -> None:
    library = load_content(ROOT / "content")
    reuse = Reuse()
    first = list(all_pages(Renderer(library, reuse=reuse)))
    again = list(all_pages(Renderer(library, reuse=reuse, directory_urls=False)))
    assert keyed(again) == keyed(list(all_pages(Renderer(library, directory_urls=False))))
    assert not {id(page) for page in first} & {id(page) for page in again}


def test_a_deleted_item_s_pages_and_cards_are_forgotten(tmp_path: Path) -> None:
    content = linked_content(tmp_path)
    cache, reuse = FileCache(), Reuse()
    renderer = Renderer(load_content(content, cache), reuse=reuse)
    list(all_pages(renderer))
    reuse.prune()
    assert ("gathering", "dialogmote-i-fjordby") in reuse.made
    assert any(place[2] == "dialogmote-i-fjordby" for place in reuse.cards)
    for path in content.glob("feedback/*.yml"):
        path.unlink()
    (content / "pakke" / "pakke.yml").unlink()
    list(all_pages(Renderer(load_content(content, cache), reuse=reuse)))
    reuse.prune()
    assert ("gathering", "dialogmote-i-fjordby") not in reuse.made
    assert ("package", "pakke") not in reuse.made
    assert not any(place[2] == "dialogmote-i-fjordby" for place in reuse.cards)
    assert ("gathering", "nasjonalt-dialogseminar-2023") in reuse.made


def every_kind_content(tmp_path: Path) -> Path:
    """The bundled content (series, a programme, a worksheet, packages, gatherings, question
    sets), feedback on a gathering, gatherings that name theme packages, and a gathering over
    three days: every kind, and every kind of link between files."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(FIXTURES / "feedback", content / "feedback")
    shutil.copytree(FIXTURES / "package-links" / "valid", content / "lenker")
    shutil.copytree(FIXTURES / "multi-day", content / "dager")
    # A package that names a gathering of another file, besides those that name it.
    package = content / "lenker" / "pakke.yml"
    package.write_text(package.read_text("utf-8") + "gatherings: [dialogmote-i-fjordby]\n", "utf-8")
    return content


_KIND = re.compile(r"^kind: (\w+)$", re.MULTILINE)
_POINT = re.compile(r"^( {6}- )(.+)$", re.MULTILINE)
"""A point in a feedback file's list of a group's points."""


def files_by_kind(content: Path) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in sorted(content.rglob("*.yml")):
        match = _KIND.search(path.read_text("utf-8"))
        assert match, path
        found.setdefault(match.group(1), []).append(path)
    return found


def changed(text: str, step: int) -> str:
    """Every title with ``step`` in it; a feedback file, which has none, gets its points
    changed."""
    if _TITLE.search(text):
        return _TITLE.sub(partial(retitled, step), text)
    return _POINT.sub(lambda match: f"{match.group(1)}punkt {step}", text)


def contents(pages: list[GeneratedPage]) -> dict[str, str]:
    return {page.src_uri: page.write() for page in pages}


EVERY_KIND_EDITS = st.lists(
    st.tuples(
        st.sampled_from(sorted(KINDS)),
        st.integers(min_value=0, max_value=99),
        st.sampled_from(["change", "restore", "remove"]),
    ),
    min_size=1,
    max_size=5,
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=EVERY_KIND_EDITS)
def test_after_edits_to_files_of_every_kind_the_preview_equals_a_clean_build(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[str, int, str]]
) -> None:
    # Each step changes, restores or removes a file of any kind (a gathering, a question set,
    # a package, a series or programme, a worksheet, feedback); removing a file that others
    # refer to is put back instead, so the content stays valid. A change may be undone (the
    # file gets its old text back, as new objects equal to the old ones). After each step the
    # pages the preview shows, kept or made again, have the keys and the text of a clean
    # build's.
    content = every_kind_content(tmp_path_factory.mktemp("kinds"))
    kinds = files_by_kind(content)
    assert set(kinds) == set(KINDS)
    original = {path: path.read_text("utf-8") for paths in kinds.values() for path in paths}
    cache, reuse = FileCache(), Reuse()
    list(all_pages(Renderer(load_content(content, cache), reuse=reuse)))
    reuse.prune()
    for step, (kind, choice, action) in enumerate(edits):
        path = kinds[kind][choice % len(kinds[kind])]
        if action == "change" and path.exists():
            path.write_text(changed(path.read_text("utf-8"), step), "utf-8")
        elif action == "remove" and path.exists():
            path.unlink()
        else:
            path.write_text(original[path], "utf-8")
        try:
            library = load_content(content, cache)
        except ContentError:
            # Something refers to the removed file: it comes back. A change keeps files valid.
            assert action == "remove"
            path.write_text(original[path], "utf-8")
            library = load_content(content, cache)
        kept = list(all_pages(Renderer(library, reuse=reuse)))
        reuse.prune()
        fresh = list(all_pages(Renderer(library)))
        assert keyed(kept) == keyed(fresh), (path.name, action)
        assert contents(kept) == contents(fresh), (path.name, action)


def models_in(value: Any, seen: set[int]) -> Iterator[object]:
    """Every content model (a file's model) that ``value`` holds, however deep."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, KINDS_MODELS):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from models_in(getattr(value, item.name), seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from models_in(item, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from models_in(item, seen)


KINDS_MODELS = tuple(KINDS.values())


def test_every_model_a_page_is_made_from_is_declared_for_its_item(tmp_path: Path) -> None:
    # The declaration is what a live preview keeps pages by: a model that reaches a page's
    # template without being declared for its item would leave the page stale when it changes.
    library = load_content(every_kind_content(tmp_path))
    reuse = Reuse()
    list(all_pages(Renderer(library, reuse=reuse)))
    assert {kind for kind, _ in reuse.made} <= set(inputs.READS)
    assert {kind for kind, _ in reuse.made} >= {"gathering", "question set", "package", "plan"}
    checked = 0
    for item, (declared, pages) in reuse.made.items():
        for page in pages:
            assert page.key is not None
            for model in models_in(page.key, set()):
                assert any(model is known for known in declared), (item, page.src_uri, model)
                checked += 1
    assert checked > 0


def test_a_model_left_out_of_the_declaration_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The check above can fail: a gathering declared as itself alone leaves its question sets,
    # feedback and packages undeclared.
    monkeypatch.setitem(inputs.READS, "gathering", inputs.itself)
    library = load_content(every_kind_content(tmp_path))
    reuse = Reuse()
    list(all_pages(Renderer(library, reuse=reuse)))
    missing = [
        model
        for item, (declared, pages) in reuse.made.items()
        if item[0] == "gathering"
        for page in pages
        for model in models_in(page.key, set())
        if not any(model is known for known in declared)
    ]
    assert any(isinstance(model, QuestionSet) for model in missing)
