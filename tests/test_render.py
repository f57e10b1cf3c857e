"""The renderer's pages during a live preview: what a save keeps from the build before is what a
fresh build of the same content makes."""

from __future__ import annotations

import re
import shutil
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kulturdialog.content import FileCache, load_content
from kulturdialog.views import urls
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
        for qs in renderer.gathering_inputs(g)[1:]
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


EDITS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=99),
        st.sampled_from(["retitle", "restore", "feedback"]),
    ),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=EDITS)
def test_after_any_sequence_of_edits_and_undos_the_kept_pages_are_those_of_a_fresh_build(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, str]]
) -> None:
    # An edit may be undone (the file gets its old text back, as new objects equal to the old
    # ones), feedback may come and go, and edits may follow one another before a build: the
    # pages kept after each build still have the keys of a fresh build of the same content.
    content = linked_content(tmp_path_factory.mktemp("edits"))
    files = sorted(content.rglob("*.yml"))
    original = {path: path.read_text("utf-8") for path in files}
    cache, reuse = FileCache(), Reuse()
    list(all_pages(Renderer(load_content(content, cache), reuse=reuse)))
    reuse.prune()
    feedback = sorted(content.glob("feedback/*-*.yml"))
    for step, (choice, action) in enumerate(edits):
        if action == "feedback":
            # A feedback file taken away, or put back.
            path = feedback[choice % len(feedback)]
            if path.exists():
                path.unlink()
            else:
                path.write_text(original[path], "utf-8")
        else:
            path = files[choice % len(files)]
            text = original[path]
            if action == "retitle" and path.exists():
                text = _TITLE.sub(partial(retitled, step), path.read_text("utf-8"))
            path.write_text(text, "utf-8")
        library = load_content(content, cache)
        kept = list(all_pages(Renderer(library, reuse=reuse)))
        reuse.prune()
        assert keyed(kept) == keyed(list(all_pages(Renderer(library)))), (path.name, action)
