"""What the bundled site's Pagefind search indexes: text that only repeats another page stays
out, each page goes into the index of its own language."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from kulturdialog.site import search
from kulturdialog.site.search import (
    ALLOCATOR,
    ENTRY_PARTS,
    IGNORED,
    leave_guide_out,
    page_language,
    part,
    split,
)
from kulturdialog.views.render import UNINDEXED_KINDS
from tests.conftest import BUNDLED_GATHERING, ROOT, Build, BuildSite
from tests.pagefind_index import fragments


def indexed_root(build: Build, path: str) -> BeautifulSoup | None:
    """The element Pagefind indexes on the page at ``path``; None when the page is left out."""
    found = build.html(path).select_one("[data-pagefind-body]")
    return found  # type: ignore[return-value]


def indexed_text(build: Build, path: str) -> str:
    """The text Pagefind reads on the page: its indexed root without the ignored blocks."""
    root = indexed_root(build, path)
    assert root is not None, f"{path} is not indexed"
    for ignored in root.select(", ".join(IGNORED)):
        ignored.decompose()
    return root.get_text(" ", strip=True)


def entry(build: Build) -> dict[str, Any]:
    loaded = json.loads((build.site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    return loaded  # type: ignore[no-any-return]


def test_every_indexed_page_is_in_the_bundle_and_no_other(bundled: Build) -> None:
    pages = [p for p in bundled.site.rglob("*.html") if "data-pagefind-body" in p.read_text()]
    indexed = sum(language["page_count"] for language in entry(bundled)["languages"].values())
    assert indexed == len(pages) > 10
    # Pagefind reads only the pages that carry the mark: none is lost, each keeps its address.
    expected = {"/" + str(p.relative_to(bundled.site).parent).removeprefix(".") for p in pages}
    found = {fragment["url"].rstrip("/") or "/" for fragment in fragments(bundled.site)}
    assert found == {url.rstrip("/") or "/" for url in expected}


def test_handouts_projector_views_and_facilitator_guides_are_not_indexed(bundled: Build) -> None:
    gathering = f"gatherings/{BUNDLED_GATHERING}"
    assert {"handout", "projector", "facilitator"} <= UNINDEXED_KINDS
    for path in (
        f"{gathering}/handout-dialogtema-1/index.html",
        f"{gathering}/facilitator/index.html",
    ):
        assert (bundled.site / path).is_file()
        assert indexed_root(bundled, path) is None, path
    projectors = list((bundled.site / gathering).glob("projector-*/index.html"))
    assert projectors
    for projector in projectors:
        assert indexed_root(bundled, str(projector.relative_to(bundled.site))) is None


def test_a_page_that_opts_out_in_its_front_matter_is_not_indexed(
    build_site: BuildSite, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "hidden.md").write_text(
        "---\nsearch:\n  exclude: true\n---\n\n# Skjult side\n\nIkke i søket.\n", "utf-8"
    )
    build = build_site(docs=docs)
    assert build.returncode == 0, build.output
    assert indexed_root(build, "hidden/index.html") is None
    assert indexed_root(build, "guide/index.html") is not None


def test_repeated_group_tasks_stay_out_and_the_question_set_keeps_them(bundled: Build) -> None:
    participant = indexed_text(bundled, f"gatherings/{BUNDLED_GATHERING}/index.html")
    question = "Hva kan de tre nasjonale aktørene bidra med?"
    assert "Hvordan kan suksesskriteriene omsettes" in participant
    assert question not in participant
    assert question in indexed_text(bundled, "questions/dialogtema-2/index.html")


def test_a_run_sheet_without_block_notes_is_not_indexed(bundled: Build) -> None:
    # The bundled gathering's blocks have no notes: its run-sheet holds no text of its own, and
    # a word of its cells ("Innlegg") lands on the participant page, which carries the blocks.
    gathering = f"gatherings/{BUNDLED_GATHERING}"
    assert "Innlegg" in (bundled.site / gathering / "runsheet/index.html").read_text("utf-8")
    assert indexed_root(bundled, f"{gathering}/runsheet/index.html") is None
    assert "Innlegg" in indexed_text(bundled, f"{gathering}/index.html")
    assert indexed_root(bundled, "questions/dialogtema-1/index.html") is not None


NOTED = """\
kind: gathering
id: {id}
title: Kveldsmøte {id}
language: nb
start: 10:15
format: physical
place: Kulturskolen
programme:
  - kind: talk
    minutes: 20
    title: Velkommen til orgelkveld
    items: [Trompetfanfare]
    speakers: [Rektor Hasle]
{notes}  - kind: break
    minutes: 15
    title: Pause
"""


def test_a_run_sheet_is_indexed_for_its_block_notes_alone(
    build_site: BuildSite, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    notes = "    notes: [Husk skjøteledningen til lysbordet]\n"
    (content / "noted.yml").write_text(NOTED.format(id="noted", notes=notes), "utf-8")
    (content / "plain.yml").write_text(NOTED.format(id="plain", notes=""), "utf-8")
    build = build_site(content=content)
    assert build.returncode == 0, build.output
    runsheet = indexed_text(build, "gatherings/noted/runsheet/index.html")
    participant = indexed_text(build, "gatherings/noted/index.html")
    assert "skjøteledningen" in runsheet and "skjøteledningen" not in participant
    # What the participant page carries is indexed there, and only there.
    for repeated in ("orgelkveld", "Trompetfanfare", "Rektor Hasle", "10:15"):
        assert repeated in participant and repeated not in runsheet, repeated
    assert indexed_root(build, "gatherings/plain/runsheet/index.html") is None
    assert indexed_root(build, "gatherings/plain/index.html") is not None
    found = {fragment["url"] for fragment in fragments(build.site)}
    assert "/gatherings/noted/runsheet/" in found
    assert "/gatherings/plain/runsheet/" not in found


def test_each_question_is_indexed_on_its_question_set_page_alone(bundled: Build) -> None:
    # A question set is found where it is written, its own page; every other indexed page that
    # shows its questions again (participant pages, package preparations) leaves them out.
    shown = 0
    for path in sorted(bundled.site.rglob("*.html")):
        relative = str(path.relative_to(bundled.site))
        root = indexed_root(bundled, relative)
        if root is None:
            continue
        for questions in root.select(".kd-questions"):
            shown += 1
            left_out = questions.find_parent(attrs={"data-search-exclude": True}) is not None
            assert left_out != relative.startswith("questions/"), relative
    assert shown > 3


def test_speaker_notes_stay_out_of_the_index_and_slides_stay_in(bundled: Build) -> None:
    path = "packages/samarbejdsprojekter-kortlaegning/presentations/kortlaegning/index.html"
    slides = indexed_text(bundled, path)
    assert "Dias 1 af 10" in slides
    assert "pixi-udgave" not in slides
    assert "pixi-udgave" in (bundled.site / path).read_text("utf-8")


def test_the_guide_is_indexed_without_its_generated_field_tables(bundled: Build) -> None:
    guide = indexed_text(bundled, "guide/gathering/index.html")
    page = (bundled.site / "guide/gathering/index.html").read_text("utf-8")
    assert len(guide) > 200
    assert "kd-fields" in page and "yaml-language-server" in page
    assert "yaml-language-server" not in guide


def test_card_lists_and_page_switchers_stay_out(bundled: Build) -> None:
    home = indexed_root(bundled, "index.html")
    assert home is not None
    for block in home.select(".kd-cards, .kd-switch"):
        assert block.has_attr("data-search-exclude"), block.name


def test_each_page_is_indexed_in_its_own_language(bundled: Build) -> None:
    languages = entry(bundled)["languages"]
    assert {"nb", "da"} <= set(languages)
    danish = "series/kulturspor/opstartsmoede/index.html"
    assert bundled.html(danish).html["lang"] == "da"  # type: ignore[index]
    root = indexed_root(bundled, danish)
    assert root is not None and root["lang"] == "da"
    assert bundled.html("index.html").html["lang"] == "nb"  # type: ignore[index]


def test_page_language_sets_only_the_html_element() -> None:
    html = '<!doctype html><html lang="nb" class="no-js"><div lang="nb">x</div></html>'
    changed = page_language(html, "da")
    assert changed.startswith('<!doctype html><html lang="da" class="no-js">')
    assert re.search(r'<div lang="nb">', changed)


def test_a_build_can_choose_materials_own_search(tmp_path: Path) -> None:
    # An offline copy opened from files needs Material's search: the plugin steps aside.
    config = tmp_path / "mkdocs-material-search.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        "watch: []\n"
        "plugins:\n"
        "  - search:\n"
        '      lang: ["no", "da"]\n'
        "  - kulturdialog:\n"
        f"      content: {ROOT / 'content'}\n"
        "      search: material\n",
        "utf-8",
    )
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    result = subprocess.run(
        [*command, "-d", str(site)], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "search" / "search_index.json").is_file()
    assert not (site / "pagefind").exists()
    home = (site / "index.html").read_text("utf-8")
    assert "md-search__input" in home
    assert "kd-search" not in home and "data-pagefind-body" not in home
    # Material's one index cannot show the author guide apart: it is left out of it.
    assert (site / "guide" / "index.html").is_file()
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    locations = [entry["location"] for entry in index["docs"]]
    assert any(location.startswith("gatherings/") for location in locations)
    assert not [location for location in locations if location.startswith("guide/")]


@pytest.mark.parametrize(
    ("src_uri", "meta", "expected"),
    [
        ("guide/index.md", {}, {"search": {"exclude": True}}),
        ("guide/index.md", {"search": {"boost": 2}}, {"search": {"boost": 2, "exclude": True}}),
        ("guide/gathering.md", {"search": "yes"}, {"search": {"exclude": True}}),
        ("index.md", {"search": {"boost": 2}}, {"search": {"boost": 2}}),
        ("gatherings/guide.md", {}, {}),
    ],
)
def test_materials_search_leaves_the_guide_out_by_the_one_rule(
    src_uri: str, meta: dict[str, object], expected: dict[str, object]
) -> None:
    leave_guide_out(meta, src_uri)
    assert meta == expected


def test_chart_labels_and_values_are_indexed(bundled: Build) -> None:
    # Pagefind reads no SVG: each chart's labels and values stand once more as hidden text.
    path = "packages/samarbejdsprojekter-kortlaegning/presentations/kortlaegning/"
    page = bundled.html(path + "index.html")
    labels = [text.get_text() for text in page.select(".kd-chart__svg .kd-chart__label")]
    values = [text.get_text() for text in page.select(".kd-chart__svg .kd-chart__value")]
    assert labels and values
    content = next(f["content"] for f in fragments(bundled.site) if f["url"] == "/" + path)
    for label in labels:
        assert label in content, label
    for described in page.select(".kd-chart__text"):
        assert described.has_attr("hidden")
        assert described.get_text() in content


def test_the_guide_pages_carry_the_filter_that_sets_them_apart(bundled: Build) -> None:
    parts = {
        fragment["url"]: fragment["filters"].get("part") for fragment in fragments(bundled.site)
    }
    assert parts["/guide/"] == parts["/guide/gathering/"] == ["guide"]
    assert parts["/"] is parts[f"/gatherings/{BUNDLED_GATHERING}/"] is None
    assert {url for url, found in parts.items() if found} == {
        url for url in parts if url.startswith("/guide/")
    }


@pytest.mark.parametrize(
    ("src_uri", "expected"),
    [
        ("guide/index.md", "guide"),
        ("guide/gathering.md", "guide"),
        ("da/guide/index.md", "guide"),
        ("guide-en/index.md", "guide"),
        ("guide.md", "site"),
        ("guidelines/index.md", "site"),
        ("index.md", "site"),
        ("gatherings/guide.md", "site"),
        ("", "site"),
    ],
)
def test_the_author_guide_is_its_own_part(src_uri: str, expected: str) -> None:
    assert part(src_uri) == expected


def test_a_large_site_is_indexed_in_parts_that_together_hold_every_page(
    indexed_in_parts: Build,
) -> None:
    site = indexed_in_parts.site
    listed = entry(indexed_in_parts)[ENTRY_PARTS]
    assert len(listed) >= 2
    pages = [p for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text("utf-8")]
    counted = 0
    for bundled_part in [{"path": ""}, *listed]:
        bundle = site / "pagefind" / str(bundled_part["path"])
        languages = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))["languages"]
        counted += sum(language["page_count"] for language in languages.values())
        if bundled_part["path"]:
            assert sorted(languages) == bundled_part["languages"]
            # The search box runs the first bundle's script and WebAssembly, never a part's.
            assert not [*bundle.glob("*.js"), *bundle.glob("wasm.*")]
    # Every indexed page is in one part, none twice.
    urls = [fragment["url"] for fragment in fragments(site)]
    assert counted == len(pages) == len(urls) == len(set(urls))
    # The first part holds every language, for Pagefind starts there in the page's language.
    first = set(entry(indexed_in_parts)["languages"])
    assert first == {lang for part in listed for lang in part["languages"]} | first
    assert {"nb", "nn", "da", "en"} <= first


@settings(max_examples=60, deadline=None)
@given(
    pages=st.lists(
        st.tuples(st.sampled_from(["nb", "nn", "da", "en"]), st.integers(1, 5000)),
        min_size=1,
        max_size=40,
    ),
    run_bytes=st.integers(1000, 60000),
)
def test_split_keeps_every_page_once_spreads_them_evenly_and_starts_with_every_language(
    pages: list[tuple[str, int]], run_bytes: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        names = []
        for number, (language, size) in enumerate(pages):
            name = f"p{number}/index.html"
            (site / name).parent.mkdir()
            head = f'<!doctype html><html lang="{language}">'
            (site / name).write_text(head + "x" * max(0, size - len(head)), "utf-8")
            names.append(name)
        runs = split(site, names, run_bytes)
    assert sorted(page for chosen in runs for page in chosen) == sorted(names)
    total = sum(max(size, 38) for _, size in pages)
    assert len(runs) <= max(1, -(-total // run_bytes))
    first = {pages[int(name[1:].split("/")[0])][0] for name in runs[0]}
    assert first == {language for language, _ in pages}
    counts = [len(chosen) for chosen in runs]
    languages = len({language for language, _ in pages})
    assert max(counts) - min(counts) <= languages


def test_the_line_naming_a_pages_series_stays_out(bundled: Build) -> None:
    # "Part of: <series>" repeats the series' title, found on the series' own page.
    meetings = list((bundled.site / "series").glob("*/*/index.html"))
    assert meetings
    for meeting in meetings:
        relative = str(meeting.relative_to(bundled.site))
        root = indexed_root(bundled, relative)
        assert root is not None, relative
        kickers = root.select(".kd-kicker")
        assert kickers and all(kicker.has_attr("data-search-exclude") for kicker in kickers)
    overview = indexed_text(bundled, "series/kulturspor/index.html")
    assert "Samarbejdsmodel for Kulturspor" in overview
    assert "Samarbejdsmodel" not in indexed_text(
        bundled, "series/kulturspor/opstartsmoede/index.html"
    )


@pytest.mark.parametrize(
    ("set_by_caller", "used"), [(None, "narenas:1"), ("narenas:4", "narenas:4")]
)
def test_pagefind_runs_with_one_allocator_arena_unless_its_caller_sets_its_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, set_by_caller: str | None, used: str
) -> None:
    if set_by_caller is None:
        monkeypatch.delenv(ALLOCATOR, raising=False)
    else:
        monkeypatch.setenv(ALLOCATOR, set_by_caller)
    seen: dict[str, str] = {}

    def run(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
        seen.update(options["env"])
        bundle = Path(command[command.index("--output-path") + 1])
        bundle.mkdir(parents=True)
        (bundle / "pagefind-entry.json").write_text('{"languages": {"nb": {"page_count": 3}}}')
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(search.subprocess, "run", run)
    assert search.index_site(tmp_path) == 3
    assert seen[ALLOCATOR] == used
    assert seen["PATH"] == os.environ["PATH"]
